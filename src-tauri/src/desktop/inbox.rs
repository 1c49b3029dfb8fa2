use std::sync::Mutex;

use console_core::DesktopRequest;
use tauri::ipc::Channel;

/// Requests on their way to the page. One that arrives before the page is listening (a
/// link that started the console, a hotkey pressed during start) waits here.
#[derive(Default)]
pub struct Inbox(Mutex<InboxState>);

#[derive(Default)]
struct InboxState {
    page: Option<Channel<DesktopRequest>>,
    waiting: Vec<DesktopRequest>,
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

    /// The page listens (again, after a reload): what waited goes to it first.
    pub fn connect(&self, page: Channel<DesktopRequest>) {
        let mut state = self.0.lock().unwrap_or_else(|e| e.into_inner());
        for request in std::mem::take(&mut state.waiting) {
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
        inbox.connect(channel);
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
        inbox.connect(channel);
        let expected: Vec<String> = (20 - MAX_WAITING..20).map(|i| format!("u{i}")).collect();
        assert_eq!(*seen.lock().unwrap(), expected);
    }
}
