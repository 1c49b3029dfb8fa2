//! Images for the demo, so that it needs no server but op-sim: a plain map tile at
//! `/tiles/{z}/{x}/{y}.png` and a placeholder for any logo or avatar at `/assets/{name}`.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

/// A 256×256 light grid: clearly "demo", not a real map.
const TILE_PNG: &[u8] = include_bytes!("../data/tile.png");

const ASSET_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" rx="20" fill="#2f6fde"/><text x="50" y="62" font-family="sans-serif" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">OP</text></svg>"##;

pub(crate) fn serve(path: &str) -> Option<Response> {
    if let Some(rest) = path.strip_prefix("/tiles/") {
        let parts: Vec<&str> = rest.trim_end_matches(".png").split('/').collect();
        let numeric = parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        return numeric
            .then(|| ([(CONTENT_TYPE, "image/png"), (CACHE_CONTROL, "max-age=86400")], TILE_PNG).into_response());
    }
    if let Some(name) = path.strip_prefix("/assets/") {
        let plain = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        return plain
            .then(|| ([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "max-age=86400")], ASSET_SVG).into_response());
    }
    None
}
