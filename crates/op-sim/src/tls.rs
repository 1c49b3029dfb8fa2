//! op-sim over HTTPS, for the TLS tests: a certificate authority made at start (rcgen),
//! a server certificate it signs for the names asked (or an expired one), and the CA's PEM
//! for the client to trust, or not.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

use crate::config::SimConfig;
use crate::server::{serve, SimHandle};

/// The server certificate op-sim presents.
#[derive(Clone, Debug)]
pub struct TlsOptions {
    /// The names it is valid for: `127.0.0.1` (an IP) and `localhost` by default.
    pub names: Vec<String>,
    /// Valid only in 2001: an expired certificate.
    pub expired: bool,
}

impl Default for TlsOptions {
    fn default() -> Self {
        Self { names: vec!["127.0.0.1".into(), "localhost".into()], expired: false }
    }
}

/// A running HTTPS op-sim and the PEM of the CA that signed its certificate.
pub struct TlsSim {
    pub server: SimHandle,
    pub ca_pem: String,
}

/// Starts op-sim on `https://127.0.0.1:port` (0 for any free port).
pub async fn spawn_tls(config: SimConfig, port: u16, options: TlsOptions) -> std::io::Result<TlsSim> {
    let (acceptor, ca_pem) = acceptor(&options).map_err(std::io::Error::other)?;
    let tcp = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    let server = serve(TlsListener { tcp, acceptor }, "https", config)?;
    Ok(TlsSim { server, ca_pem })
}

/// Another server of a test's own over the same TLS (an update server, say): `app` on
/// 127.0.0.1, its address and the CA's PEM. It runs until the runtime ends.
pub async fn spawn_tls_app(app: axum::Router, options: TlsOptions) -> std::io::Result<(SocketAddr, String)> {
    let (acceptor, ca_pem) = acceptor(&options).map_err(std::io::Error::other)?;
    let tcp = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
    let addr = tcp.local_addr()?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(TlsListener { tcp, acceptor }, app).await {
            tracing::error!("a test's TLS server stopped: {e}");
        }
    });
    Ok((addr, ca_pem))
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// A certificate authority made now: what signs, and its certificate.
fn new_ca() -> Result<(Issuer<'static, KeyPair>, rcgen::Certificate), Error> {
    let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(DnType::CommonName, "op-sim test CA (not for real use)");
    let ca_key = KeyPair::generate()?;
    let ca_cert = ca_params.self_signed(&ca_key)?;
    Ok((Issuer::new(ca_params, ca_key), ca_cert))
}

/// The PEM of a CA made now (a CA file a test writes: a certificate TLS can trust).
pub fn throwaway_ca_pem() -> String {
    new_ca().map(|(_, cert)| cert.pem()).expect("rcgen makes a CA")
}

fn acceptor(options: &TlsOptions) -> Result<(TlsAcceptor, String), Error> {
    let (issuer, ca_cert) = new_ca()?;

    let mut leaf = CertificateParams::new(options.names.clone())?;
    leaf.distinguished_name.push(DnType::CommonName, "op-sim");
    if options.expired {
        leaf.not_before = rcgen::date_time_ymd(2001, 1, 1);
        leaf.not_after = rcgen::date_time_ymd(2001, 12, 31);
    }
    let leaf_key = KeyPair::generate()?;
    let leaf_cert = leaf.signed_by(&leaf_key, &issuer)?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(leaf_cert.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
        )?;
    Ok((TlsAcceptor::from(Arc::new(config)), ca_cert.pem()))
}

/// TCP accepts with the TLS handshake done; a failed handshake (a client that does not
/// trust us) is skipped, the next connection accepted.
struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, addr)) = self.tcp.accept().await else { continue };
            match self.acceptor.accept(stream).await {
                Ok(tls) => return (tls, addr),
                Err(e) => tracing::info!("TLS handshake refused: {e}"),
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}
