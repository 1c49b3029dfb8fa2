//! Shared by the loopback tests: an op-sim on 127.0.0.1 and a client pointed at it.

#![allow(dead_code)]

use std::time::Duration;

use op_api::{ClientConfig, Credentials, OpClient};
use op_sim::{SimConfig, SimHandle, DEMO_CLIENT_ID, DEMO_SECRET, DEMO_TOKEN};

pub const EXAMPLE_USER: &str = "u00012b2e588bd93843168dfb67ae12cc2ee9";

pub async fn demo_sim() -> SimHandle {
    op_sim::spawn(SimConfig::demo(), 0).await.expect("op-sim starts on loopback")
}

/// A client for `sim` with a short timeout, so the slow user times out quickly.
pub fn client_for(sim: &SimHandle) -> OpClient {
    OpClient::new(config_for(&sim.base_url())).unwrap()
}

pub fn config_for(base_url: &str) -> ClientConfig {
    let mut config = ClientConfig::new(base_url, DEMO_CLIENT_ID).unwrap();
    config.timeout = Duration::from_millis(800);
    config.connect_timeout = Duration::from_millis(800);
    config
}

pub fn demo_credentials() -> Credentials {
    Credentials::new(DEMO_TOKEN, DEMO_SECRET)
}
