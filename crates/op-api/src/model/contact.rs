//! One of a user's contacts: a name and a number.

use serde::Serialize;

use super::reader::{Obj, Reader};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub user_contact_id: Option<String>,
}

impl Contact {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self { name: r.text(o, "name"), phone: r.text(o, "phone"), user_contact_id: r.text(o, "userContactId") }
    }
}
