//! The app the user chatted from (the spec's `Client`; named so it is not mistaken for
//! the HTTP client).

use serde::{Deserialize, Serialize};

use super::RawText;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientApp {
    pub name: Option<String>,
    /// A file name (`635d…_100.png`), not a URL.
    pub logo: Option<String>,
    /// An Integer in the table; kept as text so a string id decodes too.
    pub client_id: Option<RawText>,
}
