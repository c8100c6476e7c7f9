//! A video appointment's meeting link as staff type it: empty (none yet) or an https web
//! address a participant can follow (see `web_address`): a room's token never travels in
//! the clear.

use super::web_address::parse_web_address;

/// The link to store: `Some("")` for none, the trimmed address, or `None` when what was
/// typed is not one.
pub fn check_meeting_link(typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return Some(String::new());
    }
    parse_web_address(typed).filter(|link| link.starts_with("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_means_none_and_anything_else_must_be_a_web_address() {
        assert_eq!(check_meeting_link("  ").as_deref(), Some(""));
        assert_eq!(
            check_meeting_link(" https://meet.example.org/tigard ").as_deref(),
            Some("https://meet.example.org/tigard")
        );
        assert_eq!(check_meeting_link("javascript:alert(1)"), None);
        assert_eq!(check_meeting_link("meet.example.org"), None);
        assert_eq!(check_meeting_link("http://meet.example.org/room"), None);
    }
}
