//! The console's command line (links, `--lookup`, IT's `--profiles FILE` or
//! `OP_CONSOLE_PROFILES`), and the native message when it cannot start.

use std::path::{Path, PathBuf};

use console_core::{ChangeOutcome, ChangeSource, CommandLine, Console, DesktopRequest};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

pub const PROFILES_ENV: &str = "OP_CONSOLE_PROFILES";

/// This launch's command line. Its request (a link, a `--lookup` screen pop) is returned
/// for the page to start with (`desktop::open_main_window`), its lookup begun now, while
/// WebKit loads the page: the page's call for it takes the answer. Its `--profiles` file
/// is imported, else `OP_CONSOLE_PROFILES`.
pub fn at_start(app: &AppHandle, args: &[String], cwd: &Path) -> Option<DesktopRequest> {
    let request = read(app, args, cwd, ChangeSource::StartUp);
    if let Some(DesktopRequest::Lookup { profile_id, user_id, .. }) = &request {
        let (app, profile_id, user_id) = (app.clone(), profile_id.clone(), user_id.clone());
        tauri::async_runtime::spawn(async move {
            if let Some(console) = app.try_state::<Console>() {
                console.begin_lookup(profile_id.as_deref(), &user_id).await;
            }
        });
    }
    request
}

/// A second launch's command line, handed over by single-instance with the launching
/// process's own folder: its request goes to the page, its `--profiles` file is imported.
pub fn second_launch(app: &AppHandle, args: &[String], cwd: &Path) {
    if let Some(request) = read(app, args, cwd, ChangeSource::SecondLaunch) {
        crate::desktop::send(app, request);
    }
}

/// A line with a link is the link alone (console-core's `CommandLine`): what stood beside
/// it is logged and ignored. The profiles file is imported in the background.
fn read(app: &AppHandle, args: &[String], cwd: &Path, source: ChangeSource) -> Option<DesktopRequest> {
    let line = CommandLine::parse(args, cwd);
    if !line.ignored.is_empty() {
        log::warn!("command-line arguments ignored: {:?}", line.ignored);
    }
    let from_env = || std::env::var(PROFILES_ENV).ok().filter(|v| !v.trim().is_empty()).map(PathBuf::from);
    let file = match line.profiles_file {
        Some(file) => Some(file),
        None if source == ChangeSource::StartUp => from_env().map(|p| cwd.join(p)),
        None => None,
    };
    if let Some(path) = file {
        let app = app.clone();
        tauri::async_runtime::spawn(async move { import_from(&app, &path, source).await });
    }
    line.request
}

/// IT's file: applied when it moves no data; otherwise the trusted window asks the
/// operator, whatever path the file came by.
async fn import_from(app: &AppHandle, path: &Path, source: ChangeSource) {
    let Some(console) = app.try_state::<Console>() else { return };
    match console.import_profiles_file(path, source).await {
        Ok(ChangeOutcome::Applied { profiles }) => log::info!("imported {profiles} profile(s) from {}", path.display()),
        Ok(ChangeOutcome::NeedsApproval { .. }) => {
            log::info!("profiles from {} wait for the operator's approval", path.display());
            crate::desktop::open_trusted_window(app);
        }
        // The app still starts: the operator can fix or import the file from Settings.
        Err(e) => {
            log::error!("profiles not imported from {}: {e}", path.display());
            eprintln!("Op Console: profiles not imported from {}: {e}", path.display());
        }
    }
}

/// The console's state could not be opened: say so in a native dialog (in both languages:
/// the page, which owns the sentences, cannot run without that state), log it, and end
/// when the operator closes the dialog.
pub fn cannot_start(app: &AppHandle, reason: &str) {
    log::error!("Op Console cannot start: {reason}");
    let text = format!(
        "Op 客服控制台无法启动：无法打开它的设置文件夹。请检查磁盘空间和主目录的权限，然后重新启动；如果仍然失败，请联系 IT。\n\nOp Console cannot start: it cannot open its settings folder. Check the free disk space and your home folder's permissions, then start it again; if it keeps failing, contact IT.\n\n({reason})"
    );
    let handle = app.clone();
    app.dialog().message(text).title("Op Console").kind(MessageDialogKind::Error).show(move |_| handle.exit(1));
}
