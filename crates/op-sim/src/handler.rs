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

const JSON: &str = "application/json;charset=UTF-8";

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
        Some(Reply::Raw { status, body, bom, location }) => {
            // `{query}` echoes the request's query, token and sign included, as a careless
            // server's error page does: what the console must never show unredacted.
            raw(*status, body.replace("{query}", raw_query), *bom, location.clone())
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
        Reply::Chat { data } => envelope(codes::OK, "成功", with_base(data, scheme, host)),
        Reply::NoChat => envelope(codes::OK, "成功", serde_json::Value::Null),
        Reply::ApiError { code, message } => envelope(code, &message, serde_json::Value::Null),
        Reply::Http500 => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(CONTENT_TYPE, "text/html;charset=UTF-8")],
            "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>java.lang.NullPointerException at com.op.ChatController</p></body></html>",
        )
            .into_response(),
        Reply::MalformedJson => ([(CONTENT_TYPE, JSON)], r#"{"code": 200, "message": "成功", "data": {"chatId": "u0001"#)
            .into_response(),
        Reply::Slow { delay_ms, data } => {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(delay_ms)) => envelope(codes::OK, "成功", data),
                _ = shutdown.wait_for(|stop| *stop) => (StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response(),
            }
        }
        Reply::Oversized { bytes } => oversized(bytes),
        Reply::CloseMidBody => close_mid_body(),
        Reply::Raw { status, body, bom, location } => raw(status, body, bom, location),
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

/// `{base}` in a user's data is this server's own address, which a users file cannot
/// know in advance (the port is chosen at start).
fn with_base(data: serde_json::Value, scheme: &str, host: &str) -> serde_json::Value {
    let text = data.to_string();
    if !text.contains("{base}") {
        return data;
    }
    let base = serde_json::to_string(&format!("{scheme}://{host}")).unwrap_or_default();
    serde_json::from_str(&text.replace("{base}", base.trim_matches('"'))).unwrap_or(data)
}

/// An answer exactly as given: status, body (after a BOM when asked), `Location`.
fn raw(status: u16, body: String, bom: bool, location: Option<String>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    bytes.extend_from_slice(body.as_bytes());
    let mut response = (status, [(CONTENT_TYPE, JSON)], bytes).into_response();
    if let Some(location) = location.and_then(|l| axum::http::HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(axum::http::header::LOCATION, location);
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
    let operation_time = op_api::model::Timestamp::from_epoch_ms(chrono::Utc::now().timestamp_millis())
        .to_api_datetime()
        .unwrap_or_default();
    let body = serde_json::json!({
        "code": code,
        "message": message,
        "data": data,
        "page": null,
        "foot": { "operationTime": operation_time, "servicePhone": "400800400", "host": "op-sim" },
    });
    ([(CONTENT_TYPE, JSON)], body.to_string()).into_response()
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
