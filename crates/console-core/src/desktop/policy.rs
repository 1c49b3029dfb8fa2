//! This computer's settings under IT's policy: a mandatory value replaces the operator's,
//! a recommended one stands in for a setting the operator has not saved, and a change to
//! a locked setting is refused (whoever asks: the Settings page, a command a compromised
//! page could call).

use std::collections::BTreeSet;

use crate::desktop::settings::{DataRules, DesktopSettings, DEFAULT_CLIPBOARD_CLEAR_SECONDS, DEFAULT_REVEAL_SECONDS};
use crate::error::ConsoleError;
use crate::policy::{HotkeySetting, LocationPrecision, Policy, PolicyKey, PolicySettings};

/// The settings in force: `saved` (with `explicit`, the keys `desktop.json` holds) under
/// the policy.
pub(crate) fn effective(saved: &DesktopSettings, explicit: &BTreeSet<String>, policy: &Policy) -> DesktopSettings {
    let mut out = saved.clone();
    apply(&mut out, policy.recommended(), |key| !explicit.contains(key));
    apply(&mut out, policy.mandatory(), |_| true);
    out
}

fn apply(out: &mut DesktopSettings, level: &PolicySettings, applies: impl Fn(&str) -> bool) {
    if let Some(hotkey) = &level.hotkey {
        if applies("hotkey") {
            out.hotkey = match hotkey {
                HotkeySetting::Off => None,
                HotkeySetting::Combination(keys) => Some(keys.clone()),
            };
        }
    }
    if let Some(value) = level.close_to_tray.filter(|_| applies("closeToTray")) {
        out.close_to_tray = value;
    }
    if let Some(value) = level.start_at_login.filter(|_| applies("startAtLogin")) {
        out.start_at_login = value;
    }
    if let Some(value) = level.reveal_seconds.filter(|_| applies("revealSeconds")) {
        out.reveal_seconds = Some(value);
    }
    if let Some(value) = level.reveal_reason.filter(|_| applies("revealReason")) {
        out.reveal_reason = Some(value);
    }
    if let Some(value) = level.summary_includes_phone.filter(|_| applies("summaryIncludesPhone")) {
        out.summary_includes_phone = Some(value);
    }
    if let Some(value) = level.clipboard_clear_seconds.filter(|_| applies("clipboardClearSeconds")) {
        out.clipboard_clear_seconds = Some(value);
    }
    if let Some(value) = level.location_precision.filter(|_| applies("locationPrecision")) {
        out.location_precision = Some(value);
    }
}

/// What the console does with customer data, from the settings in force.
pub(crate) fn rules(settings: &DesktopSettings, policy: &Policy) -> DataRules {
    let locked = policy.mandatory();
    let location_precision = settings.location_precision.unwrap_or_default();
    DataRules {
        phone_reveal: locked.phone_reveal != Some(false),
        reveal_reason: settings.reveal_reason.unwrap_or(false),
        reveal_seconds: settings.reveal_seconds.unwrap_or(DEFAULT_REVEAL_SECONDS),
        summary_includes_phone: settings.summary_includes_phone.unwrap_or(true),
        clipboard_clear_seconds: settings.clipboard_clear_seconds.unwrap_or(DEFAULT_CLIPBOARD_CLEAR_SECONDS),
        location_precision,
        // The raw answer holds the exact point: not while locations are coarse.
        raw_answer: locked.raw_answer != Some(false) && location_precision == LocationPrecision::Exact,
        open_in_map: crate::desktop::map_link::check_map_allowed(policy).is_ok(),
    }
}

/// Refuses `next` when it changes a setting IT locked (from what is in force now).
pub(crate) fn check_locks(
    next: &DesktopSettings,
    in_force: &DesktopSettings,
    policy: &Policy,
) -> Result<(), ConsoleError> {
    let locked = policy.locked();
    let changed = [
        (PolicyKey::Hotkey, next.hotkey != in_force.hotkey),
        (PolicyKey::CloseToTray, next.close_to_tray != in_force.close_to_tray),
        (PolicyKey::StartAtLogin, next.start_at_login != in_force.start_at_login),
        (PolicyKey::RevealSeconds, next.reveal_seconds != in_force.reveal_seconds),
        (PolicyKey::RevealReason, next.reveal_reason != in_force.reveal_reason),
        (PolicyKey::SummaryIncludesPhone, next.summary_includes_phone != in_force.summary_includes_phone),
        (PolicyKey::ClipboardClearSeconds, next.clipboard_clear_seconds != in_force.clipboard_clear_seconds),
        (PolicyKey::LocationPrecision, next.location_precision != in_force.location_precision),
    ];
    match changed.into_iter().find(|(key, changed)| *changed && locked.contains(key)) {
        Some((key, _)) => Err(Policy::refuse(key)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn policy(json: serde_json::Value) -> Policy {
        Policy::from_text(Path::new("/etc/op-console/policy.json"), &json.to_string())
    }

    #[test]
    fn mandatory_over_the_operator_over_recommended_over_defaults() {
        let p = policy(serde_json::json!({
            "mandatory": {"hotkey": null, "revealSeconds": 10},
            "recommended": {"closeToTray": true, "startAtLogin": true, "summaryIncludesPhone": false}
        }));
        let saved = DesktopSettings { start_at_login: false, ..Default::default() };
        let explicit = BTreeSet::from(["startAtLogin".to_owned(), "hotkey".to_owned()]);
        let in_force = effective(&saved, &explicit, &p);
        assert_eq!(in_force.hotkey, None, "locked off, whatever the operator saved");
        assert!(in_force.close_to_tray, "recommended: the operator never chose");
        assert!(!in_force.start_at_login, "recommended, but the operator chose");
        let rules = rules(&in_force, &p);
        assert_eq!((rules.reveal_seconds, rules.summary_includes_phone, rules.phone_reveal), (10, false, true));

        // A change to a locked setting is refused, whoever sends it; others go through.
        let mut next = in_force.clone();
        next.hotkey = Some("Ctrl+Alt+U".into());
        assert_eq!(
            check_locks(&next, &in_force, &p).unwrap_err(),
            ConsoleError::PolicyLocked { key: PolicyKey::Hotkey }
        );
        let mut next = in_force.clone();
        next.close_to_tray = false;
        assert!(check_locks(&next, &in_force, &p).is_ok());
    }
}
