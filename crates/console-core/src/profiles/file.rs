//! The saved profiles: `profiles.json` in the app's config folder, written atomically.
//! The same format is the IT import file (`--profiles FILE`, `OP_CONSOLE_PROFILES`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::ConsoleError;
use crate::profiles::import_problem::ImportProblem;
use crate::profiles::profile::{Profile, DEMO_PROFILE_ID};
use crate::support::atomic_file::{load_or_move_aside, write_atomic, MovedAside, MovedReason};

pub const PROFILES_FILE_NAME: &str = "profiles.json";
const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfilesFile {
    #[serde(default = "format_version")]
    pub version: u32,
    /// The profile in use; `demo` or absent means the demo.
    #[serde(default)]
    pub selected: Option<String>,
    #[serde(default)]
    pub profiles: Vec<Profile>,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

impl Default for ProfilesFile {
    fn default() -> Self {
        Self { version: FORMAT_VERSION, selected: None, profiles: Vec::new() }
    }
}

impl ProfilesFile {
    pub fn path_in(config_dir: &Path) -> PathBuf {
        config_dir.join(PROFILES_FILE_NAME)
    }

    /// The saved profiles; a file that cannot be used is moved aside (and said), so that the
    /// console starts on the demo instead of not at all.
    pub fn load(config_dir: &Path) -> (Self, Option<MovedAside>) {
        let path = Self::path_in(config_dir);
        let newer = |file: &Self| (file.version > FORMAT_VERSION).then_some(MovedReason::Newer);
        let (file, moved) = load_or_move_aside(&path, newer);
        (file.unwrap_or_default(), moved)
    }

    pub fn save(&self, config_dir: &Path) -> Result<(), ConsoleError> {
        let path = Self::path_in(config_dir);
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| ConsoleError::storage(&path, e))?;
        write_atomic(&path, &bytes)
    }

    pub fn get(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    /// Adds or replaces the profile with the same id.
    pub fn upsert(&mut self, profile: Profile) {
        match self.profiles.iter_mut().find(|p| p.id == profile.id) {
            Some(existing) => *existing = profile,
            None => self.profiles.push(profile),
        }
    }

    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.profiles.len();
        self.profiles.retain(|p| p.id != id);
        if self.selected.as_deref() == Some(id) {
            self.selected = None;
        }
        self.profiles.len() != before
    }

    pub fn selected_id(&self) -> &str {
        match self.selected.as_deref() {
            Some(id) if self.get(id).is_some() => id,
            _ => DEMO_PROFILE_ID,
        }
    }

    /// The text of an import file at `path` (a command line's `--profiles`, a file picked in
    /// Settings): one larger than an import may be is not read.
    pub fn read_import(path: &Path) -> Result<String, ConsoleError> {
        let invalid = |problem| ConsoleError::InvalidImport { problem };
        if std::fs::metadata(path).is_ok_and(|m| m.len() > IMPORT_MAX_BYTES as u64) {
            return Err(invalid(ImportProblem::TooLarge { max_bytes: IMPORT_MAX_BYTES }));
        }
        std::fs::read_to_string(path).map_err(|e| {
            tracing::warn!("profiles file {} unreadable: {e}", path.display());
            invalid(ImportProblem::Unreadable { path: path.display().to_string() })
        })
    }

    /// Reads an import file; every profile must be valid, or nothing is imported.
    pub fn parse_import(text: &str) -> Result<Self, ConsoleError> {
        Self::check_import(text).map_err(|problem| ConsoleError::InvalidImport { problem })
    }

    fn check_import(text: &str) -> Result<Self, ImportProblem> {
        if text.len() > IMPORT_MAX_BYTES {
            return Err(ImportProblem::TooLarge { max_bytes: IMPORT_MAX_BYTES });
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ImportProblem::NotJson { line: e.line(), column: e.column() })?;
        if !value.is_object() {
            return Err(ImportProblem::NotAnObject);
        }
        if let Some(version) = value.get("version").and_then(|v| v.as_u64()).filter(|v| *v > FORMAT_VERSION as u64) {
            return Err(ImportProblem::NewerVersion { version });
        }
        let mut file: Self = serde_path_to_error::deserialize(value.clone())
            .map_err(|e| ImportProblem::WrongShape { path: e.path().to_string() })?;
        // A key the console does not know is a typo or a field from elsewhere: say which.
        let known = serde_json::to_value(&file).unwrap_or_default();
        if let Some(path) = unknown_key(&value, &known, String::new()) {
            let key = path.rsplit(['.', ']']).next().unwrap_or_default().to_ascii_lowercase();
            return Err(if CREDENTIAL_KEYS.iter().any(|k| key.contains(k)) {
                ImportProblem::CredentialKey { path }
            } else {
                ImportProblem::UnknownKey { path }
            });
        }
        if file.profiles.is_empty() {
            return Err(ImportProblem::NoProfiles);
        }
        let mut seen = std::collections::HashSet::new();
        for profile in &mut file.profiles {
            let id = profile.id.clone();
            profile.normalise_and_validate().map_err(|e| match e {
                ConsoleError::InvalidProfile { field, problem } => ImportProblem::InvalidProfile { id, field, problem },
                _ => ImportProblem::ReservedId { id },
            })?;
            if !seen.insert(profile.id.clone()) {
                return Err(ImportProblem::Duplicate { id: profile.id.clone() });
            }
        }
        if let Some(selected) = &file.selected {
            if selected != DEMO_PROFILE_ID && file.get(selected).is_none() {
                return Err(ImportProblem::SelectedMissing { id: selected.clone() });
            }
        }
        Ok(file)
    }

    /// Merges an import: its profiles replace same-id ones; its `selected`, when set, wins.
    pub fn merge(&mut self, import: ProfilesFile) -> usize {
        let count = import.profiles.len();
        for profile in import.profiles {
            self.upsert(profile);
        }
        if import.selected.is_some() {
            self.selected = import.selected;
        }
        count
    }
}

/// An IT profiles file is small: this is far above any real one.
pub const IMPORT_MAX_BYTES: usize = 1024 * 1024;
/// Keys that look like a credential: they never belong in a profiles file.
const CREDENTIAL_KEYS: &[&str] = &["token", "secret", "password", "passwd", "key"];

/// The path of the first key in `given` that `known` (the file as the console reads it,
/// written back) does not have. Null values are ignored: they are as good as absent.
fn unknown_key(given: &serde_json::Value, known: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value;
    match (given, known) {
        (Value::Object(given), Value::Object(known)) => given.iter().find_map(|(key, value)| {
            let here = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            match known.get(key) {
                None if !value.is_null() => Some(here),
                None => None,
                Some(inner) => unknown_key(value, inner, here),
            }
        }),
        (Value::Array(given), Value::Array(known)) => given
            .iter()
            .zip(known)
            .enumerate()
            .find_map(|(i, (value, inner))| unknown_key(value, inner, format!("{path}[{i}]"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::profile_problem::ProfileField;
    use op_api::UrlProblem;

    fn profile(id: &str) -> Profile {
        Profile::new(id, id, "https://op.example.com", "c0ffee")
    }

    #[test]
    fn round_trips_through_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = ProfilesFile::default();
        file.upsert(profile("a"));
        file.selected = Some("a".into());
        file.save(dir.path()).unwrap();
        assert_eq!(ProfilesFile::load(dir.path()), (file, None));
        assert_eq!(ProfilesFile::load(&dir.path().join("missing")), (ProfilesFile::default(), None));
    }

    #[test]
    fn selection_falls_back_to_the_demo() {
        let mut file = ProfilesFile::default();
        assert_eq!(file.selected_id(), DEMO_PROFILE_ID);
        file.upsert(profile("a"));
        file.selected = Some("a".into());
        assert_eq!(file.selected_id(), "a");
        assert!(file.remove("a"));
        assert_eq!(file.selected_id(), DEMO_PROFILE_ID);
    }

    #[test]
    fn import_is_all_or_nothing() {
        let good = r#"{"selected":"b","profiles":[{"id":"a","name":"A","baseUrl":"https://h","clientId":"c"},
                                                 {"id":"b","name":"B","baseUrl":"https://h2","clientId":"c","signRule":{"scheme":"alipay"}}]}"#;
        let mut file = ProfilesFile::default();
        file.upsert(profile("a"));
        let count = file.merge(ProfilesFile::parse_import(good).unwrap());
        assert_eq!(count, 2);
        assert_eq!(file.profiles.len(), 2);
        assert_eq!(file.get("a").unwrap().base_url, "https://h");
        assert_eq!(file.selected_id(), "b");

        let a = || "a".to_owned();
        for (bad, expected) in [
            ("[]", ImportProblem::NotAnObject),
            ("{\n \"profiles\": [,]}", ImportProblem::NotJson { line: 2, column: 15 }),
            (
                r#"{"profiles":[{"id":"a","name":"A","baseUrl":"https://h"}]}"#,
                ImportProblem::WrongShape { path: "profiles[0]".into() },
            ),
            (
                r#"{"profiles":[{"id":"a","name":"A","baseUrl":"https://h","clientId":"c","timeoutMs":"x"}]}"#,
                ImportProblem::WrongShape { path: "profiles[0].timeoutMs".into() },
            ),
            (r#"{"profiles":[]}"#, ImportProblem::NoProfiles),
            (
                r#"{"profiles":[{"id":"a","name":"A","baseUrl":"nope","clientId":"c"}]}"#,
                ImportProblem::InvalidProfile {
                    id: a(),
                    field: ProfileField::BaseUrl,
                    problem: UrlProblem::NotUrl.into(),
                },
            ),
            (
                r#"{"profiles":[{"id":"a","name":"A","baseUrl":"https://h","clientId":"c"},{"id":"a","name":"A","baseUrl":"https://h","clientId":"c"}]}"#,
                ImportProblem::Duplicate { id: a() },
            ),
            (
                r#"{"selected":"zz","profiles":[{"id":"a","name":"A","baseUrl":"https://h","clientId":"c"}]}"#,
                ImportProblem::SelectedMissing { id: "zz".into() },
            ),
            (
                r#"{"profiles":[{"id":"demo","name":"A","baseUrl":"https://h","clientId":"c"}]}"#,
                ImportProblem::ReservedId { id: "demo".into() },
            ),
        ] {
            let err = ProfilesFile::parse_import(bad).unwrap_err();
            assert_eq!(err, ConsoleError::InvalidImport { problem: expected }, "{bad}");
        }
    }

    #[test]
    fn null_values_and_every_known_key_pass() {
        let text = r#"{"version":1,"selected":null,"profiles":[{"id":"a","name":"A","baseUrl":"https://h","clientId":"c",
            "signRule":{"scheme":"template","template":"{body}{secret}","hex":"upper","bodyParam":null,"stamp":{"name":"ts","format":"nonce"}},
            "tiles":{"urlTemplate":"https://t/{z}/{x}/{y}","attribution":"x","coordSystem":"wgs84"},"proxy":{"mode":"url","url":"http://p:3128"},
            "caFile":null,"allowInsecureHttp":false,"apiUtcOffsetMinutes":480,"operatorId":null}]}"#;
        assert!(ProfilesFile::parse_import(text).is_ok(), "{:?}", ProfilesFile::parse_import(text));
        let big = format!("{{\"profiles\":[],\"pad\":\"{}\"}}", "x".repeat(IMPORT_MAX_BYTES));
        assert_eq!(
            ProfilesFile::parse_import(&big).unwrap_err(),
            ConsoleError::InvalidImport { problem: ImportProblem::TooLarge { max_bytes: IMPORT_MAX_BYTES } }
        );
    }

    #[test]
    fn a_newer_format_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(ProfilesFile::path_in(dir.path()), r#"{"version":99,"profiles":[]}"#).unwrap();
        let (file, moved) = ProfilesFile::load(dir.path());
        assert_eq!(file, ProfilesFile::default());
        let moved = moved.unwrap();
        assert_eq!(moved.reason, MovedReason::Newer);
        assert!(std::fs::read_to_string(moved.moved_to).unwrap().contains("99"));
    }
}
