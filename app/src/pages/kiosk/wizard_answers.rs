//! The check-in wizard without its browser code: each screen is a form that posts every
//! answer so far (the screen's own inputs, the rest in hidden fields) and what was tapped;
//! the server answers with the next screen. Nothing is stored until the visitor agrees on
//! the privacy screen, when the answers go through the same check-in as the browser
//! code's. This module is where a post leads, in plain Rust, unit-tested apart from HTTP.

use super::check_in_steps::Step;
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{CheckInAnswers, FieldError, Registration};
use crate::domain::ticket_view::Ticket;

/// What a posted screen comes back as: the screen to show with every answer in it, and
/// the refusal, notice or ticket to show on it.
#[derive(Debug, Clone, Default)]
pub struct WizardReply {
    pub step: Step,
    pub answers: CheckInAnswers,
    /// The idempotency key the kiosk page was given, carried from screen to screen.
    pub key: String,
    /// A refused answer, shown beside its field on `step`.
    pub error: Option<FieldError>,
    /// Why the check-in could not be sent (over the limit, a failure), on the privacy
    /// screen, with the answers kept to try again.
    pub notice: Option<String>,
    /// The check-in is made: `step` is the ticket.
    pub ticket: Option<Ticket>,
}

/// The value of a screen's `go` button: what a tap asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Tapped {
    Next,
    Back,
    /// A reason turned on or off.
    Reason(String),
    /// An accommodation turned on or off.
    Accommodation(Accommodation),
    /// The one answer to "registered?", which also moves on.
    Registered(Registration),
}

impl Tapped {
    /// The button's value for a tap: "next", "back", "reason:{code}",
    /// "accommodation:{code}", "registered:{code}".
    pub fn value(&self) -> String {
        match self {
            Tapped::Next => "next".to_owned(),
            Tapped::Back => "back".to_owned(),
            Tapped::Reason(code) => format!("reason:{code}"),
            Tapped::Accommodation(a) => format!("accommodation:{}", a.code()),
            Tapped::Registered(r) => format!("registered:{}", r.code()),
        }
    }

    /// Reads a posted value; anything else (Enter in a text box posts none) is Next.
    pub fn read(value: &str) -> Tapped {
        match value.split_once(':') {
            Some(("reason", code)) if !code.is_empty() => Tapped::Reason(code.to_owned()),
            Some(("accommodation", code)) => Accommodation::from_code(code)
                .map(Tapped::Accommodation)
                .unwrap_or(Tapped::Next),
            Some(("registered", code)) => Registration::ALL
                .into_iter()
                .find(|r| r.code() == code)
                .map(Tapped::Registered)
                .unwrap_or(Tapped::Next),
            _ if value == "back" => Tapped::Back,
            _ => Tapped::Next,
        }
    }
}

/// Where a post leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    /// Show this screen, with the refusal beside its field if there is one.
    Show(Step, Option<FieldError>),
    /// Back from the first question: the welcome screen.
    Leave,
    /// The privacy notice was agreed to: send the check-in.
    CheckIn,
}

/// Applies what was tapped on screen `step` to `answers` and says where it leads. A choice
/// stays on its screen; Next (and a registration answer) moves on only when the screen's
/// answers are acceptable, by the same rules the browser code checks.
#[cfg(any(feature = "ssr", test))]
pub fn answer<R: crate::domain::check_in::OfferedReason>(
    step: Step,
    tapped: Tapped,
    answers: &mut CheckInAnswers,
    offered: &[R],
) -> Then {
    use crate::domain::check_in::toggle;
    match tapped {
        Tapped::Back => {
            return step
                .previous()
                .map_or(Then::Leave, |previous| Then::Show(previous, None))
        }
        Tapped::Reason(code) => {
            toggle(&mut answers.reasons, code);
            return Then::Show(step, None);
        }
        Tapped::Accommodation(a) => {
            toggle(&mut answers.accommodations, a);
            return Then::Show(step, None);
        }
        Tapped::Registered(r) => answers.registered = Some(r),
        // Next on the privacy notice is "I agree".
        Tapped::Next => answers.consent |= step == Step::Privacy,
    }
    let refused = step.fields().iter().find_map(|&field| {
        answers
            .problem_with(field, offered)
            .map(|problem| FieldError { field, problem })
    });
    match refused {
        Some(error) => Then::Show(step, Some(error)),
        None if step == Step::Privacy => Then::CheckIn,
        None => Then::Show(step.next(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check_in::{Field, OfferedReason};

    struct Offered(&'static str, bool);
    impl OfferedReason for Offered {
        fn code(&self) -> &str {
            self.0
        }
        fn handled_elsewhere(&self) -> bool {
            self.1
        }
    }
    const OFFERED: [Offered; 2] = [Offered("job_search", false), Offered("ui_claim", true)];

    #[test]
    fn every_tap_reads_back_as_itself() {
        let taps = [
            Tapped::Next,
            Tapped::Back,
            Tapped::Reason("job_search".into()),
            Tapped::Accommodation(Accommodation::Other),
            Tapped::Registered(Registration::NotSure),
        ];
        for tap in taps {
            assert_eq!(Tapped::read(&tap.value()), tap);
        }
        for odd in [
            "",
            "reason:",
            "accommodation:wings",
            "registered:maybe",
            "x",
        ] {
            assert_eq!(Tapped::read(odd), Tapped::Next, "{odd:?}");
        }
    }

    #[test]
    fn a_screen_moves_on_only_with_its_own_answer() {
        let mut answers = CheckInAnswers::default();
        let then = answer(Step::FirstName, Tapped::Next, &mut answers, &OFFERED);
        assert!(matches!(
            then,
            Then::Show(
                Step::FirstName,
                Some(FieldError {
                    field: Field::FirstName,
                    ..
                })
            )
        ));
        answers.first_name = "Ana".into();
        let then = answer(Step::FirstName, Tapped::Next, &mut answers, &OFFERED);
        assert_eq!(then, Then::Show(Step::LastName, None));
        // The first name is no answer to the last-name question.
        let then = answer(Step::LastName, Tapped::Next, &mut answers, &OFFERED);
        assert!(matches!(then, Then::Show(Step::LastName, Some(_))));
    }

    #[test]
    fn choices_toggle_in_place_and_registration_moves_on() {
        let mut answers = CheckInAnswers::default();
        let tap = Tapped::Reason("job_search".into());
        let then = answer(Step::Reasons, tap.clone(), &mut answers, &OFFERED);
        assert_eq!(then, Then::Show(Step::Reasons, None));
        assert_eq!(answers.reasons, ["job_search"]);
        answer(Step::Reasons, tap, &mut answers, &OFFERED);
        assert!(answers.reasons.is_empty());
        let then = answer(Step::Reasons, Tapped::Next, &mut answers, &OFFERED);
        assert!(matches!(then, Then::Show(Step::Reasons, Some(_))));

        let then = answer(
            Step::Registered,
            Tapped::Registered(Registration::No),
            &mut answers,
            &OFFERED,
        );
        assert_eq!(then, Then::Show(Step::Accommodations, None));
        assert_eq!(answers.registered, Some(Registration::No));

        let tap = Tapped::Accommodation(Accommodation::Other);
        answer(Step::Accommodations, tap, &mut answers, &OFFERED);
        // "Other" needs to say what.
        let then = answer(Step::Accommodations, Tapped::Next, &mut answers, &OFFERED);
        assert!(matches!(
            then,
            Then::Show(
                Step::Accommodations,
                Some(FieldError {
                    field: Field::AccommodationOther,
                    ..
                })
            )
        ));
    }

    #[test]
    fn back_keeps_answers_and_leaves_from_the_first_question() {
        let mut answers = CheckInAnswers {
            last_name: "typed, not yet checked".into(),
            ..CheckInAnswers::default()
        };
        let then = answer(Step::LastName, Tapped::Back, &mut answers, &OFFERED);
        assert_eq!(then, Then::Show(Step::FirstName, None));
        assert_eq!(answers.last_name, "typed, not yet checked");
        let then = answer(Step::FirstName, Tapped::Back, &mut answers, &OFFERED);
        assert_eq!(then, Then::Leave);
    }

    #[test]
    fn agreeing_is_the_consent_and_sends() {
        let mut answers = CheckInAnswers::default();
        let then = answer(Step::Privacy, Tapped::Next, &mut answers, &OFFERED);
        assert_eq!(then, Then::CheckIn);
        assert!(answers.consent);
    }
}
