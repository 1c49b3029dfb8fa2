//! The chat's user: who they are and how to reach them.

use serde::{Deserialize, Serialize};

use super::{Address, Contact, RawText};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct User {
    pub user_id: Option<String>,
    pub user_name: Option<String>,
    pub nick_name: Option<String>,
    /// The full number: shown only when the operator asks for it.
    pub phone: Option<String>,
    /// Most likely a masked number, for display.
    pub display_phone: Option<String>,
    pub tags: Option<Vec<RawText>>,
    pub address: Option<Vec<Address>>,
    /// A file name, not a URL: the profile's asset base URL turns it into one.
    pub icon: Option<String>,
    pub contacts: Option<Vec<Contact>>,
    /// A malformed row in the table; an integer in the example.
    pub service_count: Option<i64>,
}
