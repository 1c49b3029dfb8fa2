//! Forces every error kind with distinctive credentials and checks that no error (Display
//! or Debug) and no log line, ours, op-sim's or the HTTP stack's, holds the token, the
//! secret or the sign, even when a server echoes them back.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::http::{StatusCode, Uri};
use axum::response::IntoResponse;
use common::{config_for, EXAMPLE_USER};
use op_api::sign::SignRule;
use op_api::{build_signed_request, Credentials, OpClient, OpError, UserId};
use op_sim::{SimConfig, DEMO_CLIENT_ID};

const TOKEN: &str = "o0001-LEAKCHECK-token-7f3a9c";
const SECRET: &str = "LEAKCHECK-secret-b41cf9";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A server that echoes the request URI (token and sign included) in every way it can.
async fn echo(uri: Uri) -> axum::response::Response {
    let echoed = uri.to_string();
    let path = uri.path();
    if path.starts_with("/status") {
        (StatusCode::BAD_REQUEST, format!("bad request: {echoed}")).into_response()
    } else if path.starts_with("/api") {
        axum::Json(serde_json::json!({"code": 4999, "message": format!("rejected {echoed}")})).into_response()
    } else if path.starts_with("/redirect") {
        (StatusCode::TEMPORARY_REDIRECT, [("location", format!("https://elsewhere.example.com{echoed}"))], echoed)
            .into_response()
    } else if path.starts_with("/warn") {
        // A field the console cannot read: a warning, and the echo stays in the raw answer.
        axum::Json(serde_json::json!({"code": 200, "data": {"location": {"lat": {"echo": echoed}}}})).into_response()
    } else {
        (StatusCode::OK, format!("<html>not JSON: {echoed} {}</html>", serde_json::json!(echoed))).into_response()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_error_or_log_line_holds_a_credential() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let creds = Credentials::new(TOKEN, SECRET);
    let sim =
        op_sim::spawn(SimConfig { token: TOKEN.into(), secret: SECRET.into(), ..SimConfig::demo() }, 0).await.unwrap();
    let client = OpClient::new(config_for(&sim.base_url())).unwrap();
    let sign = build_signed_request(client.config(), &creds, &UserId::parse(EXAMPLE_USER).unwrap()).unwrap();
    let sign = sign.url().rsplit("sign=").next().unwrap().to_owned();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let echo_base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, axum::Router::new().fallback(echo)).await.unwrap() });

    let mut errors: Vec<OpError> = Vec::new();
    errors.push(client.chat_info(&creds, "bad id!").await.unwrap_err());
    errors.push(client.chat_info(&Credentials::new(TOKEN, ""), EXAMPLE_USER).await.unwrap_err());
    for user in [
        "u0001-nochat",
        "u0001-apierror",
        "u0001-http500",
        "u0001-malformed",
        "u0001-slow",
        "u0001-oversized",
        "u0001-cutoff",
        "u0001-gzip",
    ] {
        errors.push(client.chat_info(&creds, user).await.unwrap_err());
    }
    let tls = OpClient::new(config_for(&sim.base_url().replace("http:", "https:"))).unwrap();
    errors.push(tls.chat_info(&creds, EXAMPLE_USER).await.unwrap_err());
    let mut raw_answers = Vec::new();
    for prefix in ["/status", "/api", "/decode", "/redirect", "/warn"] {
        let echoing = OpClient::new(config_for(&format!("{echo_base}{prefix}"))).unwrap();
        let answered = echoing.lookup(&creds, EXAMPLE_USER).await;
        raw_answers.push(answered.raw_answer.expect("an answer arrived"));
        match answered.result {
            Err(e) => errors.push(e),
            Ok(lookup) => assert_eq!(lookup.warnings.len(), 1, "{prefix}"),
        }
    }
    for raw in &raw_answers {
        assert!(raw.contains("token=***"), "the echo arrived, redacted: {raw}");
        for needle in [TOKEN, SECRET, sign.as_str()] {
            assert!(!raw.contains(needle), "a raw answer leaks {needle}: {raw}");
        }
    }
    // A successful answer that echoes them: every decoded text is redacted too.
    let echoed = client.chat_info(&creds, "u0001-echo-ok").await.unwrap();
    let shown = serde_json::to_string(&echoed).unwrap();
    assert!(shown.contains("token=***"), "the echo arrived, redacted: {shown}");
    for needle in [TOKEN, SECRET, sign.as_str()] {
        assert!(!shown.contains(needle), "a decoded field leaks {needle}: {shown}");
    }
    let mut bad_rule = config_for(&sim.base_url());
    bad_rule.sign_rule = SignRule::template("{secret}");
    bad_rule.sign_rule = SignRule { body_param: Some("bad name".into()), ..bad_rule.sign_rule };
    errors.push(OpClient::new(bad_rule).unwrap_err());
    let base = sim.base_url();
    sim.shutdown().await;
    errors.push(OpClient::new(config_for(&base)).unwrap().chat_info(&creds, EXAMPLE_USER).await.unwrap_err());

    let mut forced: Vec<usize> = errors.iter().map(variant).collect();
    forced.sort_unstable();
    forced.dedup();
    assert_eq!(forced, (0..VARIANTS).collect::<Vec<_>>(), "every error kind was forced");

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("lookup"), "the logs were captured");
    for error in &errors {
        let shown = format!("{error} {error:?}");
        for needle in [TOKEN, SECRET, sign.as_str(), "LEAKCHECK"] {
            assert!(!shown.contains(needle), "{} leaks {needle}: {shown}", error.code());
        }
    }
    for needle in [TOKEN, SECRET, sign.as_str(), "LEAKCHECK"] {
        assert!(!logs.contains(needle), "the logs leak {needle}");
    }
    // The echoes did arrive, redacted.
    assert!(errors.iter().any(|e| matches!(e, OpError::HttpStatus { snippet, .. } if snippet.contains("token=***"))));
    assert!(DEMO_CLIENT_ID.len() == 32);
}

/// The variant's place: the match has no wildcard, so a new kind of error fails to compile
/// here until this test forces it too.
const VARIANTS: usize = 13;
fn variant(error: &OpError) -> usize {
    match error {
        OpError::InvalidUserId { .. } => 0,
        OpError::NotConfigured { .. } => 1,
        OpError::Connect { .. } => 2,
        OpError::Timeout { .. } => 3,
        OpError::Tls { .. } => 4,
        OpError::HttpStatus { .. } => 5,
        OpError::Decode { .. } => 6,
        OpError::TooLarge { .. } => 7,
        OpError::Interrupted { .. } => 8,
        OpError::Api { .. } => 9,
        OpError::NoChat => 10,
        OpError::Redirect { .. } => 11,
        OpError::ContentEncoding { .. } => 12,
    }
}
