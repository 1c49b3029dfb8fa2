//! The last 50 lookups: user ID, time and outcome. No response data is ever written.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file::{read_json, write_atomic};
use crate::error::ConsoleError;

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

#[derive(Debug)]
pub struct RecentLookups {
    path: PathBuf,
    entries: Vec<RecentLookup>,
}

impl RecentLookups {
    /// Loads the list; a damaged file starts an empty list rather than blocking lookups.
    pub fn load(data_dir: &Path) -> Self {
        let path = data_dir.join(RECENT_FILE_NAME);
        let entries = match read_json::<Vec<RecentLookup>>(&path) {
            Ok(entries) => entries.unwrap_or_default(),
            Err(e) => {
                tracing::warn!("recent lookups reset: {e}");
                Vec::new()
            }
        };
        Self { path, entries }
    }

    /// Newest first.
    pub fn entries(&self) -> &[RecentLookup] {
        &self.entries
    }

    /// Records a lookup at the top; an earlier lookup of the same user on the same profile
    /// makes way, so each user appears once.
    pub fn record(&mut self, entry: RecentLookup) -> Result<(), ConsoleError> {
        self.entries.retain(|e| !(e.user_id == entry.user_id && e.profile_id == entry.profile_id));
        self.entries.insert(0, entry);
        self.entries.truncate(RECENT_LIMIT);
        self.save()
    }

    pub fn clear(&mut self) -> Result<(), ConsoleError> {
        self.entries.clear();
        self.save()
    }

    fn save(&self) -> Result<(), ConsoleError> {
        let bytes = serde_json::to_vec(&self.entries).map_err(ConsoleError::storage)?;
        write_atomic(&self.path, &bytes)
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
        let mut recent = RecentLookups::load(dir.path());
        for i in 0..60 {
            recent.record(lookup(&format!("u{i}"), i)).unwrap();
        }
        recent.record(lookup("u55", 100)).unwrap();
        let again = RecentLookups::load(dir.path());
        assert_eq!(again.entries().len(), RECENT_LIMIT);
        assert_eq!(again.entries()[0], lookup("u55", 100));
        assert_eq!(again.entries()[1].user_id, "u59");
        assert_eq!(again.entries().iter().filter(|e| e.user_id == "u55").count(), 1);
        let mut again = again;
        again.clear().unwrap();
        assert!(RecentLookups::load(dir.path()).entries().is_empty());
    }

    #[test]
    fn a_damaged_file_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(RECENT_FILE_NAME), "garbage").unwrap();
        assert!(RecentLookups::load(dir.path()).entries().is_empty());
    }
}
