// The one list of the app's commands, as `module::function`. Included by build.rs for the
// permission manifest (an `allow-…` permission each) and expanded in commands/mod.rs into
// the invoke handler and `COMMANDS`; tests check the capability and the UI's generated
// command names against it. Add a command here and nowhere else by hand.
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            lookup::lookup_chat,
            lookup::raw_answer,
            lookup::reveal_phone,
            profiles::list_profiles,
            profiles::save_profile,
            profiles::delete_profile,
            profiles::select_profile,
            profiles::preview_import,
            profiles::import_profiles,
            profiles::sign_preview,
            credentials::save_credentials,
            credentials::forget_credentials,
            credentials::credential_status,
            recent::recent_lookups,
            recent::clear_recent_lookups,
            map::open_in_map,
            ready::ui_ready,
            ready::moved_aside,
            desktop::connect_desktop,
            desktop::desktop_settings,
            desktop::save_desktop_settings,
            desktop::close_window,
        }
    };
}

// The commands' names, as the page invokes them.
macro_rules! command_names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}
