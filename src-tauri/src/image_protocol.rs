//! `opimg://localhost/<profile id>/<url-encoded URL>` (`http://opimg.localhost/…` on
//! Windows): the page's only way to show a remote image. console-core checks the URL
//! against that profile (the result's, not the one selected now) and fetches it; the CSP
//! allows no remote host.

use console_core::{Console, ConsoleError};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

pub const SCHEME: &str = "opimg";

pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().trim_start_matches('/').to_owned();
    tauri::async_runtime::spawn(async move {
        let parts =
            path.split_once('/').and_then(|(profile, encoded)| Some((profile.to_owned(), percent_decode(encoded)?)));
        let response = match parts {
            None => status(StatusCode::BAD_REQUEST),
            Some((profile, url)) => match app.state::<Console>().image(&profile, &url).await {
                Ok(image) => Response::builder()
                    .header(header::CONTENT_TYPE, image.content_type)
                    .header(header::CACHE_CONTROL, "max-age=3600")
                    // An image, never a document: no sniffing into HTML, nothing it could load.
                    .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
                    .header(header::CONTENT_SECURITY_POLICY, "default-src 'none'")
                    .body(image.bytes)
                    .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
                Err(ConsoleError::ImageRefused { .. }) => status(StatusCode::FORBIDDEN),
                Err(_) => status(StatusCode::BAD_GATEWAY),
            },
        };
        responder.respond(response);
    });
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response.headers_mut().insert(header::X_CONTENT_TYPE_OPTIONS, header::HeaderValue::from_static("nosniff"));
    response
}

fn percent_decode(text: &str) -> Option<String> {
    percent_encoding::percent_decode_str(text).decode_utf8().ok().map(|s| s.into_owned())
}
