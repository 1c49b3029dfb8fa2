//! `allowedHosts`: `op.example.com` (any port), `op.example.com:8443`, `*.corp.example` (any
//! host under it, not itself), `127.0.0.1`, `[::1]`. Compared with the parsed URL's host.

use url::Url;

/// Whether `pattern` is one the file may hold.
pub(crate) fn valid_pattern(pattern: &str) -> bool {
    let (host, port) = split(pattern);
    let host = host.strip_prefix("*.").unwrap_or(host);
    !host.is_empty()
        && !host.contains(['/', '?', '#', '@', ' ', '*'])
        && port.is_none_or(|p| p.parse::<u16>().is_ok())
        && Url::parse(&format!("http://{host}/")).is_ok_and(|u| u.host_str().is_some())
}

/// `host` and `port` of a pattern (an IPv6 literal keeps its brackets).
fn split(pattern: &str) -> (&str, Option<&str>) {
    let pattern = pattern.trim();
    match pattern.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() && (!host.contains(':') || host.ends_with(']')) => (host, Some(port)),
        _ => (pattern, None),
    }
}

/// Whether `url`'s host (and port) is one of `patterns`.
pub(crate) fn allowed(patterns: &[String], url: &Url) -> bool {
    let Some(host) = url.host_str().map(str::to_ascii_lowercase) else { return false };
    let port = url.port_or_known_default();
    patterns.iter().any(|pattern| {
        let (wanted, wanted_port) = split(pattern);
        let wanted = wanted.to_ascii_lowercase();
        let port_ok = wanted_port.is_none_or(|p| p.parse::<u16>().ok() == port);
        let host_ok = match wanted.strip_prefix("*.") {
            Some(domain) => host.ends_with(&format!(".{domain}")),
            None => host == wanted,
        };
        port_ok && host_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn hosts_ports_and_domains() {
        let patterns: Vec<String> =
            ["op.example.com", "tiles.example.com:443", "*.corp.example", "127.0.0.1", "[::1]:8787"]
                .map(String::from)
                .to_vec();
        for ok in [
            "https://op.example.com/gw",
            "http://OP.example.com:8080",
            "https://tiles.example.com/1/2/3.png",
            "https://a.corp.example",
            "https://a.b.corp.example:9",
            "http://127.0.0.1:41473",
            "http://[::1]:8787/x",
        ] {
            assert!(allowed(&patterns, &url(ok)), "{ok}");
        }
        for refused in [
            "https://evil.example.com",
            "http://tiles.example.com/1.png",
            "https://corp.example",
            "https://op.example.com.evil.com",
            "https://evilcorp.example",
            "http://[::1]:8788",
            "http://127.0.0.2",
        ] {
            assert!(!allowed(&patterns, &url(refused)), "{refused}");
        }
    }

    #[test]
    fn patterns_the_file_may_hold() {
        for ok in ["op.example.com", "op.example.com:8443", "*.corp.example", "127.0.0.1", "[::1]", "[::1]:8787"] {
            assert!(valid_pattern(ok), "{ok}");
        }
        for bad in ["", "*.", "http://op.example.com", "op.example.com:99999", "a b", "op.example.com/path"] {
            assert!(!valid_pattern(bad), "{bad}");
        }
    }
}
