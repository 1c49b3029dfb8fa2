//! Lookups: each numbered (`reply`), answered by the server through a pooled client
//! (`store`), shown as a view (`view`, numbers masked by `phone`), kept for support and
//! for revealing a number or the exact location (`records`, `location`), and listed in
//! the recent list (`recent`); the one a link started the console for begins before the
//! page asks (`early`).

pub(crate) mod early;
pub(crate) mod location;
pub(crate) mod phone;
pub(crate) mod recent;
pub(crate) mod records;
pub(crate) mod reply;
pub(crate) mod store;
pub(crate) mod view;
