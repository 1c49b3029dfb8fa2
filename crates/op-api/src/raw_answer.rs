//! The answer as support sees it: JSON re-indented, credentials redacted, cut at 64 KiB.
//! Built for every answer that arrived (a failed lookup can still show what the server
//! said) and only as far as it is shown: a 2 MiB answer costs 64 KiB here, whatever its
//! shape.

use crate::decode::without_bom;
use crate::json::pretty;
use crate::redact::Redactor;

/// At most this much of an answer is kept for the raw view.
pub const RAW_ANSWER_MAX_BYTES: usize = 64 * 1024;

pub(crate) fn raw_answer(bytes: &[u8], redactor: &Redactor) -> String {
    // Room past the cut for a credential that starts before it, in its longest encoding:
    // it is redacted whole before the cut, never half shown.
    let margin = redactor.longest_form() + 16;
    let (shown, complete) = pretty(without_bom(bytes), RAW_ANSWER_MAX_BYTES + margin);
    let mut text = redactor.redact(&String::from_utf8_lossy(&shown));
    if text.len() > RAW_ANSWER_MAX_BYTES || !complete {
        let mut cut = RAW_ANSWER_MAX_BYTES.min(text.len());
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

    #[test]
    fn a_credential_across_the_cut_is_not_half_shown() {
        let token = "o0001-secret-token-0123456789";
        let r = Redactor::new([token]);
        for offset in 0..token.len() {
            // The token starts just before the cut: a cut before redacting would leave its head.
            let pad = "x".repeat(RAW_ANSWER_MAX_BYTES - offset - 1);
            let body = format!("[\"{pad}{token}\"]");
            let shown = raw_answer(body.as_bytes(), &r);
            assert!(!shown.contains(&token[..token.len().min(8)]), "offset {offset}");
        }
    }
}
