//! The policy's keys: their names (as the file and the UI write them), whether IT may only
//! lock them or also recommend them, and the value each falls back to when its own value
//! cannot be read (never the permissive one).

use serde::{Deserialize, Serialize};

/// One setting IT can decide. Serialised as the policy file writes it (`allowedHosts`).
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicyKey {
    ManagedProfiles,
    AllowedHosts,
    AllowOwnProfiles,
    AllowImports,
    Demo,
    Proxy,
    CaFile,
    Hotkey,
    CloseToTray,
    StartAtLogin,
    PhoneReveal,
    RevealReason,
    RevealSeconds,
    SummaryIncludesPhone,
    ClipboardClearSeconds,
    LocationPrecision,
    RawAnswer,
    Updates,
}

impl PolicyKey {
    pub const ALL: [Self; 18] = [
        Self::ManagedProfiles,
        Self::AllowedHosts,
        Self::AllowOwnProfiles,
        Self::AllowImports,
        Self::Demo,
        Self::Proxy,
        Self::CaFile,
        Self::Hotkey,
        Self::CloseToTray,
        Self::StartAtLogin,
        Self::PhoneReveal,
        Self::RevealReason,
        Self::RevealSeconds,
        Self::SummaryIncludesPhone,
        Self::ClipboardClearSeconds,
        Self::LocationPrecision,
        Self::RawAnswer,
        Self::Updates,
    ];

    /// The name in the file (`allowedHosts`).
    pub fn name(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }

    /// Keys that only restrict: a recommendation of them means nothing (the operator has no
    /// such setting), so they may only be mandatory.
    pub fn only_mandatory(self) -> bool {
        matches!(
            self,
            Self::ManagedProfiles
                | Self::AllowedHosts
                | Self::AllowOwnProfiles
                | Self::AllowImports
                | Self::Demo
                | Self::Proxy
                | Self::CaFile
                | Self::PhoneReveal
                | Self::RawAnswer
                | Self::Updates
        )
    }
}

/// How a policy holds a value: locked, or a default the operator may change.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicyLevel {
    Mandatory,
    Recommended,
}
