//! The commands the pages invoke. Each validates (in console-core), calls, maps the error:
//! none holds logic of its own, and none returns a credential.

#[macro_use]
mod list;

mod ca_file;
mod clipboard;
mod credentials;
mod desktop;
mod lookup;
mod map;
mod profiles;
mod ready;
mod recent;
mod trusted;
mod updates;

pub use ready::StartedAt;

macro_rules! main_names {
    (main: [$($module:ident :: $command:ident),* $(,)?], trusted: [$($t_module:ident :: $t_command:ident),* $(,)?] $(,)?) => {
        &[$(stringify!($command)),*]
    };
}

macro_rules! trusted_names {
    (main: [$($module:ident :: $command:ident),* $(,)?], trusted: [$($t_module:ident :: $t_command:ident),* $(,)?] $(,)?) => {
        &[$(stringify!($t_command)),*]
    };
}

/// Every command's name (the list is in `list.rs`).
pub const COMMANDS: &[&str] = app_commands!(command_names);
/// The main page's commands: its capability grants exactly these.
pub const MAIN_COMMANDS: &[&str] = app_commands!(main_names);
/// The trusted window's commands: its capability grants exactly these.
pub const TRUSTED_COMMANDS: &[&str] = app_commands!(trusted_names);

macro_rules! invoke_handler {
    (main: [$($module:ident :: $command:ident),* $(,)?], trusted: [$($t_module:ident :: $t_command:ident),* $(,)?] $(,)?) => {
        tauri::generate_handler![$($module::$command),*, $($t_module::$t_command),*]
    };
}

/// Every command, for the builder and for the tests' mock app.
pub fn handlers<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    app_commands!(invoke_handler)
}
