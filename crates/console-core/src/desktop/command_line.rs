//! What a command line asks of the console, this launch's or a second launch's (handed
//! over by single-instance). Read in one place, so that every way in follows one rule:
//!
//! - a line that carries an `opconsole:` link is that link and nothing else. The desktop
//!   starts a link's handler with `op-console "%u"` (Windows: `"%1"`), and a page that
//!   crafts a link must not smuggle `--profiles` or `--lookup` in beside it;
//! - otherwise `--profiles FILE` imports IT's file (relative to the launching process's own
//!   folder), and `--lookup ID [--profile ID]` looks a user up as a link would (a
//!   softphone's or a script's screen pop).

use std::path::{Path, PathBuf};

use op_api::{UserId, UserIdProblem};

use crate::desktop::link::{is_link_argument, LinkProblem};
use crate::desktop::request::{DesktopRequest, RequestSource};
use crate::profiles::profile::is_profile_id;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    /// What the page is asked to do: a link's or `--lookup`'s lookup, or why it was refused.
    pub request: Option<DesktopRequest>,
    /// `--profiles FILE`, absolute.
    pub profiles_file: Option<PathBuf>,
    /// Arguments that were not taken (a link's neighbours, unknown options): for the log.
    pub ignored: Vec<String>,
}

impl CommandLine {
    /// `args` as the process got them (the program first), `cwd` the launching process's
    /// working folder.
    pub fn parse(args: &[String], cwd: &Path) -> Self {
        let args = args.get(1..).unwrap_or_default();
        if let Some(link) = args.iter().find(|arg| is_link_argument(arg)) {
            let ignored = args.iter().filter(|arg| *arg != link).cloned().collect();
            return Self { request: Some(DesktopRequest::from_link(link)), profiles_file: None, ignored };
        }
        let mut line = Self::default();
        let (mut lookup, mut profile) = (None, None);
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
                _ => (arg.as_str(), None),
            };
            let mut value = || inline.clone().or_else(|| iter.next().cloned());
            match name {
                "--profiles" => {
                    line.profiles_file = value().filter(|v| !v.trim().is_empty()).map(|v| absolute(&v, cwd))
                }
                "--lookup" => lookup = Some(value().unwrap_or_default()),
                "--profile" => profile = Some(value().unwrap_or_default()),
                _ => line.ignored.push(arg.clone()),
            }
        }
        line.request = lookup.map(|user| screen_pop(&user, profile.as_deref()));
        line
    }
}

/// `--lookup ID [--profile ID]`, checked as a link's parts are.
fn screen_pop(user: &str, profile: Option<&str>) -> DesktopRequest {
    let user_id = match UserId::parse(user) {
        Ok(id) => id,
        Err(UserIdProblem::Empty) => return DesktopRequest::BadLink { problem: LinkProblem::NoUserId },
        Err(problem) => return DesktopRequest::BadLink { problem: LinkProblem::BadUserId { problem } },
    };
    if profile.is_some_and(|p| !is_profile_id(p)) {
        return DesktopRequest::BadLink { problem: LinkProblem::BadProfile };
    }
    DesktopRequest::Lookup {
        user_id: user_id.as_str().to_owned(),
        profile_id: profile.map(str::to_owned),
        source: RequestSource::CommandLine,
    }
}

fn absolute(path: &str, cwd: &Path) -> PathBuf {
    let path = PathBuf::from(path);
    if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(list: &[&str]) -> CommandLine {
        let args: Vec<String> = std::iter::once("op-console").chain(list.iter().copied()).map(String::from).collect();
        CommandLine::parse(&args, Path::new("/home/agent/Downloads"))
    }

    #[test]
    fn a_link_is_the_whole_line() {
        // A crafted link on a platform that passes "%1": the import beside it is dropped.
        let line = parse(&["--profiles", "/tmp/evil.json", "opconsole://lookup/u0001ab", "--lookup", "u2"]);
        assert_eq!(line.profiles_file, None);
        assert!(
            matches!(line.request, Some(DesktopRequest::Lookup { ref user_id, source: RequestSource::Link, .. }) if user_id == "u0001ab")
        );
        assert_eq!(line.ignored, ["--profiles", "/tmp/evil.json", "--lookup", "u2"]);
        let bad = parse(&["opconsole://lookup/bad<id", "--profiles=/tmp/evil.json"]);
        assert!(matches!(bad.request, Some(DesktopRequest::BadLink { .. })));
        assert_eq!(bad.profiles_file, None);
    }

    #[test]
    fn profiles_files_are_the_launching_process_s() {
        assert_eq!(parse(&["--profiles", "/a.json"]).profiles_file, Some("/a.json".into()));
        assert_eq!(parse(&["--profiles=/a.json"]).profiles_file, Some("/a.json".into()));
        assert_eq!(
            parse(&["--profiles", "it/profiles.json"]).profiles_file,
            Some("/home/agent/Downloads/it/profiles.json".into())
        );
        assert_eq!(parse(&["--profiles"]).profiles_file, None);
        assert_eq!(parse(&["--profiles", " "]).profiles_file, None);
    }

    #[test]
    fn a_screen_pop_is_checked_as_a_link_is() {
        let pop = parse(&["--lookup", "u0001-rich", "--profile", "prod"]);
        assert_eq!(
            pop.request,
            Some(DesktopRequest::Lookup {
                user_id: "u0001-rich".into(),
                profile_id: Some("prod".into()),
                source: RequestSource::CommandLine
            })
        );
        assert!(matches!(parse(&["--lookup=u1"]).request, Some(DesktopRequest::Lookup { profile_id: None, .. })));
        for (args, problem) in [
            (vec!["--lookup"], LinkProblem::NoUserId),
            (
                vec!["--lookup", "a b"],
                LinkProblem::BadUserId { problem: UserIdProblem::BadCharacter { character: ' ', position: 2 } },
            ),
            (vec!["--lookup", "u1", "--profile", "Prod!"], LinkProblem::BadProfile),
        ] {
            assert_eq!(parse(&args).request, Some(DesktopRequest::BadLink { problem }), "{args:?}");
        }
        assert_eq!(parse(&["--verbose"]).ignored, ["--verbose"]);
    }
}
