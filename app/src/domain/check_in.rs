//! A walk-in check-in: the answers a visitor gives on the kiosk, raw as typed, and the
//! validated `NewCheckIn` they become. The kiosk checks each step with `problem_with`
//! before moving on; the server parses the whole set again with `parse`.

use super::accommodation::Accommodation;
use super::free_text::{parse_required, TextError, NAME_MAX_CHARS, NOTE_MAX_CHARS};
use serde::{Deserialize, Serialize};

/// A reason the kiosk offers, as far as the answers' rules care.
pub trait OfferedReason {
    fn code(&self) -> &str;
    fn handled_elsewhere(&self) -> bool;
}

impl OfferedReason for super::visit_reason::KioskReason {
    fn code(&self) -> &str {
        &self.code
    }
    fn handled_elsewhere(&self) -> bool {
        self.elsewhere.is_some()
    }
}

/// Has the visitor registered with WorkSource already?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Registration {
    Yes,
    No,
    NotSure,
}

impl Registration {
    pub const ALL: [Registration; 3] = [Registration::Yes, Registration::No, Registration::NotSure];

    pub fn code(self) -> &'static str {
        match self {
            Registration::Yes => "yes",
            Registration::No => "no",
            Registration::NotSure => "not_sure",
        }
    }
}

/// The answers as the visitor gave them, kept exactly as typed so that nothing is lost
/// when one of them is refused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckInAnswers {
    pub first_name: String,
    pub last_name: String,
    /// Codes of the reasons chosen, in the order they were tapped.
    pub reasons: Vec<String>,
    pub registered: Option<Registration>,
    pub accommodations: Vec<Accommodation>,
    /// Which language, when a spoken-language interpreter is asked for.
    pub interpreter_language: String,
    /// What is needed, when "other" accommodation is asked for.
    pub accommodation_other: String,
    pub consent: bool,
}

/// A question on the check-in form that can be answered wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    FirstName,
    LastName,
    Reasons,
    Registered,
    InterpreterLanguage,
    AccommodationOther,
    Consent,
}

impl Field {
    /// Every field, in the order the kiosk asks for them.
    pub const ALL: [Field; 7] = [
        Field::FirstName,
        Field::LastName,
        Field::Reasons,
        Field::Registered,
        Field::InterpreterLanguage,
        Field::AccommodationOther,
        Field::Consent,
    ];
}

/// Adds `item` to a multiple-choice answer, or removes it when it is already there.
pub fn toggle<T: PartialEq>(chosen: &mut Vec<T>, item: T) {
    match chosen.iter().position(|x| *x == item) {
        Some(index) => {
            chosen.remove(index);
        }
        None => chosen.push(item),
    }
}

/// What is wrong with an answer; the kiosk shows a translated message for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Text(TextError),
    /// No reason chosen.
    NoReason,
    /// Only Unemployment Insurance chosen, which WorkSource does not handle.
    OnlyHandledElsewhere,
    /// A choice was required and none was made.
    NotChosen,
    /// The privacy notice was not agreed to.
    ConsentRequired,
}

/// One refused answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// A check-in whose every answer has been validated.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCheckIn {
    pub first_name: String,
    pub last_name: String,
    /// Codes, in the kiosk's order, without duplicates.
    pub reasons: Vec<String>,
    pub registered: Registration,
    /// Sorted, without duplicates.
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
}

impl CheckInAnswers {
    /// The reasons chosen among those `offered`, in the kiosk's order: a code the kiosk
    /// does not offer (hidden meanwhile, or made up) counts as not chosen.
    fn chosen_reasons<'a, R: OfferedReason>(&self, offered: &'a [R]) -> Vec<&'a R> {
        offered
            .iter()
            .filter(|r| self.reasons.iter().any(|c| c == r.code()))
            .collect()
    }

    /// What is wrong with the answer to `field`, if anything; `offered` are the reasons
    /// the kiosk offers.
    pub fn problem_with<R: OfferedReason>(&self, field: Field, offered: &[R]) -> Option<Problem> {
        let text = |raw: &str, max| parse_required(raw, max).err().map(Problem::Text);
        match field {
            Field::FirstName => text(&self.first_name, NAME_MAX_CHARS),
            Field::LastName => text(&self.last_name, NAME_MAX_CHARS),
            Field::Reasons => {
                let mut chosen = offered
                    .iter()
                    .filter(|r| self.reasons.iter().any(|c| c == r.code()));
                match chosen.next() {
                    None => Some(Problem::NoReason),
                    Some(first)
                        if first.handled_elsewhere() && chosen.all(|r| r.handled_elsewhere()) =>
                    {
                        Some(Problem::OnlyHandledElsewhere)
                    }
                    Some(_) => None,
                }
            }
            Field::Registered => self.registered.is_none().then_some(Problem::NotChosen),
            Field::InterpreterLanguage => self
                .accommodations
                .contains(&Accommodation::SpokenInterpreter)
                .then(|| text(&self.interpreter_language, NOTE_MAX_CHARS))
                .flatten(),
            Field::AccommodationOther => self
                .accommodations
                .contains(&Accommodation::Other)
                .then(|| text(&self.accommodation_other, NOTE_MAX_CHARS))
                .flatten(),
            Field::Consent => (!self.consent).then_some(Problem::ConsentRequired),
        }
    }

    /// Validates every answer against the reasons `offered`, returning all the problems
    /// at once.
    pub fn parse<R: OfferedReason>(&self, offered: &[R]) -> Result<NewCheckIn, Vec<FieldError>> {
        let errors: Vec<FieldError> = Field::ALL
            .into_iter()
            .filter_map(|field| {
                self.problem_with(field, offered)
                    .map(|problem| FieldError { field, problem })
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let wants = |a| self.accommodations.contains(&a);
        let reasons = self
            .chosen_reasons(offered)
            .into_iter()
            .map(|r| r.code().to_owned())
            .collect();
        let mut accommodations = self.accommodations.clone();
        accommodations.sort();
        accommodations.dedup();
        Ok(NewCheckIn {
            first_name: self.first_name.trim().to_owned(),
            last_name: self.last_name.trim().to_owned(),
            reasons,
            registered: self.registered.unwrap_or(Registration::NotSure),
            accommodations,
            interpreter_language: wants(Accommodation::SpokenInterpreter)
                .then(|| self.interpreter_language.trim().to_owned()),
            accommodation_other: wants(Accommodation::Other)
                .then(|| self.accommodation_other.trim().to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a kiosk offers: three reasons, the last handled elsewhere.
    fn offered() -> Vec<super::super::visit_reason::KioskReason> {
        let reason = |code: &str, elsewhere: bool| super::super::visit_reason::KioskReason {
            code: code.to_owned(),
            name: code.to_owned(),
            hint: String::new(),
            elsewhere: elsewhere.then(|| super::super::visit_reason::Elsewhere {
                notice: "Call them".to_owned(),
                phones: Vec::new(),
            }),
        };
        vec![
            reason("job_search", false),
            reason("resume_review", false),
            reason("something_else", false),
            reason("unemployment_insurance", true),
        ]
    }

    fn complete() -> CheckInAnswers {
        CheckInAnswers {
            first_name: " Lan ".into(),
            last_name: "N".into(),
            reasons: vec![
                "resume_review".into(),
                "job_search".into(),
                "resume_review".into(),
            ],
            registered: Some(Registration::No),
            accommodations: vec![],
            interpreter_language: "kept but unused".into(),
            accommodation_other: String::new(),
            consent: true,
        }
    }

    #[test]
    fn complete_answers_parse_trimmed_in_the_kiosks_order_and_deduplicated() {
        let parsed = complete().parse(&offered()).unwrap();
        assert_eq!(parsed.first_name, "Lan");
        assert_eq!(parsed.last_name, "N");
        assert_eq!(parsed.reasons, vec!["job_search", "resume_review"]);
        assert_eq!(
            parsed.interpreter_language, None,
            "only kept when an interpreter is asked for"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let answers = CheckInAnswers::default();
        let fields: Vec<Field> = answers
            .parse(&offered())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                Field::FirstName,
                Field::LastName,
                Field::Reasons,
                Field::Registered,
                Field::Consent
            ]
        );
    }

    #[test]
    fn unemployment_insurance_alone_is_not_enough_but_with_another_reason_is() {
        let mut answers = complete();
        answers.reasons = vec!["unemployment_insurance".into()];
        assert_eq!(
            answers.problem_with(Field::Reasons, &offered()),
            Some(Problem::OnlyHandledElsewhere)
        );
        answers.reasons.push("something_else".into());
        assert_eq!(answers.problem_with(Field::Reasons, &offered()), None);
    }

    #[test]
    fn a_reason_the_kiosk_does_not_offer_counts_as_none() {
        let mut answers = complete();
        answers.reasons = vec!["made_up".into(), "<script>".into()];
        assert_eq!(
            answers.problem_with(Field::Reasons, &offered()),
            Some(Problem::NoReason)
        );
        answers.reasons.push("job_search".into());
        assert_eq!(answers.parse(&offered()).unwrap().reasons, ["job_search"]);
    }

    #[test]
    fn an_interpreter_needs_a_language_and_other_needs_a_description() {
        let mut answers = complete();
        answers.accommodations = vec![Accommodation::SpokenInterpreter, Accommodation::Other];
        answers.interpreter_language = "  ".into();
        assert_eq!(
            answers.problem_with(Field::InterpreterLanguage, &offered()),
            Some(Problem::Text(TextError::Empty))
        );
        assert_eq!(
            answers.problem_with(Field::AccommodationOther, &offered()),
            Some(Problem::Text(TextError::Empty))
        );
        answers.interpreter_language = " Tiếng Việt ".into();
        answers.accommodation_other = "wheelchair access".into();
        let parsed = answers.parse(&offered()).unwrap();
        assert_eq!(parsed.interpreter_language.as_deref(), Some("Tiếng Việt"));
        assert_eq!(
            parsed.accommodation_other.as_deref(),
            Some("wheelchair access")
        );
    }

    #[test]
    fn toggling_a_choice_adds_it_then_removes_it() {
        let mut chosen = vec!["job_search"];
        toggle(&mut chosen, "workshops");
        assert_eq!(chosen, ["job_search", "workshops"]);
        toggle(&mut chosen, "job_search");
        assert_eq!(chosen, ["workshops"]);
    }

    #[test]
    fn consent_is_required() {
        let mut answers = complete();
        answers.consent = false;
        assert_eq!(
            answers.problem_with(Field::Consent, &offered()),
            Some(Problem::ConsentRequired)
        );
    }
}
