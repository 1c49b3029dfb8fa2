//! What the page shows of updates: this version, whether and where the console looks,
//! when it last looked and what it found. Failures are outcomes, not errors: a check that
//! cannot reach the endpoint is one quiet line in Settings, never a dialog.

use serde::Serialize;

use crate::updates::plan::UpdatesOff;

/// Release notes are the server's text: shown as text, cut to this many characters.
pub const NOTES_MAX_CHARS: usize = 2000;

/// A newer version the endpoint offers.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AvailableUpdate {
    pub version: String,
    /// The release notes ([`clean_notes`]).
    pub notes: Option<String>,
}

/// What the last check or install came to.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum UpdateOutcome {
    NotChecked,
    /// This is the newest version.
    UpToDate,
    Available,
    /// The endpoint did not answer (or not over a connection that could be trusted).
    Unreachable,
    /// It answered with something that is no update manifest, or none for this platform.
    BadManifest,
    /// The download's signature was not made with this build's release key, or was made for
    /// another version: nothing was installed.
    BadSignature,
    /// The download stopped; nothing was installed.
    DownloadFailed,
    /// The package manager did not take the package (or the operator declined the password
    /// prompt): the installed version is unchanged.
    InstallFailed,
    /// Installed: the console restarts into the new version.
    Installed,
}

/// Updates as Settings → This computer shows them, and as the notice reads them.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStatus {
    pub current_version: String,
    /// Why the console does not look (`None`: it does).
    pub off: Option<UpdatesOff>,
    /// The endpoint is IT's mirror.
    pub mirror: bool,
    /// Epoch milliseconds of the last check.
    pub last_check: Option<i64>,
    pub outcome: UpdateOutcome,
    pub available: Option<AvailableUpdate>,
    /// The console can install it itself; when a package manager owns the install and this
    /// session cannot ask for the rights, the notice says to ask IT instead.
    pub can_install: bool,
}

impl UpdateStatus {
    pub fn new(current_version: &str, off: Option<UpdatesOff>, mirror: bool, can_install: bool) -> Self {
        Self {
            current_version: current_version.to_owned(),
            off,
            mirror,
            last_check: None,
            outcome: UpdateOutcome::NotChecked,
            available: None,
            can_install,
        }
    }

    /// A check's result, now.
    pub fn checked_now(&mut self, outcome: UpdateOutcome, available: Option<AvailableUpdate>) {
        self.checked(crate::support::clock::now_ms(), outcome, available);
    }

    /// A check's result, at `at` (epoch ms). A server that could not be reached leaves a
    /// version found earlier standing, and a version refused for its signature stays named
    /// (with why); any other answer replaces it.
    pub fn checked(&mut self, at: i64, outcome: UpdateOutcome, available: Option<AvailableUpdate>) {
        self.last_check = Some(at);
        let keeps = matches!(outcome, UpdateOutcome::Unreachable | UpdateOutcome::BadSignature);
        if available.is_some() || !keeps {
            self.available = available;
        }
        self.outcome = outcome;
    }
}

/// A download under way, for the notice's progress bar.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProgress {
    pub downloaded: u64,
    /// `None` when the server did not say.
    pub total: Option<u64>,
}

/// Release notes as the page may show them: control characters (but line breaks) removed,
/// at most [`NOTES_MAX_CHARS`] characters, nothing when empty.
pub fn clean_notes(notes: Option<&str>) -> Option<String> {
    let cleaned: String = notes?
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .take(NOTES_MAX_CHARS)
        .collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_check_keeps_the_version_found_before() {
        let mut status = UpdateStatus::new("0.1.0", None, false, true);
        let found = AvailableUpdate { version: "0.1.1".into(), notes: None };
        status.checked(1, UpdateOutcome::Available, Some(found.clone()));
        status.checked(2, UpdateOutcome::Unreachable, None);
        assert_eq!(status.available, Some(found.clone()));
        assert_eq!(status.outcome, UpdateOutcome::Unreachable);
        assert_eq!(status.last_check, Some(2));
        status.checked(3, UpdateOutcome::BadManifest, None);
        assert_eq!(status.available, None, "IT may have pulled the release");
        status.checked(4, UpdateOutcome::Available, Some(found.clone()));
        status.checked(5, UpdateOutcome::UpToDate, None);
        assert_eq!(status.available, None);
    }

    #[test]
    fn notes_are_plain_bounded_text() {
        assert_eq!(clean_notes(Some("  修复\u{1b}[31m 一个问题\r\n\u{202e}abc ")).unwrap(), "修复[31m 一个问题\nabc");
        assert_eq!(clean_notes(Some(&"x".repeat(5000))).unwrap().chars().count(), NOTES_MAX_CHARS);
        assert_eq!(clean_notes(Some(" \n ")), None);
        assert_eq!(clean_notes(None), None);
    }
}
