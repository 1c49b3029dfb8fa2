//! Lookups: one pooled client per profile, each lookup numbered and kept (its raw answer
//! and numbers, `records.rs`), and the recent list (`recent.rs`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use op_api::{Credentials, OpClient, UserId};

use crate::error::ConsoleError;
use crate::lookups::early::{EarlyAnswer, EarlyLookups};
use crate::lookups::phone::{mask_all, PhoneField};
use crate::lookups::recent::{RecentLookup, RecentLookups};
use crate::lookups::records::{LookupRecord, LookupRecords};
use crate::lookups::reply::{LookupFailure, LookupId, LookupReply};
use crate::lookups::view::{ChatView, LocationView};
use crate::policy::LocationPrecision;
use crate::profiles::profile::Profile;
use crate::support::atomic_file::MovedAside;
use crate::support::clock::now_ms;
use crate::support::lock::lock;

pub(crate) struct Lookups {
    /// One pooled client per profile, rebuilt when the profile changes.
    clients: Mutex<HashMap<String, (Profile, OpClient)>>,
    records: LookupRecords,
    recent: Arc<RecentLookups>,
    last_id: AtomicU32,
    /// The lookup a link started the console for, begun before the page asks.
    early: EarlyLookups,
}

impl Lookups {
    pub(crate) fn open(data_dir: &Path) -> (Self, Option<MovedAside>) {
        let (recent, moved) = RecentLookups::load(data_dir);
        let lookups = Self {
            clients: Mutex::new(HashMap::new()),
            records: LookupRecords::default(),
            recent: Arc::new(recent),
            last_id: AtomicU32::new(0),
            early: EarlyLookups::default(),
        };
        (lookups, moved)
    }

    /// Where the answer of the lookup begun for `user_id` goes (before the page asks: a
    /// link that started the console; see `early.rs`).
    pub(crate) fn begin(&self, user_id: &UserId) -> tokio::sync::oneshot::Sender<EarlyAnswer> {
        self.early.begin(user_id.as_str())
    }

    /// The answer of the lookup begun for `user_id`, if one was and it fits: a chat, made
    /// with `profile` (the profile the call asks for, as it is now).
    pub(crate) async fn begun_answer(
        &self,
        user_id: &str,
        profile: impl std::future::Future<Output = Option<Profile>>,
    ) -> Option<Result<LookupReply, LookupFailure>> {
        if !self.early.waiting() {
            return None;
        }
        let user_id = UserId::parse(user_id).ok()?;
        let answer = self.early.take(user_id.as_str())?;
        let profile = profile.await?;
        match answer.await {
            Ok((used, Ok(reply))) if used == profile => Some(Ok(reply)),
            _ => None,
        }
    }

    /// A lookup begun with the credentials before is not an answer for new ones.
    pub(crate) fn forget_begun(&self) {
        self.early.clear();
    }

    /// Looks `user_id` up on `profile` with `credentials` (or the reason there are none),
    /// keeps what support may see under a new lookup ID, and records the lookup in the
    /// recent list (written in the background).
    pub(crate) async fn run(
        &self,
        profile: &Profile,
        credentials: Result<Credentials, ConsoleError>,
        user_id: &UserId,
        precision: LocationPrecision,
    ) -> Result<LookupReply, LookupFailure> {
        let id = self.last_id.fetch_add(1, Ordering::SeqCst) + 1;
        let (result, raw_answer) = match self.client_for(profile).and_then(|client| Ok((client, credentials?))) {
            Err(e) => (Err(e), None),
            Ok((client, credentials)) => {
                let outcome = client.lookup(&credentials, user_id.as_str()).await;
                (outcome.result.map_err(ConsoleError::from), outcome.raw_answer)
            }
        };
        let outcome = match &result {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.code(),
        };
        self.record(RecentLookup {
            user_id: user_id.to_string(),
            profile_id: profile.id.clone(),
            at: now_ms(),
            outcome,
        });
        let (chat, phones) = match result {
            Ok(decoded) => {
                let (chat, phones) = ChatView::build(decoded, profile);
                (Ok(chat), phones)
            }
            Err(e) => (Err(e), Vec::new()),
        };
        // At district precision the page gets the coarse location; the exact one stays here.
        let (chat, held_location) = match chat {
            Ok(mut chat) if precision == LocationPrecision::District => {
                let held = chat.location.take();
                chat.location = held.as_ref().map(LocationView::coarse);
                (Ok(chat), held)
            }
            other => (other, None),
        };
        let numbers: Vec<String> = phones.iter().map(|(_, n)| n.clone()).collect();
        self.records.keep(LookupRecord {
            id,
            profile_id: profile.id.clone(),
            user_id: user_id.to_string(),
            raw_answer: raw_answer.map(|raw| mask_all(&raw, &numbers)),
            phones,
            held_location,
        });
        match chat {
            Ok(chat) => Ok(LookupReply { lookup_id: id, chat, recent: self.recent() }),
            Err(error) => Err(LookupFailure { lookup_id: Some(id), recent: self.recent(), body: error.body() }),
        }
    }

    fn record(&self, entry: RecentLookup) {
        self.recent.record(entry);
        let recent = self.recent.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(e) = recent.save() {
                tracing::warn!("recent lookups not saved: {e}");
            }
        });
    }

    fn client_for(&self, profile: &Profile) -> Result<OpClient, ConsoleError> {
        let mut clients = lock(&self.clients);
        if let Some((cached, client)) = clients.get(&profile.id) {
            if cached == profile {
                return Ok(client.clone());
            }
        }
        let client = OpClient::new(profile.client_config()?)?;
        clients.insert(profile.id.clone(), (profile.clone(), client.clone()));
        Ok(client)
    }

    /// The profile changed or went: its next lookup builds a new client.
    pub(crate) fn forget_client(&self, profile_id: &str) {
        lock(&self.clients).remove(profile_id);
    }

    pub(crate) fn forget_clients(&self) {
        lock(&self.clients).clear();
    }

    /// A lookup's answer as support may see it; `None` when it got none, or it is no
    /// longer kept.
    pub(crate) fn raw_answer(&self, id: LookupId) -> Option<String> {
        self.records.raw_answer(id)
    }

    /// The exact location held back from lookup `id`, with its profile and user.
    pub(crate) fn held_location(&self, id: LookupId) -> Option<(String, String, LocationView)> {
        self.records.held_location(id)
    }

    /// The full number of `field` in lookup `id`, with the lookup's profile and user.
    pub(crate) fn phone(&self, id: LookupId, field: PhoneField) -> Option<(String, String, String)> {
        self.records.phone(id, field)
    }

    pub(crate) fn recent(&self) -> Vec<RecentLookup> {
        self.recent.entries()
    }

    pub(crate) fn clear_recent(&self) -> Result<(), ConsoleError> {
        self.recent.clear()
    }

    pub(crate) fn save_recent(&self) -> Result<(), ConsoleError> {
        self.recent.save()
    }
}
