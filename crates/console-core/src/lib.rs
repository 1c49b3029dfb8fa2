//! console-core: everything Op Console does that does not need Tauri, tested here.
//! The Tauri commands in `src-tauri` are one-line calls into [`Console`].

mod atomic_file;
mod ca_file;
mod clipboard_id;
mod command_line;
mod console;
#[cfg(feature = "demo")]
pub mod demo;
mod desktop_request;
mod desktop_settings;
mod error;
mod harden;
mod hotkey_rule;
mod image_cache;
mod images;
mod import_problem;
mod lock;
mod log_redact;
mod lookup_link;
mod map_link;
#[cfg(not(feature = "demo"))]
mod no_demo;
mod profile;
mod profile_problem;
mod profiles_file;
mod recent;
mod saved_credentials;
mod url_prefix;
mod vault;
mod view;

pub use atomic_file::{MovedAside, MovedReason};
pub use clipboard_id::{clipboard_preview, user_id_in, CLIPBOARD_PREVIEW_CHARS};
pub use command_line::CommandLine;
pub use console::{Console, ProfileView, ProfilesView, ServerChange};
pub use desktop_request::{DesktopRequest, RequestSource};
pub use desktop_settings::{
    DesktopSettings, DesktopView, TrayLabels, DEFAULT_HOTKEY, DESKTOP_FILE_NAME, HOTKEY_MAX_CHARS,
};
pub use error::{ConsoleError, ErrorBody};
pub use harden::harden_process;
pub use hotkey_rule::check_hotkey;
pub use images::{image_allowed, Image, ImageFetcher, MAX_IMAGE_BYTES};
pub use import_problem::ImportProblem;
pub use log_redact::redact_log_line;
pub use lookup_link::{is_link_argument, parse_link, LinkLookup, LinkProblem, LINK_MAX_CHARS, LINK_SCHEME};
pub use map_link::map_link;
pub use profile::{
    is_profile_id, limits, CoordSystem, Profile, ProfileWarning, TileLayer, DEMO_PROFILE_ID, TILE_SUBDOMAINS,
};
pub use profile_problem::{ProfileField, ProfileProblem};
pub use profiles_file::{ProfilesFile, IMPORT_MAX_BYTES, PROFILES_FILE_NAME};
pub use recent::{RecentLookup, RecentLookups, RECENT_FILE_NAME, RECENT_LIMIT};
pub use saved_credentials::{Destination, SavedCredentials};
pub use url_prefix::url_under;
pub use vault::{CredentialKind, CredentialStatus, Vault, KEYRING_SERVICE, KEYRING_WAIT, KEYRING_WRITE_WAIT};
pub use view::{AddressView, ChatView, ContactView, LocationView, LookupAnswer, UserView};
