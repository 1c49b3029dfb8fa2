//! Images for the demo, so that it needs no server but op-sim: a plain map tile at
//! `/tiles/{z}/{x}/{y}.png` and a placeholder for any logo or avatar at `/assets/{name}`.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

/// A 256×256 light grid: clearly "demo", not a real map.
const TILE_PNG: &[u8] = include_bytes!("../data/tile.png");

/// "OP" on blue, 100×100: the placeholder for every logo and avatar. A PNG, since the
/// console serves only PNG, JPEG, WebP and GIF to its page.
const ASSET_PNG: &[u8] = include_bytes!("../data/asset.png");

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
            .then(|| ([(CONTENT_TYPE, "image/png"), (CACHE_CONTROL, "max-age=86400")], ASSET_PNG).into_response());
    }
    None
}
