//! Images (map tiles, logos, avatars) for the page, fetched here rather than by the
//! webview: only from the result's profile's tile and asset URLs, only images, size
//! capped. The page's CSP then allows no remote host at all.

use std::time::Duration;

use crate::error::ConsoleError;
use crate::profiles::ca_file::read_ca_file;
mod cache;

use crate::profiles::profile::{Profile, TILE_SUBDOMAINS};
use crate::support::lock::lock;
use crate::support::url_prefix::url_under;
use cache::ImageCache;

pub const MAX_IMAGE_BYTES: u64 = 1024 * 1024;
/// An image is a convenience: it gives up sooner than a lookup.
const IMAGE_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const IMAGE_TIMEOUT: Duration = Duration::from_secs(15);
/// The image types served to the page.
pub const ALLOWED_TYPES: &[&str] = &["image/png", "image/jpeg", "image/webp", "image/gif"];

/// One pooled client per network setting (proxy, CA file): images take the same way to
/// the network as the profile's lookups. The last images fetched are kept (bounded).
#[derive(Debug, Default)]
pub struct ImageFetcher {
    /// Keyed by the proxy the image's host is reached through and the CA file's SHA-256.
    clients: std::sync::Mutex<std::collections::HashMap<ClientKey, reqwest::Client>>,
    cache: ImageCache,
}

/// The proxy (normalised) and the CA file's SHA-256 a client was built with.
type ClientKey = (Option<String>, Option<String>);

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
    fn client_for(&self, profile: &Profile, url: &url::Url) -> Result<reqwest::Client, String> {
        let proxy = op_api::effective_proxy(&profile.proxy, url).map_err(|e| e.to_string())?;
        let ca = profile.ca_file.as_deref().map(read_ca_file).transpose().map_err(|e| e.to_string())?;
        let key = (proxy.as_ref().map(|p| p.to_string()), ca.as_ref().map(|c| c.sha256.clone()));
        if let Some(client) = lock(&self.clients).get(&key) {
            return Ok(client.clone());
        }
        let client = op_api::http_client(op_api::HttpSettings {
            proxy: proxy.as_ref(),
            extra_roots_pem: ca.as_ref().map(|c| c.bytes.as_slice()),
            connect_timeout: IMAGE_CONNECT_TIMEOUT,
            timeout: IMAGE_TIMEOUT,
        })
        .map_err(|e| e.to_string())?;
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
        let parsed = url::Url::parse(url).map_err(|e| failed(e.to_string()))?;
        let http = self.client_for(profile, &parsed).map_err(|e| failed(format!("no HTTP client: {e}")))?;
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
        let bytes = op_api::read_capped(&mut response, MAX_IMAGE_BYTES).await.map_err(|e| match e {
            op_api::BodyError::TooLarge => failed("the image is larger than 1 MiB".into()),
            op_api::BodyError::Read(e) => failed(e.without_url().to_string()),
        })?;
        Ok(Image { content_type, bytes })
    }
}

/// Under the profile's tile URL (up to its first placeholder) or its asset base URL:
/// both parsed and normalised, then compared by scheme, host, port and path prefix
/// (`url_under`), so that no spelling (`..`, `%2e%2e`, `@`, `\\`) steps elsewhere.
///
/// Never with a query or fragment (data a compromised page wants to carry out), and never
/// to this machine or a private, link-local or unique-local address unless the profile's
/// own server is on one (a page could otherwise probe the operator's network).
pub fn image_allowed(profile: &Profile, url: &str) -> bool {
    let Ok(candidate) = url::Url::parse(url) else { return false };
    if !matches!(candidate.scheme(), "http" | "https") || candidate.query().is_some() || candidate.fragment().is_some()
    {
        return false;
    }
    let server_is_internal = op_api::parse_base_url(&profile.base_url).is_ok_and(|base| is_internal(&base));
    if is_internal(&candidate) && !server_is_internal {
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

/// This machine, or an address of a private network: a literal IP in 127/8, 10/8,
/// 172.16/12, 192.168/16, 169.254/16, 100.64/10, 0/8, ::1, fc00::/7, fe80::/10, or `localhost`.
fn is_internal(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => {
            let [a, b, ..] = ip.octets();
            ip.is_loopback()
                || ip.is_private()
                || ip.is_link_local()
                || ip.is_unspecified()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
        }
        Some(url::Host::Ipv6(ip)) => {
            let first = ip.segments()[0];
            ip.is_loopback()
                || ip.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_internal(&url::Url::parse(&format!("http://{v4}/")).unwrap()))
        }
        Some(url::Host::Domain(_)) => op_api::is_loopback(url),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::profile::{CoordSystem, TileLayer};

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
            "https://cdn.example.com/img/a.png?customer=u0001",
            "https://cdn.example.com/img/a.png#u0001",
            "https://tiles.example.com/osm/3/4/5.png?",
        ] {
            assert!(!image_allowed(&p, refused), "{refused}");
        }
        assert!(!image_allowed(&Profile::new("q", "Q", "https://h", "c"), "https://tiles.example.com/osm/1/1/1.png"));
    }

    #[test]
    fn the_image_fetcher_is_no_request_gun_for_the_operator_s_network() {
        let mut p = profile();
        for internal in [
            "http://10.0.0.5/img",
            "http://192.168.1.1/img",
            "http://127.0.0.1:6379/img",
            "http://169.254.169.254/img",
            "http://[::1]/img",
            "http://[fd00::1]/img",
            "http://localhost:9200/img",
            "http://[::ffff:10.0.0.5]/img",
        ] {
            p.asset_base_url = Some(internal.into());
            assert!(!image_allowed(&p, &format!("{internal}/a.png")), "{internal} from a profile on a public server");
        }
        // A profile whose own server is on this machine (the demo, op-sim) may take its images there.
        p.base_url = "http://127.0.0.1:8787".into();
        p.asset_base_url = Some("http://127.0.0.1:8787/assets".into());
        assert!(image_allowed(&p, "http://127.0.0.1:8787/assets/a.png"));
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
