//! The wizard's choice screens: reasons for the visit, registration, accommodations.
//! Choices are large toggle buttons (`aria-pressed`), so a tap is all it takes. Each
//! button names its answer in a data attribute, which the browser code reads on a tap.

use super::check_in_steps::{field_name, Step};
use super::check_in_wizard::{screen, NO_SUBMIT};
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{Field, Registration};
use crate::i18n::WizardStrings;
use leptos::prelude::*;

/// A large toggle button, not pressed, giving `code` as the answer to `answer` (one of
/// "reason", "registered", "accommodation").
fn toggle_button(label: String, answer: &'static str, code: &str) -> impl IntoView {
    view! {
        <button type="button" class="choice" aria-pressed="false" data-answer=answer data-code=code.to_owned()>
            <span class="choice-mark" aria-hidden="true"></span>
            <span class="choice-label">{label}</span>
        </button>
    }
}

pub(super) fn reasons_step(t: &WizardStrings) -> impl IntoView {
    let k = &t.kiosk;
    let (code, hidden) = screen(Step::Reasons);
    view! {
        <form class="step" data-step=code hidden=hidden method=NO_SUBMIT>
            <div class="question">
                <h1 id="reasons-question" tabindex="-1" data-autofocus>{k.reasons_question.clone()}</h1>
                <p id="reasons-hint" class="hint">{k.reasons_hint.clone()}</p>
            </div>
            <div class="choices" role="group" aria-labelledby="reasons-question" aria-describedby="reasons-hint">
                {t.reasons.iter().map(|r| toggle_button(r.label.clone(), "reason", &r.code)).collect_view()}
            </div>
            // What the chosen reasons handled elsewhere say, filled in by the browser code
            // and hidden while there is none.
            <section class="notice" aria-labelledby="elsewhere-heading" data-announce-change hidden
                data-error-after=field_name(Field::Reasons)>
                <h2 id="elsewhere-heading">{k.elsewhere_heading.clone()}</h2>
                <p data-elsewhere></p>
                <p>{k.elsewhere_still_check_in.clone()}</p>
            </section>
            <button type="submit" class="primary-button">{k.next.clone()}</button>
        </form>
    }
}

pub(super) fn registered_step(t: &WizardStrings) -> impl IntoView {
    let k = &t.kiosk;
    let (code, hidden) = screen(Step::Registered);
    let label = |r: Registration| match r {
        Registration::Yes => k.registered_yes.clone(),
        Registration::No => k.registered_no.clone(),
        Registration::NotSure => k.registered_not_sure.clone(),
    };
    // One tap answers and moves on: the question has exactly one answer.
    view! {
        <div class="step" data-step=code hidden=hidden>
            <h1 id="registered-question" tabindex="-1" data-autofocus>{k.registered_question.clone()}</h1>
            <div class="choices choices-row" role="group" aria-labelledby="registered-question"
                data-error-after=field_name(Field::Registered)>
                {Registration::ALL
                    .into_iter()
                    .map(|r| toggle_button(label(r), "registered", r.code()))
                    .collect_view()}
            </div>
        </div>
    }
}

pub(super) fn accommodations_step(t: &WizardStrings) -> impl IntoView {
    let k = &t.kiosk;
    let (code, hidden) = screen(Step::Accommodations);
    view! {
        <form class="step" data-step=code hidden=hidden method=NO_SUBMIT>
            <div class="question">
                <h1 id="accommodations-question" tabindex="-1" data-autofocus>{k.accommodations_question.clone()}</h1>
                <p id="accommodations-hint" class="hint">{k.accommodations_hint.clone()}</p>
            </div>
            <div class="choices" role="group" aria-labelledby="accommodations-question" aria-describedby="accommodations-hint">
                {Accommodation::ALL
                    .into_iter()
                    .map(|a| {
                        let label = k.accommodations.label(a).to_owned();
                        let detail = match a {
                            Accommodation::SpokenInterpreter => Some((Field::InterpreterLanguage, k.interpreter_language_label.clone())),
                            Accommodation::Other => Some((Field::AccommodationOther, k.accommodation_other_label.clone())),
                            _ => None,
                        };
                        view! {
                            {toggle_button(label, "accommodation", a.code())}
                            {detail.map(|(field, label)| detail_input(a, field, label))}
                        }
                    })
                    .collect_view()}
            </div>
            <button type="submit" class="primary-button">{k.next.clone()}</button>
        </form>
    }
}

/// The text box that follows "interpreter" (which language?) or "other" (what is needed?),
/// hidden until that choice is made.
fn detail_input(a: Accommodation, field: Field, label: String) -> impl IntoView {
    let name = field_name(field);
    let id = name.replace('_', "-");
    view! {
        <div class="detail-field" data-detail-of=a.code() hidden>
            <label for=id.clone() class="field-label">{label}</label>
            <input
                id=id
                name=name
                class="text-input"
                type="text"
                autocomplete="off"
                data-letters
                data-error-after=name
                aria-invalid="false"
            />
        </div>
    }
}
