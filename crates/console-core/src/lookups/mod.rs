//! Lookups: the recent list and the view the page shows of an answer.

pub(crate) mod recent;
pub(crate) mod view;
