//! The "about you" fields a booking and a place on the waiting list both ask for: how the
//! appointment is held, name, contact, language and accommodations, each with its message
//! beside it when refused and its value kept.

use super::held_choice::HeldChoice;
use crate::components::needs_fields::{AccommodationChoices, LanguageSelect};
use crate::components::text_field::TextField;
use crate::domain::booking_form::{DetailsAnswers, DetailsField, DetailsProblem};
use crate::domain::service::HowHeld;
use crate::i18n::{translations, Locale, Translations};
use leptos::prelude::*;

#[component]
pub fn AboutYouFields(
    locale: Locale,
    /// The service's ways of holding an appointment.
    ways: Vec<HowHeld>,
    answers: DetailsAnswers,
    problems: Vec<(DetailsField, DetailsProblem)>,
) -> impl IntoView {
    let t = translations(locale);
    let b = &t.booking;
    let held_error = problems
        .iter()
        .any(|(f, _)| *f == DetailsField::Held)
        .then(|| b.error_held.clone());
    let problem = move |field: DetailsField| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| b.problem(*p))
    };
    view! {
        <HeldChoice b ways chosen=answers.held.clone() error=held_error/>
        <TextField name="first_name" label=b.first_name_label.clone() value=answers.first_name.clone()
            error=problem(DetailsField::FirstName) autocomplete="given-name"/>
        <TextField name="last_name" label=b.last_name_label.clone() value=answers.last_name.clone()
            error=problem(DetailsField::LastName) autocomplete="family-name"/>
        <TextField name="email" label=b.email_label.clone() value=answers.email.clone()
            error=problem(DetailsField::Email) autocomplete="email" kind="email" hint=b.email_hint.clone()/>
        <TextField name="phone" label=b.phone_label.clone() value=answers.phone.clone()
            error=problem(DetailsField::Phone) autocomplete="tel" kind="tel" hint=b.phone_hint.clone()/>
        <LanguageSelect locale=locale chosen=answers.language.clone() error=problem(DetailsField::Language)/>
        <AccommodationChoices locale=locale chosen=answers.accommodations.clone()/>
        <TextField name="interpreter_language" label=b.interpreter_language_label.clone()
            value=answers.interpreter_language.clone() error=problem(DetailsField::InterpreterLanguage) required=false/>
        <TextField name="accommodation_other" label=b.accommodation_other_label.clone()
            value=answers.accommodation_other.clone() error=problem(DetailsField::AccommodationOther) required=false/>
    }
}

/// The name of a field, for the list of problems at the top of a form.
pub fn field_label(t: &Translations, field: DetailsField) -> String {
    let b = &t.booking;
    match field {
        DetailsField::FirstName => b.first_name_label.clone(),
        DetailsField::LastName => b.last_name_label.clone(),
        DetailsField::Email => b.email_label.clone(),
        DetailsField::Phone => b.phone_label.clone(),
        DetailsField::Language => b.language_label.clone(),
        DetailsField::InterpreterLanguage => b.interpreter_language_label.clone(),
        DetailsField::AccommodationOther => b.accommodation_other_label.clone(),
        DetailsField::Held => b.held_question.clone(),
    }
}
