//! The one input an operator types: checked before anything is sent.

use std::fmt;

/// IDs in the spec are 37 characters (`u0001` + 32 hex digits); leave room for other kinds.
pub const MAX_USER_ID_CHARS: usize = 64;

/// The characters a user ID may hold besides ASCII letters and digits. The UI's check is
/// generated from this and [`MAX_USER_ID_CHARS`].
pub const USER_ID_PUNCTUATION: &str = "_-.";

/// A user ID that passed the checks: trimmed, non-empty, at most 64 characters of
/// `A–Z a–z 0–9 _ - .`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UserId(String);

/// Why a user ID was refused; the UI words each for the operator.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum UserIdProblem {
    Empty,
    TooLong { chars: usize, max: usize },
    BadCharacter { character: char, position: usize },
}

impl fmt::Display for UserIdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("it is empty"),
            Self::TooLong { chars, max } => write!(f, "it has {chars} characters, at most {max} are allowed"),
            Self::BadCharacter { character, position } => write!(
                f,
                "character {position} ('{}') is not allowed; use letters, digits, '_', '-' and '.'",
                character.escape_debug()
            ),
        }
    }
}

impl UserId {
    pub fn parse(input: &str) -> Result<Self, UserIdProblem> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(UserIdProblem::Empty);
        }
        let chars = trimmed.chars().count();
        if chars > MAX_USER_ID_CHARS {
            return Err(UserIdProblem::TooLong { chars, max: MAX_USER_ID_CHARS });
        }
        if let Some((index, character)) =
            trimmed.chars().enumerate().find(|(_, c)| !(c.is_ascii_alphanumeric() || USER_ID_PUNCTUATION.contains(*c)))
        {
            return Err(UserIdProblem::BadCharacter { character, position: index + 1 });
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_spec_id_and_trims() {
        let id = UserId::parse("  u00012b2e588bd93843168dfb67ae12cc2ee9\n").unwrap();
        assert_eq!(id.as_str(), "u00012b2e588bd93843168dfb67ae12cc2ee9");
    }

    #[test]
    fn refuses_empty_long_and_odd_characters() {
        assert_eq!(UserId::parse(" \t "), Err(UserIdProblem::Empty));
        assert_eq!(UserId::parse(&"a".repeat(65)), Err(UserIdProblem::TooLong { chars: 65, max: MAX_USER_ID_CHARS }));
        assert!(UserId::parse(&"a".repeat(64)).is_ok());
        assert_eq!(UserId::parse("u0001<script>"), Err(UserIdProblem::BadCharacter { character: '<', position: 6 }));
        assert!(matches!(UserId::parse("u 1"), Err(UserIdProblem::BadCharacter { character: ' ', .. })));
        assert!(matches!(UserId::parse("用户"), Err(UserIdProblem::BadCharacter { position: 1, .. })));
    }
}
