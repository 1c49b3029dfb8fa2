// The one list of the app's commands, as `module::function`, by the window that may call
// them: the main page, and the trusted window (credentials typed, changes approved: what
// the main page must neither see nor decide). Included by build.rs for the permission
// manifest (an `allow-…` permission each) and expanded in commands/mod.rs into the invoke
// handler and the name lists; tests check each window's capability and the UI's generated
// command names against it. Add a command here and nowhere else by hand.
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            main: [
                lookup::lookup_chat,
                lookup::raw_answer,
                lookup::reveal_phone,
                lookup::reveal_location,
                profiles::list_profiles,
                profiles::save_profile,
                profiles::delete_profile,
                profiles::select_profile,
                profiles::import_profiles,
                profiles::sign_preview,
                ca_file::choose_ca_file,
                credentials::request_credentials,
                credentials::forget_credentials,
                credentials::credential_status,
                recent::recent_lookups,
                recent::clear_recent_lookups,
                map::open_in_map,
                clipboard::copy_text,
                ready::ui_ready,
                ready::moved_aside,
                ready::policy_report,
                desktop::connect_desktop,
                desktop::show_tray,
                desktop::desktop_settings,
                desktop::save_desktop_settings,
                desktop::close_window,
                desktop::desktop_answer_painted,
                updates::watch_updates,
                updates::check_for_update,
                updates::install_update,
            ],
            trusted: [
                trusted::approval_request,
                trusted::approve_changes,
                trusted::decline_request,
                trusted::save_requested_credentials,
            ],
        }
    };
}

// Every command's name, as a page invokes it.
macro_rules! command_names {
    (main: [$($module:ident :: $command:ident),* $(,)?], trusted: [$($t_module:ident :: $t_command:ident),* $(,)?] $(,)?) => {
        &[$(stringify!($command)),*, $(stringify!($t_command)),*]
    };
}
