//! Validation of short text a person types: names, an interpreter language, a note.
//!
//! Names in any script are welcome; what is refused is empty input, input longer than a
//! field allows, and control characters (which no keyboard produces on purpose and which
//! would corrupt a printed roster or a CSV export).

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
}

/// Trims `raw` and checks it is 1..=`max` characters without control characters.
/// Length counts Unicode scalar values, so a Chinese or Arabic name is not penalised for
/// taking more bytes than a Latin one.
pub fn parse_required(raw: &str, max: usize) -> Result<String, TextError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(TextError::ControlCharacters);
    }
    if trimmed.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    Ok(trimmed.to_owned())
}

/// Longest first or last name the kiosk accepts.
pub const NAME_MAX_CHARS: usize = 50;
/// Longest free-text answer (interpreter language, "other" accommodation).
pub const NOTE_MAX_CHARS: usize = 100;

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
}
