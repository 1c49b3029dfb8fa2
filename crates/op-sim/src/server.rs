//! Starting and stopping the server on 127.0.0.1.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::SimConfig;
use crate::handler::{handle, SimState};

/// A running op-sim. Dropping it stops the server too; `shutdown` waits until it has.
pub struct SimHandle {
    addr: SocketAddr,
    scheme: &'static str,
    state: Arc<SimState>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

/// Starts op-sim on 127.0.0.1:`port` (0 for any free port) and returns once it listens.
pub async fn spawn(config: SimConfig, port: u16) -> std::io::Result<SimHandle> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    serve(listener, "http", config)
}

/// Serves op-sim on a listener that is already bound (plain TCP, or TLS).
pub(crate) fn serve<L>(listener: L, scheme: &'static str, config: SimConfig) -> std::io::Result<SimHandle>
where
    L: axum::serve::Listener<Addr = SocketAddr>,
    L::Io: Unpin,
{
    let addr = listener.local_addr()?;
    let (stop, stopped) = watch::channel(false);
    let state = Arc::new(SimState {
        config,
        requests: AtomicUsize::new(0),
        via_proxy: AtomicUsize::new(0),
        scheme,
        shutdown: stopped.clone(),
    });
    let app = Router::new().fallback(handle).with_state(state.clone());
    let mut on_stop = stopped;
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, app).with_graceful_shutdown(async move {
            let _ = on_stop.wait_for(|stop| *stop).await;
        });
        if let Err(e) = serve.await {
            tracing::error!("op-sim stopped: {e}");
        }
    });
    tracing::info!("op-sim listening on {scheme}://{addr}");
    Ok(SimHandle { addr, scheme, state, stop, task: Some(task) })
}

impl SimHandle {
    /// `http://127.0.0.1:PORT` (`https://` for [`crate::spawn_tls`]): the base URL to give the client.
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many HTTP requests reached the server, whatever their path or outcome.
    pub fn requests_seen(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// How many of them came through a proxy (they carry a `Via` header).
    pub fn requests_via_proxy(&self) -> usize {
        self.state.via_proxy.load(Ordering::SeqCst)
    }

    /// Stops accepting, lets answers in flight finish (slow ones are cut short), and
    /// waits for the server to end, at most two seconds.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(2), task).await.is_err() {
                abort.abort();
            }
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
