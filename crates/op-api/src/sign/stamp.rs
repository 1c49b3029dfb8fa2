//! An optional timestamp or nonce parameter that some APIs require in the signed query.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::rule::{md5_hex, HexCase};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StampParam {
    /// The query parameter's name, for example `timestamp` or `nonce`.
    pub name: String,
    pub format: StampFormat,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StampFormat {
    /// Seconds since the Unix epoch.
    UnixSeconds,
    /// Milliseconds since the Unix epoch.
    UnixMillis,
    /// `yyyyMMddHHmmss` in UTC+8, the API's zone.
    Compact,
    /// 32 hex digits, different for every request.
    Nonce,
}

impl StampParam {
    /// The value for a request made now.
    pub fn value_now(&self) -> String {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        match self.format {
            StampFormat::UnixSeconds => now.as_secs().to_string(),
            StampFormat::UnixMillis => now.as_millis().to_string(),
            StampFormat::Compact => {
                let ms = i64::try_from(now.as_millis()).unwrap_or(i64::MAX);
                crate::model::Timestamp::from_epoch_ms(ms)
                    .to_utc8_datetime()
                    .map(|s| s.chars().filter(char::is_ascii_digit).collect())
                    .unwrap_or_default()
            }
            StampFormat::Nonce => {
                // Unique, not secret: the time, the process and a counter, hashed.
                static COUNTER: AtomicU64 = AtomicU64::new(0);
                let n = COUNTER.fetch_add(1, Ordering::Relaxed);
                let seed = format!("{}:{}:{}", now.as_nanos(), std::process::id(), n);
                md5_hex(seed.as_bytes(), HexCase::Lower)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_look_right() {
        let make = |format| StampParam { name: "ts".into(), format }.value_now();
        assert_eq!(make(StampFormat::UnixSeconds).len(), 10);
        assert_eq!(make(StampFormat::UnixMillis).len(), 13);
        assert_eq!(make(StampFormat::Compact).len(), 14);
        let (a, b) = (make(StampFormat::Nonce), make(StampFormat::Nonce));
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
