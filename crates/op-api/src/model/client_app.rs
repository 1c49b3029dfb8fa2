//! The app the user chatted from (the spec's `Client`; named so it is not mistaken for
//! the HTTP client).

use serde::Serialize;

use super::reader::{Obj, Reader};
use super::RawText;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientApp {
    pub name: Option<String>,
    /// A file name (`635d…_100.png`) or a URL.
    pub logo: Option<String>,
    /// An Integer in the table; kept as text so a string id reads too.
    pub client_id: Option<RawText>,
}

impl ClientApp {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self { name: r.text(o, "name"), logo: r.text(o, "logo"), client_id: r.raw_text(o, "clientId") }
    }
}
