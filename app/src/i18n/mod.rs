//! Translations. Every visible string lives in `app/locales/<tag>.json`, parsed into typed
//! structs so that a missing or misspelt key fails a unit test instead of showing a blank.
//!
//! Pages render on the server, which reads the files; an island receives the strings it
//! needs as props. So no translation, and no translation code, is compiled into the WASM
//! a kiosk tablet downloads.

pub mod dates;
#[cfg(test)]
mod parity;
mod plural;
mod strings;

// The language type is a plain domain value; translations are keyed by it.
pub use crate::domain::locale::Locale;
pub use plural::Plural;
pub use strings::*;

/// The sections of a language file that visitors and participants see: every language
/// translates these; the rest (staff pages) are in English and Spanish only.
pub const VISITOR_SECTIONS: [&str; 14] = [
    "common",
    "display",
    "feedback",
    "follow",
    "kiosk_frame",
    "kiosk",
    "kiosk_numbers",
    "kiosk_speech",
    "arrival",
    "booking",
    "waitlist",
    "workshops",
    "kiosk_pairing",
    "privacy",
];

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// `text` (a phone number, a code) kept left to right inside a sentence of `locale`: in
/// a right-to-left language it is isolated (U+2066 … U+2069), so that "(503) 292-2057"
/// does not become "292-2057 (503)"; elsewhere it is left as it is.
pub fn left_to_right(locale: Locale, text: &str) -> String {
    match locale.dir() {
        "rtl" => format!("\u{2066}{text}\u{2069}"),
        _ => text.to_owned(),
    }
}

/// "Help in another language: call the Language Access Line …" with the agency's number,
/// kept on one line; `None` when the agency has no such line.
pub fn language_line(locale: Locale, agency: &crate::domain::agency::Agency) -> Option<String> {
    use crate::domain::contacts::unbreakable;
    let phone = agency.language_line_shown()?;
    Some(fill(
        &translations(locale).common.language_line,
        &[("phone", &left_to_right(locale, &unbreakable(&phone)))],
    ))
}

/// The reasons `offered` as the kiosk's wizard shows them in `locale`: the name with the
/// hint under it, and for one handled elsewhere its notice and a sentence with its
/// numbers, which never wrap and are joined as the language joins alternatives
/// ("(503) 292-2057 or (877) 345-3484").
pub fn reason_choices(
    locale: Locale,
    offered: &[crate::domain::visit_reason::KioskReason],
) -> Vec<ReasonChoice> {
    use crate::domain::contacts::unbreakable;
    let k = &translations(locale).kiosk_frame;
    offered
        .iter()
        .map(|r| {
            let notice = match &r.elsewhere {
                None => String::new(),
                Some(e) => {
                    let shown: Vec<String> = e
                        .phones
                        .iter()
                        .map(|p| left_to_right(locale, &unbreakable(p)))
                        .collect();
                    let phones = match shown.split_last() {
                        None => String::new(),
                        Some((last, [])) => last.clone(),
                        Some((last, rest)) => {
                            format!("{}{}{last}", rest.join(", "), k.elsewhere_phones_or)
                        }
                    };
                    match phones.as_str() {
                        "" => e.notice.clone(),
                        phones => {
                            let line = fill(&k.elsewhere_phones, &[("phones", phones)]);
                            format!("{} {line}", e.notice)
                        }
                    }
                }
            };
            // The style sheet breaks the label at the newline.
            let label = match r.hint.as_str() {
                "" => r.name.clone(),
                hint => format!("{}\n{hint}", r.name),
            };
            ReasonChoice {
                code: r.code.clone(),
                label,
                notice,
            }
        })
        .collect()
}

/// How and where a booking is held, in one line: "Phone call from WorkSource Tigard: we
/// call you at (503) 555-0142". `phone` is the participant's, as stored; `link` the video
/// call's ('' while there is none).
pub fn held_sentence(
    t: &Translations,
    held: crate::domain::service::HowHeld,
    place: &str,
    phone: &str,
    link: &str,
) -> String {
    use crate::domain::service::HowHeld;
    let b = &t.booking;
    let phone = left_to_right(
        t.locale,
        &crate::domain::contact_details::display_phone(phone),
    );
    match held {
        HowHeld::InPerson => fill(&b.where_in_person, &[("place", place)]),
        HowHeld::Phone => fill(&b.where_phone, &[("place", place), ("phone", &phone)]),
        HowHeld::Video if link.is_empty() => fill(&b.where_video, &[("place", place)]),
        HowHeld::Video => fill(&b.where_video_link, &[("place", place), ("link", link)]),
    }
}

/// A center as visitors know it: the agency's public name and the center's ("WorkSource
/// Gresham"), in the order the language puts them; the center's name alone when it
/// already begins with the agency's ("WorkSource Hood River" is not said twice).
pub fn center_title(locale: Locale, agency: &str, center: &str) -> String {
    let named = center
        .get(..agency.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(agency))
        && center[agency.len()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    if named || agency.is_empty() {
        return center.to_owned();
    }
    fill(
        &translations(locale).kiosk_frame.center_title,
        &[("agency", agency), ("center", center)],
    )
}

/// "Too many attempts … try again in 4 minutes." for a wait of `seconds`.
pub fn too_many_requests(locale: Locale, seconds: u64) -> String {
    use crate::domain::limits::{wait_in_words, WaitUnit};
    let c = &translations(locale).common;
    let (count, unit) = wait_in_words(seconds);
    let wait = match unit {
        WaitUnit::Seconds => c.wait_seconds.count(count),
        WaitUnit::Minutes => c.wait_minutes.count(count),
    };
    fill(&c.too_many_requests, &[("wait", &wait)])
}

mod files {
    use super::{Locale, Translations};
    use std::sync::LazyLock;

    /// The file of each language, as compiled in.
    pub(super) fn source(locale: Locale) -> &'static str {
        match locale {
            Locale::En => include_str!("../../locales/en.json"),
            Locale::Es => include_str!("../../locales/es.json"),
            Locale::Vi => include_str!("../../locales/vi.json"),
            Locale::ZhHans => include_str!("../../locales/zh-Hans.json"),
            Locale::Ru => include_str!("../../locales/ru.json"),
            Locale::So => include_str!("../../locales/so.json"),
            Locale::Ar => include_str!("../../locales/ar.json"),
        }
    }

    /// The strings of `locale`: its file's sections over English ones. Only the visitors'
    /// sections are translated into every language (the parity tests hold each file to
    /// its sections); the staff pages of a language without them read in English.
    fn parse(locale: Locale) -> Translations {
        let tag = locale.tag();
        let read = |locale: Locale| -> serde_json::Map<String, serde_json::Value> {
            serde_json::from_str(source(locale))
                .unwrap_or_else(|e| panic!("locales/{}.json is not JSON: {e}", locale.tag()))
        };
        let mut sections = read(Locale::En);
        if locale != Locale::En {
            sections.extend(read(locale));
        }
        let mut strings: Translations = serde_json::from_value(sections.into())
            .unwrap_or_else(|e| panic!("locales/{tag}.json is not complete: {e}"));
        strings.set_locale(locale);
        strings
    }

    static ALL: LazyLock<Vec<Translations>> =
        LazyLock::new(|| Locale::ALL.into_iter().map(parse).collect());

    /// The strings of `locale`.
    pub fn translations(locale: Locale) -> &'static Translations {
        let index = Locale::ALL
            .iter()
            .position(|l| *l == locale)
            .unwrap_or_default();
        &ALL[index]
    }
}

/// Pages call this on the server. The WASM build compiles it too but never reaches it from
/// an island, so the linker leaves the files out of the bundle.
pub use files::translations;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{accommodation::Accommodation, queue::QueueAction, queue::QueueStatus};

    #[test]
    fn a_kiosk_reason_carries_its_hint_and_its_notice_with_numbers_that_never_wrap() {
        use crate::domain::visit_reason::{Elsewhere, KioskReason};
        let reasons = [
            KioskReason {
                code: "youth".into(),
                name: "Empleo juvenil".into(),
                hint: "16 a 24 años".into(),
                elsewhere: None,
            },
            KioskReason {
                code: "ui".into(),
                name: "Seguro de desempleo".into(),
                hint: String::new(),
                elsewhere: Some(Elsewhere {
                    notice: "Lo atiende el Departamento de Empleo.".into(),
                    phones: vec!["(503) 292-2057".into(), "(877) 345-3484".into()],
                }),
            },
        ];
        let choices = reason_choices(Locale::Es, &reasons);
        assert_eq!(choices[0].label, "Empleo juvenil\n16 a 24 años");
        assert_eq!(choices[0].notice, "");
        assert_eq!(
            choices[1].notice,
            "Lo atiende el Departamento de Empleo. Pueden ayudarle por teléfono: \
             (503)\u{a0}292\u{2011}2057 o (877)\u{a0}345\u{2011}3484."
        );
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} and {b} and {a}", &[("a", "1"), ("b", "2")]),
            "1 and 2 and 1"
        );
    }

    #[test]
    fn every_locale_names_every_accommodation_status_and_action() {
        for locale in Locale::ALL {
            let t = translations(locale);
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
    fn an_island_gets_the_agency_name_in_place_and_nothing_else_changes() {
        let kiosk = &translations(Locale::Es).kiosk;
        let filled = with_agency(kiosk, "Gorge Works");
        assert_eq!(
            filled.registered_question,
            "¿Ya se inscribió en Gorge Works?"
        );
        assert_eq!(filled.next, kiosk.next);
        let strings = flatten(&filled);
        assert!(
            strings.iter().all(|s| !s.contains("{agency}")),
            "{strings:?}"
        );
    }

    #[test]
    fn a_center_is_named_with_the_agency_once() {
        assert_eq!(
            center_title(Locale::En, "WorkSource", "Gresham"),
            "WorkSource Gresham"
        );
        assert_eq!(
            center_title(Locale::En, "WorkSource", "worksource Hood River"),
            "worksource Hood River"
        );
        assert_eq!(center_title(Locale::Es, "", "Gresham"), "Gresham");
        // Only a whole word: "Work" is not the start of "Workforce Hub".
        assert_eq!(
            center_title(Locale::En, "Work", "Workforce Hub"),
            "Work Workforce Hub"
        );
        // A name shorter than the agency's, or cut inside a character, is still prefixed.
        assert_eq!(
            center_title(Locale::En, "WorkSource", "Wö"),
            "WorkSource Wö"
        );
    }

    #[test]
    fn strings_survive_the_trip_to_an_island() {
        for locale in Locale::ALL {
            let kiosk = translations(locale).kiosk.clone();
            assert_eq!(unpack::<KioskStrings>(flatten(&kiosk)), Some(kiosk));
        }
        // A list of the wrong length is refused, not half read.
        assert_eq!(unpack::<KioskStrings>(vec!["a".to_owned()]), None);
        let mut too_long = flatten(&translations(Locale::En).kiosk);
        too_long.push("extra".to_owned());
        assert_eq!(unpack::<KioskStrings>(too_long), None);
    }

    #[test]
    fn spanish_differs_from_english_where_it_should() {
        let (en, es) = (translations(Locale::En), translations(Locale::Es));
        assert_ne!(en.kiosk_frame.check_in, es.kiosk_frame.check_in);
        assert_ne!(en.kiosk_frame.idle_heading, es.kiosk_frame.idle_heading);
        assert_eq!(es.common.language_name, "Español");
    }
}
