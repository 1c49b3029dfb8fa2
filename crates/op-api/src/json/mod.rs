//! JSON text from a server the console does not trust: read with bounds (`parse`) and
//! shown with bounds (`pretty`). The limits are written once here.

mod parse;
mod pretty;

pub(crate) use parse::parse;
pub(crate) use pretty::pretty;

/// Items kept of any list in an answer (tags, addresses, contacts, …); the rest is counted
/// and shown as "N more".
pub const MAX_LIST_ITEMS: usize = 50;
/// Values kept of one answer in all: a 2 MiB answer of tiny values would otherwise be a
/// tree of a million nodes.
pub const MAX_NODES: usize = 20_000;
/// Lists and objects nested deeper than this are skipped (with a warning).
pub const MAX_DEPTH: usize = 64;
/// Warnings the reading itself records at most (the decoder caps the total too).
pub(crate) const MAX_PARSE_WARNINGS: usize = 64;
