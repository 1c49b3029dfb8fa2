//! What the client needs to know about one Op API environment (no credentials).

use std::time::Duration;

use url::Url;

use serde::Serialize;

use crate::error::OpError;
use crate::sign::{SignRule, SignRuleProblem};

pub const DEFAULT_API_VERSION: &str = "01";
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
/// The answer is a few KiB; 2 MiB leaves room for long texts and stops a runaway server.
pub const DEFAULT_MAX_BODY_BYTES: u64 = 2 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// `https://host[:port][/prefix]`: the endpoint's path is appended to it.
    pub base_url: Url,
    /// The console's application id (`client=` in the query).
    pub client_id: String,
    pub api_version: String,
    pub sign_rule: SignRule,
    pub connect_timeout: Duration,
    /// The whole request, from connecting to the last byte of the answer.
    pub timeout: Duration,
    pub max_body_bytes: u64,
    /// Minutes east of UTC of the API's zone-less times (UTC+8: 480).
    pub api_utc_offset_minutes: i32,
    /// How to reach the server: the system's proxy, none, or a given one.
    pub proxy: ProxyMode,
    /// Certificates (PEM) trusted in addition to the operating system's: an internal CA.
    pub extra_roots_pem: Option<Vec<u8>>,
}

/// How requests reach the server.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "mode", rename_all = "camelCase")]
pub enum ProxyMode {
    /// The environment's proxy (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`), as most tools use.
    #[default]
    System,
    /// Straight to the server, whatever the environment says.
    None,
    /// Through this proxy (`http://host:port`, `socks5://…`).
    Url { url: String },
}

impl ClientConfig {
    /// A configuration with the defaults; fails when the base URL cannot be used.
    pub fn new(base_url: &str, client_id: &str) -> Result<Self, OpError> {
        let config = Self {
            base_url: parse_base_url(base_url).map_err(|problem| ConfigProblem::BaseUrl { problem })?,
            client_id: client_id.trim().to_owned(),
            api_version: DEFAULT_API_VERSION.to_owned(),
            sign_rule: SignRule::default(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            api_utc_offset_minutes: crate::model::DEFAULT_API_UTC_OFFSET_MINUTES,
            proxy: ProxyMode::System,
            extra_roots_pem: None,
        };
        config.validate()?;
        Ok(config)
    }

    /// Everything that can be checked before a request.
    pub fn validate(&self) -> Result<(), OpError> {
        parse_base_url(self.base_url.as_str()).map_err(|problem| ConfigProblem::BaseUrl { problem })?;
        if self.client_id.is_empty() {
            return Err(ConfigProblem::ClientId.into());
        }
        if self.api_version.trim().is_empty() {
            return Err(ConfigProblem::ApiVersion.into());
        }
        if self.timeout.is_zero() || self.connect_timeout.is_zero() {
            return Err(ConfigProblem::Timeout.into());
        }
        if self.max_body_bytes == 0 {
            return Err(ConfigProblem::BodyLimit.into());
        }
        self.sign_rule.validate().map_err(|problem| ConfigProblem::SignRule { problem })?;
        Ok(())
    }
}

/// Why a profile cannot be used for a request yet; the UI words each.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ConfigProblem {
    #[error("the base URL {problem}")]
    BaseUrl { problem: UrlProblem },
    #[error("the client ID is empty")]
    ClientId,
    #[error("the API version is empty")]
    ApiVersion,
    #[error("a timeout is zero")]
    Timeout,
    #[error("the answer size limit is zero")]
    BodyLimit,
    #[error("the sign rule cannot be used: {problem}")]
    SignRule { problem: SignRuleProblem },
    #[error("no token is saved for this profile")]
    NoToken,
    #[error("no signing secret is saved for this profile")]
    NoSecret,
    #[error("neither the token nor the signing secret is saved for this profile")]
    NoCredentials,
    #[error("the HTTP client could not start ({detail})")]
    HttpClient {
        #[serde(skip)]
        detail: String,
    },
    /// The profile's CA file cannot be read, or holds no certificate that can be used
    /// (`path` is empty where only its bytes are known).
    #[error("the CA file {path} cannot be read or holds no usable PEM certificate")]
    CaFile { path: String },
    #[error("the proxy URL {url} cannot be used")]
    ProxyUrl { url: String },
}

impl From<ConfigProblem> for OpError {
    fn from(problem: ConfigProblem) -> Self {
        OpError::NotConfigured { problem }
    }
}

/// What is wrong with a URL typed into a profile (base URL, asset URL, tile template).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum UrlProblem {
    #[error("is not a valid URL")]
    NotUrl,
    #[error("must start with http:// or https://")]
    Scheme,
    #[error("has no host")]
    NoHost,
    #[error("must not contain a user name or password")]
    UserInfo,
    #[error("must not contain '?' or '#'")]
    QueryOrFragment,
}

/// Checks a base URL: http or https, a host, no credentials, query or fragment.
pub fn parse_base_url(text: &str) -> Result<Url, UrlProblem> {
    let url = Url::parse(text.trim()).map_err(|_| UrlProblem::NotUrl)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::Scheme);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::UserInfo);
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(UrlProblem::QueryOrFragment);
    }
    Ok(url)
}
