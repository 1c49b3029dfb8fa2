//! Turns the bytes of an answer into a [`ChatLookup`] or the precise [`OpError`].

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::OpError;
use crate::model::{ChatInfo, Envelope, Foot};
use crate::redact::{snippet, Redactor};

/// A successful lookup: the decoded chat, the envelope's foot, and the whole answer as
/// JSON for the support view (an answer holds no credentials).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatLookup {
    pub chat: ChatInfo,
    pub foot: Option<Foot>,
    pub raw: serde_json::Value,
}

/// Decodes a whole answer. `redactor` scrubs server text that ends up in an error.
pub(crate) fn decode_chat_response(bytes: &[u8], redactor: &Redactor<'_>) -> Result<ChatLookup, OpError> {
    let raw: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| OpError::Decode { path: "(document)".to_owned(), detail: redactor.redact(&e.to_string()) })?;
    let envelope: Envelope<serde_json::Value> = decode_at(&raw, "", redactor)?;
    if !envelope.is_success() {
        return Err(OpError::Api {
            api_code: envelope.code.map(|c| snippet(redactor, c.as_str(), 40)).unwrap_or_else(|| "(none)".to_owned()),
            api_message: snippet(redactor, envelope.message.as_deref().unwrap_or_default(), 300),
        });
    }
    let data = match &envelope.data {
        None | Some(serde_json::Value::Null) => return Err(OpError::NoChat),
        Some(data @ serde_json::Value::Object(_)) => data,
        // serde would read a struct from an array too: an answer like that is broken.
        Some(other) => {
            return Err(OpError::Decode {
                path: "data".to_owned(),
                detail: format!("invalid type: {}, expected an object", json_kind(other)),
            })
        }
    };
    let chat: ChatInfo = decode_at(data, "data", redactor)?;
    Ok(ChatLookup { chat, foot: envelope.foot, raw })
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Decodes `value`, naming the failing field's full path (`data.location.lat`).
fn decode_at<T: DeserializeOwned>(
    value: &serde_json::Value,
    prefix: &str,
    redactor: &Redactor<'_>,
) -> Result<T, OpError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = match (prefix.is_empty(), inner.as_str()) {
            (true, ".") => "(document)".to_owned(),
            (true, _) => inner,
            (false, ".") => prefix.to_owned(),
            (false, _) => format!("{prefix}.{inner}"),
        };
        OpError::Decode { path, detail: snippet(redactor, &e.into_inner().to_string(), 300) }
    })
}

/// Decodes an answer without a request: for tests, benchmarks and fuzzing.
pub fn decode_response(bytes: &[u8]) -> Result<ChatLookup, OpError> {
    decode_chat_response(bytes, &Redactor::new([]))
}
