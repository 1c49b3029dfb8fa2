//! IT provisioning: profiles imported from `--profiles FILE` or `OP_CONSOLE_PROFILES`.

use std::path::{Path, PathBuf};

use console_core::Console;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

pub const PROFILES_ENV: &str = "OP_CONSOLE_PROFILES";

/// `--profiles FILE` or `--profiles=FILE` wins over the environment variable; a relative
/// path is the launching process's own, so it is resolved against its working folder.
pub fn profiles_file(args: &[String], env: Option<String>, cwd: &Path) -> Option<PathBuf> {
    let mut iter = args.iter().skip(1);
    let mut named = None;
    while let Some(arg) = iter.next() {
        if arg == "--profiles" {
            named = iter.next().map(PathBuf::from);
            break;
        }
        if let Some(path) = arg.strip_prefix("--profiles=") {
            named = Some(PathBuf::from(path));
            break;
        }
    }
    let path = named.or_else(|| env.filter(|v| !v.trim().is_empty()).map(PathBuf::from))?;
    Some(if path.is_absolute() { path } else { cwd.join(path) })
}

/// At start: the console's own arguments, else `OP_CONSOLE_PROFILES`.
pub fn import_at_start(app: &AppHandle) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let args: Vec<String> = std::env::args().collect();
    import_from(app, profiles_file(&args, std::env::var(PROFILES_ENV).ok(), &cwd));
}

/// A second launch, routed here by single-instance: only its own arguments (never this
/// process's environment), relative to its own working folder.
pub fn import_from_second_launch(app: &AppHandle, args: &[String], cwd: &str) {
    import_from(app, profiles_file(args, None, Path::new(cwd)));
}

fn import_from(app: &AppHandle, path: Option<PathBuf>) {
    let Some(path) = path else { return };
    let Some(console) = app.try_state::<Console>() else { return };
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
        let cwd = Path::new("/home/agent");
        assert_eq!(
            profiles_file(&args(&["app", "--profiles", "/a.json"]), Some("/b.json".into()), cwd),
            Some("/a.json".into())
        );
        assert_eq!(profiles_file(&args(&["app", "--profiles=/a.json"]), None, cwd), Some("/a.json".into()));
        assert_eq!(profiles_file(&args(&["app"]), Some("/b.json".into()), cwd), Some("/b.json".into()));
        assert_eq!(profiles_file(&args(&["app"]), Some(" ".into()), cwd), None);
        assert_eq!(profiles_file(&args(&["app", "--profiles"]), None, cwd), None);
    }

    #[test]
    fn a_relative_path_is_the_launching_process_s() {
        let cwd = Path::new("/home/agent/Downloads");
        assert_eq!(
            profiles_file(&args(&["app", "--profiles", "it/profiles.json"]), None, cwd),
            Some("/home/agent/Downloads/it/profiles.json".into())
        );
    }
}
