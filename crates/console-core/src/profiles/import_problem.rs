//! Why an IT profiles file was refused, as data for the UI's sentence.

use serde::Serialize;

use crate::profiles::profile_problem::{ProfileField, ProfileProblem};

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ImportProblem {
    #[error("cannot read {path}")]
    Unreadable { path: String },
    #[error("it is larger than {max_bytes} bytes")]
    TooLarge { max_bytes: usize },
    #[error("it was written for a newer Op Console (format {version})")]
    NewerVersion { version: u64 },
    #[error("the key {path} is not one the console knows")]
    UnknownKey { path: String },
    /// A token or secret in the file: credentials never go there.
    #[error("the key {path} looks like a credential; credentials never go in a profiles file")]
    CredentialKey { path: String },
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("expected a JSON object with \"profiles\"")]
    NotAnObject,
    /// A value of the wrong type or an unknown variant, at `path` (`profiles[0].timeoutMs`).
    #[error("not a profiles file: the value at {path} is not valid")]
    WrongShape { path: String },
    #[error("it lists no profiles")]
    NoProfiles,
    #[error("profile '{id}': its {field} is not valid: {problem}")]
    InvalidProfile { id: String, field: ProfileField, problem: ProfileProblem },
    #[error("profile '{id}': the id is reserved for the built-in demo")]
    ReservedId { id: String },
    #[error("profile '{id}' is listed twice")]
    Duplicate { id: String },
    #[error("the selected profile '{id}' is not in the file")]
    SelectedMissing { id: String },
}
