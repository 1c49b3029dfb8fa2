//! One of a user's contacts: a name and a number.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub user_contact_id: Option<String>,
}
