//! Keeps credentials out of anything the server sends back that we store or show.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

/// The values that must never appear in an error, a log line or the UI.
pub(crate) struct Redactor<'a> {
    secrets: Vec<&'a str>,
}

impl<'a> Redactor<'a> {
    pub(crate) fn new(secrets: impl IntoIterator<Item = &'a str>) -> Self {
        Self { secrets: secrets.into_iter().filter(|s| !s.is_empty()).collect() }
    }

    /// Replaces each secret, raw or percent-encoded, with `***`.
    pub(crate) fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            out = out.replace(secret, "***");
            let encoded = utf8_percent_encode(secret, NON_ALPHANUMERIC).to_string();
            if encoded != *secret {
                out = out.replace(&encoded, "***");
            }
            let query_encoded = crate::request::encode_query_value(secret);
            if query_encoded != *secret {
                out = out.replace(&query_encoded, "***");
            }
        }
        out
    }
}

/// Server text made safe to show: secrets redacted, control characters and runs of
/// whitespace folded to one space, cut to `max_chars`.
pub(crate) fn snippet(redactor: &Redactor<'_>, text: &str, max_chars: usize) -> String {
    let visible: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let folded = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    let redacted = redactor.redact(&folded);
    if redacted.chars().count() > max_chars {
        let mut cut: String = redacted.chars().take(max_chars).collect();
        cut.push('…');
        cut
    } else {
        redacted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_raw_and_encoded_forms() {
        let r = Redactor::new(["tok en+1", "", "s3cr3t"]);
        let text = "a tok en+1 b tok%20en%2B1 c s3cr3t d";
        assert_eq!(r.redact(text), "a *** b *** c *** d");
    }

    #[test]
    fn snippet_is_short_and_clean() {
        let r = Redactor::new(["secret"]);
        let s = snippet(&r, "<html>\n\t<body>secret \u{7} boom</body></html>", 20);
        assert_eq!(s, "<html> <body>*** boo…");
    }
}
