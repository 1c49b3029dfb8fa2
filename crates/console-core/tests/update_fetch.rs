//! The update's two requests against update servers of the test's own on 127.0.0.1, over
//! TLS with a CA of their own (IT's CA file in the policy): what a broken or hostile server
//! can do to a check or a download, and where an update request may go.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use console_core::policy::Policy;
use console_core::updates::{
    fetch_manifest, fetch_package, update_network, FetchLimits, FetchProblem, UpdateNetwork, MANIFEST_LIMITS,
};
use url::Url;

mod common;
use common::counter;

const MANIFEST: &str = r#"{"version":"9.9.9","platforms":{}}"#;

/// A server with the answers below, the requests it saw, and IT's network to it (its CA
/// file in the policy, with `policy` besides).
struct UpdateServer {
    base: String,
    seen: Arc<AtomicUsize>,
    network: UpdateNetwork,
    _dir: tempfile::TempDir,
}

impl UpdateServer {
    async fn start(policy: serde_json::Value) -> Self {
        let seen = Arc::new(AtomicUsize::new(0));
        let counted = seen.clone();
        let app = Router::new()
            .route("/latest.json", get(|| async { ([(header::CONTENT_TYPE, "application/json")], MANIFEST) }))
            // As release hosts serve it.
            .route("/octet.json", get(|| async { ([(header::CONTENT_TYPE, "application/octet-stream")], MANIFEST) }))
            .route("/nothing.json", get(|| async { StatusCode::NO_CONTENT }))
            .route("/portal.json", get(|| async { ([(header::CONTENT_TYPE, "text/html")], "<html>Sign in</html>") }))
            .route("/pulled.json", get(|| async { StatusCode::NOT_FOUND }))
            .route("/down.json", get(|| async { StatusCode::SERVICE_UNAVAILABLE }))
            // 64 MiB of valid JSON, streamed without a length.
            .route("/huge.json", get(|| async { stream(64, b"[0", b",0") }))
            .route("/announced.deb", get(|| async { announced() }))
            .route("/package.deb", get(|| async { vec![7u8; 300_000] }))
            .route("/drip.deb", get(|| async { drip() }))
            .route("/elsewhere", get(|| async { redirect("https://localhost:1/latest.json") }))
            .route("/hop", get(|| async { redirect("/latest.json") }))
            .route("/loop", get(|| async { redirect("/loop") }))
            .layer(axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
                let counted = counted.clone();
                async move {
                    counted.fetch_add(1, Ordering::SeqCst);
                    next.run(request).await
                }
            }));
        let (addr, ca_pem) = op_sim::spawn_tls_app(app, op_sim::TlsOptions::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("it-ca.pem");
        std::fs::write(&ca, ca_pem).unwrap();
        let mut text = policy;
        text["mandatory"]["caFile"] = ca.display().to_string().into();
        let policy = Policy::from_text(Path::new("/etc/op-console/policy.json"), &text.to_string());
        let base = format!("https://127.0.0.1:{}", addr.port());
        let network = update_network(&policy, &Url::parse(&base).unwrap()).unwrap();
        Self { base, seen, network, _dir: dir }
    }

    fn url(&self, path: &str) -> Url {
        Url::parse(&format!("{}{path}", self.base)).unwrap()
    }

    async fn manifest(&self, path: &str) -> Result<Option<serde_json::Value>, FetchProblem> {
        fetch_manifest(&self.network, &self.url(path), MANIFEST_LIMITS).await
    }
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_owned())]).into_response()
}

/// `mib` MiB: `first`, then `each` repeated, then `]`.
fn stream(mib: usize, first: &'static [u8], each: &'static [u8]) -> Response {
    let chunk: Vec<u8> = each.iter().copied().cycle().take(64 * 1024).collect();
    let chunks = std::iter::once(first.to_vec())
        .chain(std::iter::repeat_n(chunk, mib * 16))
        .chain(std::iter::once(b"]".to_vec()))
        .map(Ok::<_, std::io::Error>);
    Body::from_stream(futures_util::stream::iter(chunks)).into_response()
}

/// 10 GiB announced, nothing sent.
fn announced() -> Response {
    let nothing = futures_util::stream::pending::<Result<Vec<u8>, std::io::Error>>();
    ([(header::CONTENT_LENGTH, "10737418240")], Body::from_stream(nothing)).into_response()
}

/// One byte, then nothing (a server that drips, or hangs).
fn drip() -> Response {
    let first = futures_util::stream::iter([Ok::<_, std::io::Error>(vec![1u8])]);
    Body::from_stream(futures_util::StreamExt::chain(first, futures_util::stream::pending())).into_response()
}

#[tokio::test]
async fn a_manifest_is_read_as_json_whatever_its_type() {
    let server = UpdateServer::start(serde_json::json!({"mandatory": {}})).await;
    for path in ["/latest.json", "/octet.json", "/hop"] {
        let manifest = server.manifest(path).await.unwrap().unwrap();
        assert_eq!(manifest["version"], "9.9.9", "{path}");
    }
    assert_eq!(server.manifest("/nothing.json").await, Ok(None));
}

#[tokio::test]
async fn an_answer_that_is_no_manifest_says_so_and_a_server_that_is_down_says_that() {
    let server = UpdateServer::start(serde_json::json!({"mandatory": {}})).await;
    // A captive portal or a pulled release: the manifest's problem (the update offered
    // before is withdrawn); a server in maintenance: not reached (it stands).
    for path in ["/portal.json", "/pulled.json", "/loop"] {
        assert!(matches!(server.manifest(path).await, Err(FetchProblem::BadAnswer(_))), "{path}");
    }
    assert!(matches!(server.manifest("/down.json").await, Err(FetchProblem::Unreachable(_))));
}

#[tokio::test]
async fn a_huge_manifest_is_cut_off_at_the_limit() {
    let server = UpdateServer::start(serde_json::json!({"mandatory": {}})).await;
    let problem = server.manifest("/huge.json").await.unwrap_err();
    assert!(matches!(&problem, FetchProblem::BadAnswer(why) if why.contains("65536")), "{problem}");
}

#[tokio::test]
async fn a_package_is_capped_and_a_download_that_stalls_ends() {
    let server = UpdateServer::start(serde_json::json!({"mandatory": {}})).await;
    let limits =
        FetchLimits { max_bytes: 1_000_000, timeout: Duration::from_secs(5), read_timeout: Duration::from_secs(1) };
    let mut told = Vec::new();
    let package = fetch_package(&server.network, &server.url("/package.deb"), limits, |so_far, total| {
        told.push((so_far, total));
    })
    .await
    .unwrap();
    assert_eq!(package.len(), 300_000);
    assert_eq!(told.last(), Some(&(300_000, Some(300_000))));
    // 10 GiB announced: refused before a byte is read.
    let problem = fetch_package(&server.network, &server.url("/announced.deb"), limits, |_, _| {}).await.unwrap_err();
    assert!(matches!(problem, FetchProblem::BadAnswer(_)), "{problem}");
    // A byte, then nothing: the stall ends the download (not a check waiting forever).
    let problem = fetch_package(&server.network, &server.url("/drip.deb"), limits, |_, _| {}).await.unwrap_err();
    assert!(matches!(problem, FetchProblem::Unreachable(_)), "{problem}");
}

#[tokio::test]
async fn a_redirect_goes_only_where_it_allows() {
    let server = UpdateServer::start(serde_json::json!({"mandatory": {"allowedHosts": ["127.0.0.1"]}})).await;
    assert!(server.manifest("/hop").await.unwrap().is_some(), "a redirect on the same host");
    let problem = server.manifest("/elsewhere").await.unwrap_err();
    assert!(matches!(&problem, FetchProblem::BadAnswer(why) if why.contains("localhost")), "{problem}");
}

#[tokio::test]
async fn a_proxy_on_a_host_it_does_not_allow_carries_nothing() {
    let proxy = counter();
    // The proxy listens on this machine under a name IT does not allow.
    let via = proxy.url.replace("127.0.0.1", "localhost");
    let server = UpdateServer::start(serde_json::json!({"mandatory": {
        "allowedHosts": ["127.0.0.1"], "proxy": {"mode": "url", "url": via}}}))
    .await;
    let problem = server.manifest("/latest.json").await.unwrap_err();
    assert!(matches!(&problem, FetchProblem::Unreachable(why) if why.contains("localhost")), "{problem}");
    assert_eq!(proxy.connections(), 0);
    assert_eq!(server.seen.load(Ordering::SeqCst), 0, "nothing reached the update server either");
}
