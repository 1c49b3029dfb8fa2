//! Real TLS on loopback: op-sim serves HTTPS with a CA made for the test. The client trusts
//! the operating system's store and a profile's CA file; each failure names its cause.

mod common;

use common::{config_for, demo_credentials, EXAMPLE_USER};
use op_api::{OpClient, OpError, TlsCause};
use op_sim::{spawn_tls, SimConfig, TlsOptions};

async fn lookup(base: &str, ca_pem: Option<&str>) -> Result<op_api::DecodedChat, OpError> {
    let mut config = config_for(base);
    config.extra_roots_pem = ca_pem.map(|pem| pem.as_bytes().to_vec());
    OpClient::new(config)?.chat_info(&demo_credentials(), EXAMPLE_USER).await
}

#[tokio::test]
async fn a_private_ca_is_refused_until_its_file_is_given() {
    let sim = spawn_tls(SimConfig::demo(), 0, TlsOptions::default()).await.unwrap();
    let base = sim.server.base_url();
    assert!(base.starts_with("https://127.0.0.1:"), "{base}");

    match lookup(&base, None).await {
        Err(OpError::Tls { cause, .. }) => assert_eq!(cause, TlsCause::UnknownIssuer),
        other => panic!("without the CA: {other:?}"),
    }
    let chat = lookup(&base, Some(&sim.ca_pem)).await.expect("with the profile's CA file").chat;
    assert_eq!(chat.chat_id.as_deref(), Some("u0001106268050147246664"));
    // The refused handshake sent no request: only the trusted one arrived.
    assert_eq!(sim.server.requests_seen(), 1);
    sim.server.shutdown().await;
}

#[tokio::test]
async fn a_certificate_for_another_name_or_out_of_date_says_so() {
    let other = TlsOptions { names: vec!["op.example.com".into()], ..TlsOptions::default() };
    let expired = TlsOptions { expired: true, ..TlsOptions::default() };
    for (options, cause) in [(other, TlsCause::NameMismatch), (expired, TlsCause::Expired)] {
        let sim = spawn_tls(SimConfig::demo(), 0, options).await.unwrap();
        match lookup(&sim.server.base_url(), Some(&sim.ca_pem)).await {
            Err(OpError::Tls { cause: found, .. }) => assert_eq!(found, cause),
            other => panic!("{cause:?}: {other:?}"),
        }
        assert_eq!(sim.server.requests_seen(), 0);
        sim.server.shutdown().await;
    }
}

#[tokio::test]
async fn a_ca_file_without_a_certificate_is_a_configuration_problem() {
    let mut config = config_for("https://127.0.0.1:1");
    config.extra_roots_pem = Some(b"not a certificate".to_vec());
    assert_eq!(OpClient::new(config).unwrap_err().code(), "not_configured");
}
