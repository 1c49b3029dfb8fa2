//! The commands the UI invokes. Each validates (in console-core), calls, maps the error:
//! none holds logic of its own, and none returns a credential.

#[macro_use]
mod list;

mod credentials;
mod desktop;
mod lookup;
mod map;
mod profiles;
mod ready;
mod recent;

pub use ready::StartedAt;

/// Every command's name, as the page invokes it (the list is in `list.rs`).
pub const COMMANDS: &[&str] = app_commands!(command_names);

macro_rules! invoke_handler {
    ($($module:ident :: $command:ident),* $(,)?) => {
        tauri::generate_handler![$($module::$command),*]
    };
}

/// Every command, for the builder and for the tests' mock app.
pub fn handlers<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    app_commands!(invoke_handler)
}
