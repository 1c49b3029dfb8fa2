//! The template form of a sign rule: the string to hash, with placeholders.
//!
//! | placeholder        | becomes                                                      |
//! |--------------------|--------------------------------------------------------------|
//! | `{method}`         | `POST`                                                       |
//! | `{url}`            | the request URL as sent, without `sign`                      |
//! | `{path}`           | the URL's path, with any base-URL prefix                     |
//! | `{param:NAME}`     | the decoded value of query parameter NAME (`{param:token}`)   |
//! | `{sorted}`         | parameters and body, sorted, non-empty, as `k=v&k=v`          |
//! | `{sortedConcat}`   | the same as `k1v1k2v2`                                       |
//! | `{body}`           | the exact body bytes                                         |
//! | `{secret}`         | the signing secret                                           |
//! | `{stamp}`          | the timestamp or nonce parameter's value                     |
//!
//! `{{` and `}}` are literal braces.

use super::rule::{sorted_pairs, SignInput, SignRuleProblem};

#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Literal(String),
    Method,
    Url,
    Path,
    Param(String),
    Sorted,
    SortedConcat,
    Body,
    Secret,
    Stamp,
}

#[derive(Debug)]
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    pub(crate) fn parse(text: &str) -> Result<Self, SignRuleProblem> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(ch) => name.push(ch),
                            None => return Err(SignRuleProblem::TemplateUnclosed),
                        }
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(placeholder(&name)?);
                }
                '}' => return Err(SignRuleProblem::TemplateStrayBrace),
                _ => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        if !pieces.iter().any(|p| matches!(p, Piece::Secret)) {
            return Err(SignRuleProblem::TemplateNoSecret);
        }
        Ok(Self { pieces })
    }

    pub(crate) fn render(
        &self,
        input: &SignInput<'_>,
        sorted_params: &[(String, String)],
        stamp: Option<&str>,
    ) -> Vec<u8> {
        let mut out = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.extend_from_slice(text.as_bytes()),
                Piece::Method => out.extend_from_slice(input.method.as_bytes()),
                Piece::Url => out.extend_from_slice(input.url.as_bytes()),
                Piece::Path => out.extend_from_slice(input.path.as_bytes()),
                Piece::Param(name) => {
                    if let Some((_, v)) = input.params.iter().find(|(k, _)| k == name) {
                        out.extend_from_slice(v.as_bytes());
                    }
                }
                Piece::Sorted => out.extend_from_slice(sorted_pairs(sorted_params, "=", "&").as_bytes()),
                Piece::SortedConcat => out.extend_from_slice(sorted_pairs(sorted_params, "", "").as_bytes()),
                Piece::Body => out.extend_from_slice(input.body),
                Piece::Secret => out.extend_from_slice(input.secret.as_bytes()),
                Piece::Stamp => out.extend_from_slice(stamp.unwrap_or_default().as_bytes()),
            }
        }
        out
    }
}

fn placeholder(name: &str) -> Result<Piece, SignRuleProblem> {
    Ok(match name {
        "method" => Piece::Method,
        "url" => Piece::Url,
        "path" => Piece::Path,
        "sorted" => Piece::Sorted,
        "sortedConcat" => Piece::SortedConcat,
        "body" => Piece::Body,
        "secret" => Piece::Secret,
        "stamp" => Piece::Stamp,
        _ if name.starts_with("param:") && name.len() > "param:".len() => {
            Piece::Param(name["param:".len()..].to_owned())
        }
        _ => return Err(SignRuleProblem::TemplateUnknownPlaceholder { name: name.to_owned() }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders_and_escaped_braces() {
        let t = Template::parse("{{x}}{method}|{param:token}|{secret}").unwrap();
        assert_eq!(t.pieces[0], Piece::Literal("{x}".into()));
        assert_eq!(t.pieces[1], Piece::Method);
        assert_eq!(t.pieces[3], Piece::Param("token".into()));
    }

    #[test]
    fn refuses_bad_templates_with_a_reason() {
        for (bad, why) in [
            ("{method}{secret", "without its '}'"),
            ("{nope}{secret}", "{nope} is unknown"),
            ("{method}", "must contain {secret}"),
            ("}{secret}", "without its '{'"),
            ("{param:}{secret}", "unknown"),
        ] {
            let err = Template::parse(bad).unwrap_err();
            assert!(err.to_string().contains(why), "{bad}: {err}");
        }
    }
}
