//! What one keyring entry holds for a profile: the token and the secret together (never
//! half saved), and the [`Destination`] they were saved for.

use op_api::Secret;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::credentials::destination::Destination;

/// A profile's credentials and their destination, as the keyring entry holds them.
#[derive(Clone, Debug)]
pub struct SavedCredentials {
    pub token: Option<Secret>,
    pub secret: Option<Secret>,
    pub destination: Destination,
}

/// The entry's JSON. Its text holds the credentials: built in a buffer wiped on drop.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    version: u32,
    token: Option<String>,
    secret: Option<String>,
    destination: Destination,
}

const STORED_VERSION: u32 = 1;

impl SavedCredentials {
    pub(crate) fn to_entry(&self) -> Zeroizing<String> {
        let stored = Stored {
            version: STORED_VERSION,
            token: self.token.as_ref().map(|s| s.expose().to_owned()),
            secret: self.secret.as_ref().map(|s| s.expose().to_owned()),
            destination: self.destination.clone(),
        };
        let text = Zeroizing::new(serde_json::to_string(&stored).unwrap_or_default());
        let Stored { mut token, mut secret, .. } = stored;
        wipe(&mut token);
        wipe(&mut secret);
        text
    }

    /// `None` for an entry that is not ours (then it is treated as absent).
    pub(crate) fn from_entry(text: &str) -> Option<Self> {
        let Stored { version, mut token, mut secret, destination } = serde_json::from_str(text).ok()?;
        let saved = (version == STORED_VERSION).then(|| Self {
            token: token.as_deref().filter(|t| !t.is_empty()).map(Secret::new),
            secret: secret.as_deref().filter(|s| !s.is_empty()).map(Secret::new),
            destination,
        });
        wipe(&mut token);
        wipe(&mut secret);
        saved
    }

    /// Both present: ready for a lookup.
    pub fn complete(&self) -> Option<op_api::Credentials> {
        Some(op_api::Credentials { token: self.token.clone()?, secret: self.secret.clone()? })
    }
}

fn wipe(value: &mut Option<String>) {
    if let Some(text) = value.as_mut() {
        zeroize::Zeroize::zeroize(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::profile::Profile;

    #[test]
    fn the_entry_round_trips_and_strangers_are_absent() {
        let saved = SavedCredentials {
            token: Some(Secret::new("o0001-t")),
            secret: Some(Secret::new("s")),
            destination: Destination::of(&Profile::new("p", "P", "https://h", "c")).unwrap(),
        };
        let back = SavedCredentials::from_entry(&saved.to_entry()).unwrap();
        assert_eq!(back.complete().unwrap().token.expose(), "o0001-t");
        assert_eq!(back.destination, saved.destination);
        assert!(SavedCredentials::from_entry("o0001-a-bare-legacy-token").is_none());
    }
}
