//! Updates through Tauri's updater plugin on console-core's plan: the plugin reads the
//! manifest, checks the download's minisign signature against the release key built into
//! the app (and the version it was signed for) and hands the package to its installer; this
//! module decides when, tells the page, and restarts into the new version. The page can
//! only ask for a check or an install: the endpoint, the key and the network are not its.

mod build;
mod client;
mod outcome;
mod service;

pub use service::Updates;
