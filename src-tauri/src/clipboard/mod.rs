//! The system clipboard: the hotkey's and the tray's "look up the clipboard" read it, the
//! page's copies write it (`copy_text`), a copied revealed number is cleared from it.
//!
//! On Linux through GTK's own clipboard, which the app already links (its windows are
//! GTK's): the clipboard plugin's arboard brought its own X11 and Wayland clients and an
//! image codec (0.55 MB of binary, bench/RESULTS.md). Elsewhere the official plugin.

#[cfg(target_os = "linux")]
mod gtk;
#[cfg(target_os = "linux")]
pub use gtk::{clear, read_text, write_text};

#[cfg(not(target_os = "linux"))]
mod plugin;
#[cfg(not(target_os = "linux"))]
pub use plugin::{clear, read_text, write_text};
