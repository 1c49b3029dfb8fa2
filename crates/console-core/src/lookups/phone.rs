//! Phone numbers leave the backend masked. The full number of a result is kept with its
//! lookup (`records.rs`) and given to the page only when the operator reveals it; the
//! rule for the masked form is written once, here.

use serde::{Deserialize, Serialize};

/// Which number of a result: the user's own, or one of their contacts'.
#[derive(ts_rs::TS, Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum PhoneField {
    User,
    Contact { index: u32 },
}

/// `13812345678` → `138****5678`; a short number keeps only its last two digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() >= 7 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}****{tail}")
    } else {
        let tail: String = chars[chars.len().saturating_sub(2)..].iter().collect();
        format!("{}{tail}", "*".repeat(chars.len().saturating_sub(2).max(1)))
    }
}

/// `text` with each of `phones` in its masked form (longest first, so that a number that
/// contains another is masked whole).
pub(crate) fn mask_all(text: &str, phones: &[String]) -> String {
    let mut phones: Vec<&String> = phones.iter().filter(|p| p.chars().count() >= 3).collect();
    phones.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut out = text.to_owned();
    for phone in phones {
        if out.contains(phone.as_str()) {
            out = out.replace(phone.as_str(), &mask_phone(phone));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masked_form() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("+8613812345678"), "+86****5678");
        assert_eq!(mask_phone("12345"), "***45");
        assert_eq!(mask_phone("1"), "*1");
        assert_eq!(mask_phone("电话一二三四五六七"), "电话一****四五六七");
    }

    #[test]
    fn every_number_of_a_result_is_masked_in_a_text() {
        let raw = r#"{"phone": "13812345678", "contacts": [{"phone": "010-6228-8888"}], "note": "13812345678"}"#;
        let masked = mask_all(raw, &["13812345678".into(), "010-6228-8888".into()]);
        assert!(!masked.contains("13812345678") && !masked.contains("010-6228-8888"), "{masked}");
        assert!(masked.contains("138****5678") && masked.contains("010****8888"), "{masked}");
    }
}
