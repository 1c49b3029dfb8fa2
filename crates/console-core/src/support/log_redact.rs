//! What goes into a log line: values that look like credentials (`token=…`, `sign=…`,
//! `secret=…`, `password=…`, query or key-value style) become `token=***`, and control
//! characters are escaped, so that text from outside (a profiles file's key, a server's
//! error page) can neither start a line of its own nor plant a PEM block in the log.

const KEYS: [&str; 4] = ["token", "sign", "secret", "password"];

/// The line as it may be written: credentials masked, one line whatever it holds.
pub fn redact_log_line(line: &str) -> String {
    escape_controls(&mask_credentials(line))
}

/// `\n`, `\r`, `\t` and `\u{…}` for every control character: one line, readable.
fn escape_controls(line: &str) -> String {
    if !line.chars().any(char::is_control) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 16);
    for c in line.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

fn mask_credentials(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let lower = rest.to_ascii_lowercase();
        // The earliest `key=` or `key:` (or `"key": "`) in what is left: (its start, where
        // its value starts).
        let mut best: Option<(usize, usize)> = None;
        for key in KEYS {
            let mut from = 0;
            while let Some(found) = lower[from..].find(key) {
                let start = from + found;
                let after = start + key.len();
                let boundary = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
                let sep = lower[after..].chars().take_while(|c| matches!(c, '=' | ':' | '"' | ' ')).count();
                if boundary && sep > 0 && lower[after..after + sep].contains(['=', ':']) {
                    if best.is_none_or(|(s, _)| start < s) {
                        best = Some((start, after + sep));
                    }
                    break;
                }
                from = after;
            }
        }
        let Some((_, value_at)) = best else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..value_at]);
        let value_len = rest[value_at..]
            .find(|c: char| c == '&' || c == '"' || c == ',' || c.is_whitespace())
            .unwrap_or(rest.len() - value_at);
        if value_len > 0 {
            out.push_str("***");
        }
        rest = &rest[value_at + value_len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_credential_shaped_values() {
        assert_eq!(
            redact_log_line("GET /op?apiVersion=01&token=o0001abc&sign=ffee done"),
            "GET /op?apiVersion=01&token=***&sign=*** done"
        );
        assert_eq!(redact_log_line(r#"{"secret": "s3", "name": "x"}"#), r#"{"secret": "***", "name": "x"}"#);
        assert_eq!(redact_log_line("Token: abc, password=p"), "Token: ***, password=***");
        assert_eq!(redact_log_line("signal=1 tokens are fine; design=ok"), "signal=1 tokens are fine; design=ok");
        assert_eq!(redact_log_line("用户 token=值 完成"), "用户 token=*** 完成");
        assert_eq!(redact_log_line("token="), "token=");
    }

    #[test]
    fn text_from_outside_cannot_start_a_line_of_its_own() {
        // An import error naming an attacker's key: a PEM block planted in the log, which a
        // later profile could name as its CA file.
        let key = "x\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\r\u{1b}[2J";
        let line = redact_log_line(&format!("profiles not imported: the key {key} is unknown"));
        assert!(!line.contains('\n') && !line.contains('\r') && !line.contains('\u{1b}'), "{line}");
        assert!(line.contains("x\\n-----BEGIN CERTIFICATE-----\\nMIIB"), "{line}");
        assert!(line.contains("\\u{1b}[2J"), "{line}");
    }
}
