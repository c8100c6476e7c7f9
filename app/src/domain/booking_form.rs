//! The "about you" step of booking: the details as typed, and the validated booking
//! details they become. Every problem is reported at once, each beside its field, and the
//! typed values are kept so the form can be shown again with nothing lost.

use super::accommodation::Accommodation;
use super::contact_details::{parse_email, parse_phone, ContactError};
use super::free_text::{parse_required, TextError, NAME_MAX_CHARS, NOTE_MAX_CHARS};
use serde::{Deserialize, Serialize};

/// Languages a participant can ask the appointment to be held in, each named in its own
/// script (names of languages are not translated: a Somali speaker looks for "Soomaali").
pub const PREFERRED_LANGUAGES: [(&str, &str); 7] = [
    ("en", "English"),
    ("es", "Español"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("ar", "العربية"),
];

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DetailsAnswers {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: String,
    pub accommodation_other: String,
    /// How the appointment is held, as chosen (a `HowHeld` code); checked against the
    /// service's ways by `service::chosen_way`.
    pub held: String,
}

/// A field of the form that can be answered wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DetailsField {
    FirstName,
    LastName,
    Email,
    Phone,
    Language,
    InterpreterLanguage,
    AccommodationOther,
    Held,
}

impl DetailsField {
    /// The form field's `name`, which is also the id its message is tied to.
    pub fn name(self) -> &'static str {
        match self {
            DetailsField::FirstName => "first_name",
            DetailsField::LastName => "last_name",
            DetailsField::Email => "email",
            DetailsField::Phone => "phone",
            DetailsField::Language => "language",
            DetailsField::InterpreterLanguage => "interpreter_language",
            DetailsField::AccommodationOther => "accommodation_other",
            DetailsField::Held => "held",
        }
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DetailsProblem {
    Text(TextError),
    Contact(ContactError),
    NotChosen,
    /// The email or phone already holds as many upcoming appointments as one contact may
    /// (`domain::limits::FUTURE_BOOKINGS_PER_CONTACT`).
    TooManyUpcoming,
}

/// Validated details, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingDetails {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
}

impl DetailsAnswers {
    /// Checks every field; all problems at once, in form order.
    pub fn parse(&self) -> Result<BookingDetails, Vec<(DetailsField, DetailsProblem)>> {
        let mut problems = Vec::new();
        let mut text = |field, raw: &str, max| {
            parse_required(raw, max)
                .map_err(|e| problems.push((field, DetailsProblem::Text(e))))
                .ok()
        };
        let first_name = text(DetailsField::FirstName, &self.first_name, NAME_MAX_CHARS);
        let last_name = text(DetailsField::LastName, &self.last_name, NAME_MAX_CHARS);
        let email = parse_email(&self.email)
            .map_err(|e| problems.push((DetailsField::Email, DetailsProblem::Contact(e))))
            .ok();
        let phone = parse_phone(&self.phone)
            .map_err(|e| problems.push((DetailsField::Phone, DetailsProblem::Contact(e))))
            .ok();
        let language_known = PREFERRED_LANGUAGES
            .iter()
            .any(|(code, _)| *code == self.language);
        if !language_known {
            problems.push((DetailsField::Language, DetailsProblem::NotChosen));
        }
        let mut accommodations = self.accommodations.clone();
        accommodations.sort();
        accommodations.dedup();
        let mut note = |wanted: Accommodation, field, raw: &str| {
            if !accommodations.contains(&wanted) {
                return None;
            }
            parse_required(raw, NOTE_MAX_CHARS)
                .map_err(|e| problems.push((field, DetailsProblem::Text(e))))
                .ok()
        };
        let interpreter_language = note(
            Accommodation::SpokenInterpreter,
            DetailsField::InterpreterLanguage,
            &self.interpreter_language,
        );
        let accommodation_other = note(
            Accommodation::Other,
            DetailsField::AccommodationOther,
            &self.accommodation_other,
        );
        match (first_name, last_name, email, phone) {
            (Some(first_name), Some(last_name), Some(email), Some(phone))
                if problems.is_empty() =>
            {
                Ok(BookingDetails {
                    first_name,
                    last_name,
                    email,
                    phone,
                    language: self.language.clone(),
                    accommodations,
                    interpreter_language,
                    accommodation_other,
                })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> DetailsAnswers {
        DetailsAnswers {
            first_name: " Ana ".into(),
            last_name: "Pérez".into(),
            email: "ana@example.org".into(),
            phone: "(503) 555-0142".into(),
            language: "es".into(),
            accommodations: vec![Accommodation::LargePrint, Accommodation::LargePrint],
            interpreter_language: "ignored without an interpreter".into(),
            accommodation_other: String::new(),
            held: String::new(),
        }
    }

    #[test]
    fn complete_details_parse_trimmed_and_normalised() {
        let details = complete().parse().unwrap();
        assert_eq!(details.first_name, "Ana");
        assert_eq!(details.phone, "5035550142");
        assert_eq!(details.accommodations, vec![Accommodation::LargePrint]);
        assert_eq!(details.interpreter_language, None);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_form_order() {
        let answers = DetailsAnswers {
            accommodations: vec![Accommodation::SpokenInterpreter, Accommodation::Other],
            ..DetailsAnswers::default()
        };
        let fields: Vec<DetailsField> = answers
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            vec![
                DetailsField::FirstName,
                DetailsField::LastName,
                DetailsField::Email,
                DetailsField::Phone,
                DetailsField::Language,
                DetailsField::InterpreterLanguage,
                DetailsField::AccommodationOther,
            ]
        );
    }

    #[test]
    fn a_bad_email_or_phone_is_named_as_such() {
        let answers = DetailsAnswers {
            email: "ana@example".into(),
            phone: "555".into(),
            ..complete()
        };
        assert_eq!(
            answers.parse().unwrap_err(),
            vec![
                (
                    DetailsField::Email,
                    DetailsProblem::Contact(ContactError::InvalidEmail)
                ),
                (
                    DetailsField::Phone,
                    DetailsProblem::Contact(ContactError::InvalidPhone)
                ),
            ]
        );
    }

    #[test]
    fn an_interpreter_needs_its_language() {
        let answers = DetailsAnswers {
            accommodations: vec![Accommodation::SpokenInterpreter],
            interpreter_language: "Somali".into(),
            ..complete()
        };
        assert_eq!(
            answers.parse().unwrap().interpreter_language.as_deref(),
            Some("Somali")
        );
    }
}
