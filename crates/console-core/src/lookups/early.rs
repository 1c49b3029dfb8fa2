//! A lookup begun before the page asks for it: the one a link or `--lookup` started the
//! console for, sent while the window is made. The page's own call for the same user on
//! the same profile takes its answer, once; one not taken within [`EARLY_KEPT`] is
//! dropped, and a call after that asks the server again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;

use crate::lookups::reply::{LookupFailure, LookupReply};
use crate::support::lock::lock;

/// How long a begun lookup waits for the page's call (which comes as the page starts).
pub(crate) const EARLY_KEPT: Duration = Duration::from_secs(10);

pub(crate) type EarlyAnswer = Result<LookupReply, LookupFailure>;

#[derive(Default)]
pub(crate) struct EarlyLookups {
    slot: Mutex<Option<Early>>,
}

struct Early {
    profile_id: String,
    user_id: String,
    began: Instant,
    answer: oneshot::Receiver<EarlyAnswer>,
}

impl EarlyLookups {
    /// A lookup of `user_id` on `profile_id` begins: its answer goes to the sender returned
    /// (an earlier one not taken is dropped).
    pub(crate) fn begin(&self, profile_id: &str, user_id: &str) -> oneshot::Sender<EarlyAnswer> {
        let (sender, answer) = oneshot::channel();
        let early = Early { profile_id: profile_id.to_owned(), user_id: user_id.to_owned(), began: Instant::now(), answer };
        *lock(&self.slot) = Some(early);
        sender
    }

    /// Whether a begun lookup waits to be taken (checked before the profile is worked out).
    pub(crate) fn waiting(&self) -> bool {
        lock(&self.slot).is_some()
    }

    /// The answer of the lookup begun for `user_id` on `profile_id`, taken: `None` when none
    /// was begun for them or it was begun too long ago (dropped then).
    pub(crate) fn take(&self, profile_id: &str, user_id: &str) -> Option<oneshot::Receiver<EarlyAnswer>> {
        let mut slot = lock(&self.slot);
        if slot.as_ref().is_some_and(|e| e.began.elapsed() > EARLY_KEPT) {
            *slot = None;
        }
        if !slot.as_ref().is_some_and(|e| e.profile_id == profile_id && e.user_id == user_id) {
            return None;
        }
        slot.take().map(|e| e.answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_once_for_its_own_user_and_profile_only() {
        let early = EarlyLookups::default();
        let _sender = early.begin("p", "u1");
        assert!(early.take("p", "u2").is_none());
        assert!(early.take("q", "u1").is_none());
        assert!(early.waiting(), "a call for another user leaves it");
        assert!(early.take("p", "u1").is_some());
        assert!(!early.waiting());
        assert!(early.take("p", "u1").is_none(), "taken once");
    }

    #[test]
    fn one_begun_too_long_ago_is_dropped() {
        let early = EarlyLookups::default();
        let _sender = early.begin("p", "u1");
        let long_ago = Instant::now().checked_sub(EARLY_KEPT + Duration::from_secs(1)).unwrap();
        lock(&early.slot).as_mut().unwrap().began = long_ago;
        assert!(early.take("p", "u1").is_none());
        assert!(!early.waiting(), "dropped");
    }
}
