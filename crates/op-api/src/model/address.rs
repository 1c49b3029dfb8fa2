//! One of a user's addresses.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    pub user_address_id: Option<String>,
    pub address: Option<String>,
    pub remark: Option<String>,
}
