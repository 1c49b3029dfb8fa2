//! console-core: everything Op Console does that does not need Tauri, tested here.
//! The Tauri commands in `src-tauri` are one-line calls into [`Console`].

mod approvals;
mod console;
mod credentials;
mod desktop;
mod error;
mod images;
mod lookups;
pub mod policy;
mod profiles;
pub mod reveals;
mod support;
pub mod updates;

#[cfg(feature = "demo")]
pub use profiles::demo;

pub use approvals::{ApprovalDone, ApprovalRequest, ChangeOutcome, ChangeSource, SaveOutcome};
pub use console::Console;
pub use credentials::destination::Destination;
pub use credentials::saved::SavedCredentials;
pub use credentials::vault::{
    CredentialKind, CredentialStatus, Vault, KEYRING_SERVICE, KEYRING_WAIT, KEYRING_WRITE_WAIT,
};
pub use desktop::clipboard_forget::{forget_later, COPY_MAX_CHARS};
pub use desktop::clipboard_id::{clipboard_preview, user_id_in, CLIPBOARD_PREVIEW_CHARS};
pub use desktop::command_line::CommandLine;
pub use desktop::hotkey_rule::check_hotkey;
pub use desktop::keymap::{keymap, KeyAction, Keymap, KEYS_PER_ACTION, KEY_MAX_CHARS};
pub use desktop::link::{is_link_argument, parse_link, LinkLookup, LinkProblem, LINK_MAX_CHARS, LINK_SCHEME};
pub use desktop::map_link::map_link;
pub use desktop::page_start::PageStart;
pub use desktop::request::{DesktopRequest, RequestSource};
pub use desktop::settings::{
    DataRules, DesktopSettings, DesktopView, TrayLabels, DEFAULT_CLIPBOARD_CLEAR_SECONDS, DEFAULT_HOTKEY,
    DEFAULT_REVEAL_SECONDS, DESKTOP_FILE_NAME, HOTKEY_MAX_CHARS,
};
pub use error::{ConsoleError, ErrorBody};
pub use images::{image_allowed, Image, ImageFetcher, MAX_IMAGE_BYTES};
pub use lookups::phone::{mask_phone, PhoneField};
pub use lookups::recent::{RecentLookup, RecentLookups, RECENT_FILE_NAME, RECENT_LIMIT};
pub use lookups::reply::{LookupFailure, LookupId, LookupReply};
pub use lookups::view::{AddressView, ChatView, ContactView, LocationView, PhoneView, UserView};
pub use profiles::changes::{
    flows_of, DataFlowChanges, FieldChange, FlowField, FlowValue, ProfileChange, SelectionChange,
};
pub use profiles::file::{ProfilesFile, IMPORT_MAX_BYTES, PROFILES_FILE_NAME};
pub use profiles::import_problem::ImportProblem;
pub use profiles::profile::{
    is_profile_id, limits, CoordSystem, Profile, ProfileWarning, TileLayer, DEMO_PROFILE_ID, TILE_SUBDOMAINS,
};
pub use profiles::profile_problem::{ProfileField, ProfileProblem};
pub use profiles::store::{ProfileView, ProfilesView};
pub use support::atomic_file::{MovedAside, MovedReason};
pub use support::clock::now_ms;
pub use support::harden::harden_process;
pub use support::lock::lock;
pub use support::log_redact::redact_log_line;
pub use support::url_prefix::url_under;
