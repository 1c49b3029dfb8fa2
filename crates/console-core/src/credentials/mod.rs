//! Credentials: the OS keyring (`vault`) and what one entry holds, bound to the
//! destination it was saved for (`saved`).

pub(crate) mod saved;
pub(crate) mod vault;
