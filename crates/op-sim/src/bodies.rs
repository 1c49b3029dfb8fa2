//! The text op-sim answers with for a user's [`Reply`]: written once, for the server, the
//! drift corpus test and the UI's fixtures, which all need "the answer for this entry".

use serde_json::Value;

use crate::codes;
use crate::users::{FloodShape, Reply};

/// The body of an HTTP 500 (`Reply::Http500`): an application server's error page.
pub const HTTP_500_PAGE: &str = "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>java.lang.NullPointerException at com.op.ChatController</p></body></html>";

/// The envelope's JSON body with a foot like the real server's.
pub fn envelope_text(code: i64, message: &str, data: Value, operation_time: &str) -> String {
    serde_json::json!({
        "code": code,
        "message": message,
        "data": data,
        "page": null,
        "foot": { "operationTime": operation_time, "servicePhone": "400800400", "host": "op-sim" },
    })
    .to_string()
}

/// `yyyy-MM-dd HH:mm:ss` now, as the real server's foot says when it answered.
pub fn operation_time_now() -> String {
    op_api::model::Timestamp::from_epoch_ms(chrono::Utc::now().timestamp_millis())
        .to_utc8_datetime()
        .unwrap_or_default()
}

/// The status and the text of the answer for `reply`, with `{base}` as the server's own
/// address (`http://127.0.0.1:8787`); `None` for replies that are about time or the
/// connection (slow, oversized, cut off). A raw body is its text before any charset
/// encoding, after its byte order mark.
pub fn reply_text(reply: &Reply, base: &str, operation_time: &str) -> Option<(u16, String)> {
    let ok = |data: Value| Some((200, envelope_text(codes::OK, "成功", data, operation_time)));
    match reply {
        Reply::Chat { data } => ok(with_base(data.clone(), base)),
        Reply::NoChat => ok(Value::Null),
        Reply::ApiError { code, message } => Some((200, envelope_text(*code, message, Value::Null, operation_time))),
        Reply::Http500 => Some((500, HTTP_500_PAGE.to_owned())),
        Reply::MalformedJson => Some((200, r#"{"code": 200, "message": "成功", "data": {"chatId": "u0001"#.to_owned())),
        Reply::Raw { status, body, bom, .. } => {
            Some((*status, format!("{}{body}", if *bom { "\u{feff}" } else { "" })))
        }
        Reply::Flood { shape, bytes } => Some((200, flood(*shape, *bytes))),
        Reply::Slow { .. } | Reply::Oversized { .. } | Reply::CloseMidBody => None,
    }
}

/// The content type of `reply_text`'s text: a 500 is a proxy's or a server's HTML page,
/// not the API's JSON.
pub fn content_type(reply: &Reply) -> &'static str {
    match reply {
        Reply::Http500 => "text/html;charset=UTF-8",
        _ => JSON,
    }
}

/// The API's content type.
pub const JSON: &str = "application/json;charset=UTF-8";

/// `{base}` in a user's data is this server's own address, which a users file cannot
/// know in advance (the port is chosen at start).
fn with_base(data: Value, base: &str) -> Value {
    let text = data.to_string();
    if !text.contains("{base}") {
        return data;
    }
    let base = serde_json::to_string(base).unwrap_or_default();
    serde_json::from_str(&text.replace("{base}", base.trim_matches('"'))).unwrap_or(data)
}

/// A successful answer of about `bytes` bytes in the given shape (see [`FloodShape`]).
pub fn flood(shape: FloodShape, bytes: usize) -> String {
    let mut body = String::with_capacity(bytes + 256);
    body.push_str(r#"{"code":200,"message":"OK","data":{"subtitle":"flood","user":{"userId":"u0001-flood","#);
    let fill = |body: &mut String, item: &str| {
        let mut first = true;
        while body.len() < bytes {
            if !first {
                body.push(',');
            }
            first = false;
            body.push_str(item);
        }
    };
    match shape {
        FloodShape::Lists => {
            body.push_str(r#""tags":["#);
            fill(&mut body, r#""t""#);
            body.push_str(r#"],"address":[{"address":"a"}],"contacts":[{"name":"c","phone":"1"}]"#);
        }
        FloodShape::DeepWide => {
            let depth = 120;
            body.push_str(r#""tags":"#);
            body.push_str(&"[".repeat(depth));
            fill(&mut body, "[1,[2],{}]");
            body.push_str(&"]".repeat(depth));
        }
        FloodShape::Warnings => {
            body.push_str(r#""contacts":["#);
            fill(&mut body, r#"{"name":{},"phone":[],"userContactId":{}}"#);
            body.push(']');
        }
        FloodShape::Keys => {
            body.push_str(r#""extra":{"#);
            let mut i = 0u64;
            while body.len() < bytes {
                if i > 0 {
                    body.push(',');
                }
                body.push_str(&format!("\"k{i}\":{i}"));
                i += 1;
            }
            body.push('}');
        }
    }
    body.push_str("}}}");
    body
}
