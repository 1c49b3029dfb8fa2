//! A real proxy (tinyproxy) on loopback between the client and op-sim. Requests reach the
//! server through it when the profile names it, never for `none`, and never for `system`
//! to a loopback server even when the environment names a proxy. One test in its own binary: it sets HTTP_PROXY.
#![cfg(target_os = "linux")]

mod common;

use std::net::TcpListener as StdListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{config_for, demo_credentials, demo_sim, EXAMPLE_USER};
use op_api::{OpClient, ProxyMode};

/// tinyproxy in the foreground on a free loopback port; killed when dropped.
struct Tinyproxy {
    child: Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Tinyproxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tinyproxy() -> Tinyproxy {
    let port = StdListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("tinyproxy.conf");
    std::fs::write(
        &conf,
        format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 30\nAllow 127.0.0.1\nMaxClients 10\nLogLevel Info\nLogFile \"{}\"\n",
            dir.path().join("tinyproxy.log").display()
        ),
    )
    .unwrap();
    let child = Command::new("tinyproxy")
        .args(["-d", "-c"])
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tinyproxy is installed (scripts/setup.sh installs tinyproxy-bin)");
    let proxy = Tinyproxy { child, url: format!("http://127.0.0.1:{port}"), _dir: dir };
    // Ready when it accepts a connection: a bounded poll, not a fixed sleep.
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tinyproxy did not start listening");
        std::thread::sleep(Duration::from_millis(20));
    }
    proxy
}

#[tokio::test]
async fn requests_go_through_the_proxy_only_when_the_profile_says_so() {
    let proxy = tinyproxy();
    let sim = demo_sim().await;
    let lookup = |mode: ProxyMode| {
        let mut config = config_for(&sim.base_url());
        config.timeout = Duration::from_secs(5);
        config.proxy = mode;
        async move { OpClient::new(config).unwrap().chat_info(&demo_credentials(), EXAMPLE_USER).await }
    };

    lookup(ProxyMode::Url { url: proxy.url.clone() }).await.expect("through the proxy");
    assert_eq!((sim.requests_seen(), sim.requests_via_proxy()), (1, 1));

    // The environment names a proxy and NO_PROXY does not name this machine: `system`
    // still never sends a loopback lookup to it (the token and sign would go there), and
    // `none` never uses it. Off this machine `system` follows the environment
    // (network.rs's tests, with the environment given).
    std::env::set_var("HTTP_PROXY", &proxy.url);
    std::env::remove_var("NO_PROXY");
    std::env::remove_var("no_proxy");
    lookup(ProxyMode::System).await.expect("straight to the loopback server");
    assert_eq!((sim.requests_seen(), sim.requests_via_proxy()), (2, 1));
    lookup(ProxyMode::None).await.expect("straight to the server");
    assert_eq!((sim.requests_seen(), sim.requests_via_proxy()), (3, 1));
    std::env::remove_var("HTTP_PROXY");

    // A proxy that is not there: the lookup fails, and nothing reached the server.
    drop(proxy);
    let err = lookup(ProxyMode::Url { url: "http://127.0.0.1:1".into() }).await.unwrap_err();
    assert_eq!(err.code(), "connect", "{err:?}");
    assert_eq!(sim.requests_seen(), 3);
    sim.shutdown().await;
}
