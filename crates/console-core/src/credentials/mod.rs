//! Credentials: the OS keyring (`vault`), what one entry holds (`saved`), where it may be
//! sent (`destination`), and the store the console asks (`store`: the in-memory copy, the
//! destination rule, the migration of the earlier layout).

pub(crate) mod destination;
pub(crate) mod saved;
pub(crate) mod store;
pub(crate) mod vault;
