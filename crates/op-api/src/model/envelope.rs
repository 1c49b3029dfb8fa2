//! The wrapper every Op API answer comes in: `{code, message, data, page, foot}`. Read
//! strictly: an answer without it is not an Op API answer.

use serde_json::{Map, Value};

use super::reader::{Obj, Reader};
use super::{Foot, RawText};

/// The code that means success. Any other carries a `message` to show.
pub const SUCCESS_CODE: &str = "200";

#[derive(Clone, Debug, PartialEq)]
pub struct Envelope<'a> {
    /// `200` on success; sent as a number, accepted as a string too.
    pub code: RawText,
    pub message: Option<String>,
    /// The chat (an object), `None` for null or absent; anything else is refused.
    pub data: Option<&'a Map<String, Value>>,
    pub foot: Option<Foot>,
}

/// Why an answer is not an envelope; the path is where (`code`, `data`, or `""`: the
/// whole answer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAnEnvelope {
    pub path: &'static str,
    pub detail: String,
}

impl<'a> Envelope<'a> {
    pub(crate) fn read(value: &'a Value, r: &mut Reader) -> Result<Self, NotAnEnvelope> {
        let refuse = |path, detail: String| NotAnEnvelope { path, detail };
        let Value::Object(top) = value else {
            return Err(refuse("", format!("expected an object, found {}", kind(value))));
        };
        let code = match top.get("code") {
            Some(Value::String(s)) if !s.trim().is_empty() => RawText::new(s.trim()),
            Some(Value::Number(n)) => RawText::new(
                n.as_f64()
                    .filter(|f| f.fract() == 0.0)
                    .map(|f| format!("{}", f as i64))
                    .unwrap_or_else(|| n.to_string()),
            ),
            None | Some(Value::Null) => return Err(refuse("code", "missing".into())),
            Some(other) => return Err(refuse("code", format!("expected a number, found {}", kind(other)))),
        };
        let data = match top.get("data") {
            None | Some(Value::Null) => None,
            Some(Value::Object(map)) => Some(map),
            Some(other) => return Err(refuse("data", format!("expected an object, found {}", kind(other)))),
        };
        let envelope = Obj::new(top, "");
        let message = r.text(&envelope, "message");
        let foot = r.object(&envelope, "foot").map(|f| Foot::read(r, &f));
        Ok(Self { code, message, data, foot })
    }

    pub fn is_success(&self) -> bool {
        self.code.as_str() == SUCCESS_CODE
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
