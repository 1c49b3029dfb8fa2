//! The channel the user came through (the table's `Channle`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Channel {
    pub channel_id: Option<String>,
    pub name: Option<String>,
}
