//! The answer as support sees it: pretty-printed when it is JSON, credentials redacted,
//! cut at 64 KiB. Kept for every answer that arrived, so that a failed lookup can still
//! show what the server said.

use crate::decode::without_bom;
use crate::redact::Redactor;

/// At most this much of an answer is kept for the raw view.
pub const RAW_ANSWER_MAX_BYTES: usize = 64 * 1024;

pub(crate) fn raw_answer(bytes: &[u8], redactor: &Redactor<'_>) -> String {
    let body = without_bom(bytes);
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(value) => serde_json::to_string_pretty(&value).unwrap_or_default(),
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    };
    let mut text = redactor.redact(&text);
    if text.len() > RAW_ANSWER_MAX_BYTES {
        let mut cut = RAW_ANSWER_MAX_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push_str("\n… (cut at 64 KiB)");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_redacted_and_cut() {
        let r = Redactor::new(["o0001-secret-token"]);
        let shown = raw_answer(b"\xEF\xBB\xBF{\"code\":4003,\"message\":\"token o0001-secret-token\"}", &r);
        assert_eq!(shown, "{\n  \"code\": 4003,\n  \"message\": \"token ***\"\n}");
        let long = format!("<html>{}</html>", "长".repeat(40_000));
        let shown = raw_answer(long.as_bytes(), &r);
        assert!(shown.len() <= RAW_ANSWER_MAX_BYTES + 40 && shown.ends_with("(cut at 64 KiB)"));
    }
}
