//! The `data` of getChatInfoByUserId: a user's most recent chat.

use serde::Serialize;

use super::reader::{Obj, Reader};
use super::{Channel, ClientApp, Location, RawText, Timestamp, User};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatInfo {
    pub user: Option<User>,
    /// The operator serving the chat; not necessarily the signed-in one.
    pub operator_id: Option<String>,
    pub subtitle: Option<String>,
    pub channel: Option<Channel>,
    pub ref_chat_id: Option<String>,
    pub location: Option<Location>,
    pub group_id: Option<String>,
    /// A raw status code (`"5"`); what the codes mean is not documented.
    pub status: Option<RawText>,
    /// `u0001` followed by the group id.
    pub chat_id: Option<String>,
    /// Whether the signed-in operator is in the chat's group.
    pub is_in_group: Option<bool>,
    pub version_code: Option<String>,
    pub create_time: Option<Timestamp>,
    /// The table says String, the example sends `4`.
    pub client_type: Option<RawText>,
    pub client: Option<ClientApp>,
}

impl ChatInfo {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self {
            user: r.object(o, "user").map(|u| User::read(r, &u)),
            operator_id: r.text(o, "operatorId"),
            subtitle: r.text(o, "subtitle"),
            channel: r.object(o, "channel").map(|c| Channel::read(r, &c)),
            ref_chat_id: r.text(o, "refChatId"),
            location: r.object(o, "location").map(|l| Location::read(r, &l, "data.location")),
            group_id: r.text(o, "groupId"),
            status: r.raw_text(o, "status"),
            chat_id: r.text(o, "chatId"),
            is_in_group: r.boolean(o, "isInGroup"),
            version_code: r.text(o, "versionCode"),
            create_time: r.time(o, "createTime"),
            client_type: r.raw_text(o, "clientType"),
            client: r.object(o, "client").map(|c| ClientApp::read(r, &c)),
        }
    }
}
