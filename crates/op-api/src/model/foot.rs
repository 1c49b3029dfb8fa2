//! The envelope's `foot`: server-side facts about the answer.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Foot {
    /// When the server answered, `yyyy-MM-dd HH:mm:ss` as sent (kept as text: display only).
    pub operation_time: Option<String>,
    pub service_phone: Option<String>,
    /// The name of the server that answered.
    pub host: Option<String>,
}
