//! A credential held in memory: the operator's token or the signing secret.

use std::fmt;

use zeroize::Zeroize;

/// Prints as `***` in Debug and Display, is wiped from memory when dropped, and has no
/// `Serialize`: it cannot be returned over IPC or written to a file by accident.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the few places that must use it (signing, the query).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// What a lookup needs besides the profile: the operator's token and the signing secret.
#[derive(Clone, Debug, Default)]
pub struct Credentials {
    pub token: Secret,
    pub secret: Secret,
}

impl Credentials {
    pub fn new(token: impl Into<Secret>, secret: impl Into<Secret>) -> Self {
        Self { token: token.into(), secret: secret.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_its_value() {
        let creds = Credentials::new("o0001-token-value", "signing-secret-value");
        let shown = format!("{creds:?} {} {:#?}", creds.token, creds.secret);
        assert!(!shown.contains("token-value"), "{shown}");
        assert!(!shown.contains("secret-value"), "{shown}");
        assert!(shown.contains("***"));
    }
}
