//! The order of the check-in questions, and which answers each one checks. Plain Rust so
//! the sequence is unit-tested apart from the UI.

use crate::domain::check_in::Field;

/// A screen of the check-in wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    FirstName,
    LastName,
    Reasons,
    Registered,
    Accommodations,
    Privacy,
    Ticket,
}

impl Step {
    /// The screens that ask something, in order.
    pub const QUESTIONS: [Step; 6] = [
        Step::FirstName,
        Step::LastName,
        Step::Reasons,
        Step::Registered,
        Step::Accommodations,
        Step::Privacy,
    ];

    /// 1-based position among the questions (the ticket counts as the last).
    pub fn number(self) -> usize {
        Step::QUESTIONS
            .iter()
            .position(|s| *s == self)
            .map_or(Step::QUESTIONS.len(), |i| i + 1)
    }

    pub fn previous(self) -> Option<Step> {
        let index = Step::QUESTIONS.iter().position(|s| *s == self)?;
        index.checked_sub(1).map(|i| Step::QUESTIONS[i])
    }

    pub fn next(self) -> Step {
        Step::QUESTIONS
            .get(self.number())
            .copied()
            .unwrap_or(Step::Ticket)
    }

    /// The answers this screen asks for, checked before moving on.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Step::FirstName => &[Field::FirstName],
            Step::LastName => &[Field::LastName],
            Step::Reasons => &[Field::Reasons],
            Step::Registered => &[Field::Registered],
            Step::Accommodations => &[Field::InterpreterLanguage, Field::AccommodationOther],
            Step::Privacy => &[Field::Consent],
            Step::Ticket => &[],
        }
    }

    /// The screen's name in the page (`data-step`), by which the browser code finds it.
    pub fn code(self) -> &'static str {
        match self {
            Step::FirstName => "first-name",
            Step::LastName => "last-name",
            Step::Reasons => "reasons",
            Step::Registered => "registered",
            Step::Accommodations => "accommodations",
            Step::Privacy => "privacy",
            Step::Ticket => "ticket",
        }
    }

    /// The question screen called `code`; the ticket is no question.
    pub fn from_code(code: &str) -> Option<Step> {
        Step::QUESTIONS.into_iter().find(|s| s.code() == code)
    }

    /// The screen that asks for `field` (where the server's refusal is shown).
    pub fn asking_for(field: Field) -> Step {
        Step::QUESTIONS
            .into_iter()
            .find(|s| s.fields().contains(&field))
            .unwrap_or(Step::FirstName)
    }
}

/// The field's name in the page: the `name` of its input, and the `data-error-after` of
/// the element its refusal is shown after.
pub fn field_name(field: Field) -> &'static str {
    match field {
        Field::FirstName => "first_name",
        Field::LastName => "last_name",
        Field::Reasons => "reasons",
        Field::Registered => "registered",
        Field::InterpreterLanguage => "interpreter_language",
        Field::AccommodationOther => "accommodation_other",
        Field::Consent => "consent",
    }
}

/// The field whose input is called `name`.
pub fn field_named(name: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|f| field_name(*f) == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_in_order_and_end_with_the_ticket() {
        let mut step = Step::FirstName;
        let mut seen = vec![step];
        while step != Step::Ticket {
            step = step.next();
            seen.push(step);
        }
        assert_eq!(seen.len(), 7);
        assert_eq!(Step::Privacy.next(), Step::Ticket);
        assert_eq!(Step::LastName.previous(), Some(Step::FirstName));
        assert_eq!(Step::FirstName.previous(), None);
        assert_eq!(
            Step::Ticket.previous(),
            None,
            "a printed ticket cannot be un-taken"
        );
    }

    #[test]
    fn every_field_is_asked_on_exactly_one_screen() {
        for field in Field::ALL {
            let screens = Step::QUESTIONS
                .iter()
                .filter(|s| s.fields().contains(&field))
                .count();
            assert_eq!(screens, 1, "{field:?}");
        }
        assert_eq!(Step::asking_for(Field::Consent), Step::Privacy);
    }

    #[test]
    fn screens_and_fields_have_names_that_lead_back_to_them() {
        for field in Field::ALL {
            assert_eq!(field_named(field_name(field)), Some(field));
        }
        assert_eq!(field_named("age"), None);
        let mut codes: Vec<_> = Step::QUESTIONS.iter().map(|s| s.code()).collect();
        codes.push(Step::Ticket.code());
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 7);
        for step in Step::QUESTIONS {
            assert_eq!(Step::from_code(step.code()), Some(step));
        }
        assert_eq!(Step::from_code("ticket"), None);
    }

    #[test]
    fn numbers_count_from_one() {
        assert_eq!(Step::FirstName.number(), 1);
        assert_eq!(Step::Privacy.number(), 6);
        assert_eq!(Step::Ticket.number(), 6);
    }
}
