//! `op-console-keyring`: Op Console's keyring access from the command line, for support
//! and for the tests against a real Secret Service. It never prints a credential: `get`
//! prints an MD5 fingerprint of the value.
//!
//! ```text
//! op-console-keyring set PROFILE token|secret   (the value is read from standard input)
//! op-console-keyring get PROFILE token|secret
//! op-console-keyring delete PROFILE token|secret
//! ```
//! Each prints one JSON line: `{"ok":true,…}` or the error's `{"ok":false,"code":…}`.

use std::io::Read;
use std::process::ExitCode;

use console_core::{ConsoleError, CredentialKind, Vault};
use op_api::Secret;
use serde_json::json;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, profile, kind) = match args.as_slice() {
        [c, p, k] if ["set", "get", "delete"].contains(&c.as_str()) => (c.as_str(), p.as_str(), k.as_str()),
        _ => {
            eprintln!("usage: op-console-keyring set|get|delete PROFILE token|secret");
            return ExitCode::from(2);
        }
    };
    let kind = match kind {
        "token" => CredentialKind::Token,
        "secret" => CredentialKind::Secret,
        _ => {
            eprintln!("op-console-keyring: the kind is token or secret");
            return ExitCode::from(2);
        }
    };
    let vault = Vault::os();
    let result: Result<serde_json::Value, ConsoleError> = match command {
        "set" => {
            let mut value = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut value) {
                eprintln!("op-console-keyring: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
            vault.set(profile, kind, &Secret::new(value.trim_end_matches(['\r', '\n']))).map(|()| json!({"ok": true}))
        }
        "get" => vault.get(profile, kind).map(|value| match value {
            Some(secret) => json!({"ok": true, "present": true, "md5": md5_hex(secret.expose())}),
            None => json!({"ok": true, "present": false}),
        }),
        _ => vault.delete(profile, kind).map(|()| json!({"ok": true})),
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

fn md5_hex(text: &str) -> String {
    use md5::{Digest, Md5};
    Md5::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
