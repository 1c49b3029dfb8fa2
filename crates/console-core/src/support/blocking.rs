//! Keyring calls and file reads block (a keyring call for up to its wait): they run on
//! tokio's blocking threads, never on the async workers that serve every command.

use crate::error::ConsoleError;

pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ConsoleError> + Send + 'static,
) -> Result<T, ConsoleError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| ConsoleError::KeyringError { detail: e.to_string() })?
}
