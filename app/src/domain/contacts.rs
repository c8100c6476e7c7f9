//! Phone numbers the kiosk gives visitors. They are facts, not words, so they live here
//! once and the translations place them with `{phone}` placeholders.

/// WorkSource Oregon Language Access Line, for help in another language.
pub const LANGUAGE_ACCESS_LINE: &str = "833-685-0845";

/// `phone` as it should be shown: never broken across two lines, which would make it easy
/// to copy down wrongly (no-break spaces and non-breaking hyphens).
pub fn unbreakable(phone: &str) -> String {
    phone.replace(' ', "\u{a0}").replace('-', "\u{2011}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_phone_numbers_cannot_wrap() {
        let shown = unbreakable("(503) 292-2057");
        assert_eq!(shown, "(503)\u{a0}292\u{2011}2057");
        assert!(!shown.contains([' ', '-']));
        assert!(!unbreakable(LANGUAGE_ACCESS_LINE).contains('-'));
    }
}
