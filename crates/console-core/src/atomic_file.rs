//! Writes that never leave a half-written settings file: temp file, fsync, rename.

use std::io::Write;
use std::path::Path;

use crate::error::ConsoleError;

pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ConsoleError> {
    let dir = path.parent().ok_or_else(|| ConsoleError::storage(path, "it has no folder"))?;
    std::fs::create_dir_all(dir).map_err(|e| ConsoleError::storage(dir, format!("cannot create it: {e}")))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("settings");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
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

/// Reads a JSON file; a missing file is `None`.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>, ConsoleError> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| ConsoleError::storage(path, format!("it is not valid: {e}"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConsoleError::storage(path, format!("cannot read it: {e}"))),
    }
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

    #[test]
    fn a_corrupt_file_is_an_error_not_an_empty_default() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        std::fs::write(&path, "{not json").unwrap();
        let err = read_json::<serde_json::Value>(&path).unwrap_err();
        assert_eq!(err.code(), "storage");
        assert_eq!(read_json::<serde_json::Value>(&dir.path().join("none.json")).unwrap(), None);
    }
}
