//! Reads the fields below `data` the tolerant way: every plausible drift of the real API
//! is accepted (string ↔ number, booleans as 0/1 or text, `""` for absent, times in
//! several forms), and a value that still cannot be read is left out with a
//! [`FieldWarning`]. Nothing below the envelope ever fails a lookup.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use serde_json::{Map, Value};

use super::warning::{FieldWarning, JsonKind, WarningProblem};
use super::{Listed, RawText, Timestamp};
use crate::redact::Redactor;

/// Warnings kept for one answer; the rest are counted ("N more").
pub const MAX_WARNINGS: usize = 50;

/// Epoch values below this are seconds (10 digits until the year 5138), above it milliseconds.
const SECONDS_BELOW: f64 = 1e11;

pub(crate) struct Reader<'r> {
    /// The zone of the API's wall-clock times (`yyyy-MM-dd HH:mm:ss` carry none).
    pub(crate) zone: FixedOffset,
    pub(crate) warnings: Vec<FieldWarning>,
    /// Warnings beyond [`MAX_WARNINGS`], counted only.
    pub(crate) warnings_left_out: usize,
    /// Every text of the answer passes it: an echoed token or sign never reaches the page.
    redactor: &'r Redactor,
    /// Lists the JSON reader cut short: path → items left out.
    cut: HashMap<String, usize>,
}

/// One JSON object and its path in the answer.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(map: &'a Map<String, Value>, path: impl Into<String>) -> Self {
        Self { map, path: path.into() }
    }

    fn field(&self, key: &str) -> (Option<&'a Value>, String) {
        let path = if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) };
        (self.map.get(key), path)
    }
}

/// Null, a missing field and a blank string all mean "absent".
fn present(value: Option<&Value>) -> Option<&Value> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        other => other,
    }
}

/// A number's text as a person writes it: `4.0` is `4`.
fn number_text(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => format!("{}", f as i64),
        _ => n.to_string(),
    }
}

impl<'r> Reader<'r> {
    pub(crate) fn new(zone: FixedOffset, redactor: &'r Redactor, cut: HashMap<String, usize>) -> Self {
        Self { zone, warnings: Vec::new(), warnings_left_out: 0, redactor, cut }
    }

    fn warn(&mut self, path: String, value: &Value) {
        if let Some(found) = JsonKind::of(value) {
            self.warn_point(path, WarningProblem::Unreadable { found });
        }
    }

    /// Records a warning, or only counts it once [`MAX_WARNINGS`] are kept.
    pub(crate) fn warn_point(&mut self, path: String, problem: WarningProblem) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(FieldWarning { path, problem });
        } else {
            self.warnings_left_out += 1;
        }
    }

    /// Text from a string, a number or a boolean.
    pub(crate) fn text(&mut self, obj: &Obj<'_>, key: &str) -> Option<String> {
        let (value, path) = obj.field(key);
        self.text_at(value, path)
    }

    fn text_at(&mut self, value: Option<&Value>, path: String) -> Option<String> {
        match present(value)? {
            Value::String(s) => Some(self.redactor.redact(s)),
            Value::Number(n) => Some(number_text(n)),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.warn(path, other);
                None
            }
        }
    }

    pub(crate) fn raw_text(&mut self, obj: &Obj<'_>, key: &str) -> Option<RawText> {
        self.text(obj, key).map(RawText::new)
    }

    /// A whole number, from a number or a numeric string.
    pub(crate) fn int(&mut self, obj: &Obj<'_>, key: &str) -> Option<i64> {
        let (value, path) = obj.field(key);
        let value = present(value)?;
        let parsed = match value {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().and_then(whole)),
            Value::String(s) => s.trim().parse::<i64>().ok().or_else(|| s.trim().parse::<f64>().ok().and_then(whole)),
            _ => None,
        };
        if parsed.is_none() {
            self.warn(path, value);
        }
        parsed
    }

    /// A finite number, from a number or a numeric string.
    pub(crate) fn float(&mut self, obj: &Obj<'_>, key: &str) -> Option<f64> {
        let (value, path) = obj.field(key);
        let value = present(value)?;
        let parsed = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
        .filter(|f| f.is_finite());
        if parsed.is_none() {
            self.warn(path, value);
        }
        parsed
    }

    /// `true`/`false`, `1`/`0`, or those as text.
    pub(crate) fn boolean(&mut self, obj: &Obj<'_>, key: &str) -> Option<bool> {
        let (value, path) = obj.field(key);
        let value = present(value)?;
        let parsed = match value {
            Value::Bool(b) => Some(*b),
            Value::Number(n) if n.as_f64() == Some(1.0) => Some(true),
            Value::Number(n) if n.as_f64() == Some(0.0) => Some(false),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => Some(true),
                "false" | "0" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if parsed.is_none() {
            self.warn(path, value);
        }
        parsed
    }

    /// An instant: epoch milliseconds or seconds (as a number or text),
    /// `yyyy-MM-dd HH:mm:ss` (or with a `T`) in the API's zone, or ISO 8601 with an offset.
    pub(crate) fn time(&mut self, obj: &Obj<'_>, key: &str) -> Option<Timestamp> {
        let (value, path) = obj.field(key);
        let value = present(value)?;
        let parsed = match value {
            Value::Number(n) => n.as_f64().and_then(epoch),
            Value::String(s) => self.parse_time(s.trim()),
            _ => None,
        };
        if parsed.is_none() {
            self.warn(path, value);
        }
        parsed
    }

    fn parse_time(&self, text: &str) -> Option<Timestamp> {
        if let Ok(number) = text.parse::<f64>() {
            return epoch(number);
        }
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Some(Timestamp::from_epoch_ms(instant.timestamp_millis()));
        }
        for format in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y/%m/%d %H:%M:%S%.f"] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
                let instant = self.zone.from_local_datetime(&naive).single()?;
                return Some(Timestamp::from_epoch_ms(instant.timestamp_millis()));
            }
        }
        None
    }

    /// A nested object; anything else is left out with a warning.
    pub(crate) fn object<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<Obj<'a>> {
        let (value, path) = obj.field(key);
        match present(value)? {
            Value::Object(map) => Some(Obj::new(map, path)),
            other => {
                self.warn(path, other);
                None
            }
        }
    }

    /// A list whose elements are read by `element` (which warns about what it drops), with
    /// the number of items the JSON reader left out of a long one.
    pub(crate) fn list<'a, T>(
        &mut self,
        obj: &Obj<'a>,
        key: &str,
        mut element: impl FnMut(&mut Self, &'a Value, String) -> Option<T>,
    ) -> Option<Listed<T>> {
        let (value, path) = obj.field(key);
        match present(value)? {
            Value::Array(items) => Some(Listed {
                items: items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| element(self, item, format!("{path}[{i}]")))
                    .collect(),
                left_out: self.cut.get(&path).copied().unwrap_or_default(),
            }),
            other => {
                self.warn(path, other);
                None
            }
        }
    }

    /// A list element that must be an object.
    pub(crate) fn element_object<'a>(&mut self, value: &'a Value, path: String) -> Option<Obj<'a>> {
        match value {
            Value::Object(map) => Some(Obj::new(map, path)),
            Value::Null => None,
            other => {
                self.warn(path, other);
                None
            }
        }
    }

    /// A tag: text, or an object's `name` (or `text`, `label`, `tagName`, `value`).
    pub(crate) fn tag(&mut self, value: &Value, path: String) -> Option<RawText> {
        match value {
            Value::Object(map) => {
                let named = ["name", "text", "label", "tagName", "value"]
                    .iter()
                    .find_map(|key| present(map.get(*key)).filter(|v| v.is_string() || v.is_number()));
                match named {
                    Some(v) => self.text_at(Some(v), path).map(RawText::new),
                    None => {
                        self.warn(path, value);
                        None
                    }
                }
            }
            other => self.text_at(Some(other), path).map(RawText::new),
        }
    }
}

fn whole(f: f64) -> Option<i64> {
    (f.is_finite() && f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then_some(f as i64)
}

fn epoch(number: f64) -> Option<Timestamp> {
    let whole = whole(number)?;
    let ms = if (number.abs()) < SECONDS_BELOW { whole.checked_mul(1000)? } else { whole };
    // Beyond what a calendar can show is no time at all.
    chrono::DateTime::from_timestamp_millis(ms)?;
    Some(Timestamp::from_epoch_ms(ms))
}
