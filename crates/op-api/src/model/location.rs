//! Where the chat took place.

use serde::{Deserialize, Serialize};

/// The table swaps the descriptions of `lat` and `lng`; the names are right (the example
/// is Beijing: lat 40.02, lng 116.30). The coordinate system is not said: usually GCJ-02.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Location {
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}
