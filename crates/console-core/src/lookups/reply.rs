//! What a lookup replies to the page, success or failure: both carry the lookup's ID (its
//! raw answer and numbers are asked for by it) and the recent list as it now is.

use serde::Serialize;

use crate::error::ErrorBody;
use crate::lookups::recent::RecentLookup;
use crate::lookups::view::ChatView;

/// A lookup's number in this session: 1, 2, 3, …
pub type LookupId = u32;

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LookupReply {
    pub lookup_id: LookupId,
    pub chat: ChatView,
    pub recent: Vec<RecentLookup>,
}

/// A failed lookup: the error (code and parameters), the lookup's ID when it reached the
/// point of having one (then its raw answer may be asked for), and the recent list.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LookupFailure {
    pub lookup_id: Option<LookupId>,
    pub recent: Vec<RecentLookup>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub body: ErrorBody,
}

impl LookupFailure {
    pub fn error(&self) -> &crate::error::ConsoleError {
        &self.body.error
    }

    /// The stable code of the error, as the recent list records it.
    pub fn code(&self) -> String {
        self.body.error.code()
    }
}
