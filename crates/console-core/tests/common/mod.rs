//! What the console-core integration tests share: an op-sim of a test's own and a port
//! that only counts who connects. Each test binary uses a part of it.
#![allow(dead_code)]

pub mod console;

use op_api::sign::{SignRule, SignScheme};
use op_sim::{SimConfig, SimHandle};

/// An op-sim with its own client id, token and secret, signing as Alipay does.
pub async fn sim_with(client: &str, token: &str, secret: &str) -> SimHandle {
    let config = SimConfig {
        client_id: client.into(),
        token: token.into(),
        secret: secret.into(),
        sign_rule: SignRule::preset(SignScheme::Alipay),
        ..SimConfig::demo()
    };
    op_sim::spawn(config, 0).await.unwrap()
}

/// A port on loopback that answers nothing but counts who connects: a place nothing may reach.
pub struct Counter {
    pub url: String,
    count: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

pub fn counter() -> Counter {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(stream);
        }
    });
    Counter { url, count }
}

impl Counter {
    pub fn connections(&self) -> usize {
        self.count.load(std::sync::atomic::Ordering::SeqCst)
    }
}
