//! What the console keeps of its last lookups, by lookup ID, in memory only: the answer as
//! support may see it (credentials redacted, phone numbers masked, at most 64 KiB) and the
//! full phone numbers the operator may reveal. Bounded: the oldest go first.

use std::collections::VecDeque;
use std::sync::Mutex;

use crate::lookups::phone::PhoneField;
use crate::lookups::reply::LookupId;
use crate::lookups::view::LocationView;
use crate::support::lock::lock;

/// More than the page's back/forward keeps (20), with room for Settings' test lookups.
pub const LOOKUPS_KEPT: usize = 32;

#[derive(Debug)]
pub(crate) struct LookupRecord {
    pub id: LookupId,
    pub profile_id: String,
    pub user_id: String,
    pub raw_answer: Option<String>,
    pub phones: Vec<(PhoneField, String)>,
    /// The exact location, when the page got it at district precision.
    pub held_location: Option<LocationView>,
}

#[derive(Debug, Default)]
pub(crate) struct LookupRecords {
    records: Mutex<VecDeque<LookupRecord>>,
}

impl LookupRecords {
    pub(crate) fn keep(&self, record: LookupRecord) {
        let mut records = lock(&self.records);
        records.push_back(record);
        while records.len() > LOOKUPS_KEPT {
            records.pop_front();
        }
    }

    pub(crate) fn raw_answer(&self, id: LookupId) -> Option<String> {
        lock(&self.records).iter().find(|r| r.id == id).and_then(|r| r.raw_answer.clone())
    }

    /// The exact location held back from lookup `id`, with its profile and user.
    pub(crate) fn held_location(&self, id: LookupId) -> Option<(String, String, LocationView)> {
        let records = lock(&self.records);
        let record = records.iter().find(|r| r.id == id)?;
        Some((record.profile_id.clone(), record.user_id.clone(), record.held_location.clone()?))
    }

    /// The full number of `field` in lookup `id`, with the lookup's profile and user.
    pub(crate) fn phone(&self, id: LookupId, field: PhoneField) -> Option<(String, String, String)> {
        let records = lock(&self.records);
        let record = records.iter().find(|r| r.id == id)?;
        let phone = record.phones.iter().find(|(f, _)| *f == field)?.1.clone();
        Some((record.profile_id.clone(), record.user_id.clone(), phone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: LookupId) -> LookupRecord {
        LookupRecord {
            id,
            profile_id: "p".into(),
            user_id: format!("u{id}"),
            raw_answer: Some(format!("answer {id}")),
            held_location: None,
            phones: vec![(PhoneField::User, format!("1380000{id:04}"))],
        }
    }

    #[test]
    fn each_lookup_keeps_its_own_answer_and_the_oldest_go() {
        let records = LookupRecords::default();
        for id in 1..=(LOOKUPS_KEPT as LookupId + 5) {
            records.keep(record(id));
        }
        assert_eq!(records.raw_answer(37).as_deref(), Some("answer 37"));
        assert_eq!(records.raw_answer(6).as_deref(), Some("answer 6"));
        assert_eq!(records.raw_answer(5), None, "the oldest went");
        assert_eq!(records.phone(37, PhoneField::User).unwrap().2, "13800000037");
        assert_eq!(records.phone(37, PhoneField::Contact { index: 0 }), None);
    }
}
