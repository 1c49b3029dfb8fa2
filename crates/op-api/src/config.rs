//! What the client needs to know about one Op API environment (no credentials).

use std::time::Duration;

use url::Url;

use crate::error::OpError;
use crate::sign::SignRule;

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
    pub user_agent: String,
}

impl ClientConfig {
    /// A configuration with the defaults; fails when the base URL cannot be used.
    pub fn new(base_url: &str, client_id: &str) -> Result<Self, OpError> {
        let config = Self {
            base_url: parse_base_url(base_url)?,
            client_id: client_id.trim().to_owned(),
            api_version: DEFAULT_API_VERSION.to_owned(),
            sign_rule: SignRule::default(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            user_agent: default_user_agent(),
        };
        config.validate()?;
        Ok(config)
    }

    /// Everything that can be checked before a request.
    pub fn validate(&self) -> Result<(), OpError> {
        parse_base_url(self.base_url.as_str())?;
        let not_configured = |what: &str| Err(OpError::NotConfigured { what: what.to_owned() });
        if self.client_id.is_empty() {
            return not_configured("the client ID is empty");
        }
        if self.api_version.trim().is_empty() {
            return not_configured("the API version is empty");
        }
        if self.timeout.is_zero() || self.connect_timeout.is_zero() {
            return not_configured("a timeout is zero");
        }
        if self.max_body_bytes == 0 {
            return not_configured("the answer size limit is zero");
        }
        self.sign_rule
            .validate()
            .map_err(|e| OpError::NotConfigured { what: format!("the sign rule cannot be used: {e}") })
    }
}

/// Checks a base URL: http or https, a host, no credentials, query or fragment.
pub fn parse_base_url(text: &str) -> Result<Url, OpError> {
    let bad = |why: &str| OpError::NotConfigured { what: format!("the base URL {why}") };
    let url = Url::parse(text.trim()).map_err(|e| bad(&format!("is not a valid URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("must start with http:// or https://"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("must not contain a user name or password"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not contain '?' or '#'"));
    }
    Ok(url)
}

pub fn default_user_agent() -> String {
    format!("OpConsole/{} (op-api)", env!("CARGO_PKG_VERSION"))
}
