//! An answer's bytes as text: in the charset its `Content-Type` declares (legacy Chinese
//! servers send GBK or GB18030), UTF-8 otherwise. A `Content-Encoding` the client did not
//! ask for (it asks for none) is refused with its name, never unpacked: a compressed
//! answer could be a bomb, and its bytes are not text.

use std::borrow::Cow;

use crate::error::OpError;

/// The body as UTF-8 bytes: decoded from the declared charset when that is not UTF-8.
/// Bytes that are not valid in it are replaced later, field by field, with a warning.
pub(crate) fn as_utf8<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, [u8]> {
    let Some(encoding) =
        content_type.and_then(charset).and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
    else {
        return Cow::Borrowed(bytes);
    };
    if encoding == encoding_rs::UTF_8 {
        return Cow::Borrowed(bytes);
    }
    let (text, _, _) = encoding.decode(bytes);
    Cow::Owned(text.into_owned().into_bytes())
}

/// `charset=` of a `Content-Type`, without quotes.
fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"'))
    })
}

/// Refuses a compressed answer (the client asked for none): `identity` or none is fine.
pub(crate) fn check_content_encoding(content_encoding: Option<&str>) -> Result<(), OpError> {
    match content_encoding.map(str::trim) {
        None | Some("") => Ok(()),
        Some(value) if value.eq_ignore_ascii_case("identity") => Ok(()),
        Some(value) => Err(OpError::ContentEncoding { encoding: value.chars().take(40).collect() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_charset_is_read_and_utf_8_stays_as_it_is() {
        // "王小明" in GBK.
        let gbk = b"{\"userName\":\"\xcd\xf5\xd0\xa1\xc3\xf7\"}";
        let text = as_utf8(gbk, Some("application/json; charset=GBK"));
        assert_eq!(std::str::from_utf8(&text).unwrap(), "{\"userName\":\"王小明\"}");
        let quoted = as_utf8(gbk, Some("application/json;Charset=\"gb18030\""));
        assert_eq!(std::str::from_utf8(&quoted).unwrap(), "{\"userName\":\"王小明\"}");
        let utf8 = "{\"a\":\"王\"}".as_bytes();
        assert!(matches!(as_utf8(utf8, Some("application/json; charset=utf-8")), Cow::Borrowed(_)));
        assert!(matches!(as_utf8(utf8, Some("application/json")), Cow::Borrowed(_)));
        assert!(matches!(as_utf8(utf8, Some("text/plain; charset=no-such-thing")), Cow::Borrowed(_)));
    }

    #[test]
    fn an_encoding_that_was_not_asked_for_is_refused_by_name() {
        assert!(check_content_encoding(None).is_ok());
        assert!(check_content_encoding(Some("identity")).is_ok());
        assert_eq!(
            check_content_encoding(Some("gzip")).unwrap_err(),
            OpError::ContentEncoding { encoding: "gzip".into() }
        );
    }
}
