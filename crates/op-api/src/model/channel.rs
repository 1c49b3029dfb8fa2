//! The channel the user came through (the table's `Channle`).

use serde::Serialize;

use super::reader::{Obj, Reader};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub channel_id: Option<String>,
    pub name: Option<String>,
}

impl Channel {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self { channel_id: r.text(o, "channelId"), name: r.text(o, "name") }
    }
}
