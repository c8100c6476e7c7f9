//! How a kiosk screen looks for this visitor: language, text size and contrast. Carried in
//! the address (`?lang=es&text=large&contrast=high`) from screen to screen, never stored,
//! so the idle reset, which returns to the bare address, resets all three.

use crate::i18n::Locale;

/// The visitor's display choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KioskDisplay {
    pub locale: Locale,
    pub large_text: bool,
    pub high_contrast: bool,
}

impl KioskDisplay {
    /// Reads the query parameters; anything unknown means the default.
    pub fn from_query(
        lang: Option<&str>,
        text: Option<&str>,
        contrast: Option<&str>,
    ) -> KioskDisplay {
        KioskDisplay {
            locale: Locale::from_tag(lang.unwrap_or_default()),
            large_text: text == Some("large"),
            high_contrast: contrast == Some("high"),
        }
    }

    /// The query string that keeps these choices on the next screen.
    pub fn query(&self) -> String {
        let mut query = format!("?lang={}", self.locale.tag());
        if self.large_text {
            query.push_str("&text=large");
        }
        if self.high_contrast {
            query.push_str("&contrast=high");
        }
        query
    }

    /// CSS classes of the kiosk's outer element.
    pub fn classes(&self) -> String {
        let mut classes = String::from("kiosk");
        if self.large_text {
            classes.push_str(" text-large");
        }
        if self.high_contrast {
            classes.push_str(" contrast-high");
        }
        classes
    }

    pub fn with_locale(self, locale: Locale) -> KioskDisplay {
        KioskDisplay { locale, ..self }
    }

    pub fn with_large_text(self, large_text: bool) -> KioskDisplay {
        KioskDisplay { large_text, ..self }
    }

    pub fn with_high_contrast(self, high_contrast: bool) -> KioskDisplay {
        KioskDisplay {
            high_contrast,
            ..self
        }
    }

    /// Whether a visitor changed anything that the idle reset must undo.
    pub fn is_default(&self) -> bool {
        *self == KioskDisplay::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_survive_the_round_trip_through_the_address() {
        let display = KioskDisplay {
            locale: Locale::Es,
            large_text: true,
            high_contrast: true,
        };
        assert_eq!(display.query(), "?lang=es&text=large&contrast=high");
        assert_eq!(
            KioskDisplay::from_query(Some("es"), Some("large"), Some("high")),
            display
        );
        assert_eq!(display.classes(), "kiosk text-large contrast-high");
    }

    #[test]
    fn unknown_or_missing_values_mean_the_default() {
        let display = KioskDisplay::from_query(None, Some("huge"), Some("max"));
        assert!(display.is_default());
        assert_eq!(display.query(), "?lang=en");
        assert_eq!(display.classes(), "kiosk");
    }

    #[test]
    fn changing_one_choice_keeps_the_others() {
        let display = KioskDisplay::default()
            .with_high_contrast(true)
            .with_locale(Locale::Es);
        assert!(display.high_contrast);
        assert_eq!(
            display.with_large_text(true).query(),
            "?lang=es&text=large&contrast=high"
        );
    }
}
