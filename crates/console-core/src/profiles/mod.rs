//! Profiles: what one Op API environment is (`profile`), how the saved ones are kept
//! (`file`), what an IT file may hold (`import_problem`), a profile's CA file, and the
//! built-in demo.

pub(crate) mod ca_file;
pub(crate) mod changes;
#[cfg(feature = "demo")]
pub mod demo;
pub(crate) mod file;
pub(crate) mod import_problem;
#[cfg(not(feature = "demo"))]
pub(crate) mod no_demo;
pub(crate) mod profile;
pub(crate) mod profile_problem;
pub(crate) mod store;
