//! "Look up the clipboard": the user ID in whatever the operator copied from another app
//! (a chat line, a ticket, a CRM URL).

use op_api::UserId;

/// How much of the clipboard the "no user ID" message shows.
pub const CLIPBOARD_PREVIEW_CHARS: usize = 40;

/// The user ID in `text`: the whole trimmed text when it is one, else the first word
/// (split at anything an ID cannot hold: spaces, CJK, `/ : = ? #`…) that passes the
/// user-ID rule and holds a digit. The digit skips the words around an ID ("user",
/// "ID", "https"): every ID the API hands out carries one.
pub fn user_id_in(text: &str) -> Option<UserId> {
    if let Ok(id) = UserId::parse(text) {
        return Some(id);
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || op_api::USER_ID_PUNCTUATION.contains(c)))
        // A sentence's full stop or a list's dash is not part of the ID.
        .map(|word| word.trim_matches(|c| op_api::USER_ID_PUNCTUATION.contains(c)))
        .filter(|word| word.chars().any(|c| c.is_ascii_digit()))
        .find_map(|word| UserId::parse(word).ok())
}

/// The start of what the clipboard held, for the message that no ID was found in it:
/// one line (controls and line breaks as spaces), at most [`CLIPBOARD_PREVIEW_CHARS`].
pub fn clipboard_preview(text: &str) -> String {
    let line: String = text.trim().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut preview: String = line.chars().take(CLIPBOARD_PREVIEW_CHARS).collect();
    if line.chars().count() > CLIPBOARD_PREVIEW_CHARS {
        preview.push('…');
    }
    preview
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        user_id_in(text).map(|id| id.as_str().to_owned())
    }

    #[test]
    fn finds_the_id_alone_or_inside_other_text() {
        let id = "u00016a4f1e8a8d1c4b0f9e2d7c3b5a6f8e1d";
        assert_eq!(found(&format!("  {id}\n")), Some(id.into()));
        assert_eq!(found(&format!("用户 {id} 反馈无法登录")), Some(id.into()));
        assert_eq!(found(&format!("用户{id}反馈")), Some(id.into()));
        assert_eq!(found(&format!("userId: {id}.")), Some(id.into()));
        assert_eq!(found(&format!("https://crm.example.com/users/{id}?tab=2")), Some(id.into()));
        assert_eq!(found(&format!("userId={id}&x=1")), Some(id.into()));
        // A one-word clipboard is taken as it is, digits or not.
        assert_eq!(found("alice"), Some("alice".into()));
        assert_eq!(found("see ticket-4411 for user u42"), Some("ticket-4411".into()));
    }

    #[test]
    fn finds_nothing_where_there_is_no_id() {
        assert_eq!(found(""), None);
        assert_eq!(found("   \n"), None);
        assert_eq!(found("你好，请问有什么可以帮您？"), None);
        assert_eq!(found("Hello there, how can I help"), None);
        // Longer than the rule allows: not an ID, not cut down to one.
        assert_eq!(found(&"1".repeat(65)), None);
    }

    #[test]
    fn the_preview_is_one_short_line() {
        assert_eq!(clipboard_preview("  hello\nworld\t! "), "hello world !");
        let long = "你".repeat(50);
        assert_eq!(clipboard_preview(&long), format!("{}…", "你".repeat(40)));
        assert_eq!(clipboard_preview(""), "");
    }
}
