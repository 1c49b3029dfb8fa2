//! Images (map tiles, logos, avatars) for the page, fetched here rather than by the
//! webview: only from the selected profile's tile and asset URLs, only images, size
//! capped. The page's CSP then allows no remote host at all.

use std::time::Duration;

use crate::error::ConsoleError;
use crate::image_cache::ImageCache;
use crate::lock::lock;
use crate::profile::{read_ca_file, Profile, TILE_SUBDOMAINS};
use crate::url_prefix::url_under;

pub const MAX_IMAGE_BYTES: u64 = 1024 * 1024;
/// The image types served to the page.
pub const ALLOWED_TYPES: &[&str] = &["image/png", "image/jpeg", "image/webp", "image/gif"];

/// One pooled client per network setting (proxy, CA file): images take the same way to
/// the network as the profile's lookups. The last images fetched are kept (bounded).
#[derive(Debug, Default)]
pub struct ImageFetcher {
    /// Keyed by the proxy setting (as JSON) and the CA file.
    clients: std::sync::Mutex<std::collections::HashMap<(String, Option<String>), reqwest::Client>>,
    cache: ImageCache,
}

/// A fetched image: its content type and bytes.
#[derive(Debug, Clone)]
pub struct Image {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl ImageFetcher {
    pub fn new() -> Self {
        Self::default()
    }

    /// The client for the profile's network settings; if one cannot be built, the fetch
    /// says why (a default client would follow redirects off the allowed hosts).
    fn client_for(&self, profile: &Profile) -> Result<reqwest::Client, String> {
        let key = (serde_json::to_string(&profile.proxy).unwrap_or_default(), profile.ca_file.clone());
        if let Some(client) = lock(&self.clients).get(&key) {
            return Ok(client.clone());
        }
        let pem = profile.ca_file.as_deref().map(read_ca_file).transpose().map_err(|e| e.to_string())?;
        let builder = op_api::client_builder(&profile.proxy, pem.as_deref())
            .map_err(|e| e.to_string())?
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .user_agent(format!("OpConsole/{}", env!("CARGO_PKG_VERSION")));
        let client = builder.build().map_err(|e| e.to_string())?;
        lock(&self.clients).insert(key, client.clone());
        Ok(client)
    }

    pub async fn fetch(&self, profile: &Profile, url: &str) -> Result<Image, ConsoleError> {
        // Checked before the cache too: the profile may have been re-pointed since.
        if !image_allowed(profile, url) {
            return Err(ConsoleError::ImageRefused { url: url.chars().take(200).collect() });
        }
        if let Some(image) = self.cache.get(&profile.id, url) {
            return Ok(image);
        }
        let image = self.download(profile, url).await?;
        self.cache.put(&profile.id, url, image.clone());
        Ok(image)
    }

    async fn download(&self, profile: &Profile, url: &str) -> Result<Image, ConsoleError> {
        let failed = |detail: String| ConsoleError::ImageFailed { detail };
        let http = self.client_for(profile).map_err(|e| failed(format!("no HTTP client: {e}")))?;
        let mut response = http.get(url).send().await.map_err(|e| failed(e.without_url().to_string()))?;
        if !response.status().is_success() {
            return Err(failed(format!("HTTP {}", response.status().as_u16())));
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        // Raster images only: an SVG is a document that can hold script and links.
        let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        if !ALLOWED_TYPES.contains(&essence.as_str()) {
            return Err(failed(format!("not a PNG, JPEG, WebP or GIF image ({content_type})")));
        }
        let content_type = essence;
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| failed(e.without_url().to_string()))? {
            if bytes.len() as u64 + chunk.len() as u64 > MAX_IMAGE_BYTES {
                return Err(failed("the image is larger than 1 MiB".into()));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Image { content_type, bytes })
    }
}

/// Under the profile's tile URL (up to its first placeholder) or its asset base URL:
/// both parsed and normalised, then compared by scheme, host, port and path prefix
/// (`url_under`), so that no spelling (`..`, `%2e%2e`, `@`, `\\`) steps elsewhere.
pub fn image_allowed(profile: &Profile, url: &str) -> bool {
    let Ok(candidate) = url::Url::parse(url) else { return false };
    if !matches!(candidate.scheme(), "http" | "https") {
        return false;
    }
    let mut prefixes: Vec<String> = Vec::new();
    if let Some(tiles) = &profile.tiles {
        // Each subdomain `{s}` may stand for; the prefix is the folder before the first
        // placeholder, so `{z}/{x}/{y}@2x.png` templates work too.
        for subdomain in TILE_SUBDOMAINS {
            let template = tiles.url_template.replace("{s}", subdomain);
            let before = template.split('{').next().unwrap_or_default();
            prefixes.push(before[..before.rfind('/').map_or(0, |i| i + 1)].to_owned());
        }
    }
    if let Some(assets) = &profile.asset_base_url {
        prefixes.push(format!("{}/", assets.trim_end_matches('/')));
    }
    prefixes
        .iter()
        .filter_map(|prefix| url::Url::parse(prefix).ok())
        .any(|prefix| url_under(&prefix, &candidate) && candidate.path() != prefix.path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{CoordSystem, TileLayer};

    fn profile() -> Profile {
        let mut p = Profile::new("p", "P", "https://op.example.com", "c");
        p.tiles = Some(TileLayer {
            url_template: "https://tiles.example.com/osm/{z}/{x}/{y}.png".into(),
            attribution: String::new(),
            coord_system: CoordSystem::Wgs84,
        });
        p.asset_base_url = Some("https://cdn.example.com/img".into());
        p
    }

    #[test]
    fn only_the_profile_s_tile_and_asset_urls() {
        let p = profile();
        assert!(image_allowed(&p, "https://tiles.example.com/osm/3/4/5.png"));
        assert!(image_allowed(&p, "https://cdn.example.com/img/logo_100.png"));
        for refused in [
            "https://tiles.example.com/other/3/4/5.png",
            "https://cdn.example.com/imgx/a.png",
            "https://cdn.example.com/img/../secret.png",
            "https://cdn.example.com@evil.com/img/a.png",
            "https://evil.com@cdn.example.com/img/a.png",
            "https://cdn.example.com/img/%2e%2e/secret.png",
            "https://cdn.example.com/img/..%2fsecret.png",
            "https://cdn.example.com/img/",
            "http://cdn.example.com/img/a.png",
            "https://evil.example.com/osm/1/2/3.png",
            "file:///etc/passwd",
            "not a url",
        ] {
            assert!(!image_allowed(&p, refused), "{refused}");
        }
        assert!(!image_allowed(&Profile::new("q", "Q", "https://h", "c"), "https://tiles.example.com/osm/1/1/1.png"));
    }

    #[test]
    fn retina_templates() {
        let mut p = profile();
        p.tiles.as_mut().unwrap().url_template = "https://tiles.example.com/osm/{z}/{x}/{y}@2x.png".into();
        assert!(image_allowed(&p, "https://tiles.example.com/osm/3/4/5@2x.png"));
        assert!(!image_allowed(&p, "https://tiles.example.com/other/3/4/5@2x.png"));
    }

    /// An independent reading of where a URL really points: percent-decoded, dot segments
    /// resolved, as a lax server might route it.
    fn routed_path(url: &str) -> Option<(String, String)> {
        let parsed = url::Url::parse(url).ok()?;
        let decoded = percent_encoding::percent_decode_str(parsed.path()).decode_utf8_lossy().replace('\\', "/");
        let mut segments: Vec<&str> = Vec::new();
        for segment in decoded.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    segments.pop();
                }
                other => segments.push(other),
            }
        }
        Some((parsed.host_str()?.to_owned(), format!("/{}", segments.join("/"))))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        #[test]
        fn the_allow_list_never_admits_a_url_outside_its_prefix(
            tail in proptest::collection::vec(proptest::sample::select(vec![
                "a", "img", "..", ".", "%2e", "%2E%2e", "%2f", "%5c", "\\", "@", "evil.com", "?", "#", ":", "%00", "x.png", "",
            ]), 0..6),
            host in proptest::sample::select(vec!["cdn.example.com", "cdn.example.com.evil.com", "user@cdn.example.com", "CDN.example.com"]),
        ) {
            let url = format!("https://{host}/img/{}", tail.join("/"));
            if image_allowed(&profile(), &url) {
                let (routed_host, path) = routed_path(&url).unwrap();
                proptest::prop_assert_eq!(routed_host, "cdn.example.com", "{}", url);
                proptest::prop_assert!(path == "/img" || path.starts_with("/img/"), "{} routes to {}", url, path);
            }
        }
    }

    #[test]
    fn subdomain_templates() {
        let mut p = profile();
        p.tiles.as_mut().unwrap().url_template = "https://{s}.tile.example.org/{z}/{x}/{y}.png".into();
        assert!(image_allowed(&p, "https://a.tile.example.org/3/4/5.png"));
        assert!(image_allowed(&p, "https://c.tile.example.org/3/4/5.png"));
        assert!(!image_allowed(&p, "https://evil.tile.example.org/3/4/5.png"));
    }
}
