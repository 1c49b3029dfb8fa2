//! `op-console-keyring`: Op Console's keyring access from the command line, for support
//! and for the tests against a real Secret Service. It never prints a credential: `get`
//! prints MD5 fingerprints of the values.
//!
//! ```text
//! op-console-keyring set PROFILE BASE_URL CLIENT_ID   (standard input: the token, then the secret, a line each)
//! op-console-keyring get PROFILE
//! op-console-keyring delete PROFILE
//! op-console-keyring set-legacy PROFILE token|secret   (the earlier two-entry layout, for migration tests)
//! op-console-keyring migrate PROFILE BASE_URL CLIENT_ID (what the console does once at open)
//! ```
//! Each prints one JSON line: `{"ok":true,…}` or the error's `{"ok":false,"code":…}`.

use std::io::Read;
use std::process::ExitCode;

use console_core::{ConsoleError, Destination, Profile, SavedCredentials, Vault};
use op_api::Secret;
use serde_json::json;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let vault = Vault::os();
    let result: Result<serde_json::Value, ConsoleError> = match args.as_slice() {
        ["set", profile, base_url, client_id] => {
            let Some(lines) = stdin_lines() else { return ExitCode::from(2) };
            let destination = match Destination::of(&Profile::new(profile, profile, base_url, client_id)) {
                Ok(destination) => destination,
                Err(e) => {
                    eprintln!("op-console-keyring: {e}");
                    return ExitCode::from(2);
                }
            };
            let value = |i: usize| lines.get(i).filter(|v| !v.is_empty()).map(|v| Secret::new(v.as_str()));
            let saved = SavedCredentials { token: value(0), secret: value(1), destination };
            vault.store(profile, &saved).map(|()| json!({"ok": true}))
        }
        ["get", profile] => vault.load(profile).map(|saved| match saved {
            Some(saved) => json!({
                "ok": true,
                "present": true,
                "tokenMd5": saved.token.as_ref().map(|t| md5_hex(t.expose())),
                "secretMd5": saved.secret.as_ref().map(|s| md5_hex(s.expose())),
                "destination": saved.destination,
            }),
            None => json!({"ok": true, "present": false}),
        }),
        ["migrate", profile, base_url, client_id] => {
            match Destination::of(&Profile::new(profile, profile, base_url, client_id)) {
                Ok(destination) => vault
                    .migrate_legacy(profile, &destination)
                    .map(|migrated| json!({"ok": true, "migrated": migrated})),
                Err(e) => {
                    eprintln!("op-console-keyring: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        ["delete", profile] => vault.delete(profile).map(|()| json!({"ok": true})),
        ["set-legacy", profile, kind @ ("token" | "secret")] => {
            let Some(lines) = stdin_lines() else { return ExitCode::from(2) };
            let account = format!("{profile}:{kind}");
            keyring_entry(&account)
                .and_then(|entry| entry.set_password(lines.first().map(String::as_str).unwrap_or_default()))
                .map(|()| json!({"ok": true}))
                .map_err(|e| ConsoleError::KeyringError { detail: e.to_string() })
        }
        _ => {
            eprintln!("usage: op-console-keyring set PROFILE BASE_URL CLIENT_ID | get PROFILE | delete PROFILE | set-legacy PROFILE token|secret | migrate PROFILE BASE_URL CLIENT_ID");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(value) => {
            println!("{value}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            println!("{}", json!({"ok": false, "code": error.code(), "message": error.to_string()}));
            ExitCode::FAILURE
        }
    }
}

fn stdin_lines() -> Option<Vec<String>> {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("op-console-keyring: cannot read standard input: {e}");
        return None;
    }
    Some(text.lines().map(|l| l.trim_end_matches('\r').to_owned()).collect())
}

/// An entry of the earlier layout, written straight into the platform's store.
fn keyring_entry(account: &str) -> keyring_core::Result<keyring_core::Entry> {
    #[cfg(target_os = "linux")]
    let store: std::sync::Arc<keyring_core::CredentialStore> = zbus_secret_service_keyring_store::Store::new()?;
    #[cfg(target_os = "windows")]
    let store: std::sync::Arc<keyring_core::CredentialStore> = windows_native_keyring_store::Store::new()?;
    #[cfg(target_os = "macos")]
    let store: std::sync::Arc<keyring_core::CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
    keyring_core::Entry::new_in_store(&store, console_core::KEYRING_SERVICE, account)
}

fn md5_hex(text: &str) -> String {
    use md5::{Digest, Md5};
    Md5::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
