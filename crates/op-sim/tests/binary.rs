//! The `op-sim` program: `--help`, and a real run on a free port answering a signed lookup.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_op-sim");

#[test]
fn help_lists_the_options() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for option in ["--port", "--data", "--client", "--token", "--secret", "--sign-rule", "--api-version"] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
    assert!(!help.contains(op_sim::DEMO_SECRET), "--help shows the secret");
}

#[test]
fn a_bad_users_file_is_a_clear_error() {
    let out = Command::new(BIN).args(["--port", "0", "--data", "/nonexistent/users.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the users file /nonexistent/users.json"));
}

/// Kills the program when the test ends, also when it fails.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serves_a_signed_lookup_with_other_credentials_and_rule() {
    let mut child = Command::new(BIN)
        .args(["--port", "0", "--client", "c0ffee00c0ffee00c0ffee00c0ffee00", "--sign-rule", "wechat-v2"])
        .env("OP_SIM_TOKEN", "o0001-cli-token")
        .env("OP_SIM_SECRET", "cli-secret")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let _running = Running(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let base = line.split_whitespace().find(|w| w.starts_with("http://127.0.0.1:")).expect(&line).to_owned();

    let mut config = op_api::ClientConfig::new(&base, "c0ffee00c0ffee00c0ffee00c0ffee00").unwrap();
    config.sign_rule = "wechat-v2".parse().unwrap();
    let client = op_api::OpClient::new(config).unwrap();
    let creds = op_api::Credentials::new("o0001-cli-token", "cli-secret");
    let lookup = client.chat_info(&creds, "u00012b2e588bd93843168dfb67ae12cc2ee9").await.unwrap();
    assert_eq!(lookup.chat.group_id.as_deref(), Some("106268050147246664"));

    // The request log names the user and hides the token and the sign. A reader thread
    // and a bounded wait: a program that never logs fails the test instead of hanging it.
    let (lines, log) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let entry = loop {
        let line = log.recv_timeout(std::time::Duration::from_secs(10)).expect("a lookup line in the log");
        if line.contains("lookup") {
            break line;
        }
    };
    assert!(
        entry.contains("u00012b2e588bd93843168dfb67ae12cc2ee9")
            && entry.contains("token=***")
            && entry.contains("sign=***")
            && entry.contains("server_us="),
        "{entry}"
    );
    assert!(!entry.contains("o0001-cli-token"), "{entry}");
}
