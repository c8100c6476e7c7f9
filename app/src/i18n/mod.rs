//! Translations. Every visible string lives in `app/locales/<tag>.json`, parsed into typed
//! structs so that a missing or misspelt key fails a unit test instead of showing a blank.
//!
//! Pages render on the server, which reads the files; an island receives the strings it
//! needs as props. So no translation, and no translation code, is compiled into the WASM
//! a kiosk tablet downloads.

pub mod dates;
mod strings;
mod tablet_strings;

// The language type is a plain domain value; translations are keyed by it.
pub use crate::domain::locale::Locale;
pub use strings::*;
pub use tablet_strings::{PairingStrings, TabletStrings};

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// "Too many attempts … try again in 4 minutes." for a wait of `seconds`.
pub fn too_many_requests(locale: Locale, seconds: u64) -> String {
    use crate::domain::limits::{wait_in_words, WaitUnit};
    let c = &translations(locale).common;
    let (count, unit) = wait_in_words(seconds);
    let template = match unit {
        WaitUnit::Seconds => &c.wait_seconds,
        WaitUnit::Minutes => &c.wait_minutes,
    };
    let wait = fill(template, &[("count", &count.to_string())]);
    fill(&c.too_many_requests, &[("wait", &wait)])
}

mod files {
    use super::{Locale, Translations};
    use std::sync::LazyLock;

    fn parse(tag: &str, json: &str) -> Translations {
        serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("locales/{tag}.json is not complete: {e}"))
    }

    static EN: LazyLock<Translations> =
        LazyLock::new(|| parse("en", include_str!("../../locales/en.json")));
    static ES: LazyLock<Translations> =
        LazyLock::new(|| parse("es", include_str!("../../locales/es.json")));

    /// The strings of `locale`.
    pub fn translations(locale: Locale) -> &'static Translations {
        match locale {
            Locale::En => &EN,
            Locale::Es => &ES,
        }
    }
}

/// Pages call this on the server. The WASM build compiles it too but never reaches it from
/// an island, so the linker leaves the files out of the bundle.
pub use files::translations;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        accommodation::Accommodation, queue::QueueAction, queue::QueueStatus,
        visit_reason::VisitReason,
    };

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} and {b} and {a}", &[("a", "1"), ("b", "2")]),
            "1 and 2 and 1"
        );
    }

    #[test]
    fn every_locale_names_every_reason_accommodation_status_and_action() {
        for locale in Locale::ALL {
            let t = translations(locale);
            for reason in VisitReason::ALL {
                assert!(
                    !t.kiosk.reasons.label(reason).is_empty(),
                    "{locale:?} lacks {reason:?}"
                );
            }
            for a in Accommodation::ALL {
                assert!(
                    !t.kiosk.accommodations.label(a).is_empty(),
                    "{locale:?} lacks {a:?}"
                );
            }
            for s in QueueStatus::ALL {
                assert!(
                    !t.staff.status_label(s).is_empty(),
                    "{locale:?} lacks {s:?}"
                );
            }
            for a in QueueAction::ALL {
                assert!(
                    !t.staff.action_label(a).is_empty(),
                    "{locale:?} lacks {a:?}"
                );
            }
        }
    }

    #[test]
    fn packed_strings_survive_the_trip_to_an_island() {
        for locale in Locale::ALL {
            let kiosk = translations(locale).kiosk.clone();
            let json = serde_json::to_string(&Packed(kiosk.clone())).unwrap();
            assert!(json.starts_with("[\""), "sent as a plain list: {json}");
            let back: Packed<KioskStrings> = serde_json::from_str(&json).unwrap();
            assert_eq!(back.0, kiosk);
        }
        let too_short: Result<Packed<KioskStrings>, _> = serde_json::from_str("[\"a\"]");
        assert!(too_short.is_err());
    }

    #[test]
    fn spanish_differs_from_english_where_it_should() {
        let (en, es) = (translations(Locale::En), translations(Locale::Es));
        assert_ne!(en.kiosk.check_in, es.kiosk.check_in);
        assert_ne!(en.kiosk.idle_heading, es.kiosk.idle_heading);
        assert_eq!(es.common.language_name, "Español");
    }
}
