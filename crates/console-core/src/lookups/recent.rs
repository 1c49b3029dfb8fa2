//! The last 50 lookups: user ID, time and outcome. No response data is ever written.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::ConsoleError;
use crate::support::atomic_file::{load_or_move_aside, write_atomic, MovedAside};
use crate::support::lock::lock;

pub const RECENT_FILE_NAME: &str = "recent.json";
pub const RECENT_LIMIT: usize = 50;

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecentLookup {
    pub user_id: String,
    pub profile_id: String,
    /// Epoch milliseconds.
    pub at: i64,
    /// `ok`, or the error's code.
    pub outcome: String,
}

/// The list in memory, written to its file by [`RecentLookups::save`]: a lookup records and
/// leaves the write to a background thread, so that no answer waits for the disk.
#[derive(Debug)]
pub struct RecentLookups {
    path: PathBuf,
    list: Mutex<List>,
    /// The change last written; held while writing, so that writes happen in order.
    saved: Mutex<u64>,
}

#[derive(Debug, Default)]
struct List {
    entries: Vec<RecentLookup>,
    change: u64,
}

impl RecentLookups {
    /// Loads the list; a file that cannot be used is moved aside (and said), and the list
    /// starts empty rather than blocking lookups.
    pub fn load(data_dir: &Path) -> (Self, Option<MovedAside>) {
        let path = data_dir.join(RECENT_FILE_NAME);
        let (entries, moved) = load_or_move_aside::<Vec<RecentLookup>>(&path, |_| None);
        let list = Mutex::new(List { entries: entries.unwrap_or_default(), change: 0 });
        (Self { path, list, saved: Mutex::new(0) }, moved)
    }

    /// Newest first.
    pub fn entries(&self) -> Vec<RecentLookup> {
        lock(&self.list).entries.clone()
    }

    /// Records a lookup at the top (in memory; [`save`](Self::save) writes it); an earlier
    /// lookup of the same user on the same profile makes way, so each user appears once.
    pub fn record(&self, entry: RecentLookup) {
        let mut list = lock(&self.list);
        list.entries.retain(|e| !(e.user_id == entry.user_id && e.profile_id == entry.profile_id));
        list.entries.insert(0, entry);
        list.entries.truncate(RECENT_LIMIT);
        list.change += 1;
    }

    /// Empties the list and its file at once: the operator asked for it to be gone.
    pub fn clear(&self) -> Result<(), ConsoleError> {
        {
            let mut list = lock(&self.list);
            list.entries.clear();
            list.change += 1;
        }
        self.save()
    }

    /// Writes the list if it changed since the last write.
    pub fn save(&self) -> Result<(), ConsoleError> {
        let mut saved = lock(&self.saved);
        let (change, bytes) = {
            let list = lock(&self.list);
            if list.change == *saved {
                return Ok(());
            }
            (list.change, serde_json::to_vec(&list.entries).map_err(|e| ConsoleError::storage(&self.path, e))?)
        };
        write_atomic(&self.path, &bytes)?;
        *saved = change;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(user: &str, at: i64) -> RecentLookup {
        RecentLookup { user_id: user.into(), profile_id: "demo".into(), at, outcome: "ok".into() }
    }

    #[test]
    fn keeps_the_last_fifty_newest_first_once_each() {
        let dir = tempfile::tempdir().unwrap();
        let (recent, _) = RecentLookups::load(dir.path());
        for i in 0..60 {
            recent.record(lookup(&format!("u{i}"), i));
        }
        recent.record(lookup("u55", 100));
        assert!(!dir.path().join(RECENT_FILE_NAME).exists(), "recorded in memory until saved");
        recent.save().unwrap();
        let (again, _) = RecentLookups::load(dir.path());
        assert_eq!(again.entries().len(), RECENT_LIMIT);
        assert_eq!(again.entries()[0], lookup("u55", 100));
        assert_eq!(again.entries()[1].user_id, "u59");
        assert_eq!(again.entries().iter().filter(|e| e.user_id == "u55").count(), 1);
        again.clear().unwrap();
        assert!(RecentLookups::load(dir.path()).0.entries().is_empty());
    }

    #[test]
    fn a_damaged_file_starts_empty_and_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(RECENT_FILE_NAME), "garbage").unwrap();
        let (recent, moved) = RecentLookups::load(dir.path());
        assert!(recent.entries().is_empty());
        assert_eq!(std::fs::read_to_string(moved.unwrap().moved_to).unwrap(), "garbage");
    }
}
