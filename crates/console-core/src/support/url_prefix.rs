//! Whether a URL lies under a prefix URL, compared after both are parsed and normalised
//! (WHATWG rules: `..`, `%2e%2e` and `\` are resolved before the comparison, so none can
//! climb out of the prefix, and encoded separators and dots are refused): same scheme, host and port, no user info, and a path at or
//! below the prefix's path.

use url::Url;

pub fn url_under(prefix: &Url, candidate: &Url) -> bool {
    if candidate.scheme() != prefix.scheme()
        || candidate.host() != prefix.host()
        || candidate.port_or_known_default() != prefix.port_or_known_default()
        || !candidate.username().is_empty()
        || candidate.password().is_some()
    {
        return false;
    }
    let base = prefix.path().trim_end_matches('/');
    let path = candidate.path();
    // A server that decodes `%2F`, `%5C` or `%2E` before routing could still climb out.
    let lower = path.to_ascii_lowercase();
    if ["%2f", "%5c", "%2e"].iter().any(|encoded| lower.contains(encoded)) {
        return false;
    }
    path == base || path.starts_with(&format!("{base}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn under(prefix: &str, candidate: &str) -> bool {
        url_under(&Url::parse(prefix).unwrap(), &Url::parse(candidate).unwrap())
    }

    #[test]
    fn only_below_the_prefix() {
        assert!(under("https://cdn.example.com/op/img", "https://cdn.example.com/op/img/a.png"));
        assert!(under("https://cdn.example.com/op/img/", "https://CDN.example.com:443/op/img/x/a.png"));
        for outside in [
            "https://cdn.example.com/op/imgx/a.png",
            "https://cdn.example.com/op/img/../secret.png",
            "https://cdn.example.com/op/img/%2e%2e/secret.png",
            "https://cdn.example.com/op/img/%2E%2E%2Fsecret.png",
            "https://cdn.example.com/op/img/..%5Csecret.png",
            "http://cdn.example.com/op/img/a.png",
            "https://cdn.example.com:8443/op/img/a.png",
            "https://evil.example.com/op/img/a.png",
            "https://user@cdn.example.com/op/img/a.png",
            "https://cdn.example.com.evil.com/op/img/a.png",
        ] {
            assert!(!under("https://cdn.example.com/op/img", outside), "{outside}");
        }
    }
}
