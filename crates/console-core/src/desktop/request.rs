//! What the desktop asks of the page: the global hotkey, a link from another app and the
//! tray all end here, and the page does what the operator would have typed.

use serde::{Deserialize, Serialize};

use crate::desktop::link::LinkProblem;

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum DesktopRequest {
    /// Look this user up (asking first when `profile_id` names another profile than the
    /// one in use).
    Lookup { user_id: String, profile_id: Option<String>, source: RequestSource },
    /// "Look up the clipboard" found no user ID; `seen` is the start of what it held
    /// (empty when it held no text).
    NoUserIdOnClipboard { seen: String },
    /// A link that is not well formed: nothing is sent.
    BadLink { problem: LinkProblem },
    /// The clipboard holds a saved token or secret: nothing is looked up, nothing of it
    /// is shown.
    ClipboardHoldsCredential,
    /// The operator answered in the trusted window (or closed it): what changed.
    ApprovalAnswered { answer: crate::approvals::ApprovalDone },
}

#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RequestSource {
    Hotkey,
    Tray,
    Link,
    /// `op-console --lookup <id>`: a softphone's or a script's screen pop.
    CommandLine,
}

impl DesktopRequest {
    /// "Look up the clipboard", from the hotkey or the tray.
    pub fn from_clipboard(text: Option<&str>, source: RequestSource) -> Self {
        let text = text.unwrap_or_default();
        match crate::desktop::clipboard_id::user_id_in(text) {
            Some(id) => Self::Lookup { user_id: id.as_str().to_owned(), profile_id: None, source },
            None => Self::NoUserIdOnClipboard { seen: crate::desktop::clipboard_id::clipboard_preview(text) },
        }
    }

    pub fn from_link(link: &str) -> Self {
        match crate::desktop::link::parse_link(link) {
            Ok(lookup) => {
                Self::Lookup { user_id: lookup.user_id, profile_id: lookup.profile_id, source: RequestSource::Link }
            }
            Err(problem) => Self::BadLink { problem },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serialises_as_the_page_reads_it() {
        let hotkey = DesktopRequest::from_clipboard(Some("用户 u0001ab 投诉"), RequestSource::Hotkey);
        assert_eq!(
            serde_json::to_value(hotkey).unwrap(),
            json!({"kind": "lookup", "userId": "u0001ab", "profileId": null, "source": "hotkey"})
        );
        let none = DesktopRequest::from_clipboard(None, RequestSource::Tray);
        assert_eq!(serde_json::to_value(none).unwrap(), json!({"kind": "noUserIdOnClipboard", "seen": ""}));
        let link = DesktopRequest::from_link("opconsole://lookup/u1?profile=prod");
        assert_eq!(
            serde_json::to_value(link).unwrap(),
            json!({"kind": "lookup", "userId": "u1", "profileId": "prod", "source": "link"})
        );
        let bad = DesktopRequest::from_link("opconsole://lookup/");
        assert_eq!(serde_json::to_value(bad).unwrap(), json!({"kind": "badLink", "problem": {"kind": "noUserId"}}));
    }
}
