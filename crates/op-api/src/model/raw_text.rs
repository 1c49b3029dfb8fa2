//! A scalar the API sends sometimes as a string and sometimes as a number
//! (`clientType`, `status`, `code`, …). We keep its text exactly as the server meant it.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The raw text of a string-or-number field: `"5"` and `5` both become `5`.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct RawText(String);

impl RawText {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Debug for RawText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for RawText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RawText {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl Serialize for RawText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawTextVisitor)
    }
}

struct RawTextVisitor;

impl Visitor<'_> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
        Ok(RawText(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RawText, E> {
        Ok(RawText(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawText, E> {
        Ok(RawText(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawText, E> {
        Ok(RawText(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawText, E> {
        // `4.0` is the number 4 written by a loose serializer: show it as `4`.
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            Ok(RawText(format!("{}", v as i64)))
        } else {
            Ok(RawText(v.to_string()))
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawText, E> {
        Ok(RawText(v.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_keep_their_text() {
        let cases = [
            (r#""5""#, "5"),
            ("5", "5"),
            ("-3", "-3"),
            ("4.0", "4"),
            ("2.5", "2.5"),
            (r#""abc""#, "abc"),
            ("true", "true"),
        ];
        for (json, text) in cases {
            let raw: RawText = serde_json::from_str(json).unwrap();
            assert_eq!(raw.as_str(), text, "{json}");
        }
    }

    #[test]
    fn objects_are_rejected() {
        assert!(serde_json::from_str::<RawText>("{}").is_err());
        assert!(serde_json::from_str::<RawText>("[1]").is_err());
    }

    #[test]
    fn serializes_as_a_string() {
        assert_eq!(serde_json::to_string(&RawText::new("4")).unwrap(), r#""4""#);
    }
}
