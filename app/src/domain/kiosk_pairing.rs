//! Kiosk tablets are paired devices, not public pages. A manager makes a one-time pairing
//! code on a staff screen; whoever types it into a tablet within `CODE_MINUTES` makes that
//! tablet a kiosk of the code's center. The code is short enough to type on a touch
//! screen, from an alphabet without look-alikes (no 0/O, 1/I/L), and case and spaces do
//! not matter. Guessing one (31^8, about 8.5 × 10^11) within its quarter of an hour, at
//! five tries a minute per address, is hopeless.

/// Characters of a pairing code: digits and capitals that cannot be mistaken for others.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const CODE_LENGTH: usize = 8;
/// How long a pairing code works.
pub const CODE_MINUTES: i64 = 15;
/// A name for a tablet, so the manager can tell them apart ("Entrance, left").
pub const NAME_MAX_CHARS: usize = 60;

/// A pairing code drawn from `random` bytes (one per character).
pub fn code_from_random(random: [u8; CODE_LENGTH]) -> String {
    random
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}

/// "K7M4-P9QX": the code as shown, in two groups.
pub fn display(code: &str) -> String {
    let (first, second) = code.split_at(code.len().min(CODE_LENGTH / 2));
    format!("{first}-{second}")
}

/// The code someone typed, in stored form: capitals, without spaces or dashes; `None`
/// when it cannot be a code.
pub fn parse(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Missing,
    TooLong,
    /// Control or invisible characters.
    Unprintable,
}

/// A tablet's name as the manager typed it, trimmed (and checked as any typed text is).
pub fn parse_name(typed: &str) -> Result<String, NameProblem> {
    use super::free_text::{parse_required, TextError};
    parse_required(typed, NAME_MAX_CHARS).map_err(|e| match e {
        TextError::Empty => NameProblem::Missing,
        TextError::TooLong { .. } => NameProblem::TooLong,
        TextError::ControlCharacters | TextError::InvisibleCharacters => NameProblem::Unprintable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unmistakable_characters() {
        let code = code_from_random([0, 30, 31, 255, 7, 100, 200, 13]);
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        assert_eq!(parse(&code), Some(code.clone()));
    }

    #[test]
    fn a_typed_code_may_have_spaces_dashes_and_small_letters() {
        assert_eq!(parse(" k7m4-p9qx "), Some("K7M4P9QX".to_owned()));
        assert_eq!(parse("K7M4 P9QX"), Some("K7M4P9QX".to_owned()));
        assert_eq!(display("K7M4P9QX"), "K7M4-P9QX");
    }

    #[test]
    fn anything_else_is_not_a_code() {
        for typed in [
            "",
            "K7M4P9Q",
            "K7M4P9QXZ",
            "K7M4P9Q0",
            "K7M4P9QI",
            "K7M4P9Q!",
        ] {
            assert_eq!(parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_tablet_needs_a_short_name() {
        assert_eq!(
            parse_name("  Entrance, left "),
            Ok("Entrance, left".to_owned())
        );
        assert_eq!(parse_name("   "), Err(NameProblem::Missing));
        assert_eq!(parse_name(&"x".repeat(61)), Err(NameProblem::TooLong));
        assert_eq!(parse_name("Tab\u{200B}"), Err(NameProblem::Unprintable));
    }
}
