//! Where the policy file is. One place per system, which only an administrator can write:
//! Linux `/etc/op-console/policy.json`, Windows `%ProgramData%\Op Console\policy.json`,
//! macOS `/Library/Application Support/Op Console/policy.json`. The console never writes
//! it, and nothing an operator can change overrides it.
//!
//! Tests (and IT trying a policy out) may name another folder in `OP_CONSOLE_POLICY_DIR`,
//! on Unix only and only when (a) the system's own policy file does not exist, and (b) that
//! folder, the folders above it and its `policy.json` belong to root and no one else may
//! write them. On a managed machine the variable is ignored, so an operator cannot swap IT's
//! policy for a laxer one; on an unmanaged machine the file it names is one only root could
//! have written. The installed console is the one tested: no build of its own for tests.

use std::path::{Path, PathBuf};

pub const POLICY_FILE_NAME: &str = "policy.json";
pub const POLICY_DIR_ENV: &str = "OP_CONSOLE_POLICY_DIR";

/// The system's policy folder. Never from the environment, which the operator's session
/// sets (`%ProgramData%` included): the Windows default is where the installer's own
/// machine-wide data goes.
pub fn system_policy_dir() -> PathBuf {
    #[cfg(target_os = "windows")]
    {
        PathBuf::from(r"C:\ProgramData\Op Console")
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

/// Something is at `path` unless the system says "not found": a file the console may not
/// even look at is IT's, never "no policy".
pub(crate) fn present(path: &Path) -> bool {
    !matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

/// Where the policy is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicySource {
    /// The system's file (present or not).
    System(PathBuf),
    /// A test folder's file (see above), checked again when it is opened.
    RootOnly(PathBuf),
}

impl PolicySource {
    pub fn path(&self) -> &Path {
        match self {
            Self::System(path) | Self::RootOnly(path) => path,
        }
    }
}

/// The policy file to read: the system's, or (see above) the one `OP_CONSOLE_POLICY_DIR`
/// names when the system has none and that folder is root's alone.
pub fn policy_source(system_dir: &Path, env_dir: Option<&Path>) -> PolicySource {
    let system = system_dir.join(POLICY_FILE_NAME);
    if present(&system) {
        return PolicySource::System(system);
    }
    match env_dir.and_then(root_only_file) {
        Some(file) => PolicySource::RootOnly(file),
        None => PolicySource::System(system),
    }
}

/// The policy file in `dir` when the folder, every folder above it and the file belong to
/// root and no one else may write them (a folder above may be sticky, as `/tmp` is: others
/// cannot move root's entries in it), none of them reached through a symbolic link.
#[cfg(unix)]
fn root_only_file(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    let file = dir.join(POLICY_FILE_NAME);
    root_only_chain(&file).then_some(file)
}

#[cfg(not(unix))]
fn root_only_file(_dir: &Path) -> Option<PathBuf> {
    None
}

/// Whether only root may change the system's policy file at `path`: the file (where a link
/// leads, as configuration tools may place it) and the folders above it as for a test
/// folder, and the folders above the link too (one who may write them could point it
/// elsewhere). One an operator could write is not IT's word. A path that cannot be followed
/// is left to the reading, which says it cannot be read. Elsewhere than Unix the folder's
/// permissions are the installer's (not checked here).
#[cfg(unix)]
pub(crate) fn administrators_only(path: &Path) -> bool {
    let Ok(file) = std::fs::canonicalize(path) else { return true };
    root_only_chain(&file) && (file == path || path.parent().is_some_and(root_only_folders))
}

#[cfg(not(unix))]
pub(crate) fn administrators_only(_path: &Path) -> bool {
    true
}

/// `file` (no link) and its folder belong to root and no one else may write them; every
/// folder above as well, or is sticky.
#[cfg(unix)]
fn root_only_chain(file: &Path) -> bool {
    root_only(file, false) && file.parent().is_some_and(root_only_folders)
}

/// `dir` (no link) belongs to root and no one else may write it; every folder above as
/// well, or is sticky (others cannot move root's entries in it, as in `/tmp`).
#[cfg(unix)]
fn root_only_folders(dir: &Path) -> bool {
    root_only(dir, false) && dir.ancestors().skip(1).all(|a| root_only(a, true))
}

#[cfg(unix)]
fn root_only(path: &Path, sticky_ok: bool) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_symlink() && roots_alone(&m, sticky_ok))
}

/// Root owns it and no one else may write it (or, where `sticky_ok`, it is sticky).
#[cfg(unix)]
fn roots_alone(meta: &std::fs::Metadata, sticky_ok: bool) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.uid() == 0 && (meta.mode() & 0o022 == 0 || sticky_ok && meta.mode() & 0o1000 != 0)
}

/// Opens a test folder's policy file without following a link, and checks again, on what
/// was opened, that root alone may write it.
#[cfg(unix)]
pub(crate) fn open_root_only(path: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW).open(path).ok()?;
    let meta = file.metadata().ok()?;
    (meta.is_file() && roots_alone(&meta, false)).then_some(file)
}

#[cfg(not(unix))]
pub(crate) fn open_root_only(_path: &Path) -> Option<std::fs::File> {
    None
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
        let from_env = policy_source(system.path(), Some(other.path())).path().to_owned();
        // Root's folder, writable by root only: used while the system has no policy.
        if is_root() {
            assert_eq!(from_env, other.path().join(POLICY_FILE_NAME));
        } else {
            assert_eq!(from_env, system.path().join(POLICY_FILE_NAME), "not root's: ignored");
        }
        // A folder others may write is never trusted.
        std::fs::set_permissions(other.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(
            policy_source(system.path(), Some(other.path())).path().to_owned(),
            system.path().join(POLICY_FILE_NAME)
        );
        std::fs::set_permissions(other.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(other.path().join(POLICY_FILE_NAME), std::fs::Permissions::from_mode(0o666)).unwrap();
        assert_eq!(
            policy_source(system.path(), Some(other.path())).path().to_owned(),
            system.path().join(POLICY_FILE_NAME)
        );
        // A managed machine: the system's policy, whatever the variable says.
        std::fs::write(system.path().join(POLICY_FILE_NAME), "{}").unwrap();
        std::fs::set_permissions(other.path().join(POLICY_FILE_NAME), std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(
            policy_source(system.path(), Some(other.path())).path().to_owned(),
            system.path().join(POLICY_FILE_NAME)
        );
    }

    #[test]
    fn a_folder_under_one_others_may_write_is_not_root_s_alone() {
        let top = tempfile::tempdir().unwrap();
        let open = top.path().join("open");
        let inner = open.join("policy");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(inner.join(POLICY_FILE_NAME), "{}").unwrap();
        std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&inner, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(inner.join(POLICY_FILE_NAME), std::fs::Permissions::from_mode(0o644)).unwrap();
        let system = tempfile::tempdir().unwrap();
        let chosen = |s: &Path| policy_source(s, Some(&inner));
        // Anyone could rename `policy` away and put their own in its place.
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(chosen(system.path()), PolicySource::System(system.path().join(POLICY_FILE_NAME)));
        if is_root() {
            std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
            assert_eq!(
                chosen(system.path()),
                PolicySource::RootOnly(inner.canonicalize().unwrap().join(POLICY_FILE_NAME))
            );
            // Sticky, as /tmp is: others cannot move root's entries.
            std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o1777)).unwrap();
            assert!(matches!(chosen(system.path()), PolicySource::RootOnly(_)));
        }
    }
}
