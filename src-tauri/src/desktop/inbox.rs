use std::sync::Mutex;

use console_core::DesktopRequest;
use tauri::ipc::Channel;

/// Requests on their way to the page. One that arrives before the page is listening (a
/// hotkey pressed during start, a link on macOS) waits here. What started the console goes
/// with the page (`PageStart`) and is kept here too, for a page that did not take it.
#[derive(Default)]
pub struct Inbox(Mutex<InboxState>);

#[derive(Default)]
struct InboxState {
    page: Option<Channel<DesktopRequest>>,
    waiting: Vec<DesktopRequest>,
    start: Option<DesktopRequest>,
}

/// More waiting requests than an operator can make during a start are dropped, oldest first.
const MAX_WAITING: usize = 8;

impl Inbox {
    pub fn send(&self, request: DesktopRequest) {
        let mut state = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(page) = &state.page {
            if page.send(request.clone()).is_ok() {
                return;
            }
            state.page = None;
        }
        if state.waiting.len() == MAX_WAITING {
            state.waiting.remove(0);
        }
        state.waiting.push(request);
    }

    /// What started the console, given with the page: sent when the page first connects
    /// without having taken it (its start script did not run), and never after.
    pub fn keep_start(&self, request: DesktopRequest) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).start = Some(request);
    }

    /// The page listens (again, after a reload): what waited goes to it first, led by what
    /// started the console when the page did not take it from its start.
    pub fn connect(&self, page: Channel<DesktopRequest>, took_start: bool) {
        let mut state = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let start = state.start.take().filter(|_| !took_start);
        for request in start.into_iter().chain(std::mem::take(&mut state.waiting)) {
            let _ = page.send(request);
        }
        state.page = Some(page);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use console_core::{DesktopRequest, RequestSource};
    use tauri::ipc::{Channel, InvokeResponseBody};

    use super::*;

    fn lookup(user: &str) -> DesktopRequest {
        DesktopRequest::Lookup { user_id: user.into(), profile_id: None, source: RequestSource::Link }
    }

    /// A page's channel that records the user IDs it receives.
    fn page() -> (Channel<DesktopRequest>, Arc<Mutex<Vec<String>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let channel = Channel::new(move |body| {
            if let InvokeResponseBody::Json(json) = body {
                let value: serde_json::Value = serde_json::from_str(&json).unwrap();
                sink.lock().unwrap().push(value["userId"].as_str().unwrap_or_default().to_owned());
            }
            Ok(())
        });
        (channel, seen)
    }

    #[test]
    fn what_arrives_before_the_page_listens_waits_for_it_in_order() {
        let inbox = Inbox::default();
        inbox.send(lookup("first"));
        inbox.send(lookup("second"));
        let (channel, seen) = page();
        inbox.connect(channel, false);
        inbox.send(lookup("third"));
        assert_eq!(*seen.lock().unwrap(), ["first", "second", "third"]);
    }

    #[test]
    fn a_start_keeps_only_the_latest_requests() {
        let inbox = Inbox::default();
        for i in 0..20 {
            inbox.send(lookup(&format!("u{i}")));
        }
        let (channel, seen) = page();
        inbox.connect(channel, false);
        let expected: Vec<String> = (20 - MAX_WAITING..20).map(|i| format!("u{i}")).collect();
        assert_eq!(*seen.lock().unwrap(), expected);
    }

    #[test]
    fn what_started_the_console_goes_first_only_to_a_page_that_did_not_take_it() {
        let inbox = Inbox::default();
        inbox.keep_start(lookup("start"));
        inbox.send(lookup("hotkey"));
        let (channel, seen) = page();
        inbox.connect(channel, false);
        assert_eq!(*seen.lock().unwrap(), ["start", "hotkey"]);
        // A reload connects again: the start is not done twice.
        let (channel, seen) = page();
        inbox.connect(channel, false);
        assert!(seen.lock().unwrap().is_empty());
    }

    #[test]
    fn a_page_that_took_its_start_does_not_get_it_again() {
        let inbox = Inbox::default();
        inbox.keep_start(lookup("start"));
        let (channel, seen) = page();
        inbox.connect(channel, true);
        assert!(seen.lock().unwrap().is_empty());
        let (channel, seen) = page();
        inbox.connect(channel, false);
        assert!(seen.lock().unwrap().is_empty());
    }
}
