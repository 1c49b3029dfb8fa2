//! Keeps credentials out of anything the server sends back that we store or show: error
//! text, log lines, the raw answer. Each credential is matched as sent (trimmed) and in
//! every encoding a server may echo it in: percent-encoding with either hex case (with
//! `%20` or `+` for a space), and JSON string escapes.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

/// The values that must never appear in an error, a log line or the UI, each in every form
/// a server may echo it in: worked out once per lookup, not once per string redacted.
pub(crate) struct Redactor {
    /// Longest first, so that a form is not left half replaced by a shorter one.
    forms: Vec<String>,
}

impl Redactor {
    pub(crate) fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Self {
        let mut forms: Vec<String> = secrets
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .flat_map(|secret| encodings(secret.trim()).into_iter().chain(encodings(secret)))
            .filter(|form| !form.is_empty())
            .collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        forms.dedup();
        Self { forms }
    }

    /// The length in bytes of the longest form of any secret (its widest encoding).
    pub(crate) fn longest_form(&self) -> usize {
        self.forms.first().map_or(0, String::len)
    }

    /// Replaces each secret, in each of its encodings, with `***`.
    pub(crate) fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for form in &self.forms {
            if out.contains(form.as_str()) {
                out = out.replace(form.as_str(), "***");
            }
        }
        out
    }
}

/// The value and the ways a server may write it back.
fn encodings(value: &str) -> Vec<String> {
    let percent = utf8_percent_encode(value, NON_ALPHANUMERIC).to_string();
    let query = crate::request::encode_query_value(value);
    let form: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
    let json = json_inner(value);
    let mut forms = vec![value.to_owned(), json.replace('/', "\\/"), ascii_json(value)];
    for encoded in [percent, query, form] {
        forms.push(lower_hex(&encoded));
        forms.push(encoded);
    }
    forms.push(json);
    forms
}

/// The value as a JSON string's content, without its quotes.
fn json_inner(value: &str) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    json.strip_prefix('"').and_then(|j| j.strip_suffix('"')).unwrap_or_default().to_owned()
}

/// `%2F` → `%2f`: the same encoding with lower-case hex digits.
fn lower_hex(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut left = 0;
    for c in encoded.chars() {
        if c == '%' {
            left = 2;
            out.push(c);
        } else if left > 0 {
            left -= 1;
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// JSON with every non-ASCII character as `\uXXXX` (as some servers write).
fn ascii_json(value: &str) -> String {
    let mut out = String::new();
    for c in json_inner(value).chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// Server text made safe to show: secrets redacted, control characters and runs of
/// whitespace folded to one space, cut to `max_chars`.
pub(crate) fn snippet(redactor: &Redactor, text: &str, max_chars: usize) -> String {
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
        let text = "a tok en+1 b tok%20en%2B1 c s3cr3t d tok+en%2b1 e";
        assert_eq!(r.redact(text), "a *** b *** c *** d *** e");
    }

    #[test]
    fn redacts_json_escapes_and_trimmed_values() {
        let r = Redactor::new(["  密钥/\"x\"  "]);
        for echoed in [
            "密钥/\"x\"",
            "密钥\\/\\\"x\\\"",
            "\\u5bc6\\u94a5/\\\"x\\\"",
            "%E5%AF%86%E9%92%A5%2F%22x%22",
            "%e5%af%86%e9%92%a5%2f%22x%22",
        ] {
            assert_eq!(r.redact(&format!("[{echoed}]")), "[***]", "{echoed}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 1000, ..Default::default() })]
        /// Whatever the credential (spaces, quotes, slashes, non-ASCII) and however a server
        /// echoes it, none of its encodings is left in the text.
        #[test]
        fn a_credential_is_removed_in_every_encoding(
            secret in "[ -~é密钥🔑]{1,24}",
            before in "[a-z =&:]{0,8}",
            after in "[a-z =&:]{0,8}",
        ) {
            let trimmed = secret.trim();
            proptest::prop_assume!(trimmed.chars().count() >= 2);
            // A credential with the mask's own character can be formed again by the mask and
            // its neighbours ("i*" → "i***"): the property holds for the others.
            proptest::prop_assume!(!trimmed.contains('*'));
            let redactor = Redactor::new([secret.as_str()]);
            let form: String = url::form_urlencoded::byte_serialize(trimmed.as_bytes()).collect();
            let json = serde_json::to_string(trimmed).unwrap();
            let echoes = [
                trimmed.to_owned(),
                utf8_percent_encode(trimmed, NON_ALPHANUMERIC).to_string(),
                lower_hex(&utf8_percent_encode(trimmed, NON_ALPHANUMERIC).to_string()),
                crate::request::encode_query_value(trimmed),
                lower_hex(&form),
                form,
                json[1..json.len() - 1].to_owned(),
                ascii_json(trimmed),
            ];
            for echoed in echoes {
                let shown = redactor.redact(&format!("{before}{echoed}{after}"));
                proptest::prop_assert!(!shown.contains(&echoed), "{:?} left {:?} in {:?}", secret, echoed, shown);
            }
        }
    }

    #[test]
    fn snippet_is_short_and_clean() {
        let r = Redactor::new(["secret"]);
        let s = snippet(&r, "<html>\n\t<body>secret \u{7} boom</body></html>", 20);
        assert_eq!(s, "<html> <body>*** boo…");
    }
}
