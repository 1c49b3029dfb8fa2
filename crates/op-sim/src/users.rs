//! The simulated users and how the server answers for each.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

/// The users shipped with op-sim: the spec's example user, a rich one, and one per failure.
pub const BUILTIN_USERS_JSON: &str = include_str!("../data/users.json");

/// How the server answers a lookup of one user.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Reply {
    /// `code` 200 with this `data`, verbatim (wrong field types included).
    Chat { data: serde_json::Value },
    /// `code` 200 with `data: null`.
    NoChat,
    /// The API's own refusal: a non-200 `code` and its `message`.
    ApiError { code: i64, message: String },
    /// HTTP 500 with an HTML body.
    Http500,
    /// HTTP 200 with a body that is not JSON.
    MalformedJson,
    /// The chat, after `delay_ms`.
    #[serde(rename_all = "camelCase")]
    Slow { delay_ms: u64, data: serde_json::Value },
    /// A body of `bytes` bytes, streamed without Content-Length.
    Oversized { bytes: usize },
    /// A body that stops half-way: the connection is closed mid-body.
    CloseMidBody,
    /// Any answer, byte for byte as the real API might drift: a status, an optional
    /// `Location`, the body (with a UTF-8 byte order mark first when `bom`), sent in
    /// `charset` (declared in its Content-Type; UTF-8 by default) and with a
    /// `Content-Encoding` header when one is given (the body is not compressed: a client
    /// that did not ask for it must not try to read it).
    #[serde(rename_all = "camelCase")]
    Raw {
        status: u16,
        body: String,
        #[serde(default)]
        bom: bool,
        #[serde(default)]
        location: Option<String>,
        #[serde(default)]
        charset: Option<String>,
        #[serde(default)]
        content_encoding: Option<String>,
    },
    /// A successful answer of about `bytes` bytes built to cost a reader the most memory.
    Flood { shape: FloodShape, bytes: usize },
}

/// The shapes of a [`Reply::Flood`].
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum FloodShape {
    /// A user with hundreds of thousands of tags, addresses and contacts.
    Lists,
    /// Lists nested in lists as deep as JSON readers allow, wide at every level.
    DeepWide,
    /// Every field of many contacts in a type no reading can use: a warning each.
    Warnings,
    /// An object with hundreds of thousands of keys.
    Keys,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserEntry {
    user_id: String,
    reply: Reply,
}

#[derive(Deserialize)]
struct UsersFile {
    users: Vec<UserEntry>,
}

#[derive(Debug, thiserror::Error)]
pub enum UsersError {
    #[error("cannot read the users file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the users file is not valid: {0}")]
    Invalid(String),
}

/// The users by ID.
#[derive(Clone, Debug, Default)]
pub struct SimUsers {
    by_id: HashMap<String, Reply>,
}

impl SimUsers {
    pub fn builtin() -> Self {
        Self::from_json(BUILTIN_USERS_JSON).expect("the built-in users file is valid (tested)")
    }

    pub fn from_json(text: &str) -> Result<Self, UsersError> {
        let file: UsersFile = serde_json::from_str(text).map_err(|e| UsersError::Invalid(e.to_string()))?;
        let mut by_id = HashMap::new();
        for entry in file.users {
            if by_id.insert(entry.user_id.clone(), entry.reply).is_some() {
                return Err(UsersError::Invalid(format!("user {} is listed twice", entry.user_id)));
            }
        }
        Ok(Self { by_id })
    }

    pub fn from_file(path: &Path) -> Result<Self, UsersError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| UsersError::Read { path: path.display().to_string(), source })?;
        Self::from_json(&text)
    }

    pub fn get(&self, user_id: &str) -> Option<&Reply> {
        self.by_id.get(user_id)
    }

    pub fn insert(&mut self, user_id: impl Into<String>, reply: Reply) {
        self.by_id.insert(user_id.into(), reply);
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_users_load_and_every_id_is_a_valid_user_id() {
        let users = SimUsers::builtin();
        assert!(users.len() >= 12);
        for id in users.by_id.keys() {
            assert!(op_api::UserId::parse(id).is_ok(), "{id}");
        }
        assert!(matches!(users.get("u0001-slow"), Some(Reply::Slow { .. })));
    }

    #[test]
    fn duplicates_are_refused() {
        let json = r#"{"users":[{"userId":"a","reply":{"kind":"noChat"}},{"userId":"a","reply":{"kind":"noChat"}}]}"#;
        assert!(SimUsers::from_json(json).unwrap_err().to_string().contains("twice"));
    }
}
