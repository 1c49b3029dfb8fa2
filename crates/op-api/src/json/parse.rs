//! Reads an answer's JSON text into a [`Value`] without trusting it: every list is cut at
//! [`MAX_LIST_ITEMS`] (the rest only counted), at most [`MAX_NODES`] values are kept in
//! all, nesting deeper than [`MAX_DEPTH`] is skipped without recursion, and text a real
//! server sends that `serde_json` refuses is read as well as it can be: a `\u` escape that
//! is half of a character (a nickname cut inside an emoji) becomes U+FFFD, bytes that are
//! not UTF-8 become U+FFFD, and a number no double can hold is left out. Each of those is
//! a [`FieldWarning`] at its path; only a document that is not JSON at all is an error.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};

use super::{MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES};
use crate::model::{FieldWarning, JsonKind, WarningProblem};

/// A document as read: its value, the lists and objects that were cut (path → how many
/// items were left out) and what could not be read as sent.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub value: Value,
    pub cut: HashMap<String, usize>,
    pub warnings: Vec<FieldWarning>,
}

/// Not JSON: where the reading stopped (1-based, as editors count).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub detail: &'static str,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {} column {}", self.detail, self.line, self.column)
    }
}

/// One step of a value's path: `data`, `user`, `[2]`.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    nodes: usize,
    path: Vec<Step>,
    out: Parsed,
}

/// Reads `bytes` (UTF-8, a byte order mark already removed).
pub(crate) fn parse(bytes: &[u8]) -> Result<Parsed, SyntaxError> {
    let mut parser = Parser { bytes, at: 0, nodes: 0, path: Vec::new(), out: Parsed::default() };
    parser.space();
    let value = parser.value(0)?;
    parser.space();
    if parser.at < bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    parser.out.value = value;
    Ok(parser.out)
}

impl Parser<'_> {
    fn error(&self, detail: &'static str) -> SyntaxError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        SyntaxError { line, column, detail }
    }

    fn path(&self) -> String {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(key) if path.is_empty() => path.push_str(key),
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        path
    }

    fn warn(&mut self, problem: WarningProblem) {
        if self.out.warnings.len() < super::MAX_PARSE_WARNINGS {
            let path = self.path();
            self.out.warnings.push(FieldWarning { path, problem });
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8, detail: &'static str) -> Result<(), SyntaxError> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(detail))
        }
    }

    /// A value; `None` in the tree (`Null`) once the node budget is spent.
    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.space();
        if depth >= MAX_DEPTH && matches!(self.peek(), Some(b'[' | b'{')) {
            self.skip_nested()?;
            self.warn(WarningProblem::Unreadable { found: JsonKind::Object });
            return Ok(Value::Null);
        }
        self.nodes += 1;
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the text ended early")),
        }
    }

    fn word(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn over_budget(&self) -> bool {
        self.nodes > MAX_NODES
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut map = Map::new();
        let mut left_out = 0;
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key = self.string()?;
            self.expect(b':', "expected ':'")?;
            // Once the budget is spent, later values are read past, not kept; a value begun
            // before that is kept (its own lists and objects stop keeping too).
            if self.over_budget() {
                self.space();
                self.skip_value()?;
                left_out += 1;
            } else {
                self.path.push(Step::Key(key));
                let value = self.value(depth + 1)?;
                if let Some(Step::Key(key)) = self.path.pop() {
                    map.insert(key, value);
                }
            }
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    break;
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
        if left_out > 0 {
            self.out.cut.insert(self.path(), left_out);
        }
        Ok(Value::Object(map))
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        let mut left_out = 0;
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        let mut index = 0;
        loop {
            if items.len() >= MAX_LIST_ITEMS || self.over_budget() {
                // Read past it (the syntax still counts), keep nothing.
                self.space();
                self.skip_value()?;
                left_out += 1;
            } else {
                self.path.push(Step::Index(index));
                let value = self.value(depth + 1)?;
                self.path.pop();
                items.push(value);
            }
            index += 1;
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    break;
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
        if left_out > 0 {
            self.out.cut.insert(self.path(), left_out);
        }
        Ok(Value::Array(items))
    }

    /// Any value, read for its syntax only: nothing is kept, nothing recurses.
    fn skip_value(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'[' | b'{') => self.skip_nested(),
            Some(b'"') => self.skip_string(),
            Some(b't') => self.word("true", Value::Null).map(drop),
            Some(b'f') => self.word("false", Value::Null).map(drop),
            Some(b'n') => self.word("null", Value::Null).map(drop),
            Some(b'-' | b'0'..=b'9') => {
                self.number_text();
                Ok(())
            }
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the text ended early")),
        }
    }

    /// A list or object at any depth, by counting its brackets outside strings.
    fn skip_nested(&mut self) -> Result<(), SyntaxError> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'"') => self.skip_string()?,
                Some(b @ (b'[' | b'{')) => {
                    open.push(if b == b'[' { b']' } else { b'}' });
                    self.at += 1;
                }
                Some(b @ (b']' | b'}')) => {
                    if open.pop() != Some(b) {
                        return Err(self.error("brackets do not match"));
                    }
                    self.at += 1;
                    if open.is_empty() {
                        return Ok(());
                    }
                }
                Some(_) => self.at += 1,
                None => return Err(self.error("the text ended early")),
            }
        }
    }

    fn skip_string(&mut self) -> Result<(), SyntaxError> {
        self.at += 1;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => self.at += 2,
                Some(_) => self.at += 1,
                None => return Err(self.error("a string is not closed")),
            }
        }
    }

    /// A string's content: escapes read, a lone surrogate and bytes that are not UTF-8
    /// replaced by U+FFFD (each string warned once).
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        let mut replaced = false;
        loop {
            let start = self.at;
            while !matches!(self.peek(), Some(b'"' | b'\\') | None) {
                if self.bytes[self.at] < 0x20 {
                    return Err(self.error("a control character in a string"));
                }
                self.at += 1;
            }
            out.extend_from_slice(&self.bytes[start..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    break;
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or_else(|| self.error("a string is not closed"))?;
                    self.at += 1;
                    let simple = match escape {
                        b'"' => Some(b'"'),
                        b'\\' => Some(b'\\'),
                        b'/' => Some(b'/'),
                        b'b' => Some(0x08),
                        b'f' => Some(0x0c),
                        b'n' => Some(b'\n'),
                        b'r' => Some(b'\r'),
                        b't' => Some(b'\t'),
                        b'u' => None,
                        _ => return Err(self.error("an unknown escape in a string")),
                    };
                    match simple {
                        Some(byte) => out.push(byte),
                        None => {
                            let c = self.unicode_escape(&mut replaced)?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                    }
                }
                _ => return Err(self.error("a string is not closed")),
            }
        }
        let text = match String::from_utf8(out) {
            Ok(text) => text,
            Err(e) => {
                replaced = true;
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        if replaced {
            self.warn(WarningProblem::Replaced);
        }
        Ok(text)
    }

    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("a \\u escape is cut short"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error("a \\u escape is not hexadecimal"))?;
        let unit = u16::from_str_radix(text, 16).map_err(|_| self.error("a \\u escape is not hexadecimal"))?;
        self.at += 4;
        Ok(unit)
    }

    fn unicode_escape(&mut self, replaced: &mut bool) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        match first {
            0xD800..=0xDBFF => {
                // A high surrogate wants a low one right after it.
                if self.bytes[self.at..].starts_with(b"\\u") {
                    let save = self.at;
                    self.at += 2;
                    let second = self.hex4()?;
                    if (0xDC00..=0xDFFF).contains(&second) {
                        let code = 0x10000 + (((first as u32) - 0xD800) << 10) + ((second as u32) - 0xDC00);
                        return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    }
                    self.at = save;
                }
                *replaced = true;
                Ok(char::REPLACEMENT_CHARACTER)
            }
            0xDC00..=0xDFFF => {
                *replaced = true;
                Ok(char::REPLACEMENT_CHARACTER)
            }
            unit => Ok(char::from_u32(unit as u32).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }

    fn number_text(&mut self) -> &str {
        let start = self.at;
        while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.at += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default()
    }

    /// A number as JSON writes it. An integer beyond 64 bits is kept as its text (an ID
    /// sent as a number stays exact); a number no double can hold is left out, warned.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let text = self.number_text().to_owned();
        if !is_json_number(&text) {
            self.at = start;
            return Err(self.error("not a number"));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = text.parse::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        let integer = !text.contains(['.', 'e', 'E']);
        if integer {
            return Ok(Value::String(text));
        }
        match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) if n.as_f64().is_some_and(f64::is_finite) => Ok(Value::Number(n)),
            _ => {
                self.warn(WarningProblem::Unreadable { found: JsonKind::Number });
                Ok(Value::Null)
            }
        }
    }
}

/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
fn is_json_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn well_formed_json_reads_as_serde_json_reads_it() {
        for text in [
            r#"{"code":200,"data":{"a":[1,2.5,-3e2,"x\n\"y\"",true,false,null,{}],"b":{}},"c":[]}"#,
            r#"  [ "\u00e9\u4e2d\ud83d\ude00", 0, -0.0, 1E+2 ]  "#,
            r#""plain""#,
            "18446744073709551615",
        ] {
            let ours = parse(text.as_bytes()).unwrap();
            assert_eq!(ours.value, serde_json::from_str::<Value>(text).unwrap(), "{text}");
            assert!(ours.warnings.is_empty() && ours.cut.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_half_character_becomes_a_replacement_and_a_warning() {
        // A nickname cut inside an emoji by the server: a high surrogate and no low one.
        let parsed = parse(br#"{"data":{"user":{"nickName":"ab\ud83d","tags":["\udc00x"]}}}"#).unwrap();
        assert_eq!(parsed.value["data"]["user"]["nickName"], "ab\u{FFFD}");
        assert_eq!(parsed.value["data"]["user"]["tags"][0], "\u{FFFD}x");
        let paths: Vec<_> = parsed.warnings.iter().map(|w| (w.path.as_str(), &w.problem)).collect();
        assert_eq!(
            paths,
            [("data.user.nickName", &WarningProblem::Replaced), ("data.user.tags[0]", &WarningProblem::Replaced)]
        );
        let bytes = b"{\"name\":\"ok\xff\xfe\"}";
        let parsed = parse(bytes).unwrap();
        assert_eq!(parsed.value["name"], "ok\u{FFFD}\u{FFFD}");
        assert_eq!(parsed.warnings[0].path, "name");
    }

    #[test]
    fn numbers_beyond_a_double_are_left_out_and_long_integers_kept_exact() {
        let parsed = parse(br#"{"data":{"serviceCount":1e400,"userId":123456789012345678901234567890}}"#).unwrap();
        assert_eq!(parsed.value["data"]["serviceCount"], Value::Null);
        assert_eq!(parsed.value["data"]["userId"], "123456789012345678901234567890");
        assert_eq!(
            parsed.warnings,
            [FieldWarning {
                path: "data.serviceCount".into(),
                problem: WarningProblem::Unreadable { found: JsonKind::Number }
            }]
        );
    }

    #[test]
    fn lists_are_cut_and_counted() {
        let list: Vec<u32> = (0..(MAX_LIST_ITEMS as u32 + 7)).collect();
        let text = json!({"data": {"user": {"tags": list}}}).to_string();
        let parsed = parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.value["data"]["user"]["tags"].as_array().unwrap().len(), MAX_LIST_ITEMS);
        assert_eq!(parsed.cut.get("data.user.tags"), Some(&7));
    }

    #[test]
    fn the_node_budget_bounds_the_tree_whatever_its_shape() {
        // Wide lists of wide lists: each within the list cap, together far above the budget.
        let inner = format!("[{}]", vec!["1"; MAX_LIST_ITEMS].join(","));
        let text = format!("{{\"a\":[{}],\"z\":1}}", vec![inner.as_str(); MAX_LIST_ITEMS * 20].join(","));
        let parsed = parse(text.as_bytes()).unwrap();
        let mut count = 0;
        fn walk(v: &Value, count: &mut usize) {
            *count += 1;
            match v {
                Value::Array(a) => a.iter().for_each(|x| walk(x, count)),
                Value::Object(m) => m.values().for_each(|x| walk(x, count)),
                _ => {}
            }
        }
        walk(&parsed.value, &mut count);
        assert!(count <= MAX_NODES + MAX_DEPTH, "{count} nodes kept");
        assert!(!parsed.cut.is_empty());
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        let deep = format!("{{\"data\":{{\"x\":{}{}}},\"code\":200}}", "[".repeat(200_000), "]".repeat(200_000));
        let parsed = parse(deep.as_bytes()).unwrap();
        assert_eq!(parsed.value["code"], 200);
        assert_eq!(parsed.warnings.len(), 1);
        let unclosed = "[".repeat(200_000);
        assert!(parse(unclosed.as_bytes()).is_err());
    }

    #[test]
    fn broken_text_is_an_error_with_its_place() {
        for (text, line, column) in [
            ("{\n  \"a\": tru }", 2, 8),
            ("{\"a\":1,}", 1, 8),
            ("[1 2]", 1, 4),
            ("\"open", 1, 6),
            ("{} x", 1, 4),
            ("01", 1, 1),
            ("", 1, 1),
        ] {
            let e = parse(text.as_bytes()).unwrap_err();
            assert_eq!((e.line, e.column), (line, column), "{text:?}: {e}");
        }
    }
}
