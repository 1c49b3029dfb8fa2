//! The envelope's `foot`: server-side facts about the answer.

use serde::Serialize;

use super::reader::{Obj, Reader};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Foot {
    /// When the server answered, `yyyy-MM-dd HH:mm:ss` as sent (kept as text: display only).
    pub operation_time: Option<String>,
    pub service_phone: Option<String>,
    /// The name of the server that answered.
    pub host: Option<String>,
}

impl Foot {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self {
            operation_time: r.text(o, "operationTime"),
            service_phone: r.text(o, "servicePhone"),
            host: r.text(o, "host"),
        }
    }
}
