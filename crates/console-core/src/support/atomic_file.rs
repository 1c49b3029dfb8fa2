//! The console's own files: written so that a crash never leaves a half-written one (temp
//! file, fsync, rename), readable by this user only (files 0600, folders 0700 on Unix),
//! and, when one cannot be used at start (unreadable, corrupt, from a newer version),
//! moved aside to `<name>.bad-<timestamp>` so the console starts and says so.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::error::ConsoleError;

/// Creates `dir` (and its parents) if needed and makes it this user's only (0700).
pub(crate) fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ConsoleError> {
    let dir = path.parent().ok_or_else(|| ConsoleError::storage(path, "it has no folder"))?;
    private_dir(dir).map_err(|e| ConsoleError::storage(dir, format!("cannot create it: {e}")))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("settings");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // The rename itself is durable only once the folder is synced.
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        ConsoleError::storage(path, format!("cannot write it: {e}"))
    })
}

/// A file of ours that could not be used at start, and where it went.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MovedAside {
    pub file: String,
    pub moved_to: String,
    pub reason: MovedReason,
}

#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MovedReason {
    /// It could not be read (permissions, a folder in its place).
    Unreadable,
    /// It is not what the console writes (damaged, edited by hand).
    Corrupt,
    /// A newer Op Console wrote it, in a format this one does not know.
    Newer,
}

/// Reads a JSON file of ours: a missing file is `None`; one that cannot be used (read,
/// parsed, or `check`ed) is moved aside, and the start goes on without it.
pub(crate) fn load_or_move_aside<T: serde::de::DeserializeOwned>(
    path: &Path,
    check: impl Fn(&T) -> Option<MovedReason>,
) -> (Option<T>, Option<MovedAside>) {
    let reason = match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
        Err(_) => MovedReason::Unreadable,
        Ok(bytes) => match serde_json::from_slice::<T>(&bytes) {
            Err(_) => MovedReason::Corrupt,
            Ok(value) => match check(&value) {
                None => return (Some(value), None),
                Some(reason) => reason,
            },
        },
    };
    let stamp =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let moved_to = path.with_file_name(format!("{name}.bad-{stamp}"));
    if let Err(e) = std::fs::rename(path, &moved_to) {
        tracing::error!("{} cannot be used ({reason:?}) nor moved aside: {e}", path.display());
    } else {
        tracing::warn!("{} cannot be used ({reason:?}): moved to {}", path.display(), moved_to.display());
    }
    let moved = MovedAside { file: path.display().to_string(), moved_to: moved_to.display().to_string(), reason };
    (None, Some(moved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/profiles.json");
        write_atomic(&path, b"{\"a\":1}").unwrap();
        write_atomic(&path, b"{\"a\":2}").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"a\":2}");
        let names: Vec<_> =
            std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_this_user_s_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config/profiles.json");
        write_atomic(&path, b"{}").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }

    #[test]
    fn a_file_that_cannot_be_used_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        assert_eq!(load_or_move_aside::<serde_json::Value>(&path, |_| None), (None, None));
        std::fs::write(&path, "{not json").unwrap();
        let (value, moved) = load_or_move_aside::<serde_json::Value>(&path, |_| None);
        let moved = moved.unwrap();
        assert_eq!((value, moved.reason), (None, MovedReason::Corrupt));
        assert!(!path.exists());
        assert_eq!(std::fs::read_to_string(&moved.moved_to).unwrap(), "{not json");
        assert!(moved.moved_to.contains("p.json.bad-"), "{}", moved.moved_to);
        std::fs::write(&path, "{\"version\": 9}").unwrap();
        let (_, moved) = load_or_move_aside::<serde_json::Value>(&path, |_| Some(MovedReason::Newer));
        assert_eq!(moved.unwrap().reason, MovedReason::Newer);
    }
}
