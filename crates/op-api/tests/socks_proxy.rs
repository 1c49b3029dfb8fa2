//! A `socks5://` proxy on loopback: reqwest here is built without SOCKS. The client is
//! refused when it is made, as a proxy it cannot use (the operator is told to fix the
//! proxy, not that the server cannot be reached), and nothing reaches the listener or the
//! server.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::{config_for, demo_credentials, demo_sim, EXAMPLE_USER};
use op_api::{OpClient, ProxyMode};

#[tokio::test]
async fn a_socks_proxy_gets_nothing_and_the_lookup_fails() {
    let sim = demo_sim().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = connections.clone();
    // Accepts and holds each connection, answering nothing.
    let listening = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            held.push(stream);
        }
    });

    let mut config = config_for(&sim.base_url());
    config.proxy = ProxyMode::Url { url: format!("socks5://127.0.0.1:{port}") };
    let outcome = match OpClient::new(config) {
        Ok(client) => client.chat_info(&demo_credentials(), EXAMPLE_USER).await.map(|_| ()),
        Err(refused) => Err(refused),
    };
    let error = outcome.expect_err("a lookup through a SOCKS proxy succeeded");
    assert!(
        matches!(&error, op_api::OpError::NotConfigured { problem: op_api::ConfigProblem::ProxyUrl { .. } }),
        "{error:?}"
    );
    assert_eq!(connections.load(Ordering::SeqCst), 0, "the SOCKS port was connected to");
    assert_eq!(sim.requests_seen(), 0);
    listening.abort();
    sim.shutdown().await;
}
