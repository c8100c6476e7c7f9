//! The enrolment form, on the web and at the kiosk: what was typed, and either the
//! validated `NewEnrolment` or what is wrong, field by field (the page shows each message
//! beside its field and keeps every answer).

use super::accommodation::Accommodation;
use super::contact_details::ContactError;
use super::free_text::{parse_required, TextError, NAME_MAX_CHARS, NOTE_MAX_CHARS};
use super::locale::Locale;
use super::workshop::Contact;
use super::workshop_session::NewEnrolment;
use uuid::Uuid;

/// What was typed, kept when something is refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnrolAnswers {
    /// The form's key (`new_form_key`): the same form sent twice enrols once.
    pub key: String,
    pub first_name: String,
    pub last_name: String,
    pub contact: String,
    pub language: String,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: String,
    pub accommodation_other: String,
    pub whole_series: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolField {
    FirstName,
    LastName,
    Contact,
    InterpreterLanguage,
    AccommodationOther,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolProblem {
    Text(TextError),
    Contact(ContactError),
}

impl EnrolAnswers {
    /// The enrolment these answers make under the form's `key`, written in `locale`; or
    /// every problem, with its field. A note (which interpreter, what else) is needed only
    /// with the accommodation it describes.
    pub fn parse(
        &self,
        key: Uuid,
        locale: Locale,
    ) -> Result<NewEnrolment, Vec<(EnrolField, EnrolProblem)>> {
        let mut problems = Vec::new();
        let mut text = |field, raw: &str, max| {
            parse_required(raw, max)
                .map_err(|e| problems.push((field, EnrolProblem::Text(e))))
                .ok()
        };
        let first_name = text(EnrolField::FirstName, &self.first_name, NAME_MAX_CHARS);
        let last_name = text(EnrolField::LastName, &self.last_name, NAME_MAX_CHARS);
        let mut note = |wanted, field, raw: &str| match self.accommodations.contains(&wanted) {
            true => text(field, raw, NOTE_MAX_CHARS),
            false => None,
        };
        let interpreter_language = note(
            Accommodation::SpokenInterpreter,
            EnrolField::InterpreterLanguage,
            &self.interpreter_language,
        );
        let accommodation_other = note(
            Accommodation::Other,
            EnrolField::AccommodationOther,
            &self.accommodation_other,
        );
        let contact = Contact::parse(&self.contact)
            .map_err(|e| problems.push((EnrolField::Contact, EnrolProblem::Contact(e))))
            .ok();
        match (first_name, last_name, contact) {
            (Some(first_name), Some(last_name), Some(contact)) if problems.is_empty() => {
                Ok(NewEnrolment {
                    key,
                    first_name,
                    last_name,
                    contact,
                    language: self.language.clone(),
                    locale,
                    accommodations: self.accommodations.clone(),
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

    fn answers() -> EnrolAnswers {
        EnrolAnswers {
            first_name: " Ana ".into(),
            last_name: "López".into(),
            contact: "ana@example.org".into(),
            language: "es".into(),
            ..EnrolAnswers::default()
        }
    }

    #[test]
    fn good_answers_make_an_enrolment_with_trimmed_names() {
        let key = Uuid::nil();
        let person = answers().parse(key, Locale::Es).unwrap();
        assert_eq!(person.first_name, "Ana");
        assert_eq!(person.key, key);
        assert_eq!(person.locale, Locale::Es);
        assert_eq!(
            person.interpreter_language, None,
            "no note without its need"
        );
    }

    #[test]
    fn every_problem_is_told_with_its_field() {
        let typed = EnrolAnswers {
            first_name: "".into(),
            contact: "ana@".into(),
            accommodations: vec![Accommodation::SpokenInterpreter],
            ..answers()
        };
        let problems = typed.parse(Uuid::nil(), Locale::En).unwrap_err();
        let fields: Vec<EnrolField> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                EnrolField::FirstName,
                EnrolField::InterpreterLanguage,
                EnrolField::Contact
            ]
        );
        assert_eq!(problems[0].1, EnrolProblem::Text(TextError::Empty));
    }
}
