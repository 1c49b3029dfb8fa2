//! The raw view's text: JSON re-indented token by token as `serde_json` pretty-prints it,
//! other text as it came, and never more than a budget of bytes written. Nothing is
//! parsed into a tree, so a deep or wide answer costs what is shown, not what was sent.

/// `text` re-indented (when it starts like JSON) up to `budget` bytes, and whether all of
/// it was written.
pub(crate) fn pretty(text: &[u8], budget: usize) -> (Vec<u8>, bool) {
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if !matches!(first, Some(b'{' | b'[')) {
        let shown = text.len().min(budget);
        return (text[..shown].to_vec(), shown == text.len());
    }
    let mut out = Vec::with_capacity(budget.min(text.len() * 2) + 64);
    let mut indent = 0usize;
    let mut i = 0;
    let newline = |out: &mut Vec<u8>, indent: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', indent * 2));
    };
    while i < text.len() {
        if out.len() >= budget {
            out.truncate(budget);
            return (out, false);
        }
        let byte = text[i];
        match byte {
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(text.len());
                out.extend_from_slice(&text[start..i]);
                continue;
            }
            b'{' | b'[' => {
                let close = if byte == b'{' { b'}' } else { b']' };
                let next = text[i + 1..].iter().position(|b| !b.is_ascii_whitespace()).map(|p| i + 1 + p);
                if next.is_some_and(|n| text[n] == close) {
                    out.extend_from_slice(&[byte, close]);
                    i = next.unwrap_or(i) + 1;
                    continue;
                }
                out.push(byte);
                indent += 1;
                newline(&mut out, indent);
            }
            b'}' | b']' => {
                indent = indent.saturating_sub(1);
                newline(&mut out, indent);
                out.push(byte);
            }
            b',' => {
                out.push(b',');
                newline(&mut out, indent);
            }
            b':' => out.extend_from_slice(b": "),
            b' ' | b'\t' | b'\n' | b'\r' => {}
            other => out.push(other),
        }
        i += 1;
    }
    let complete = out.len() <= budget;
    out.truncate(budget);
    (out, complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_as_serde_json_pretty_prints_it() {
        // Keys in order: serde_json sorts them, this keeps the server's order.
        for text in [
            r#"{"code":4003,"d":"a,b:{[\"]","data":{"a":[1,{"b":null},[]],"c":{}},"message":"token x"}"#,
            "  [ 1 , 2 ,\n {\"k\" : \"v\"} ] ",
            "[]",
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let (ours, complete) = pretty(text.as_bytes(), 1 << 20);
            assert!(complete);
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string_pretty(&value).unwrap(), "{text}");
        }
    }

    #[test]
    fn the_server_s_order_is_kept() {
        let (shown, _) = pretty(br#"{"z":1,"a":2}"#, 100);
        assert_eq!(shown, b"{\n  \"z\": 1,\n  \"a\": 2\n}");
    }

    #[test]
    fn the_budget_bounds_the_work_whatever_the_shape() {
        // Deep and wide: pretty-printed whole, this would be hundreds of megabytes.
        let deep = format!("{}{}{}", "[".repeat(120), vec!["1"; 500_000].join(","), "]".repeat(120));
        let (shown, complete) = pretty(deep.as_bytes(), 64 * 1024);
        assert!(!complete);
        assert_eq!(shown.len(), 64 * 1024);
        let html = b"<html>not json</html>";
        assert_eq!(pretty(html, 10), (b"<html>not ".to_vec(), false));
        assert_eq!(pretty(html, 100), (html.to_vec(), true));
    }
}
