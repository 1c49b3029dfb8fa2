//! One of a user's addresses.

use serde::Serialize;

use super::reader::{Obj, Reader};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub user_address_id: Option<String>,
    pub address: Option<String>,
    pub remark: Option<String>,
}

impl Address {
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>) -> Self {
        Self { user_address_id: r.text(o, "userAddressId"), address: r.text(o, "address"), remark: r.text(o, "remark") }
    }
}
