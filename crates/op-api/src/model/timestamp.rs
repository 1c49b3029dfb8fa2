//! An instant: `createTime` arrives as epoch milliseconds or seconds, or as text in the
//! API's zone or with an offset; the reader (`reader.rs`) turns each into one of these.

use chrono::{FixedOffset, TimeZone};
use serde::{Serialize, Serializer};

/// The zone of the API's wall-clock strings unless a profile says otherwise: China
/// Standard Time (Asia/Shanghai, UTC+8, no daylight saving since 1991).
pub const DEFAULT_API_UTC_OFFSET_MINUTES: i32 = 8 * 60;

/// An instant, in milliseconds since the Unix epoch (UTC). Serialised as that number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    epoch_ms: i64,
}

impl Timestamp {
    pub const fn from_epoch_ms(epoch_ms: i64) -> Self {
        Self { epoch_ms }
    }

    pub const fn epoch_ms(self) -> i64 {
        self.epoch_ms
    }

    /// The instant as the API's own clock writes it, `yyyy-MM-dd HH:mm:ss` in UTC+8
    /// (China Standard Time), whatever zone a profile reads times in: for the sign's
    /// `compact` stamp and op-sim's foot, which speak for the server. `None` beyond what a
    /// calendar can show.
    pub fn to_utc8_datetime(self) -> Option<String> {
        let offset = FixedOffset::east_opt(DEFAULT_API_UTC_OFFSET_MINUTES * 60)?;
        let instant = offset.timestamp_millis_opt(self.epoch_ms).single()?;
        Some(instant.format("%Y-%m-%d %H:%M:%S").to_string())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.epoch_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_utc_plus_8() {
        // 2015-09-15 16:54:18.460 in Beijing (docs/op-api.md).
        assert_eq!(Timestamp::from_epoch_ms(1_442_307_258_460).to_utc8_datetime().unwrap(), "2015-09-15 16:54:18");
    }

    #[test]
    fn extreme_values_format_without_panicking() {
        assert!(Timestamp::from_epoch_ms(i64::MAX).to_utc8_datetime().is_none());
        assert!(Timestamp::from_epoch_ms(i64::MIN).to_utc8_datetime().is_none());
    }
}
