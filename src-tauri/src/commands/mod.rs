//! The commands the UI invokes. Each validates (in console-core), calls, maps the error:
//! none holds logic of its own, and none returns a credential.

mod credentials;
mod lookup;
mod map;
mod profiles;
mod ready;
mod recent;

pub use ready::StartedAt;

/// Every command, for the builder and for the tests' mock app.
pub fn handlers<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        lookup::lookup_chat,
        profiles::list_profiles,
        profiles::save_profile,
        profiles::delete_profile,
        profiles::select_profile,
        profiles::import_profiles,
        credentials::save_credentials,
        credentials::forget_credentials,
        credentials::credential_status,
        recent::recent_lookups,
        recent::clear_recent_lookups,
        map::open_in_map,
        ready::ui_ready,
    ]
}
