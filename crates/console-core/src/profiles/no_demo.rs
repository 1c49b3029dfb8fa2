//! A console built without the `demo` feature: no demo server and no demo profile; asking
//! for them gives `demo_unavailable`.

use op_api::Credentials;

use crate::error::ConsoleError;
use crate::profiles::profile::Profile;

#[derive(Default)]
pub(crate) struct Demo;

impl Demo {
    pub(crate) async fn profile(&self) -> Result<Profile, ConsoleError> {
        Err(not_built())
    }

    pub(crate) fn credentials(&self) -> Result<Credentials, ConsoleError> {
        Err(not_built())
    }
}

fn not_built() -> ConsoleError {
    ConsoleError::DemoUnavailable { detail: "this build of Op Console has no demo mode".into() }
}

#[cfg(test)]
mod tests {
    use crate::{Console, Vault, DEMO_PROFILE_ID};

    #[tokio::test]
    async fn without_the_demo_only_saved_profiles_are_listed() {
        let dirs = tempfile::tempdir().unwrap();
        let console = Console::open(&dirs.path().join("c"), &dirs.path().join("d"), Vault::mock()).unwrap();
        assert!(console.list_profiles().await.unwrap().profiles.is_empty());
        let err = console.lookup(Some(DEMO_PROFILE_ID), "u0001-rich").await.unwrap_err();
        assert_eq!(err.code(), "demo_unavailable");
    }
}
