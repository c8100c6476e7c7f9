//! Web addresses staff type for visitors to follow: a workshop's meeting link, the
//! agency's hand-off pages. Only `https://` and `http://` addresses with a host pass, so
//! nothing typed can become a `javascript:` or `data:` link on a visitor's screen.

/// Longest web address accepted: meeting links with their tokens run to several hundred
/// characters; past this, something else was pasted.
pub const WEB_ADDRESS_MAX: usize = 2048;

/// `raw` trimmed, when it is an http(s) address with a host and no spaces or control
/// characters; `None` otherwise (also when empty).
pub fn parse_web_address(raw: &str) -> Option<String> {
    let value = raw.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let clean = !value.chars().any(|c| c.is_whitespace() || c.is_control());
    (!host.is_empty() && clean && value.chars().count() <= WEB_ADDRESS_MAX)
        .then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_addresses_with_a_host_pass_trimmed() {
        assert_eq!(
            parse_web_address(" https://meet.example.org/abc?x=1 ").as_deref(),
            Some("https://meet.example.org/abc?x=1")
        );
        assert!(parse_web_address("http://example.org").is_some());
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "meet.example.org/abc",
            "https://",
            "https:///path",
            "https://a b",
            "https://a\u{7}b",
            "ftp://x",
            "javascript:alert(1)",
            "JAVASCRIPT://x",
            "data:text/html,hi",
        ] {
            assert_eq!(parse_web_address(bad), None, "{bad}");
        }
        let long = format!("https://example.org/{}", "a".repeat(WEB_ADDRESS_MAX));
        assert_eq!(parse_web_address(&long), None);
    }
}
