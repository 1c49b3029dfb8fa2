//! A profile: everything about one Op API environment except its credentials.

use std::collections::BTreeMap;
use std::time::Duration;

use op_api::sign::SignRule;
use op_api::{ClientConfig, ProxyMode, UrlProblem};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::ConsoleError;
use crate::profiles::ca_file::{read_ca_file, read_ca_file_for_lookup};
use crate::profiles::profile_problem::{ProfileField, ProfileProblem};

/// The id of the built-in demo profile; no saved profile may use it.
pub const DEMO_PROFILE_ID: &str = "demo";

/// The datum of a pair of coordinates. Chinese apps of the API's era send GCJ-02 (AMap,
/// Tencent) or BD-09 (Baidu); OpenStreetMap tiles are WGS-84.
#[derive(ts_rs::TS, Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CoordSystem {
    Wgs84,
    #[default]
    Gcj02,
    Bd09,
}

/// What a tile template's `{s}` stands for (Leaflet's convention): the page spreads tiles
/// over these, and the image allow-list accepts each.
pub const TILE_SUBDOMAINS: [&str; 3] = ["a", "b", "c"];

/// A map tile layer: `{z}/{x}/{y}` URL template, its attribution and its datum.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TileLayer {
    pub url_template: String,
    #[serde(default)]
    pub attribution: String,
    #[serde(default = "wgs84")]
    pub coord_system: CoordSystem,
}

fn wgs84() -> CoordSystem {
    CoordSystem::Wgs84
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// `a-z 0-9 -`; the keyring accounts are `<id>:token` and `<id>:secret`.
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub client_id: String,
    #[serde(default = "default_api_version")]
    pub api_version: String,
    #[serde(default)]
    pub sign_rule: SignRule,
    /// The datum of the API's locations.
    #[serde(default)]
    pub coord_system: CoordSystem,
    #[serde(default)]
    pub tiles: Option<TileLayer>,
    /// Where `client.logo` and `user.icon` file names are found.
    #[serde(default)]
    pub asset_base_url: Option<String>,
    #[serde(default = "default_connect_timeout_ms")]
    pub connect_timeout_ms: u64,
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u64,
    /// Labels for the API's undocumented status codes: `{"5": "已结束"}`.
    #[serde(default)]
    pub status_labels: BTreeMap<String, String>,
    /// The signed-in operator's id, to mark their own chats.
    #[serde(default)]
    pub operator_id: Option<String>,
    /// Minutes east of UTC of the API's zone-less times, and of the times shown (UTC+8:
    /// China Standard Time, the API's own).
    #[serde(default = "default_api_utc_offset")]
    pub api_utc_offset_minutes: i32,
    /// How requests reach the server: the system's proxy (default), none, or a given one.
    #[serde(default)]
    pub proxy: ProxyMode,
    /// A PEM file of certificates trusted besides the operating system's (an internal CA).
    #[serde(default)]
    pub ca_file: Option<String>,
    /// Plain `http://` to a host other than this machine: the token would cross the network
    /// readable. Refused unless this is set (Settings asks first; IT may set it in a file).
    #[serde(default)]
    pub allow_insecure_http: bool,
}

fn default_api_utc_offset() -> i32 {
    op_api::model::DEFAULT_API_UTC_OFFSET_MINUTES
}

fn default_api_version() -> String {
    op_api::DEFAULT_API_VERSION.to_owned()
}

fn default_connect_timeout_ms() -> u64 {
    op_api::DEFAULT_CONNECT_TIMEOUT.as_millis() as u64
}

fn default_timeout_ms() -> u64 {
    op_api::DEFAULT_TIMEOUT.as_millis() as u64
}

/// Something allowed but worth showing next to the profile.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProfileWarning {
    /// Plain http to a host that is not this machine: the token crosses the network readable.
    InsecureBaseUrl,
    InsecureAssetUrl,
    InsecureTileUrl,
}

/// The limits of a profile's fields: written once here, exported to the UI's forms.
pub mod limits {
    pub const ID_MAX_CHARS: usize = 40;
    pub const NAME_MAX_CHARS: usize = 60;
    pub const CLIENT_ID_MAX_CHARS: usize = 64;
    pub const API_VERSION_MAX_CHARS: usize = 8;
    pub const TIMEOUT_MIN_MS: u64 = 500;
    pub const TIMEOUT_MAX_MS: u64 = 120_000;
    pub const STATUS_CODE_MAX_CHARS: usize = 16;
    pub const STATUS_LABEL_MAX_CHARS: usize = 40;
    pub const OPERATOR_ID_MAX_CHARS: usize = 64;
    pub const ATTRIBUTION_MAX_CHARS: usize = 200;
    /// UTC−12:00 to UTC+14:00, in quarter hours.
    pub const UTC_OFFSET_MIN_MINUTES: i32 = -12 * 60;
    pub const UTC_OFFSET_MAX_MINUTES: i32 = 14 * 60;
    pub const CA_FILE_MAX_BYTES: usize = 1024 * 1024;
}
use limits::*;

/// A profile ID's shape: 1 to [`limits::ID_MAX_CHARS`] of `a–z 0–9 -` (the demo's included).
pub fn is_profile_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= limits::ID_MAX_CHARS
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Profile {
    /// A new profile with the defaults, for the editor and tests.
    pub fn new(id: &str, name: &str, base_url: &str, client_id: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            base_url: base_url.to_owned(),
            client_id: client_id.to_owned(),
            api_version: default_api_version(),
            sign_rule: SignRule::default(),
            coord_system: CoordSystem::default(),
            tiles: None,
            asset_base_url: None,
            connect_timeout_ms: default_connect_timeout_ms(),
            timeout_ms: default_timeout_ms(),
            status_labels: BTreeMap::new(),
            operator_id: None,
            api_utc_offset_minutes: default_api_utc_offset(),
            proxy: ProxyMode::System,
            ca_file: None,
            allow_insecure_http: false,
        }
    }

    /// Trims what the user typed, then checks every field. Returns the warnings.
    pub fn normalise_and_validate(&mut self) -> Result<Vec<ProfileWarning>, ConsoleError> {
        self.id = self.id.trim().to_owned();
        self.name = self.name.trim().to_owned();
        self.base_url = self.base_url.trim().to_owned();
        self.client_id = self.client_id.trim().to_owned();
        self.api_version = self.api_version.trim().to_owned();
        self.asset_base_url = trimmed_or_none(self.asset_base_url.take());
        self.operator_id = trimmed_or_none(self.operator_id.take());
        self.ca_file = trimmed_or_none(self.ca_file.take());
        if let ProxyMode::Url { url } = &mut self.proxy {
            *url = url.trim().to_owned();
        }
        self.validate()
    }

    pub fn validate(&self) -> Result<Vec<ProfileWarning>, ConsoleError> {
        use ProfileField as F;
        if self.id == DEMO_PROFILE_ID {
            return Err(ConsoleError::DemoReadOnly);
        }
        if !is_profile_id(&self.id) {
            return Err(invalid(F::Id, ProfileProblem::IdFormat { max_chars: ID_MAX_CHARS }));
        }
        if self.name.is_empty() || self.name.chars().count() > NAME_MAX_CHARS {
            return Err(invalid(F::Name, ProfileProblem::Length { max_chars: NAME_MAX_CHARS }));
        }
        let base = op_api::parse_base_url(&self.base_url).map_err(|problem| invalid(F::BaseUrl, problem))?;
        if self.client_id.is_empty()
            || self.client_id.len() > CLIENT_ID_MAX_CHARS
            || !self.client_id.chars().all(|c| c.is_ascii_graphic())
        {
            return Err(invalid(F::ClientId, ProfileProblem::ClientIdFormat { max_chars: CLIENT_ID_MAX_CHARS }));
        }
        if self.api_version.is_empty()
            || self.api_version.len() > API_VERSION_MAX_CHARS
            || !self.api_version.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(invalid(F::ApiVersion, ProfileProblem::ApiVersionFormat { max_chars: API_VERSION_MAX_CHARS }));
        }
        self.sign_rule.validate().map_err(|problem| invalid(F::SignRule, problem))?;
        let range = ProfileProblem::OutOfRange { min: TIMEOUT_MIN_MS, max: TIMEOUT_MAX_MS };
        if !(TIMEOUT_MIN_MS..=TIMEOUT_MAX_MS).contains(&self.connect_timeout_ms) {
            return Err(invalid(F::ConnectTimeoutMs, range));
        }
        if !(TIMEOUT_MIN_MS..=TIMEOUT_MAX_MS).contains(&self.timeout_ms) {
            return Err(invalid(F::TimeoutMs, range));
        }
        for (code, label) in &self.status_labels {
            if code.trim().is_empty()
                || code.chars().count() > STATUS_CODE_MAX_CHARS
                || label.chars().count() > STATUS_LABEL_MAX_CHARS
            {
                return Err(invalid(
                    F::StatusLabels,
                    ProfileProblem::StatusLabel {
                        max_code_chars: STATUS_CODE_MAX_CHARS,
                        max_label_chars: STATUS_LABEL_MAX_CHARS,
                    },
                ));
            }
        }
        if self.operator_id.as_ref().is_some_and(|o| o.chars().count() > OPERATOR_ID_MAX_CHARS) {
            return Err(invalid(F::OperatorId, ProfileProblem::TooLong { max_chars: OPERATOR_ID_MAX_CHARS }));
        }

        if !(UTC_OFFSET_MIN_MINUTES..=UTC_OFFSET_MAX_MINUTES).contains(&self.api_utc_offset_minutes)
            || self.api_utc_offset_minutes % 15 != 0
        {
            return Err(invalid(
                F::ApiUtcOffsetMinutes,
                ProfileProblem::UtcOffset { min: UTC_OFFSET_MIN_MINUTES, max: UTC_OFFSET_MAX_MINUTES },
            ));
        }
        if let ProxyMode::Url { url } = &self.proxy {
            proxy_url(url).map_err(|problem| invalid(F::Proxy, problem))?;
        }
        if let Some(path) = &self.ca_file {
            read_ca_file(path).map_err(|problem| invalid(F::CaFile, problem))?;
        }

        let mut warnings = Vec::new();
        // Plain http through any proxy: the proxy reads the token and the sign.
        let proxied = op_api::effective_proxy(&self.proxy, &base).ok().flatten().is_some();
        if is_insecure(&base) || (base.scheme() == "http" && proxied) {
            if !self.allow_insecure_http {
                return Err(invalid(F::BaseUrl, ProfileProblem::InsecureHttp));
            }
            warnings.push(ProfileWarning::InsecureBaseUrl);
        }
        if let Some(assets) = &self.asset_base_url {
            let url = op_api::parse_base_url(assets).map_err(|problem| invalid(F::AssetBaseUrl, problem))?;
            if is_insecure(&url) {
                warnings.push(ProfileWarning::InsecureAssetUrl);
            }
        }
        if let Some(tiles) = &self.tiles {
            let url = tile_template_url(&tiles.url_template).map_err(|problem| invalid(F::Tiles, problem))?;
            if is_insecure(&url) {
                warnings.push(ProfileWarning::InsecureTileUrl);
            }
            if tiles.attribution.chars().count() > ATTRIBUTION_MAX_CHARS {
                return Err(invalid(F::Tiles, ProfileProblem::TooLong { max_chars: ATTRIBUTION_MAX_CHARS }));
            }
        }
        Ok(warnings)
    }

    /// The op-api configuration this profile describes.
    pub fn client_config(&self) -> Result<ClientConfig, ConsoleError> {
        let mut config = ClientConfig::new(&self.base_url, &self.client_id)?;
        config.api_version = self.api_version.clone();
        config.sign_rule = self.sign_rule.clone();
        config.connect_timeout = Duration::from_millis(self.connect_timeout_ms);
        config.timeout = Duration::from_millis(self.timeout_ms);
        config.api_utc_offset_minutes = self.api_utc_offset_minutes;
        config.proxy = self.proxy.clone();
        if let Some(path) = &self.ca_file {
            // Read at each client build: IT may replace the file; a vanished file is said,
            // and one that holds no usable certificate (replaced since it was saved).
            let ca = read_ca_file_for_lookup(path)?;
            config.extra_roots_pem = Some(ca.bytes.to_vec());
        }
        config.validate()?;
        Ok(config)
    }
}

fn invalid(field: ProfileField, problem: impl Into<ProfileProblem>) -> ConsoleError {
    ConsoleError::invalid(field, problem)
}

fn trimmed_or_none(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Plain http is fine to this machine; anywhere else the token would travel readable.
pub(crate) fn is_insecure(url: &Url) -> bool {
    if url.scheme() != "http" {
        return false;
    }
    match url.host() {
        Some(url::Host::Ipv4(ip)) => !ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => !ip.is_loopback(),
        Some(url::Host::Domain(d)) => d != "localhost",
        None => true,
    }
}

/// A proxy: `http`, `https`, `socks5` or `socks5h`, with a host.
fn proxy_url(text: &str) -> Result<Url, ProfileProblem> {
    let url = Url::parse(text).map_err(|_| UrlProblem::NotUrl)?;
    if !matches!(url.scheme(), "http" | "https" | "socks5" | "socks5h") {
        return Err(ProfileProblem::ProxyScheme);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost.into());
    }
    // A proxy password in a file (or on the page) is a credential outside the keyring.
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::UserInfo.into());
    }
    Ok(url)
}

/// A tile URL template must have `{z}`, `{x}` and `{y}` and be an http(s) URL.
pub(crate) fn tile_template_url(template: &str) -> Result<Url, ProfileProblem> {
    for part in ["{z}", "{x}", "{y}"] {
        if !template.contains(part) {
            return Err(ProfileProblem::TilePlaceholder { placeholder: part.to_owned() });
        }
    }
    let sample =
        template.replace("{z}", "1").replace("{x}", "1").replace("{y}", "1").replace("{s}", TILE_SUBDOMAINS[0]);
    let url = Url::parse(sample.trim()).map_err(|_| UrlProblem::NotUrl)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::Scheme.into());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost.into());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Profile {
        Profile::new("prod", "Production", "https://op.example.com/api", "b2736195b38346639463ee889d6b8ff4")
    }

    #[test]
    fn a_valid_profile_has_no_warnings() {
        assert_eq!(valid().validate().unwrap(), vec![]);
    }

    #[test]
    fn each_bad_field_is_named() {
        use ProfileField as F;
        type Spoil = fn(&mut Profile);
        let cases: Vec<(Spoil, ProfileField)> = vec![
            (|p| p.id = "Prod 1".into(), F::Id),
            (|p| p.name = "".into(), F::Name),
            (|p| p.base_url = "op.example.com".into(), F::BaseUrl),
            (|p| p.base_url = "https://op.example.com/?x=1".into(), F::BaseUrl),
            (|p| p.client_id = "has space".into(), F::ClientId),
            (|p| p.api_version = "".into(), F::ApiVersion),
            (|p| p.sign_rule = SignRule::template("{nope}"), F::SignRule),
            (|p| p.timeout_ms = 10, F::TimeoutMs),
            (|p| p.connect_timeout_ms = 1_000_000, F::ConnectTimeoutMs),
            (|p| p.asset_base_url = Some("ftp://x".into()), F::AssetBaseUrl),
            (
                |p| {
                    p.tiles = Some(TileLayer {
                        url_template: "https://t/{z}/{x}.png".into(),
                        attribution: "".into(),
                        coord_system: CoordSystem::Wgs84,
                    })
                },
                F::Tiles,
            ),
            (
                |p| {
                    p.status_labels.insert("".into(), "x".into());
                },
                F::StatusLabels,
            ),
        ];
        for (spoil, field) in cases {
            let mut p = valid();
            spoil(&mut p);
            match p.validate() {
                Err(ConsoleError::InvalidProfile { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn plain_http_off_this_machine_needs_an_explicit_yes_and_warns() {
        let mut p = valid();
        p.base_url = "http://op.example.com".into();
        match p.validate() {
            Err(ConsoleError::InvalidProfile {
                field: ProfileField::BaseUrl,
                problem: ProfileProblem::InsecureHttp,
            }) => {}
            other => panic!("{other:?}"),
        }
        p.allow_insecure_http = true;
        p.asset_base_url = Some("http://127.0.0.1:9000/assets".into());
        p.tiles = Some(TileLayer {
            url_template: "http://tiles.example.com/{z}/{x}/{y}.png".into(),
            attribution: "©".into(),
            coord_system: CoordSystem::Gcj02,
        });
        assert_eq!(p.validate().unwrap(), vec![ProfileWarning::InsecureBaseUrl, ProfileWarning::InsecureTileUrl]);
        p.base_url = "http://localhost:8787".into();
        p.tiles = None;
        assert_eq!(p.validate().unwrap(), vec![]);
    }

    #[test]
    fn the_demo_id_is_reserved() {
        let mut p = valid();
        p.id = DEMO_PROFILE_ID.into();
        assert_eq!(p.validate().unwrap_err(), ConsoleError::DemoReadOnly);
    }

    #[test]
    fn trims_what_was_typed() {
        let mut p = valid();
        p.name = "  Prod  ".into();
        p.asset_base_url = Some("   ".into());
        p.normalise_and_validate().unwrap();
        assert_eq!(p.name, "Prod");
        assert_eq!(p.asset_base_url, None);
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let p: Profile = serde_json::from_str(r#"{"id":"a","name":"A","baseUrl":"https://h","clientId":"c"}"#).unwrap();
        assert_eq!(p.api_version, "01");
        assert_eq!(p.coord_system, CoordSystem::Gcj02);
        assert_eq!(p.sign_rule, SignRule::default());
        assert_eq!(p.timeout_ms, 15_000);
    }

    #[test]
    fn client_config_carries_the_profile() {
        let mut p = valid();
        p.timeout_ms = 1234;
        p.api_version = "02".into();
        let c = p.client_config().unwrap();
        assert_eq!(c.timeout, Duration::from_millis(1234));
        assert_eq!(c.api_version, "02");
        assert_eq!(c.base_url.as_str(), "https://op.example.com/api");
    }
}
