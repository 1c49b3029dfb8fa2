//! The journal: one JSON line per reveal in `reveals.jsonl` in the data folder, opened for
//! appending only (a line is written whole or the reveal is refused), readable by this user
//! only. A line that cannot be read (cut by a crash) is skipped when exporting, never
//! rewritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::ConsoleError;
use crate::lookups::phone::PhoneField;
use crate::support::atomic_file::private_dir;
use crate::support::lock::lock;

pub const REVEALS_FILE_NAME: &str = "reveals.jsonl";

/// A reason is a short sentence, not a place for customer data.
pub const REASON_MAX_CHARS: usize = 200;

/// One reveal, as the journal keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevealEntry {
    /// Milliseconds since the Unix epoch.
    pub at: i64,
    /// The operator ID of the profile the lookup was made with (`null` when it has none).
    pub operator_id: Option<String>,
    pub profile_id: String,
    pub user_id: String,
    /// `user`, `contact-1`, …
    pub field: String,
    pub reason: Option<String>,
}

impl RevealEntry {
    pub fn field_name(field: PhoneField) -> String {
        match field {
            PhoneField::User => "user".into(),
            PhoneField::Contact { index } => format!("contact-{index}"),
        }
    }
}

pub struct RevealJournal {
    path: PathBuf,
    /// One writer at a time: lines never interleave.
    writing: Mutex<()>,
}

impl RevealJournal {
    pub fn new(data_dir: &Path) -> Self {
        Self { path: data_dir.join(REVEALS_FILE_NAME), writing: Mutex::new(()) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `entry` and syncs it to disk; an error means nothing was revealed.
    pub fn append(&self, entry: &RevealEntry) -> Result<(), ConsoleError> {
        let _one_at_a_time = lock(&self.writing);
        let mut line = serde_json::to_vec(entry).map_err(|e| ConsoleError::storage(&self.path, e))?;
        line.push(b'\n');
        let dir = self.path.parent().unwrap_or(Path::new("."));
        private_dir(dir).map_err(|e| ConsoleError::storage(dir, format!("cannot create it: {e}")))?;
        let mut options = std::fs::OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&self.path).map_err(|e| ConsoleError::storage(&self.path, e))?;
        file.write_all(&line).and_then(|()| file.sync_data()).map_err(|e| ConsoleError::storage(&self.path, e))
    }

    /// Every entry that can be read, oldest first.
    pub fn entries(&self) -> Result<Vec<RevealEntry>, ConsoleError> {
        read_entries(&self.path)
    }
}

/// The entries of the journal at `path` (none when there is no journal yet).
pub fn read_entries(path: &Path) -> Result<Vec<RevealEntry>, ConsoleError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ConsoleError::storage(path, e)),
    };
    Ok(text.lines().filter_map(|line| serde_json::from_str(line).ok()).collect())
}

/// A reason as the journal keeps it: trimmed, one line, at most [`REASON_MAX_CHARS`].
pub fn clean_reason(reason: Option<&str>) -> Option<String> {
    let one_line: String = reason?.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let trimmed: String = one_line.trim().chars().take(REASON_MAX_CHARS).collect();
    (!trimmed.is_empty()).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(user: &str) -> RevealEntry {
        RevealEntry {
            at: 1_700_000_000_000,
            operator_id: Some("o0001".into()),
            profile_id: "prod".into(),
            user_id: user.into(),
            field: RevealEntry::field_name(PhoneField::Contact { index: 2 }),
            reason: clean_reason(Some("  回访\n工单 123 ")),
        }
    }

    #[test]
    fn appended_lines_are_kept_in_order_and_a_cut_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let journal = RevealJournal::new(&dir.path().join("data"));
        journal.append(&entry("u1")).unwrap();
        // A crash in the middle of a line: the next reveal still appends after it.
        let mut file = std::fs::OpenOptions::new().append(true).open(journal.path()).unwrap();
        file.write_all(b"{\"at\": 17").unwrap();
        drop(file);
        journal.append(&entry("u2")).unwrap();
        let users: Vec<String> = journal.entries().unwrap().into_iter().map(|e| e.user_id).collect();
        assert_eq!(users, ["u1"], "the line after the cut one is glued to it and unreadable too");
        journal.append(&entry("u3")).unwrap();
        let entries = journal.entries().unwrap();
        assert_eq!(entries.last().unwrap().user_id, "u3");
        assert_eq!(entries[0].field, "contact-2");
        assert_eq!(entries[0].reason.as_deref(), Some("回访 工单 123"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(journal.path()).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn a_reason_is_one_short_line() {
        assert_eq!(clean_reason(Some("   ")), None);
        assert_eq!(clean_reason(None), None);
        assert_eq!(clean_reason(Some(&"长".repeat(500))).unwrap().chars().count(), REASON_MAX_CHARS);
    }
}
