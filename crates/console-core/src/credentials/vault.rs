//! Credentials in the OS keyring (Secret Service on Linux, Credential Manager on Windows,
//! Keychain on macOS): one entry per profile, service `op-console`, account `<profile-id>`,
//! holding the token, the secret and their destination together (see
//! `saved.rs`), so a write never leaves half of them saved. Entries of the
//! earlier layout (`<id>:token`, `<id>:secret`) are migrated once, when the console opens
//! (`migrate_legacy`), never on a lookup. Every call is bounded
//! in time: a keyring waiting on an unlock prompt gives an error, not a hung app.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use op_api::Secret;
use serde::Serialize;
use zeroize::Zeroizing;

use crate::credentials::destination::Destination;
use crate::credentials::saved::SavedCredentials;
use crate::error::ConsoleError;
use crate::support::lock::lock;

pub const KEYRING_SERVICE: &str = "op-console";
/// How long a keyring read may take before the operator is told why.
pub const KEYRING_WAIT: Duration = Duration::from_millis(1500);
/// How long a write waits, for example for the operator to answer an unlock prompt; the
/// page says "waiting for the keyring to be unlocked" meanwhile.
pub const KEYRING_WRITE_WAIT: Duration = Duration::from_secs(30);
/// Keyring calls still running after their wait (a keyring that hangs): beyond this many,
/// a new call fails at once instead of leaving one more thread behind.
pub const KEYRING_MAX_STUCK_CALLS: usize = 4;

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
    /// The account of the earlier layout, one entry per kind: read only, to migrate.
    fn legacy_account(self, profile_id: &str) -> String {
        match self {
            Self::Token => format!("{profile_id}:token"),
            Self::Secret => format!("{profile_id}:secret"),
        }
    }
}

/// Whether a profile has its credentials saved, and for this destination: never the values.
#[derive(ts_rs::TS, Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialStatus {
    pub has_token: bool,
    pub has_secret: bool,
    /// Saved for another server or client ID than the profile's now: they will not be sent.
    pub for_other_server: bool,
}

impl CredentialStatus {
    pub fn of(saved: Option<&SavedCredentials>, current: Option<&Destination>) -> Self {
        match saved {
            None => Self::default(),
            Some(saved) => Self {
                has_token: saved.token.is_some(),
                has_secret: saved.secret.is_some(),
                for_other_server: current != Some(&saved.destination),
            },
        }
    }
}

type StoreFactory = Arc<dyn Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync>;

/// The keyring, opened on first use (and again after a failure, so that starting the
/// keyring later fixes things without restarting the app).
#[derive(Clone)]
pub struct Vault {
    factory: StoreFactory,
    store: Arc<Mutex<Option<Arc<CredentialStore>>>>,
    wait: Duration,
    write_wait: Duration,
    /// Keyring threads running now (each ends with its call, however late).
    running: Arc<AtomicUsize>,
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
        Self {
            factory,
            store: Arc::new(Mutex::new(None)),
            wait: KEYRING_WAIT,
            write_wait: KEYRING_WRITE_WAIT,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// The profile's saved credentials (its one entry), read only: nothing is migrated or
    /// written here, so no lookup path can bind old credentials to a new destination.
    pub fn load(&self, profile_id: &str) -> Result<Option<SavedCredentials>, ConsoleError> {
        Ok(self.read(profile_id.to_owned())?.and_then(|text| SavedCredentials::from_entry(&text)))
    }

    /// Whether entries of the earlier two-entry layout (`<id>:token`, `<id>:secret`) exist.
    pub fn has_legacy(&self, profile_id: &str) -> Result<bool, ConsoleError> {
        for kind in [CredentialKind::Token, CredentialKind::Secret] {
            if self.read(kind.legacy_account(profile_id))?.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Moves entries of the earlier layout into one entry bound to `destination` (the
    /// profile's as `profiles.json` holds it, before any import), then deletes them. An
    /// entry of the current layout wins: the old ones are only deleted. Called once, at
    /// open (`Console::open`); `Ok(false)` when there was nothing to migrate.
    pub fn migrate_legacy(&self, profile_id: &str, destination: &Destination) -> Result<bool, ConsoleError> {
        let token = self.read(CredentialKind::Token.legacy_account(profile_id))?;
        let secret = self.read(CredentialKind::Secret.legacy_account(profile_id))?;
        if token.is_none() && secret.is_none() {
            return Ok(false);
        }
        if self.load(profile_id)?.is_none() {
            let saved = SavedCredentials {
                token: token.map(|t| Secret::new(t.as_str())),
                secret: secret.map(|s| Secret::new(s.as_str())),
                destination: destination.clone(),
            };
            self.store(profile_id, &saved)?;
        }
        for kind in [CredentialKind::Token, CredentialKind::Secret] {
            self.remove(kind.legacy_account(profile_id))?;
        }
        Ok(true)
    }

    /// Writes the profile's one entry. A write that is still waiting (an unlock prompt)
    /// after the write wait fails with `keyring_timeout`, and should the keyring finish it
    /// later, the entry is put back as it was: nothing is saved behind the operator's back.
    pub fn store(&self, profile_id: &str, saved: &SavedCredentials) -> Result<(), ConsoleError> {
        let value = saved.to_entry();
        let abandoned = Arc::new(AtomicBool::new(false));
        let late = abandoned.clone();
        self.bounded(profile_id.to_owned(), self.write_wait, Some(abandoned), move |entry| {
            let previous = match entry.get_password() {
                Ok(text) => Some(Zeroizing::new(text)),
                Err(KeyringError::NoEntry) => None,
                Err(e) => return Err(e),
            };
            entry.set_password(&value)?;
            if late.load(Ordering::SeqCst) {
                // The operator was told it failed: undo, so the keyring matches what they saw.
                match &previous {
                    Some(text) => entry.set_password(text)?,
                    None => entry.delete_credential()?,
                }
            }
            Ok(())
        })
    }

    /// Deletes the profile's entry and any of the earlier layout.
    pub fn delete(&self, profile_id: &str) -> Result<(), ConsoleError> {
        self.remove(profile_id.to_owned())?;
        for kind in [CredentialKind::Token, CredentialKind::Secret] {
            self.remove(kind.legacy_account(profile_id))?;
        }
        Ok(())
    }

    fn read(&self, account: String) -> Result<Option<Zeroizing<String>>, ConsoleError> {
        self.bounded(account, self.wait, None, |entry| match entry.get_password() {
            Ok(value) => Ok(Some(Zeroizing::new(value))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })
    }

    fn remove(&self, account: String) -> Result<(), ConsoleError> {
        self.bounded(account, self.wait, None, |entry| match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(e),
        })
    }

    /// Runs `op` on the entry in a thread of its own and waits at most `wait`; on timeout
    /// `abandoned` (when given) is set, so that the thread can undo what it does late.
    fn bounded<T: Send + 'static>(
        &self,
        account: String,
        wait: Duration,
        abandoned: Option<Arc<AtomicBool>>,
        op: impl FnOnce(&Entry) -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<T, ConsoleError> {
        // A keyring that hangs keeps its threads: past a few, say so at once.
        if self.running.fetch_add(1, Ordering::SeqCst) >= KEYRING_MAX_STUCK_CALLS {
            self.running.fetch_sub(1, Ordering::SeqCst);
            return Err(ConsoleError::KeyringTimeout { after_ms: wait.as_millis() as u64 });
        }
        let (done, result) = mpsc::channel();
        let factory = self.factory.clone();
        let cached = self.store.clone();
        let running = self.running.clone();
        let spawned = std::thread::Builder::new().name("keyring".into()).spawn(move || {
            let outcome = open_store(&factory, &cached)
                .and_then(|store| Entry::new_in_store(&store, KEYRING_SERVICE, &account))
                .and_then(|entry| op(&entry));
            running.fetch_sub(1, Ordering::SeqCst);
            let _ = done.send(outcome);
            #[cfg(test)]
            tests::finished();
        });
        if let Err(e) = spawned {
            self.running.fetch_sub(1, Ordering::SeqCst);
            return Err(ConsoleError::KeyringError { detail: e.to_string() });
        }
        match result.recv_timeout(wait) {
            Ok(outcome) => outcome.map_err(|e| translate(e, &self.store)),
            // The thread may stay blocked on D-Bus; it ends with its call.
            Err(_) => {
                if let Some(flag) = abandoned {
                    flag.store(true, Ordering::SeqCst);
                }
                Err(ConsoleError::KeyringTimeout { after_ms: wait.as_millis() as u64 })
            }
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
    use crate::profiles::profile::Profile;

    fn destination(base: &str) -> Destination {
        Destination::of(&Profile::new("p", "P", base, "c0ffee")).unwrap()
    }

    fn saved(token: &str, secret: &str, base: &str) -> SavedCredentials {
        SavedCredentials {
            token: Some(Secret::new(token)),
            secret: Some(Secret::new(secret)),
            destination: destination(base),
        }
    }

    #[test]
    fn one_entry_holds_both_and_its_destination() {
        let vault = Vault::mock();
        let here = destination("https://op.example.com");
        assert!(vault.load("p").unwrap().is_none());
        vault.store("p", &saved("t", "s", "https://op.example.com")).unwrap();
        let back = vault.load("p").unwrap().unwrap();
        assert_eq!(back.complete().unwrap().secret.expose(), "s");
        assert_eq!(
            CredentialStatus::of(Some(&back), Some(&here)),
            CredentialStatus { has_token: true, has_secret: true, for_other_server: false }
        );
        let elsewhere = destination("https://evil.example.com");
        assert!(CredentialStatus::of(Some(&back), Some(&elsewhere)).for_other_server);
        vault.delete("p").unwrap();
        vault.delete("p").unwrap();
        assert!(vault.load("p").unwrap().is_none());
    }

    #[test]
    fn the_two_entry_layout_migrates_only_when_asked_and_load_never_writes() {
        let vault = Vault::mock();
        for (kind, value) in [(CredentialKind::Token, "old-t"), (CredentialKind::Secret, "old-s")] {
            let account = kind.legacy_account("p");
            vault.bounded(account, KEYRING_WAIT, None, move |e| e.set_password(value)).unwrap();
        }
        let here = destination("https://op.example.com");
        assert!(vault.load("p").unwrap().is_none(), "a read migrates nothing");
        assert!(vault.has_legacy("p").unwrap());
        assert!(vault.migrate_legacy("p", &here).unwrap());
        assert!(!vault.has_legacy("p").unwrap());
        assert!(!vault.migrate_legacy("p", &here).unwrap(), "once");
        let migrated = vault.load("p").unwrap().unwrap();
        assert_eq!(migrated.complete().unwrap().token.expose(), "old-t");
        assert_eq!(migrated.destination, here);
        assert!(vault.read(CredentialKind::Token.legacy_account("p")).unwrap().is_none(), "the old entries are gone");
        assert!(vault.read("p".into()).unwrap().is_some(), "one entry now");
    }

    #[test]
    fn a_store_that_cannot_open_names_the_cause() {
        let vault = Vault::from_factory(Arc::new(|| {
            Err(KeyringError::PlatformFailure("Failed to connect to address unix:path=/run/user/0/bus".into()))
        }));
        let err = vault.load("p").unwrap_err();
        assert_eq!(err.code(), "keyring_unavailable", "{err}");
        let locked =
            Vault::from_factory(Arc::new(|| Err(KeyringError::NoStorageAccess("collection is locked".into()))));
        assert_eq!(locked.store("p", &saved("t", "s", "https://h")).unwrap_err().code(), "keyring_locked");
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
        assert_eq!(vault.load("p").unwrap_err(), ConsoleError::KeyringTimeout { after_ms: 50 });
    }

    #[test]
    fn a_hung_keyring_keeps_a_bounded_number_of_threads() {
        let opened = Arc::new(AtomicUsize::new(0));
        let (_keep, hang) = mpsc::channel::<()>();
        let hang = Arc::new(Mutex::new(hang));
        let counted = opened.clone();
        let mut vault = Vault::from_factory(Arc::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            // Each call waits on the lock, then on a channel that never sends: it hangs.
            let _ = hang.lock().unwrap_or_else(|e| e.into_inner()).recv();
            Err(KeyringError::NoDefaultStore)
        }));
        vault.wait = Duration::from_millis(5);
        for _ in 0..50 {
            assert_eq!(vault.load("p").unwrap_err().code(), "keyring_timeout");
        }
        assert_eq!(vault.running.load(Ordering::SeqCst), KEYRING_MAX_STUCK_CALLS, "threads left behind");
    }

    static FINISHED_TX: Mutex<Option<mpsc::Sender<()>>> = Mutex::new(None);

    /// Called by each keyring thread when its operation is over (tests only).
    pub(super) fn finished() {
        if let Some(tx) = FINISHED_TX.lock().unwrap().as_ref() {
            let _ = tx.send(());
        }
    }

    #[test]
    fn a_write_finished_after_its_wait_is_undone() {
        // The keyring opens only when the gate opens: an unlock prompt answered too late.
        let mock = keyring_core::mock::Store::new().unwrap();
        let mut vault = Vault::with_store(mock.clone());
        vault.store("p", &saved("old-t", "old-s", "https://h")).unwrap();
        let (open_tx, open_rx) = mpsc::channel::<()>();
        let open_rx = Arc::new(Mutex::new(open_rx));
        let mut slow = Vault::from_factory(Arc::new(move || {
            let _ = open_rx.lock().unwrap().recv();
            Ok(mock.clone())
        }));
        slow.write_wait = Duration::from_millis(50);
        let (done_tx, done_rx) = mpsc::channel();
        *FINISHED_TX.lock().unwrap() = Some(done_tx);

        let err = slow.store("p", &saved("new-t", "new-s", "https://h")).unwrap_err();
        assert_eq!(err, ConsoleError::KeyringTimeout { after_ms: 50 });
        open_tx.send(()).unwrap();
        done_rx.recv_timeout(Duration::from_secs(10)).expect("the late write finished");
        *FINISHED_TX.lock().unwrap() = None;
        vault.wait = Duration::from_secs(5);
        let back = vault.load("p").unwrap().unwrap();
        assert_eq!(back.complete().unwrap().token.expose(), "old-t", "the late write was undone");
    }
}
