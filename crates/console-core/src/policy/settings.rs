//! The values a policy sets, each optional (a key the file does not name is not decided):
//! one set locked (`mandatory`), one recommended.

use serde::{Deserialize, Serialize};

use op_api::ProxyMode;

/// How precisely a result's location is shown until the operator reveals the point.
#[derive(ts_rs::TS, Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LocationPrecision {
    /// The address, the map and the coordinates.
    #[default]
    Exact,
    /// The address cut to its district (or city); no map and no coordinates until revealed.
    District,
}

/// Updates as IT decides them (see README, "Updates").
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdatePolicy {
    /// Whether the console looks for updates at all.
    pub enabled: bool,
    /// The `latest.json` to read (an internal mirror); the build's own when absent.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Hours between checks (1 to 168); the build's own when absent.
    #[serde(default)]
    pub check_interval_hours: Option<u32>,
}

/// The global hotkey as a policy sets it: a combination, or none at all.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum HotkeySetting {
    Off,
    Combination(String),
}

/// Each setting a policy may decide; `None` where it decides nothing.
#[derive(ts_rs::TS, Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicySettings {
    /// Hosts (`op.example.com`, `tiles.example.com:443`, `*.corp.example`) any profile may
    /// send to: its server, its proxy, its tiles and its assets.
    pub allowed_hosts: Option<Vec<String>>,
    pub allow_own_profiles: Option<bool>,
    pub allow_imports: Option<bool>,
    pub demo: Option<bool>,
    /// Forced for every profile.
    pub proxy: Option<ProxyMode>,
    pub ca_file: Option<String>,
    pub hotkey: Option<HotkeySetting>,
    pub close_to_tray: Option<bool>,
    pub start_at_login: Option<bool>,
    pub phone_reveal: Option<bool>,
    pub reveal_reason: Option<bool>,
    pub reveal_seconds: Option<u32>,
    pub summary_includes_phone: Option<bool>,
    pub clipboard_clear_seconds: Option<u32>,
    pub location_precision: Option<LocationPrecision>,
    pub raw_answer: Option<bool>,
    pub updates: Option<UpdatePolicy>,
}

/// Seconds a revealed number (or a copied one, on the clipboard) may stay: 5 s to 10 min.
pub const SECONDS_MIN: u32 = 5;
pub const SECONDS_MAX: u32 = 600;
/// Hours between update checks: 1 to a week.
pub const UPDATE_HOURS_MIN: u32 = 1;
pub const UPDATE_HOURS_MAX: u32 = 168;
