//! The images the page showed last (map tiles, logos, avatars), kept encoded and bounded
//! in bytes: a map moved back to a place it showed a moment ago needs no network.

use std::collections::VecDeque;
use std::sync::Mutex;

use crate::images::Image;
use crate::support::lock::lock;

/// A few screens of tiles (a tile is 10–40 KiB): bounded, whatever the day's lookups.
pub const IMAGE_CACHE_BYTES: usize = 8 * 1024 * 1024;
/// And in number: tiny images (a 1×1 logo) would otherwise keep thousands of URLs.
pub const IMAGE_CACHE_ENTRIES: usize = 512;

#[derive(Debug, Default)]
pub struct ImageCache {
    /// Most recently used last; keyed by profile and URL (profiles may reach different hosts).
    entries: Mutex<VecDeque<((String, String), Image)>>,
}

impl ImageCache {
    pub fn get(&self, profile_id: &str, url: &str) -> Option<Image> {
        let mut entries = lock(&self.entries);
        let at = entries.iter().position(|((p, u), _)| p == profile_id && u == url)?;
        let entry = entries.remove(at)?;
        let image = entry.1.clone();
        entries.push_back(entry);
        Some(image)
    }

    pub fn put(&self, profile_id: &str, url: &str, image: Image) {
        let mut entries = lock(&self.entries);
        entries.retain(|((p, u), _)| !(p == profile_id && u == url));
        entries.push_back(((profile_id.to_owned(), url.to_owned()), image));
        let mut total: usize = entries.iter().map(|(_, image)| image.bytes.len()).sum();
        while total > IMAGE_CACHE_BYTES || entries.len() > IMAGE_CACHE_ENTRIES {
            let Some((_, oldest)) = entries.pop_front() else { break };
            total -= oldest.bytes.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(kib: usize) -> Image {
        Image { content_type: "image/png".into(), bytes: vec![0; kib * 1024] }
    }

    #[test]
    fn serves_what_it_kept_per_profile_and_stays_within_its_bytes() {
        let cache = ImageCache::default();
        cache.put("a", "https://tiles/1.png", image(10));
        assert_eq!(cache.get("a", "https://tiles/1.png").map(|i| i.bytes.len()), Some(10 * 1024));
        assert!(cache.get("b", "https://tiles/1.png").is_none());
        for i in 0..2000 {
            cache.put("a", &format!("https://tiles/{i}.png"), image(40));
        }
        let kept: usize = lock(&cache.entries).iter().map(|(_, i)| i.bytes.len()).sum();
        assert!(kept <= IMAGE_CACHE_BYTES, "{kept}");
        assert!(cache.get("a", "https://tiles/1999.png").is_some(), "the newest stays");
        assert!(cache.get("a", "https://tiles/0.png").is_none(), "the oldest went");
    }

    #[test]
    fn tiny_images_are_bounded_in_number_too() {
        let cache = ImageCache::default();
        for i in 0..5000 {
            cache.put(
                "a",
                &format!("https://cdn/{i}.png"),
                Image { content_type: "image/png".into(), bytes: vec![0; 8] },
            );
        }
        assert_eq!(lock(&cache.entries).len(), IMAGE_CACHE_ENTRIES);
        assert!(cache.get("a", "https://cdn/4999.png").is_some());
    }
}
