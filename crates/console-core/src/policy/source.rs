//! Where the policy file is. One place per system, which only an administrator can write:
//! Linux `/etc/op-console/policy.json`, Windows `%ProgramData%\Op Console\policy.json`,
//! macOS `/Library/Application Support/Op Console/policy.json`. The console never writes
//! it, and nothing an operator can change overrides it.
//!
//! Tests (and IT trying a policy out) may name another folder in `OP_CONSOLE_POLICY_DIR`,
//! on Unix only and only when (a) the system's own policy file does not exist, and (b) that
//! folder and its `policy.json` belong to root and no one else may write them. On a managed
//! machine the variable is ignored, so an operator cannot swap IT's policy for a laxer one;
//! on an unmanaged machine it can only add restrictions, from a file an operator cannot
//! write. The installed console is the one tested: no build of its own for tests.

use std::path::{Path, PathBuf};

pub const POLICY_FILE_NAME: &str = "policy.json";
pub const POLICY_DIR_ENV: &str = "OP_CONSOLE_POLICY_DIR";

/// The system's policy folder.
pub fn system_policy_dir() -> PathBuf {
    #[cfg(target_os = "windows")]
    {
        let base =
            std::env::var_os("ProgramData").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(r"C:\ProgramData"));
        base.join("Op Console")
    }
    #[cfg(target_os = "macos")]
    {
        PathBuf::from("/Library/Application Support/Op Console")
    }
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    {
        PathBuf::from("/etc/op-console")
    }
}

/// The policy file to read: the system's, or (see above) the one `OP_CONSOLE_POLICY_DIR`
/// names when the system has none and that folder is root's alone.
pub fn policy_path(system_dir: &Path, env_dir: Option<&Path>) -> PathBuf {
    let system = system_dir.join(POLICY_FILE_NAME);
    if std::fs::symlink_metadata(&system).is_ok() {
        return system;
    }
    match env_dir {
        Some(dir) if root_only(dir) && root_only(&dir.join(POLICY_FILE_NAME)) => dir.join(POLICY_FILE_NAME),
        _ => system,
    }
}

/// Owned by root, writable by no one else, not a symbolic link.
#[cfg(unix)]
fn root_only(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_symlink() && m.uid() == 0 && m.mode() & 0o022 == 0)
}

#[cfg(not(unix))]
fn root_only(_path: &Path) -> bool {
    false
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn is_root() -> bool {
        // SAFETY: geteuid has no arguments and cannot fail.
        unsafe { libc::geteuid() == 0 }
    }

    #[test]
    fn the_system_s_file_wins_and_a_folder_not_root_s_alone_is_ignored() {
        let system = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join(POLICY_FILE_NAME), "{}").unwrap();
        std::fs::set_permissions(other.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(other.path().join(POLICY_FILE_NAME), std::fs::Permissions::from_mode(0o644)).unwrap();
        let from_env = policy_path(system.path(), Some(other.path()));
        // Root's folder, writable by root only: used while the system has no policy.
        if is_root() {
            assert_eq!(from_env, other.path().join(POLICY_FILE_NAME));
        } else {
            assert_eq!(from_env, system.path().join(POLICY_FILE_NAME), "not root's: ignored");
        }
        // A folder others may write is never trusted.
        std::fs::set_permissions(other.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(policy_path(system.path(), Some(other.path())), system.path().join(POLICY_FILE_NAME));
        std::fs::set_permissions(other.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(other.path().join(POLICY_FILE_NAME), std::fs::Permissions::from_mode(0o666)).unwrap();
        assert_eq!(policy_path(system.path(), Some(other.path())), system.path().join(POLICY_FILE_NAME));
        // A managed machine: the system's policy, whatever the variable says.
        std::fs::write(system.path().join(POLICY_FILE_NAME), "{}").unwrap();
        std::fs::set_permissions(other.path().join(POLICY_FILE_NAME), std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(policy_path(system.path(), Some(other.path())), system.path().join(POLICY_FILE_NAME));
    }
}
