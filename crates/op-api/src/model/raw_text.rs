//! A scalar the API sends sometimes as a string and sometimes as a number
//! (`clientType`, `status`, `code`, …). We keep its text exactly as the server meant it
//! (`4.0` as `4`; the reader makes it).

use std::fmt;

use serde::{Serialize, Serializer};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_a_string() {
        assert_eq!(serde_json::to_string(&RawText::new("4")).unwrap(), r#""4""#);
    }
}
