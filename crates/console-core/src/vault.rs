//! Credentials in the OS keyring (Secret Service on Linux, Credential Manager on Windows,
//! Keychain on macOS): one entry per profile and kind, service `op-console`, account
//! `<profile-id>:token` or `<profile-id>:secret`. Every call is bounded in time: a keyring
//! waiting on an unlock prompt gives an error, not a hung app.

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use op_api::Secret;
use serde::Serialize;

use crate::error::ConsoleError;
use crate::lock::lock;

pub const KEYRING_SERVICE: &str = "op-console";
/// How long any keyring call may take before the user is told why.
pub const KEYRING_WAIT: Duration = Duration::from_millis(1500);

/// The two credentials a profile has; named in errors (`empty_credential`).
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CredentialKind {
    Token,
    Secret,
}

impl std::fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Token => "token",
            Self::Secret => "signing secret",
        })
    }
}

impl CredentialKind {
    fn account(self, profile_id: &str) -> String {
        match self {
            Self::Token => format!("{profile_id}:token"),
            Self::Secret => format!("{profile_id}:secret"),
        }
    }
}

/// Whether a profile has its credentials saved: never the values.
#[derive(ts_rs::TS, Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialStatus {
    pub has_token: bool,
    pub has_secret: bool,
}

type StoreFactory = Arc<dyn Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync>;

/// The keyring, opened on first use (and again after a failure, so that starting the
/// keyring later fixes things without restarting the app).
#[derive(Clone)]
pub struct Vault {
    factory: StoreFactory,
    store: Arc<Mutex<Option<Arc<CredentialStore>>>>,
    wait: Duration,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("wait", &self.wait).finish_non_exhaustive()
    }
}

impl Vault {
    /// The platform's own keyring.
    pub fn os() -> Self {
        Self::from_factory(Arc::new(os_store))
    }

    /// A given store: keyring-core's mock store in unit tests.
    pub fn with_store(store: Arc<CredentialStore>) -> Self {
        Self::from_factory(Arc::new(move || Ok(store.clone())))
    }

    /// An in-memory store that keeps nothing beyond the process: for tests.
    pub fn mock() -> Self {
        Self::with_store(keyring_core::mock::Store::new().expect("the mock store starts"))
    }

    fn from_factory(factory: StoreFactory) -> Self {
        Self { factory, store: Arc::new(Mutex::new(None)), wait: KEYRING_WAIT }
    }

    pub fn set(&self, profile_id: &str, kind: CredentialKind, value: &Secret) -> Result<(), ConsoleError> {
        let value = value.clone();
        self.bounded(profile_id, kind, move |entry| entry.set_password(value.expose()))
    }

    pub fn get(&self, profile_id: &str, kind: CredentialKind) -> Result<Option<Secret>, ConsoleError> {
        self.bounded(profile_id, kind, |entry| match entry.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })
    }

    pub fn delete(&self, profile_id: &str, kind: CredentialKind) -> Result<(), ConsoleError> {
        self.bounded(profile_id, kind, |entry| match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(e),
        })
    }

    pub fn status(&self, profile_id: &str) -> Result<CredentialStatus, ConsoleError> {
        Ok(CredentialStatus {
            has_token: self.get(profile_id, CredentialKind::Token)?.is_some_and(|s| !s.is_empty()),
            has_secret: self.get(profile_id, CredentialKind::Secret)?.is_some_and(|s| !s.is_empty()),
        })
    }

    /// Runs `op` on the entry in a thread of its own and waits at most `self.wait`.
    fn bounded<T: Send + 'static>(
        &self,
        profile_id: &str,
        kind: CredentialKind,
        op: impl FnOnce(&Entry) -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<T, ConsoleError> {
        let (done, result) = mpsc::channel();
        let factory = self.factory.clone();
        let cached = self.store.clone();
        let account = kind.account(profile_id);
        std::thread::Builder::new()
            .name("keyring".into())
            .spawn(move || {
                let outcome = open_store(&factory, &cached)
                    .and_then(|store| Entry::new_in_store(&store, KEYRING_SERVICE, &account))
                    .and_then(|entry| op(&entry));
                let _ = done.send(outcome);
            })
            .map_err(|e| ConsoleError::KeyringError { detail: e.to_string() })?;
        match result.recv_timeout(self.wait) {
            Ok(outcome) => outcome.map_err(|e| translate(e, &self.store)),
            // The thread may stay blocked on D-Bus; it ends with its call.
            Err(_) => Err(ConsoleError::KeyringTimeout { after_ms: self.wait.as_millis() as u64 }),
        }
    }
}

fn open_store(
    factory: &StoreFactory,
    cached: &Mutex<Option<Arc<CredentialStore>>>,
) -> keyring_core::Result<Arc<CredentialStore>> {
    let mut guard = lock(cached);
    if let Some(store) = guard.as_ref() {
        return Ok(store.clone());
    }
    let store = factory()?;
    *guard = Some(store.clone());
    Ok(store)
}

#[cfg(target_os = "linux")]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "windows")]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NotSupportedByStore("no keyring on this platform".into()))
}

/// Names the cause: no keyring service at all, a locked one, or another failure. A
/// failure also drops the cached store, so that the next call connects afresh.
fn translate(error: KeyringError, cached: &Mutex<Option<Arc<CredentialStore>>>) -> ConsoleError {
    let detail = error.to_string();
    let lower = detail.to_ascii_lowercase();
    let unavailable = [
        "failed to connect",
        "no such file",
        "serviceunknown",
        "service_unknown",
        "not provided by any .service",
        "connection refused",
        "dbus_session_bus_address",
        "no default store",
    ];
    let result = match &error {
        KeyringError::NoStorageAccess(_) => ConsoleError::KeyringLocked { detail },
        KeyringError::NoDefaultStore | KeyringError::NotSupportedByStore(_) => {
            ConsoleError::KeyringUnavailable { detail }
        }
        KeyringError::PlatformFailure(_) if unavailable.iter().any(|w| lower.contains(w)) => {
            ConsoleError::KeyringUnavailable { detail }
        }
        KeyringError::PlatformFailure(_) if lower.contains("locked") || lower.contains("prompt") => {
            ConsoleError::KeyringLocked { detail }
        }
        _ => ConsoleError::KeyringError { detail },
    };
    if !matches!(error, KeyringError::NoEntry) {
        *lock(cached) = None;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_delete_with_the_mock_store() {
        let vault = Vault::mock();
        assert_eq!(vault.status("p").unwrap(), CredentialStatus::default());
        vault.set("p", CredentialKind::Token, &Secret::new("t")).unwrap();
        assert_eq!(vault.status("p").unwrap(), CredentialStatus { has_token: true, has_secret: false });
        assert_eq!(vault.get("p", CredentialKind::Token).unwrap().unwrap().expose(), "t");
        assert_eq!(vault.get("other", CredentialKind::Token).unwrap(), None);
        vault.delete("p", CredentialKind::Token).unwrap();
        vault.delete("p", CredentialKind::Token).unwrap();
        assert_eq!(vault.status("p").unwrap(), CredentialStatus::default());
    }

    #[test]
    fn a_store_that_cannot_open_names_the_cause() {
        let vault = Vault::from_factory(Arc::new(|| {
            Err(KeyringError::PlatformFailure("Failed to connect to address unix:path=/run/user/0/bus".into()))
        }));
        let err = vault.get("p", CredentialKind::Token).unwrap_err();
        assert_eq!(err.code(), "keyring_unavailable", "{err}");
        let locked =
            Vault::from_factory(Arc::new(|| Err(KeyringError::NoStorageAccess("collection is locked".into()))));
        assert_eq!(locked.set("p", CredentialKind::Secret, &Secret::new("s")).unwrap_err().code(), "keyring_locked");
    }

    #[test]
    fn a_hung_keyring_is_a_timeout_not_a_hang() {
        let (_keep, hang) = mpsc::channel::<()>();
        let hang = Arc::new(Mutex::new(hang));
        let mut vault = Vault::from_factory(Arc::new(move || {
            let _ = hang.lock().unwrap().recv();
            Err(KeyringError::NoDefaultStore)
        }));
        vault.wait = Duration::from_millis(50);
        assert_eq!(vault.get("p", CredentialKind::Token).unwrap_err(), ConsoleError::KeyringTimeout { after_ms: 50 });
    }

    #[test]
    fn accounts_are_documented_ones() {
        assert_eq!(CredentialKind::Token.account("prod"), "prod:token");
        assert_eq!(CredentialKind::Secret.account("prod"), "prod:secret");
    }
}
