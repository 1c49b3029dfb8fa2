//! The `data` of getChatInfoByUserId: a user's most recent chat.

use serde::{Deserialize, Serialize};

use super::{Channel, ClientApp, Location, RawText, Timestamp, User};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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
