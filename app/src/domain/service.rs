//! The appointment services participants book from home. They are the agency's own data:
//! admins add them, name them in every language, order and hide them, say how each is
//! held and which visit reason an arrival joins the queue with. A booking stores its
//! service's code, so it keeps its service whatever happens to the list later.

use super::locale::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How an appointment is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HowHeld {
    InPerson,
    Phone,
    Video,
}

impl HowHeld {
    pub const ALL: [HowHeld; 3] = [HowHeld::InPerson, HowHeld::Phone, HowHeld::Video];

    pub fn code(self) -> &'static str {
        match self {
            HowHeld::InPerson => "in_person",
            HowHeld::Phone => "phone",
            HowHeld::Video => "video",
        }
    }

    pub fn from_code(code: &str) -> Option<HowHeld> {
        HowHeld::ALL.into_iter().find(|h| h.code() == code)
    }
}

/// How a booking of a service offered `offered` ways is held: the only way there is, else
/// the participant's choice (`typed`, a code) when it is one of them; `None` while they
/// must still choose.
pub fn chosen_way(offered: &[HowHeld], typed: &str) -> Option<HowHeld> {
    match offered {
        [only] => Some(*only),
        _ => HowHeld::from_code(typed).filter(|h| offered.contains(h)),
    }
}

/// What participants read about a service in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceText {
    /// "Resume review".
    pub name: String,
    /// Under the name, smaller; may be empty.
    pub hint: String,
}

/// A service as set up, apart from its code and place in the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDetails {
    /// The ways it is held, in `HowHeld::ALL` order, never empty once checked.
    pub held: Vec<HowHeld>,
    /// The code of the visit reason an arrived appointment shows with in the staff
    /// queue; empty: "something else".
    pub arrival_reason: String,
    /// The texts of every language.
    pub texts: BTreeMap<Locale, ServiceText>,
}

impl ServiceDetails {
    /// The text in `locale`, else in English (a language added after the service was).
    pub fn text(&self, locale: Locale) -> ServiceText {
        self.texts
            .get(&locale)
            .or_else(|| self.texts.get(&Locale::En))
            .or_else(|| self.texts.values().next())
            .cloned()
            .unwrap_or_default()
    }
}

/// A service in the agency's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentService {
    pub code: String,
    pub hidden: bool,
    pub details: ServiceDetails,
}

/// A service as a booking page offers it, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChoice {
    pub code: String,
    pub name: String,
    pub hint: String,
    pub held: Vec<HowHeld>,
}

impl AppointmentService {
    /// A service no longer set up (a code alone): named by its code.
    pub fn unknown(code: &str) -> AppointmentService {
        AppointmentService {
            code: code.to_owned(),
            hidden: true,
            details: ServiceDetails::default(),
        }
    }

    /// The name in `locale` (else English); the code for one without texts.
    pub fn name(&self, locale: Locale) -> String {
        let name = self.details.text(locale).name;
        if name.is_empty() {
            self.code.clone()
        } else {
            name
        }
    }

    pub fn choice(&self, locale: Locale) -> ServiceChoice {
        let text = self.details.text(locale);
        ServiceChoice {
            code: self.code.clone(),
            name: text.name,
            hint: text.hint,
            held: self.details.held.clone(),
        }
    }
}

/// The services participants may book now, in the admins' order, in `locale`.
pub fn bookable_choices(services: &[AppointmentService], locale: Locale) -> Vec<ServiceChoice> {
    services
        .iter()
        .filter(|s| !s.hidden)
        .map(|s| s.choice(locale))
        .collect()
}

/// The name of every service ever set up (hidden ones too: past bookings keep theirs) in
/// one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceNames(pub BTreeMap<String, String>);

impl ServiceNames {
    pub fn new(services: &[AppointmentService], locale: Locale) -> ServiceNames {
        ServiceNames(
            services
                .iter()
                .map(|s| (s.code.clone(), s.name(locale)))
                .collect(),
        )
    }

    /// The name of `code`; the code itself for one no longer set up (never empty).
    pub fn label<'a>(&'a self, code: &'a str) -> &'a str {
        self.0.get(code).map_or(code, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(code: &str, hidden: bool) -> AppointmentService {
        let text = |name: &str| ServiceText {
            name: name.to_owned(),
            hint: format!("{name} hint"),
        };
        AppointmentService {
            code: code.to_owned(),
            hidden,
            details: ServiceDetails {
                held: vec![HowHeld::Phone, HowHeld::Video],
                arrival_reason: String::new(),
                texts: [
                    (Locale::En, text("Resume")),
                    (Locale::Es, text("Currículum")),
                ]
                .into_iter()
                .collect(),
            },
        }
    }

    #[test]
    fn ways_of_holding_round_trip_and_unknown_is_none() {
        for h in HowHeld::ALL {
            assert_eq!(HowHeld::from_code(h.code()), Some(h));
        }
        assert_eq!(HowHeld::from_code("fax"), None);
    }

    #[test]
    fn the_only_way_needs_no_choice_and_a_choice_must_be_offered() {
        use HowHeld::*;
        assert_eq!(chosen_way(&[Video], ""), Some(Video));
        assert_eq!(chosen_way(&[Video], "phone"), Some(Video));
        assert_eq!(chosen_way(&[Phone, Video], "phone"), Some(Phone));
        assert_eq!(chosen_way(&[Phone, Video], ""), None);
        assert_eq!(chosen_way(&[Phone, Video], "in_person"), None);
        assert_eq!(chosen_way(&[], "phone"), None);
    }

    #[test]
    fn booking_pages_offer_only_shown_services_in_their_language() {
        let mut gone = service("old", true);
        gone.details.texts.remove(&Locale::Es);
        let choices = bookable_choices(&[service("resume", false), gone.clone()], Locale::Es);
        assert_eq!(choices.len(), 1);
        assert_eq!(choices[0].name, "Currículum");
        assert_eq!(choices[0].held, vec![HowHeld::Phone, HowHeld::Video]);
        // A hidden service keeps its name for past bookings, in English when untranslated.
        let names = ServiceNames::new(&[gone], Locale::Es);
        assert_eq!(names.label("old"), "Resume");
        assert_eq!(names.label("never_was"), "never_was");
    }
}
