//! How a kiosk screen looks for this visitor: language, text size and contrast. Carried in
//! the address (`?lang=es&text=large&contrast=high`) from screen to screen, never stored,
//! so the idle reset, which returns to the bare address, resets all three.

use crate::i18n::Locale;
use leptos::prelude::*;

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

    /// The same choices as a form's hidden fields (name, value), so a kiosk screen posted
    /// as a form keeps them (read back by `forms::Form::kiosk_display`).
    pub fn hidden_fields(&self) -> Vec<(&'static str, String)> {
        let mut fields = vec![("lang", self.locale.tag().to_owned())];
        if self.large_text {
            fields.push(("text", "large".to_owned()));
        }
        if self.high_contrast {
            fields.push(("contrast", "high".to_owned()));
        }
        fields
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

/// The name of the field that carries the number of the visitor a kiosk form was shown to.
pub const VISITOR: &str = "visitor";

/// What every kiosk form carries in hidden fields (name, value): the display choices, and
/// the number of the visitor using the tablet as the screen was rendered, so that a screen
/// brought back from the browser's history for the next visitor is not answered
/// (`domain::kiosk_visitor`).
pub fn kiosk_form_fields(display: KioskDisplay) -> Vec<(&'static str, String)> {
    let mut fields = display.hidden_fields();
    if let Some(visitor) = tablet_visitor() {
        fields.push((VISITOR, visitor.to_string()));
    }
    fields
}

/// The number of the visitor at the tablet this page is rendered for (the kiosk gate puts
/// the tablet in the request). Kiosk pages are rendered on the server only.
fn tablet_visitor() -> Option<i64> {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()?
            .extensions
            .get::<crate::db::kiosk_devices::KioskDevice>()
            .map(|device| device.visitors)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// `kiosk_form_fields` as hidden inputs.
#[component]
pub fn KioskFormFields(display: KioskDisplay) -> impl IntoView {
    kiosk_form_fields(display)
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
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

    #[test]
    fn the_choices_survive_a_form_post_as_hidden_fields() {
        let display = KioskDisplay {
            locale: Locale::Ar,
            large_text: true,
            high_contrast: true,
        };
        let field = |name: &str| {
            display
                .hidden_fields()
                .into_iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v)
        };
        let back = KioskDisplay::from_query(
            field("lang").as_deref(),
            field("text").as_deref(),
            field("contrast").as_deref(),
        );
        assert_eq!(back, display);
        assert_eq!(KioskDisplay::default().hidden_fields().len(), 1);
    }
}
