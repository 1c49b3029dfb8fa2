//! Why a profile field was refused: the field by its name in the profile, the problem as
//! data with its limits. The UI words both (the field by its label on screen).

use std::fmt;

use op_api::sign::SignRuleProblem;
use op_api::UrlProblem;
use serde::Serialize;

/// A profile's field, named as in the profile (and so in the profiles file).
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProfileField {
    Id,
    Name,
    BaseUrl,
    ClientId,
    ApiVersion,
    SignRule,
    ConnectTimeoutMs,
    TimeoutMs,
    StatusLabels,
    OperatorId,
    AssetBaseUrl,
    Tiles,
    ApiUtcOffsetMinutes,
    Proxy,
    CaFile,
}

impl fmt::Display for ProfileField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The serialised name: what IT writes in a profiles file.
        let name = serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        f.write_str(&name)
    }
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ProfileProblem {
    /// The id: 1 to `max_chars` of `a–z 0–9 -`.
    #[error("use 1 to {max_chars} of a–z, 0–9 and '-'")]
    IdFormat { max_chars: usize },
    #[error("enter 1 to {max_chars} characters")]
    Length { max_chars: usize },
    #[error("use at most {max_chars} characters")]
    TooLong { max_chars: usize },
    #[error("the URL {problem}")]
    Url { problem: UrlProblem },
    /// The client ID: up to `max_chars` printable ASCII characters, no spaces.
    #[error("enter the application id (up to {max_chars} letters and digits, no spaces)")]
    ClientIdFormat { max_chars: usize },
    #[error("use up to {max_chars} letters and digits, for example 01")]
    ApiVersionFormat { max_chars: usize },
    #[error("{problem}")]
    SignRule { problem: SignRuleProblem },
    #[error("choose between {min} and {max} ms")]
    OutOfRange { min: u64, max: u64 },
    #[error("each status code needs 1 to {max_code_chars} characters and a label of at most {max_label_chars}")]
    StatusLabel { max_code_chars: usize, max_label_chars: usize },
    #[error("the tile URL template needs {placeholder}")]
    TilePlaceholder { placeholder: String },
    #[error("choose a whole quarter hour between {min} and {max} minutes from UTC")]
    UtcOffset { min: i32, max: i32 },
    /// Plain http to another machine, without the profile's explicit yes.
    #[error("plain http:// to another machine sends the token readable; use https://, or allow it explicitly")]
    InsecureHttp,
    #[error("use an http://, https:// or socks5:// proxy")]
    ProxyScheme,
    #[error("the file cannot be read")]
    CaFileUnreadable,
    #[error("the file holds no usable PEM certificate (-----BEGIN CERTIFICATE-----)")]
    CaFileNoCertificate,
}

impl From<UrlProblem> for ProfileProblem {
    fn from(problem: UrlProblem) -> Self {
        Self::Url { problem }
    }
}

impl From<SignRuleProblem> for ProfileProblem {
    fn from(problem: SignRuleProblem) -> Self {
        Self::SignRule { problem }
    }
}
