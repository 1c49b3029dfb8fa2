//! Turns the bytes of an answer into a [`DecodedChat`] or the precise [`OpError`]: the
//! envelope strictly, the fields below `data` tolerantly (with warnings).

use chrono::FixedOffset;
use serde::Serialize;

use crate::error::OpError;
use crate::json;
use crate::model::reader::{Obj, Reader};
use crate::model::{ChatInfo, Envelope, FieldWarning, Foot, DEFAULT_API_UTC_OFFSET_MINUTES};
use crate::redact::{snippet, Redactor};

/// A successful lookup: the chat, the envelope's foot, and the fields that could not be
/// read (left out of `chat`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecodedChat {
    pub chat: ChatInfo,
    pub foot: Option<Foot>,
    /// At most [`crate::model::MAX_WARNINGS`]; the rest counted in `warnings_left_out`.
    pub warnings: Vec<FieldWarning>,
    pub warnings_left_out: usize,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The answer without a UTF-8 byte order mark, which some servers put first.
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

/// The zone of zone-less times, from minutes east of UTC (clamped to real offsets).
pub(crate) fn api_zone(utc_offset_minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(utc_offset_minutes.clamp(-12 * 60, 14 * 60) * 60).unwrap_or(FixedOffset::east_opt(0).unwrap())
}

/// Decodes a whole answer. `redactor` scrubs server text that ends up in an error.
pub(crate) fn decode_chat_response(
    bytes: &[u8],
    redactor: &Redactor,
    zone: FixedOffset,
) -> Result<DecodedChat, OpError> {
    let parsed = json::parse(without_bom(bytes))
        .map_err(|e| OpError::Decode { path: String::new(), detail: redactor.redact(&e.to_string()) })?;
    let raw = parsed.value;
    let mut reader = Reader::new(zone, redactor, parsed.cut);
    for warning in parsed.warnings {
        reader.warn_point(warning.path, warning.problem);
    }
    let envelope = Envelope::read(&raw, &mut reader)
        .map_err(|e| OpError::Decode { path: e.path.to_owned(), detail: snippet(redactor, &e.detail, 300) })?;
    if !envelope.is_success() {
        return Err(OpError::Api {
            api_code: snippet(redactor, envelope.code.as_str(), 40),
            api_message: snippet(redactor, envelope.message.as_deref().unwrap_or_default(), 300),
            status: None,
        });
    }
    let Some(data) = envelope.data else { return Err(OpError::NoChat) };
    let chat = ChatInfo::read(&mut reader, &Obj::new(data, "data"));
    Ok(DecodedChat {
        chat,
        foot: envelope.foot,
        warnings: reader.warnings,
        warnings_left_out: reader.warnings_left_out,
    })
}

/// Decodes an answer without a request, zone-less times in UTC+8: for tests, benchmarks
/// and fuzzing.
pub fn decode_response(bytes: &[u8]) -> Result<DecodedChat, OpError> {
    decode_response_in(bytes, DEFAULT_API_UTC_OFFSET_MINUTES)
}

/// Decodes an answer whose zone-less times are `utc_offset_minutes` east of UTC.
pub fn decode_response_in(bytes: &[u8], utc_offset_minutes: i32) -> Result<DecodedChat, OpError> {
    decode_chat_response(bytes, &Redactor::new([]), api_zone(utc_offset_minutes))
}
