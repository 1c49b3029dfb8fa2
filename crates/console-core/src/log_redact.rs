//! Masks values that look like credentials in a log line: `token=…`, `sign=…`,
//! `secret=…`, `password=…` (query or key-value style) become `token=***`.

const KEYS: [&str; 4] = ["token", "sign", "secret", "password"];

pub fn redact_log_line(line: &str) -> String {
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
}
