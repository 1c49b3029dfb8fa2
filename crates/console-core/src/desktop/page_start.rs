//! What the console's page is given before its scripts run (the shell puts it on the page
//! as its window is made): the first screen and a link that started the console do not
//! wait for a round trip that WebKit answers only once the page has loaded and painted.

use serde::Serialize;

use crate::desktop::request::DesktopRequest;
use crate::profiles::store::ProfilesView;

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageStart {
    /// The profiles as Settings lists them (no token or secret); none when they could not
    /// be read (the page asks, and says why).
    pub profiles: Option<ProfilesView>,
    /// What started the console (a link, `--lookup`): the page does it first, and shows its
    /// window with the answer on it. The shell's inbox keeps it for a page that did not
    /// take it (`connect_desktop`'s `took_start`): done once either way.
    pub request: Option<DesktopRequest>,
}

impl PageStart {
    /// The page's global that holds it (the UI reads the name from its generated contract).
    pub const GLOBAL: &'static str = "__OP_CONSOLE_START__";
}
