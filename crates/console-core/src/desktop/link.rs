//! `opconsole://lookup/<userId>?profile=<id>`: a link from another app (a ticket, a CRM,
//! the desktop's own shortcut) that opens the console on a user. Checked whole before
//! anything is sent: a link is input from outside, like the search box.

use op_api::{UserId, UserIdProblem};
use serde::Serialize;
use url::Url;

use crate::profiles::profile::is_profile_id;

/// The link scheme, as the installers register it (`x-scheme-handler/opconsole`).
pub const LINK_SCHEME: &str = "opconsole";

/// Longer than any link the console writes; a longer one is not ours.
pub const LINK_MAX_CHARS: usize = 2048;

/// What a well-formed link asks for.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkLookup {
    pub user_id: String,
    /// The profile the link names; `None` looks up in the profile in use.
    pub profile_id: Option<String>,
}

/// Why a link was refused; the UI words each, and nothing is sent.
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LinkProblem {
    /// Not a URL, or not an `opconsole:` one.
    NotALink,
    TooLong {
        max_chars: usize,
    },
    /// `opconsole://<action>/…` with an action other than `lookup`.
    UnknownAction {
        action: String,
    },
    NoUserId,
    BadUserId {
        problem: UserIdProblem,
    },
    /// `?profile=` is not a profile ID's shape.
    BadProfile,
    /// Only `profile` is understood: a misspelt parameter is not silently dropped.
    UnknownParameter {
        name: String,
    },
}

/// Does this command-line argument look like one of our links (to be parsed, and refused
/// with a message if it is not well formed)?
pub fn is_link_argument(arg: &str) -> bool {
    arg.get(..LINK_SCHEME.len() + 1).is_some_and(|head| head.eq_ignore_ascii_case(&format!("{LINK_SCHEME}:")))
}

pub fn parse_link(link: &str) -> Result<LinkLookup, LinkProblem> {
    let link = link.trim();
    if link.chars().count() > LINK_MAX_CHARS {
        return Err(LinkProblem::TooLong { max_chars: LINK_MAX_CHARS });
    }
    let url = Url::parse(link).map_err(|_| LinkProblem::NotALink)?;
    if url.scheme() != LINK_SCHEME {
        return Err(LinkProblem::NotALink);
    }
    let action = url.host_str().unwrap_or_default();
    if !action.eq_ignore_ascii_case("lookup") {
        return Err(LinkProblem::UnknownAction { action: action.chars().take(40).collect() });
    }
    let mut profile_id = None;
    for (name, value) in url.query_pairs() {
        match name.as_ref() {
            "profile" if is_profile_id(&value) && profile_id.is_none() => profile_id = Some(value.into_owned()),
            "profile" => return Err(LinkProblem::BadProfile),
            other => return Err(LinkProblem::UnknownParameter { name: other.chars().take(40).collect() }),
        }
    }
    let path = url.path().strip_prefix('/').unwrap_or(url.path());
    let path = path.strip_suffix('/').unwrap_or(path);
    if path.is_empty() {
        return Err(LinkProblem::NoUserId);
    }
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().map_err(|_| LinkProblem::NotALink)?;
    let user_id = UserId::parse(&decoded).map_err(|problem| match problem {
        UserIdProblem::Empty => LinkProblem::NoUserId,
        problem => LinkProblem::BadUserId { problem },
    })?;
    Ok(LinkLookup { user_id: user_id.as_str().to_owned(), profile_id })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(user: &str, profile: Option<&str>) -> Result<LinkLookup, LinkProblem> {
        Ok(LinkLookup { user_id: user.into(), profile_id: profile.map(Into::into) })
    }

    #[test]
    fn reads_the_user_and_the_profile() {
        assert_eq!(parse_link("opconsole://lookup/u0001abc"), lookup("u0001abc", None));
        assert_eq!(parse_link(" opconsole://lookup/u0001abc/ "), lookup("u0001abc", None));
        assert_eq!(parse_link("OPCONSOLE://LOOKUP/u0001abc"), lookup("u0001abc", None));
        assert_eq!(parse_link("opconsole://lookup/u0001abc?profile=prod-eu"), lookup("u0001abc", Some("prod-eu")));
        assert_eq!(parse_link("opconsole://lookup/u%30001abc"), lookup("u0001abc", None));
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert_eq!(parse_link("https://lookup/u1"), Err(LinkProblem::NotALink));
        assert_eq!(parse_link("opconsole lookup u1"), Err(LinkProblem::NotALink));
        assert_eq!(parse_link("opconsole://delete/u1"), Err(LinkProblem::UnknownAction { action: "delete".into() }));
        assert_eq!(parse_link("opconsole://lookup/"), Err(LinkProblem::NoUserId));
        assert_eq!(parse_link("opconsole://lookup"), Err(LinkProblem::NoUserId));
        assert_eq!(parse_link("opconsole://lookup/%20"), Err(LinkProblem::NoUserId));
        assert_eq!(
            parse_link("opconsole://lookup/u1%3Cscript"),
            Err(LinkProblem::BadUserId { problem: UserIdProblem::BadCharacter { character: '<', position: 3 } })
        );
        assert_eq!(
            parse_link("opconsole://lookup/a/b"),
            Err(LinkProblem::BadUserId { problem: UserIdProblem::BadCharacter { character: '/', position: 2 } })
        );
        assert_eq!(parse_link("opconsole://lookup/u1?profile=Prod"), Err(LinkProblem::BadProfile));
        assert_eq!(parse_link("opconsole://lookup/u1?profile=a&profile=b"), Err(LinkProblem::BadProfile));
        assert_eq!(
            parse_link("opconsole://lookup/u1?profle=prod"),
            Err(LinkProblem::UnknownParameter { name: "profle".into() })
        );
        let long = format!("opconsole://lookup/{}", "a".repeat(LINK_MAX_CHARS));
        assert_eq!(parse_link(&long), Err(LinkProblem::TooLong { max_chars: LINK_MAX_CHARS }));
    }

    #[test]
    fn tells_links_from_other_arguments() {
        assert!(is_link_argument("opconsole://lookup/u1"));
        assert!(is_link_argument("OpConsole:whatever"));
        assert!(!is_link_argument("--profiles"));
        assert!(!is_link_argument("/home/agent/profiles.json"));
        assert!(!is_link_argument("opconsol"));
    }
}
