//! The wrapper every Op API answer comes in: `{code, message, data, page, foot}`.

use serde::{Deserialize, Serialize};

use super::{Foot, RawText};

/// The code that means success. Any other carries a `message` to show.
pub const SUCCESS_CODE: &str = "200";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Envelope<T> {
    /// `200` on success; sent as a number, accepted as a string too.
    pub code: Option<RawText>,
    pub message: Option<String>,
    pub data: Option<T>,
    /// Paging information; this endpoint always sends `null`, so it is kept raw.
    pub page: Option<serde_json::Value>,
    pub foot: Option<Foot>,
}

impl<T> Envelope<T> {
    pub fn is_success(&self) -> bool {
        self.code.as_ref().is_some_and(|c| c.as_str().trim() == SUCCESS_CODE)
    }
}
