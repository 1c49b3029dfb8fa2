//! A list of the answer as kept: its items, and how many more the server sent beyond
//! [`crate::MAX_LIST_ITEMS`] (shown as "N more", never read into memory).

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed<T> {
    pub items: Vec<T>,
    pub left_out: usize,
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Self { items: Vec::new(), left_out: 0 }
    }
}
