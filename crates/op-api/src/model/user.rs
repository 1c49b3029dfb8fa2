//! The chat's user: who they are and how to reach them.

use serde::Serialize;

use super::reader::{Obj, Reader};
use super::{Address, Contact, Listed, RawText};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub user_id: Option<String>,
    pub user_name: Option<String>,
    pub nick_name: Option<String>,
    /// The full number: shown only when the operator asks for it.
    pub phone: Option<String>,
    /// Most likely a masked number, for display.
    pub display_phone: Option<String>,
    pub tags: Option<Listed<RawText>>,
    pub address: Option<Listed<Address>>,
    /// A file name or a URL: the profile's asset base URL decides (console-core).
    pub icon: Option<String>,
    pub contacts: Option<Listed<Contact>>,
    /// A malformed row in the table; an integer in the example.
    pub service_count: Option<i64>,
}

impl User {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self {
            user_id: r.text(o, "userId"),
            user_name: r.text(o, "userName"),
            nick_name: r.text(o, "nickName"),
            phone: r.text(o, "phone"),
            display_phone: r.text(o, "displayPhone"),
            tags: r.list(o, "tags", |r, item, path| r.tag(item, path)),
            address: r.list(o, "address", |r, item, path| r.element_object(item, path).map(|a| Address::read(r, &a))),
            icon: r.text(o, "icon"),
            contacts: r.list(o, "contacts", |r, item, path| r.element_object(item, path).map(|c| Contact::read(r, &c))),
            service_count: r.int(o, "serviceCount"),
        }
    }
}
