//! The clipboard forgets: a copied revealed number, or a summary holding one, is removed
//! after the rules' time, but only if the clipboard still holds exactly what the console
//! put there (something the operator copied since is theirs, and stays).

use std::future::Future;
use std::time::Duration;

/// At most this much text is copied by the console at once (a summary is far smaller).
pub const COPY_MAX_CHARS: usize = 16 * 1024;

/// After `after`, clears the clipboard (`clear`) if it still holds `written` (`read`).
/// Returns whether it cleared. `read` and `clear` run only then (futures start when awaited).
pub async fn forget_later(
    after: Duration,
    written: &str,
    read: impl Future<Output = Option<String>>,
    clear: impl Future<Output = ()>,
) -> bool {
    tokio::time::sleep(after).await;
    if read.await.as_deref() == Some(written) {
        clear.await;
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A clipboard in memory that holds `text`, and whether `forget_later` cleared the
    /// copied number from it (what it holds after).
    async fn forget_from(text: &str) -> (bool, Option<String>) {
        let clipboard = Arc::new(Mutex::new(Some(text.to_owned())));
        let (read, clear) = (clipboard.clone(), clipboard.clone());
        let cleared = forget_later(
            Duration::from_secs(30),
            "13812345678",
            async move { read.lock().unwrap().clone() },
            async move { *clear.lock().unwrap() = None },
        )
        .await;
        let left = clipboard.lock().unwrap().clone();
        (cleared, left)
    }

    #[tokio::test(start_paused = true)]
    async fn cleared_after_the_time_only_if_it_still_holds_what_was_copied() {
        let started = tokio::time::Instant::now();
        assert_eq!(forget_from("13812345678").await, (true, None));
        assert_eq!(started.elapsed(), Duration::from_secs(30), "not before the time");

        // The operator copied something else meanwhile: it stays.
        assert_eq!(forget_from("工单 123").await, (false, Some("工单 123".into())));
    }
}
