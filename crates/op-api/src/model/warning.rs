//! A field of the answer that could not be read as the API documents it. The lookup still
//! succeeds: the field is left out, and the warning tells the operator and support where.

use std::fmt;

use serde::Serialize;

/// What kind of JSON value was found where another was expected.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum JsonKind {
    Object,
    Array,
    String,
    Number,
    Boolean,
}

impl JsonKind {
    pub fn of(value: &serde_json::Value) -> Option<Self> {
        Some(match value {
            serde_json::Value::Null => return None,
            serde_json::Value::Bool(_) => Self::Boolean,
            serde_json::Value::Number(_) => Self::Number,
            serde_json::Value::String(_) => Self::String,
            serde_json::Value::Array(_) => Self::Array,
            serde_json::Value::Object(_) => Self::Object,
        })
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Object => "an object",
            Self::Array => "an array",
            Self::String => "a string it cannot read",
            Self::Number => "a number it cannot use",
            Self::Boolean => "a boolean",
        })
    }
}

/// `{"path": "data.user.serviceCount", "kind": "unreadable", "found": "object"}`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldWarning {
    /// Where in the answer: `data.user.tags[2]`.
    pub path: String,
    #[serde(flatten)]
    pub problem: WarningProblem,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum WarningProblem {
    /// A value of a kind the field cannot take: left out.
    Unreadable { found: JsonKind },
    /// Coordinates that are no point on the map ((0, 0), out of range): left out.
    NoPoint,
    /// Latitude and longitude only make sense swapped: swapped back.
    Swapped,
    /// Text with characters that could not be read as sent (half of an emoji, bytes that
    /// are not text): shown with "�" in their place.
    Replaced,
}

impl fmt::Display for FieldWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            WarningProblem::Unreadable { found } => write!(f, "{}: found {found}", self.path),
            WarningProblem::NoPoint => write!(f, "{}: not a point on the map", self.path),
            WarningProblem::Swapped => write!(f, "{}: latitude and longitude were swapped", self.path),
            WarningProblem::Replaced => write!(f, "{}: characters that could not be read were replaced", self.path),
        }
    }
}
