//! Against a real Secret Service: gnome-keyring in a private D-Bus session started by the
//! test itself (`dbus-run-session`), each step a fresh `op-console-keyring` process. Also
//! the failures a desktop meets: no session bus, and a keyring that is locked. Linux only:
//! Windows and macOS have their own stores (the other tests use the mock one there).
#![cfg(target_os = "linux")]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

const PROBE: &str = env!("CARGO_BIN_EXE_op-console-keyring");

/// Runs a shell script inside a fresh D-Bus session, bounded by `timeout`.
fn in_session(script: &str) -> Output {
    // A fresh home for the keyring's files: no earlier keyring, with another password.
    let home = tempfile::tempdir().unwrap();
    Command::new("timeout")
        .args(["60", "dbus-run-session", "--", "sh", "-ec", script])
        .env("PROBE", PROBE)
        .env_remove("DISPLAY")
        .env("XDG_DATA_HOME", home.path())
        .output()
        .expect("dbus-run-session runs (scripts/setup.sh installs dbus and gnome-keyring)")
}

fn stdout_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn set_read_back_in_a_fresh_process_then_forget() {
    // md5("o0001-real-keyring-token") and md5("real-secret"), computed with Python's hashlib.
    let script = r#"
        echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        printf 'o0001-real-keyring-token\nreal-secret\n' | "$PROBE" set prof-1 https://op.example.com c0ffee
        "$PROBE" get prof-1
        echo "secret-tool: $(secret-tool search service op-console 2>&1 | grep -c 'attribute.username = prof-1$')"
        "$PROBE" delete prof-1
        "$PROBE" get prof-1
        echo "secret-tool: $(secret-tool search service op-console 2>&1 | grep -c 'attribute.username = prof-1$' || true)"
    "#;
    let output = in_session(script);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}\n{}", String::from_utf8_lossy(&output.stderr));
    let lines = stdout_lines(&output);
    assert_eq!(lines[0]["ok"], true, "{text}");
    assert_eq!(lines[1]["present"], true, "{text}");
    assert_eq!(lines[1]["tokenMd5"], "2be23d69cb6aff158a0ec430e218775d", "{text}");
    assert_eq!(lines[1]["secretMd5"], md5("real-secret"), "{text}");
    assert_eq!(lines[1]["destination"]["origin"], "https://op.example.com:443", "{text}");
    assert_eq!(lines[2]["ok"], true, "{text}");
    assert_eq!(lines[3]["present"], false, "{text}");
    assert!(text.contains("secret-tool: 1"), "secret-tool sees the one entry: {text}");
    assert!(text.contains("secret-tool: 0"), "secret-tool no longer sees it: {text}");
    assert!(
        !text.contains("o0001-real-keyring-token") && !text.contains("real-secret\""),
        "a credential was printed: {text}"
    );
}

#[test]
fn a_write_while_the_keyring_is_locked_leaves_the_saved_pair_whole() {
    let script = r#"
        echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        printf 'token-a\nsecret-a\n' | "$PROBE" set prof-1 https://op.example.com c0ffee
        gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
            --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null
        printf 'token-b\nsecret-b\n' | "$PROBE" set prof-1 https://op.example.com c0ffee || true
        # Unlocked again: the daemon restarted with the login password, from its files.
        echo -n test | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1
        "$PROBE" get prof-1
    "#;
    let output = in_session(script);
    let text = String::from_utf8_lossy(&output.stdout);
    let lines = stdout_lines(&output);
    assert_eq!(lines[0]["ok"], true, "{text}");
    assert_eq!(lines[1]["code"], "keyring_locked", "the locked write fails cleanly: {text}");
    // Read back after unlocking: the earlier pair, both halves, never a new token with an old secret.
    assert_eq!(lines[2]["tokenMd5"], md5("token-a"), "{text}\n{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(lines[2]["secretMd5"], md5("secret-a"), "{text}");
}

#[test]
fn the_two_entry_layout_migrates_into_one() {
    let script = r#"
        echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        printf 'old-token\n' | "$PROBE" set-legacy prof-1 token
        printf 'old-secret\n' | "$PROBE" set-legacy prof-1 secret
        "$PROBE" get prof-1
        "$PROBE" migrate prof-1 https://op.example.com c0ffee
        "$PROBE" get prof-1
        "$PROBE" migrate prof-1 https://op.example.com c0ffee
    "#;
    let output = in_session(script);
    let lines = stdout_lines(&output);
    // A read never migrates: the old entries are not the profile's entry until migrated.
    assert_eq!(lines[2]["present"], false, "{lines:?}");
    assert_eq!(lines[3]["migrated"], true, "{lines:?}");
    assert_eq!(lines[4]["tokenMd5"], md5("old-token"), "{lines:?}");
    assert_eq!(lines[4]["secretMd5"], md5("old-secret"), "{lines:?}");
    assert_eq!(lines[4]["destination"]["origin"], "https://op.example.com:443", "{lines:?}");
    assert_eq!(lines[5]["migrated"], false, "the old entries are gone: {lines:?}");
}

fn md5(text: &str) -> String {
    use md5::{Digest, Md5};
    Md5::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn no_session_bus_is_named_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let output = Command::new(PROBE)
        .args(["get", "prof-1"])
        .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}/no-bus", dir.path().display()))
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let lines = stdout_lines(&output);
    assert_eq!(lines[0]["code"], "keyring_unavailable", "{lines:?}");
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
}

#[test]
fn a_locked_keyring_is_named() {
    let script = r#"
        gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1
        printf 'token\nvalue\n' | "$PROBE" set prof-1 https://op.example.com c0ffee || true
    "#;
    let output = in_session(script);
    let lines = stdout_lines(&output);
    assert_eq!(lines[0]["code"], "keyring_locked", "{lines:?} {}", String::from_utf8_lossy(&output.stderr));
}
