//! `createTime`: the table says `yyyy-MM-dd HH:mm:ss` (Beijing time), the example sends
//! epoch milliseconds. Both become one instant.

use std::fmt;

use chrono::{FixedOffset, NaiveDateTime, TimeZone};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The API's wall-clock strings carry no zone: they are China Standard Time (UTC+8).
const API_OFFSET_SECONDS: i32 = 8 * 3600;

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

    /// Parses `yyyy-MM-dd HH:mm:ss` (optionally with fractional seconds) as UTC+8.
    pub fn parse_api_datetime(text: &str) -> Option<Self> {
        let naive = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S%.f").ok()?;
        let offset = FixedOffset::east_opt(API_OFFSET_SECONDS)?;
        let instant = offset.from_local_datetime(&naive).single()?;
        Some(Self::from_epoch_ms(instant.timestamp_millis()))
    }

    /// The instant as the API writes it: `yyyy-MM-dd HH:mm:ss` in UTC+8.
    pub fn to_api_datetime(self) -> Option<String> {
        let offset = FixedOffset::east_opt(API_OFFSET_SECONDS)?;
        let instant = offset.timestamp_millis_opt(self.epoch_ms).single()?;
        Some(instant.format("%Y-%m-%d %H:%M:%S").to_string())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.epoch_ms)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch milliseconds or a `yyyy-MM-dd HH:mm:ss` string")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        Ok(Timestamp::from_epoch_ms(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        i64::try_from(v).map(Timestamp::from_epoch_ms).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        // Only whole milliseconds within ±2^53 are exact in a double.
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            Ok(Timestamp::from_epoch_ms(v as i64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        if let Some(ts) = Timestamp::parse_api_datetime(v) {
            return Ok(ts);
        }
        // A number sent as a string: still epoch milliseconds.
        if let Ok(ms) = v.trim().parse::<i64>() {
            return Ok(Timestamp::from_epoch_ms(ms));
        }
        Err(E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_millis_and_api_string_are_the_same_instant() {
        let from_number: Timestamp = serde_json::from_str("1442307258460").unwrap();
        // 2015-09-15 16:54:18.460 in Beijing (docs/op-api.md).
        let from_text: Timestamp = serde_json::from_str(r#""2015-09-15 16:54:18.460""#).unwrap();
        assert_eq!(from_number, from_text);
        assert_eq!(from_number.to_api_datetime().unwrap(), "2015-09-15 16:54:18");
    }

    #[test]
    fn api_string_is_read_as_utc_plus_8() {
        let ts: Timestamp = serde_json::from_str(r#""1970-01-01 08:00:00""#).unwrap();
        assert_eq!(ts.epoch_ms(), 0);
    }

    #[test]
    fn numeric_string_and_whole_float_are_epoch_millis() {
        let a: Timestamp = serde_json::from_str(r#""1442307258460""#).unwrap();
        let b: Timestamp = serde_json::from_str("1442307258460.0").unwrap();
        assert_eq!(a.epoch_ms(), 1_442_307_258_460);
        assert_eq!(b, a);
    }

    #[test]
    fn nonsense_is_an_error_not_a_panic() {
        for bad in [r#""yesterday""#, "1.5", "1e300", r#""2015-13-45 99:99:99""#, "18446744073709551615", "{}"] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn extreme_values_format_without_panicking() {
        assert!(Timestamp::from_epoch_ms(i64::MAX).to_api_datetime().is_none());
        assert!(Timestamp::from_epoch_ms(i64::MIN).to_api_datetime().is_none());
    }
}
