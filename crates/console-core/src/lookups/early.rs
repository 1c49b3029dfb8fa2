//! A lookup begun before the page asks for it: the one a link or `--lookup` started the
//! console for, sent while the window is made. The page's own call for the same user takes
//! its answer, once, when it is a chat (a failure is asked again) and was made with the
//! profile as it still is; one not taken within [`EARLY_KEPT`] is dropped, and a call
//! after that asks the server again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;

use crate::lookups::reply::{LookupFailure, LookupReply};
use crate::profiles::profile::Profile;
use crate::support::lock::lock;

/// How long a begun lookup waits for the page's call (which comes as the page starts).
pub(crate) const EARLY_KEPT: Duration = Duration::from_secs(10);

/// A begun lookup's answer, with the profile it was made with.
pub(crate) type EarlyAnswer = (Profile, Result<LookupReply, LookupFailure>);

#[derive(Default)]
pub(crate) struct EarlyLookups {
    slot: Mutex<Option<Early>>,
}

struct Early {
    user_id: String,
    began: Instant,
    answer: oneshot::Receiver<EarlyAnswer>,
}

impl EarlyLookups {
    /// A lookup of `user_id` begins (taken before its profile is worked out, so that no
    /// call can come between): its answer goes to the sender returned. An earlier one not
    /// taken is dropped.
    pub(crate) fn begin(&self, user_id: &str) -> oneshot::Sender<EarlyAnswer> {
        let (sender, answer) = oneshot::channel();
        *lock(&self.slot) = Some(Early { user_id: user_id.to_owned(), began: Instant::now(), answer });
        sender
    }

    /// Whether a begun lookup waits to be taken (checked before the profile is worked out).
    pub(crate) fn waiting(&self) -> bool {
        lock(&self.slot).is_some()
    }

    /// Dropped: the credentials it may have been made with changed.
    pub(crate) fn clear(&self) {
        *lock(&self.slot) = None;
    }

    /// The lookup begun for `user_id`, taken: `None` when none was begun for that user or
    /// it was begun too long ago (dropped then). Its answer says which profile it used.
    pub(crate) fn take(&self, user_id: &str) -> Option<oneshot::Receiver<EarlyAnswer>> {
        let mut slot = lock(&self.slot);
        if slot.as_ref().is_some_and(|e| e.began.elapsed() > EARLY_KEPT) {
            *slot = None;
        }
        if slot.as_ref().is_none_or(|e| e.user_id != user_id) {
            return None;
        }
        slot.take().map(|e| e.answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_once_for_its_own_user_only() {
        let early = EarlyLookups::default();
        let _sender = early.begin("u1");
        assert!(early.take("u2").is_none());
        assert!(early.waiting(), "a call for another user leaves it");
        assert!(early.take("u1").is_some());
        assert!(!early.waiting());
        assert!(early.take("u1").is_none(), "taken once");
    }

    #[test]
    fn one_begun_too_long_ago_is_dropped() {
        let early = EarlyLookups::default();
        let _sender = early.begin("u1");
        let long_ago = Instant::now().checked_sub(EARLY_KEPT + Duration::from_secs(1)).unwrap();
        lock(&early.slot).as_mut().unwrap().began = long_ago;
        assert!(early.take("u1").is_none());
        assert!(!early.waiting(), "dropped");
    }
}
