//! One request: check it as the real API would, then answer as the user's [`Reply`] says.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, HOST};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use tokio::sync::watch;

use crate::bodies::JSON;
use crate::codes;
use crate::config::SimConfig;
use crate::sign_oracle::{expected_sign, Received};
use crate::users::Reply;

pub(crate) struct SimState {
    pub(crate) config: SimConfig,
    pub(crate) requests: AtomicUsize,
    pub(crate) via_proxy: AtomicUsize,
    /// `http` or `https`: part of the URL the client signed.
    pub(crate) scheme: &'static str,
    pub(crate) shutdown: watch::Receiver<bool>,
}

pub(crate) async fn handle(
    State(state): State<Arc<SimState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    state.requests.fetch_add(1, Ordering::SeqCst);
    if headers.contains_key(axum::http::header::VIA) {
        state.via_proxy.fetch_add(1, Ordering::SeqCst);
    }
    let raw_query = uri.query().unwrap_or_default();
    if method == Method::GET {
        if let Some(response) = crate::static_images::serve(uri.path()) {
            return response;
        }
    }
    if !uri.path().ends_with(op_api::ENDPOINT_PATH) {
        tracing::info!(%method, path = uri.path(), query = %redact_query(raw_query), "not found");
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    if method != Method::POST {
        return (StatusCode::METHOD_NOT_ALLOWED, "use POST").into_response();
    }
    let started = Instant::now();
    let user_id = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get("userId").and_then(|u| u.as_str()).map(str::to_owned));
    let host = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let response = lookup(&state, host, uri.path(), raw_query, &body, user_id.as_deref()).await;
    // Logged once answered: `server_us` is the time spent here, which the benchmark
    // separates from the client's part of a lookup.
    tracing::info!(
        %method,
        path = uri.path(),
        user_id = user_id.as_deref().unwrap_or("-"),
        query = %redact_query(raw_query),
        server_us = started.elapsed().as_micros() as u64,
        "lookup"
    );
    response
}

async fn lookup(
    state: &SimState,
    host: &str,
    path: &str,
    raw_query: &str,
    body: &[u8],
    user_id: Option<&str>,
) -> Response {
    if let Err((code, message)) = check_request(&state.config, state.scheme, host, path, raw_query, body) {
        return envelope(code, message, serde_json::Value::Null);
    }
    let Some(user_id) = user_id else {
        return envelope(codes::BAD_BODY, "请求体缺少 userId", serde_json::Value::Null);
    };
    match state.config.users.get(user_id) {
        None => envelope(codes::USER_NOT_FOUND, "用户不存在", serde_json::Value::Null),
        Some(Reply::Raw { status, body, bom, location, charset, content_encoding }) => {
            // `{query}` echoes the request's query, token and sign included, as a careless
            // server's error page does: what the console must never show unredacted.
            let body = body.replace("{query}", raw_query);
            raw(*status, body, *bom, location.clone(), charset.clone(), content_encoding.clone())
        }
        Some(reply) => answer(reply.clone(), state.scheme, host, state.shutdown.clone()).await,
    }
}

/// The checks the real API makes, in its order: version, client, token, sign.
fn check_request(
    config: &SimConfig,
    scheme: &str,
    host: &str,
    path: &str,
    raw_query: &str,
    body: &[u8],
) -> Result<(), (i64, &'static str)> {
    let params: Vec<(String, String)> =
        url::form_urlencoded::parse(raw_query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if param("apiVersion") != Some(config.api_version.as_str()) {
        return Err((codes::BAD_API_VERSION, "不支持的 apiVersion"));
    }
    if param("client") != Some(config.client_id.as_str()) {
        return Err((codes::UNKNOWN_CLIENT, "未知的 client"));
    }
    if param("token") != Some(config.token.as_str()) {
        return Err((codes::TOKEN_REJECTED, "token 无效或已过期"));
    }
    let Some(sign) = param("sign") else {
        return Err((codes::BAD_SIGN, "缺少 sign"));
    };
    // The URL as the client built it: the raw query as received, less its sign.
    let unsigned_query =
        raw_query.split('&').filter(|pair| pair.split('=').next() != Some("sign")).collect::<Vec<_>>().join("&");
    let url = format!("{scheme}://{host}{path}?{unsigned_query}");
    let unsigned_params: Vec<(String, String)> = params.iter().filter(|(k, _)| k != "sign").cloned().collect();
    let received = Received { method: op_api::METHOD, url: &url, path, params: &unsigned_params, body };
    match expected_sign(&config.sign_rule, &config.secret, &received) {
        Some(expected) if expected == sign => Ok(()),
        _ => Err((codes::BAD_SIGN, "签名错误")),
    }
}

async fn answer(reply: Reply, scheme: &str, host: &str, mut shutdown: watch::Receiver<bool>) -> Response {
    match reply {
        Reply::Slow { delay_ms, data } => {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(delay_ms)) => text_answer(&Reply::Chat { data }, scheme, host),
                _ = shutdown.wait_for(|stop| *stop) => (StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response(),
            }
        }
        Reply::Oversized { bytes } => oversized(bytes),
        Reply::CloseMidBody => close_mid_body(),
        Reply::Raw { status, body, bom, location, charset, content_encoding } => {
            raw(status, body, bom, location, charset, content_encoding)
        }
        other => text_answer(&other, scheme, host),
    }
}

/// The answer as `bodies::reply_text` writes it (the tests and the UI's fixtures read the
/// same text), with the server's own address for `{base}`.
fn text_answer(reply: &Reply, scheme: &str, host: &str) -> Response {
    let base = format!("{scheme}://{host}");
    match crate::bodies::reply_text(reply, &base, &crate::bodies::operation_time_now()) {
        Some((status, body)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(CONTENT_TYPE, crate::bodies::content_type(reply))], body).into_response()
        }
        None => (StatusCode::INTERNAL_SERVER_ERROR, "no body for this reply").into_response(),
    }
}

/// A valid beginning, then padding, in 64 KiB chunks: no Content-Length, so only a
/// client that counts while it reads notices.
fn oversized(total: usize) -> Response {
    const CHUNK: usize = 64 * 1024;
    let head = Bytes::from_static(br#"{"code":200,"message":"OK","data":{"subtitle":""#);
    let chunks = std::iter::once(head).chain((0..total.div_ceil(CHUNK)).map(|_| Bytes::from(vec![b'x'; CHUNK])));
    let stream = futures_util::stream::iter(chunks.map(Ok::<_, std::io::Error>));
    ([(CONTENT_TYPE, JSON)], Body::from_stream(stream)).into_response()
}

/// An answer exactly as given: status, body (after a BOM when asked) in its charset,
/// `Location`, `Content-Encoding`.
fn raw(
    status: u16,
    body: String,
    bom: bool,
    location: Option<String>,
    charset: Option<String>,
    content_encoding: Option<String>,
) -> Response {
    use axum::http::{header, HeaderValue};
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    let encoding = charset.as_deref().and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    match encoding {
        Some(encoding) => bytes.extend_from_slice(&encoding.encode(&body).0),
        None => bytes.extend_from_slice(body.as_bytes()),
    }
    let content_type = match &charset {
        Some(label) => format!("application/json;charset={label}"),
        None => JSON.to_owned(),
    };
    let mut response = (status, bytes).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(value) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(header::LOCATION, value);
    }
    if let Some(value) = content_encoding.and_then(|e| HeaderValue::from_str(&e).ok()) {
        headers.insert(header::CONTENT_ENCODING, value);
    }
    response
}

/// Half a body, then the connection drops.
fn close_mid_body() -> Response {
    let first = Bytes::from_static(br#"{"code":200,"message":"OK","data":{"subtitle":"half"#);
    let stream = futures_util::stream::unfold(0u8, move |step| {
        let first = first.clone();
        async move {
            match step {
                0 => Some((Ok(first), 1)),
                1 => {
                    // Let the server flush what it has before the failure: a real drop
                    // happens after bytes were on the wire.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    Some((Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "simulated drop")), 2))
                }
                _ => None,
            }
        }
    });
    ([(CONTENT_TYPE, JSON)], Body::from_stream(stream)).into_response()
}

/// The spec's envelope, with a foot like the real server's.
fn envelope(code: i64, message: &str, data: serde_json::Value) -> Response {
    let body = crate::bodies::envelope_text(code, message, data, &crate::bodies::operation_time_now());
    ([(CONTENT_TYPE, JSON)], body).into_response()
}

/// The query for the log: `token` and `sign` values replaced by `***`.
pub(crate) fn redact_query(raw_query: &str) -> String {
    raw_query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k == "token" || k == "sign" => format!("{k}=***"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_query_hides_token_and_sign() {
        assert_eq!(
            redact_query("apiVersion=01&client=c&token=o0001secret&sign=abc"),
            "apiVersion=01&client=c&token=***&sign=***"
        );
    }
}
