//! What a change to the profiles would move elsewhere: every place a profile sends the
//! operator's credentials (server, client ID, proxy, trusted CA) or customer data (map
//! tiles carry locations, assets carry per-user file names), the profile in use, and a new
//! profile named like one the operator already trusts. An import lists these and waits for
//! the operator's yes (given in the credentials window, out of the page's reach).

use serde::Serialize;

use crate::credentials::destination::Destination;
use crate::profiles::file::ProfilesFile;
use crate::profiles::profile::{Profile, DEMO_PROFILE_ID, TILE_SUBDOMAINS};

/// The parts of a profile that decide where data goes.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FlowField {
    BaseUrl,
    ClientId,
    Proxy,
    CaFile,
    Tiles,
    Assets,
}

/// One place a profile sends data (`None`: not set), as the trusted window shows it.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowValue {
    pub field: FlowField,
    pub value: Option<String>,
}

/// One such part, before and after (`None`: not set).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: FlowField,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileChange {
    pub id: String,
    pub name: String,
    /// A profile this computer does not have yet.
    pub added: bool,
    /// The name of an existing profile this one could be taken for (`Prod` beside `prod `,
    /// `Prоd` with a Cyrillic o).
    pub looks_like: Option<String>,
    pub fields: Vec<FieldChange>,
    /// Credentials are saved for it and would no longer be sent: they are asked for again.
    pub credentials_unusable: bool,
}

/// The profile in use, before and after (names).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectionChange {
    pub from: String,
    pub to: String,
}

#[derive(ts_rs::TS, Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataFlowChanges {
    pub profiles: Vec<ProfileChange>,
    pub selected: Option<SelectionChange>,
}

impl DataFlowChanges {
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty() && self.selected.is_none()
    }

    /// What going from `current` to `next` moves. `credentials_unusable` is left for the
    /// caller, which knows the keyring.
    pub fn between(current: &ProfilesFile, next: &ProfilesFile) -> Self {
        let mut profiles = Vec::new();
        for incoming in &next.profiles {
            let existing = current.get(&incoming.id);
            let fields = field_changes(existing, incoming);
            let looks_like = existing.is_none().then(|| look_alike(current, incoming)).flatten();
            if existing.is_none() || !fields.is_empty() {
                profiles.push(ProfileChange {
                    id: incoming.id.clone(),
                    name: incoming.name.clone(),
                    added: existing.is_none(),
                    looks_like,
                    fields,
                    credentials_unusable: false,
                });
            }
        }
        let name_of = |file: &ProfilesFile, id: &str| {
            if id == DEMO_PROFILE_ID {
                "Demo".to_owned()
            } else {
                file.get(id).map_or_else(|| id.to_owned(), |p| p.name.clone())
            }
        };
        let (before, after) = (current.selected_id(), next.selected_id());
        let selected =
            (before != after).then(|| SelectionChange { from: name_of(current, before), to: name_of(next, after) });
        Self { profiles, selected }
    }
}

/// The destination fields of `incoming` that differ from `existing` (every set one for a
/// new profile).
fn field_changes(existing: Option<&Profile>, incoming: &Profile) -> Vec<FieldChange> {
    let before = existing.map(flows_of);
    let mut changes = Vec::new();
    for (i, FlowValue { field, value: to }) in flows_of(incoming).into_iter().enumerate() {
        let from = before.as_ref().and_then(|b| b[i].value.clone());
        if from != to && (existing.is_some() || to.is_some()) {
            changes.push(FieldChange { field, from, to });
        }
    }
    changes
}

/// Where each part of a profile sends data, as the operator should read it: the
/// destination as the credentials are bound to it, the tile and asset URLs' prefixes.
pub fn flows_of(profile: &Profile) -> Vec<FlowValue> {
    let destination = Destination::of(profile).ok();
    let base = op_api::parse_base_url(&profile.base_url).map(|u| u.as_str().trim_end_matches('/').to_owned());
    let ca = match (&profile.ca_file, destination.as_ref().and_then(|d| d.ca_sha256.as_ref())) {
        (Some(path), Some(sha)) => Some(format!("{path} (sha256 {})", &sha[..sha.len().min(16)])),
        (Some(path), None) => Some(path.clone()),
        (None, _) => None,
    };
    [
        (FlowField::BaseUrl, Some(base.unwrap_or_else(|_| profile.base_url.clone()))),
        (FlowField::ClientId, Some(profile.client_id.clone())),
        (FlowField::Proxy, Some(proxy_shown(profile, destination.as_ref()))),
        (FlowField::CaFile, ca),
        (FlowField::Tiles, profile.tiles.as_ref().map(|t| tile_prefix(&t.url_template))),
        (FlowField::Assets, profile.asset_base_url.clone()),
    ]
    .into_iter()
    .map(|(field, value)| FlowValue { field, value })
    .collect()
}

/// `system (http://proxy.corp:3128)`, `none`, or the proxy's URL.
fn proxy_shown(profile: &Profile, destination: Option<&Destination>) -> String {
    let resolved = destination.and_then(|d| d.proxy.clone());
    match (&profile.proxy, resolved) {
        (op_api::ProxyMode::System, Some(proxy)) => format!("system ({proxy})"),
        (op_api::ProxyMode::System, None) => "system".to_owned(),
        (op_api::ProxyMode::None, _) => "none".to_owned(),
        (op_api::ProxyMode::Url { url }, resolved) => resolved.unwrap_or_else(|| url.clone()),
    }
}

/// The part of a tile template before its first placeholder: the host and folder tiles
/// come from (`{s}` as each subdomain would be is the same host family).
pub(crate) fn tile_prefix(template: &str) -> String {
    let first = template.replace("{s}", TILE_SUBDOMAINS[0]);
    let before = first.split('{').next().unwrap_or_default();
    before[..before.rfind('/').map_or(before.len(), |i| i + 1)].to_owned()
}

/// An existing profile the new one could be mistaken for: the same name once case,
/// spaces, punctuation and look-alike letters (Cyrillic, full-width, 0/O, 1/l) are set aside.
fn look_alike(current: &ProfilesFile, incoming: &Profile) -> Option<String> {
    let skeleton = name_skeleton(&incoming.name);
    current.profiles.iter().find(|p| p.id != incoming.id && name_skeleton(&p.name) == skeleton).map(|p| p.name.clone())
}

pub(crate) fn name_skeleton(name: &str) -> String {
    name.chars()
        .filter_map(|c| {
            // Full-width forms (ＰＲＯＤ, ０) are their ASCII letters.
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            let c = match c {
                'а' | 'А' => 'a',
                'е' | 'Е' => 'e',
                'о' | 'О' | '0' | 'ο' | 'Ο' => 'o',
                'р' | 'Р' | 'ρ' => 'p',
                'с' | 'С' => 'c',
                'х' | 'Х' => 'x',
                'і' | 'І' | '1' | 'I' | 'ı' => 'l',
                'ѕ' | 'Ѕ' => 's',
                c => c,
            };
            (c.is_alphanumeric()).then(|| c.to_lowercase().next().unwrap_or(c))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::profile::{CoordSystem, TileLayer};

    fn profile(id: &str, name: &str) -> Profile {
        let mut p = Profile::new(id, name, "https://op.example.com", "c0ffee");
        p.proxy = op_api::ProxyMode::None;
        p
    }

    fn file(profiles: Vec<Profile>, selected: Option<&str>) -> ProfilesFile {
        ProfilesFile { profiles, selected: selected.map(str::to_owned), ..ProfilesFile::default() }
    }

    #[test]
    fn every_place_data_goes_is_listed_when_it_moves() {
        let before = profile("prod", "Prod");
        let mut after = before.clone();
        after.tiles = Some(TileLayer {
            url_template: "https://tiles.evil.example/{z}/{x}/{y}.png".into(),
            attribution: String::new(),
            coord_system: CoordSystem::Wgs84,
        });
        after.asset_base_url = Some("https://cdn.evil.example/img".into());
        after.proxy = op_api::ProxyMode::Url { url: "http://proxy.evil.example:3128".into() };
        after.client_id = "other".into();
        let changes = DataFlowChanges::between(&file(vec![before], None), &file(vec![after], None));
        let fields: Vec<FlowField> = changes.profiles[0].fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, [FlowField::ClientId, FlowField::Proxy, FlowField::Tiles, FlowField::Assets]);
        assert_eq!(changes.profiles[0].fields[2].to.as_deref(), Some("https://tiles.evil.example/"));
        assert!(!changes.profiles[0].added);
    }

    #[test]
    fn what_moves_nothing_is_not_asked_about() {
        let before = profile("prod", "Prod");
        let mut after = before.clone();
        after.timeout_ms = 3000;
        after.status_labels.insert("5".into(), "已结束".into());
        after.name = "Production".into();
        let changes =
            DataFlowChanges::between(&file(vec![before.clone()], Some("prod")), &file(vec![after], Some("prod")));
        assert!(changes.is_empty(), "{changes:?}");
    }

    #[test]
    fn a_new_profile_a_look_alike_and_the_selection() {
        let current = file(vec![profile("prod", "Prod")], Some("prod"));
        let next = file(vec![profile("prod", "Prod"), profile("prod2", "PRОD ")], Some("prod2"));
        let changes = DataFlowChanges::between(&current, &next);
        let added = &changes.profiles[0];
        assert!(added.added);
        assert_eq!(added.looks_like.as_deref(), Some("Prod"), "a Cyrillic О and a space do not make another name");
        assert_eq!(
            added.fields[0],
            FieldChange { field: FlowField::BaseUrl, from: None, to: Some("https://op.example.com".into()) }
        );
        assert_eq!(changes.selected, Some(SelectionChange { from: "Prod".into(), to: "PRОD ".into() }));
        let mut merged = current.clone();
        merged.merge(file(vec![profile("eu", "Europe")], None));
        let plain = DataFlowChanges::between(&current, &merged);
        assert_eq!(plain.profiles[0].looks_like, None);
        assert_eq!(plain.selected, None, "an import without `selected` keeps the profile in use");
    }
}
