//! The console on the operator's desktop: what the hotkey, links, the tray and the
//! command line ask (`request`), and how each is read; the desktop settings.

pub(crate) mod clipboard_forget;
pub(crate) mod clipboard_id;
pub(crate) mod command_line;
pub(crate) mod hotkey_rule;
pub(crate) mod keymap;
pub(crate) mod link;
pub(crate) mod map_link;
pub(crate) mod page_start;
pub(crate) mod policy;
pub(crate) mod request;
pub(crate) mod settings;
pub(crate) mod store;
