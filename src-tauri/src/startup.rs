//! IT provisioning: profiles imported from `--profiles FILE` or `OP_CONSOLE_PROFILES`.

use std::path::PathBuf;

use console_core::Console;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

pub const PROFILES_ENV: &str = "OP_CONSOLE_PROFILES";

/// `--profiles FILE` or `--profiles=FILE` wins over the environment variable.
pub fn profiles_file(args: &[String], env: Option<String>) -> Option<PathBuf> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        if arg == "--profiles" {
            return iter.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--profiles=") {
            return Some(PathBuf::from(path));
        }
    }
    env.filter(|v| !v.trim().is_empty()).map(PathBuf::from)
}

pub fn import_from_args(app: &AppHandle, args: &[String]) {
    let Some(path) = profiles_file(args, std::env::var(PROFILES_ENV).ok()) else { return };
    let console = app.state::<Console>();
    match console.import_profiles_file(&path) {
        Ok(count) => log::info!("imported {count} profile(s) from {}", path.display()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_argument_wins_over_the_environment() {
        assert_eq!(
            profiles_file(&args(&["app", "--profiles", "/a.json"]), Some("/b.json".into())),
            Some("/a.json".into())
        );
        assert_eq!(profiles_file(&args(&["app", "--profiles=/a.json"]), None), Some("/a.json".into()));
        assert_eq!(profiles_file(&args(&["app"]), Some("/b.json".into())), Some("/b.json".into()));
        assert_eq!(profiles_file(&args(&["app"]), Some(" ".into())), None);
        assert_eq!(profiles_file(&args(&["app", "--profiles"]), None), None);
    }
}
