//! Validation of short text a person types: names, an interpreter language, a note.
//!
//! Names in any script are welcome; what is refused is empty input, input longer than a
//! field allows, control characters (which no keyboard produces on purpose and which
//! would corrupt a printed roster or a CSV export), and invisible characters: format
//! characters such as a zero-width space or a right-to-left override (which make a name
//! look empty, or show it reversed on a staff screen) and the blank "letters" some
//! scripts have. A joiner between two letters stays: Persian and Indic names need it.
//!
//! On the server, text is also put in Unicode's composed form (NFC), so "José" typed with
//! a combining accent and "José" typed with the accented letter are the same name when a
//! kiosk looks an appointment up. (The browser checks the other rules; composition and
//! invisible characters are the server's, whose Unicode tables would add to every kiosk's
//! download.)

use serde::{Deserialize, Serialize};

/// Why a piece of typed text was refused. The UI turns each into a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TextError {
    #[error("required")]
    Empty,
    #[error("too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("contains control characters")]
    ControlCharacters,
    #[error("contains invisible characters")]
    InvisibleCharacters,
}

/// Zero-width non-joiner and joiner: invisible, but part of how some scripts write words.
#[cfg(feature = "ssr")]
const JOINERS: [char; 2] = ['\u{200C}', '\u{200D}'];

/// Characters that are letters or symbols by category but show nothing: Hangul fillers
/// and the blank Braille pattern, favourites for names that look empty.
#[cfg(feature = "ssr")]
const BLANK_LETTERS: [char; 5] = ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{2800}'];

/// Whether `text` holds a character that shows nothing and is not a joiner between two
/// letters. Checked on the server only: the kiosk's browser leaves it to the server, whose
/// refusal brings the visitor back to the field with the message (the Unicode tables, and
/// even a short list, cost the WASM every tablet downloads).
#[cfg(feature = "ssr")]
fn has_invisible(text: &str) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        if BLANK_LETTERS.contains(&c) {
            return true;
        }
        if c.general_category() != GeneralCategory::Format {
            return false;
        }
        let between_letters = i > 0
            && chars.get(i + 1).is_some_and(|next| next.is_alphabetic())
            && chars[i - 1].is_alphabetic();
        !(JOINERS.contains(&c) && between_letters)
    })
}

#[cfg(not(feature = "ssr"))]
fn has_invisible(_text: &str) -> bool {
    false
}

/// `text` in Unicode's composed form (NFC); unchanged in the browser.
#[cfg(feature = "ssr")]
fn composed(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

#[cfg(not(feature = "ssr"))]
fn composed(text: &str) -> String {
    text.to_owned()
}

/// Trims `raw`, composes it (NFC) and checks it is 1..=`max` characters without control
/// or invisible characters. Length counts Unicode scalar values, so a Chinese or Arabic
/// name is not penalised for taking more bytes than a Latin one.
pub fn parse_required(raw: &str, max: usize) -> Result<String, TextError> {
    let text = composed(raw.trim());
    if text.is_empty() {
        return Err(TextError::Empty);
    }
    if text.chars().any(char::is_control) {
        return Err(TextError::ControlCharacters);
    }
    if has_invisible(&text) {
        return Err(TextError::InvisibleCharacters);
    }
    if text.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    Ok(text)
}

/// As `parse_required`, for a field that may be left empty (a staff note): `None` when
/// empty.
pub fn parse_optional(raw: &str, max: usize) -> Result<Option<String>, TextError> {
    match parse_required(raw, max) {
        Err(TextError::Empty) => Ok(None),
        other => other.map(Some),
    }
}

/// Longest first or last name the kiosk accepts.
pub const NAME_MAX_CHARS: usize = 50;
/// Longest free-text answer (interpreter language, "other" accommodation).
pub const NOTE_MAX_CHARS: usize = 100;
/// Longest staff note on an appointment.
pub const STAFF_NOTE_MAX_CHARS: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_are_accepted_and_trimmed() {
        for name in ["  María ", "محمد", "Nguyễn", "王小明", "O'Brien-Smith", "Ж"] {
            assert_eq!(
                parse_required(name, NAME_MAX_CHARS),
                Ok(name.trim().to_owned())
            );
        }
    }

    #[test]
    fn empty_or_blank_input_is_refused() {
        assert_eq!(parse_required("", 50), Err(TextError::Empty));
        assert_eq!(parse_required(" \t ", 50), Err(TextError::Empty));
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(
            parse_required("Ann\u{0007}", 50),
            Err(TextError::ControlCharacters)
        );
        assert_eq!(
            parse_required("A\nB", 50),
            Err(TextError::ControlCharacters)
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let chinese = "王".repeat(50);
        assert!(parse_required(&chinese, 50).is_ok());
        let too_long = "a".repeat(51);
        assert_eq!(
            parse_required(&too_long, 50),
            Err(TextError::TooLong { max: 50 })
        );
    }

    #[test]
    fn invisible_and_direction_changing_characters_are_refused() {
        for sneaky in [
            "\u{200B}",
            "Ana\u{200B}",
            "\u{202E}anA",
            "Ana\u{2066}x",
            "\u{FEFF}Ana",
            "\u{3164}",
            "\u{2800}\u{2800}",
            "\u{200D}Ana",
        ] {
            assert_eq!(
                parse_required(sneaky, NAME_MAX_CHARS),
                Err(TextError::InvisibleCharacters),
                "{sneaky:?}"
            );
        }
    }

    #[test]
    fn a_joiner_between_letters_is_part_of_the_name() {
        // Persian: "Mohammad" and "Reza" written as one name with a zero-width non-joiner.
        let name = "محمد\u{200C}رضا";
        assert_eq!(parse_required(name, NAME_MAX_CHARS), Ok(name.to_owned()));
    }

    #[test]
    fn a_name_typed_with_a_combining_accent_is_stored_composed() {
        let decomposed = "Jose\u{0301}";
        assert_eq!(
            parse_required(decomposed, NAME_MAX_CHARS),
            Ok("Jos\u{e9}".to_owned())
        );
        assert_eq!(
            parse_required(" Jos\u{e9} ", NAME_MAX_CHARS),
            parse_required(decomposed, NAME_MAX_CHARS)
        );
    }

    #[test]
    fn an_optional_field_may_be_empty_but_not_invisible() {
        assert_eq!(parse_optional("  ", 10), Ok(None));
        assert_eq!(
            parse_optional("\u{200B}", 10),
            Err(TextError::InvisibleCharacters)
        );
        assert_eq!(parse_optional(" ok ", 10), Ok(Some("ok".to_owned())));
    }
}
