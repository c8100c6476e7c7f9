//! The wizard's choice screens: reasons for the visit, registration, accommodations.
//! Choices are large toggle buttons (`aria-pressed`), so a tap is all it takes. Each
//! button names its answer in data attributes, which the browser code reads on a tap;
//! without it the button posts the same as its value (`wizard_answers::Tapped`) and the
//! server answers with the screen changed.

use super::check_in_steps::{field_name, Step};
use super::wizard_answers::Tapped;
use super::wizard_form::{back_button, moves, next_button, refusal, Carried};
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{Field, Registration};
use crate::i18n::WizardStrings;
use leptos::prelude::*;

/// A large toggle button giving `code` as the answer to `answer` (one of "reason",
/// "registered", "accommodation"), pressed when it is chosen.
fn toggle_button(
    label: String,
    answer: &'static str,
    code: &str,
    tapped: Tapped,
    pressed: bool,
) -> impl IntoView {
    view! {
        <button type="submit" name="go" value=tapped.value() class="choice"
            aria-pressed=if pressed { "true" } else { "false" } data-answer=answer data-code=code.to_owned()>
            <span class="choice-mark" aria-hidden="true"></span>
            <span class="choice-label">{label}</span>
        </button>
    }
}

pub(super) fn reasons_step(t: &WizardStrings, carried: &Carried, shown: Step) -> impl IntoView {
    let k = &t.kiosk;
    let chosen = &carried.answers.reasons;
    // What the chosen reasons handled elsewhere say (the browser code keeps it up to date).
    let elsewhere: Vec<&str> = t
        .reasons
        .iter()
        .filter(|r| !r.notice.is_empty() && chosen.contains(&r.code))
        .map(|r| r.notice.as_str())
        .collect();
    let elsewhere = elsewhere.join(" ");
    carried.form(Step::Reasons, shown, view! {
            <div class="question">
                <h1 id="reasons-question" tabindex="-1" data-autofocus>{k.reasons_question.clone()}</h1>
                <p id="reasons-hint" class="hint">{k.reasons_hint.clone()}</p>
            </div>
            <div class="choices" role="group" aria-labelledby="reasons-question" aria-describedby="reasons-hint">
                {t.reasons.iter().map(|r| {
                    let tapped = Tapped::Reason(r.code.clone());
                    toggle_button(r.label.clone(), "reason", &r.code, tapped, chosen.contains(&r.code))
                }).collect_view()}
            </div>
            // Hidden while there is none.
            <section class="notice" aria-labelledby="elsewhere-heading" data-announce-change hidden=elsewhere.is_empty()
                data-error-after=field_name(Field::Reasons)>
                <h2 id="elsewhere-heading">{k.elsewhere_heading.clone()}</h2>
                <p data-elsewhere>{elsewhere.clone()}</p>
                <p>{k.elsewhere_still_check_in.clone()}</p>
            </section>
            {refusal(carried, Field::Reasons)}
            {moves(next_button(k.next.clone()), k.back.clone())}
    })
}

pub(super) fn registered_step(t: &WizardStrings, carried: &Carried, shown: Step) -> impl IntoView {
    let k = &t.kiosk;
    let chosen = carried.answers.registered;
    let label = |r: Registration| match r {
        Registration::Yes => k.registered_yes.clone(),
        Registration::No => k.registered_no.clone(),
        Registration::NotSure => k.registered_not_sure.clone(),
    };
    // One tap answers and moves on: the question has exactly one answer.
    carried.form(Step::Registered, shown, view! {
            <h1 id="registered-question" tabindex="-1" data-autofocus>{k.registered_question.clone()}</h1>
            <div class="choices choices-row" role="group" aria-labelledby="registered-question"
                data-error-after=field_name(Field::Registered)>
                {Registration::ALL
                    .into_iter()
                    .map(|r| toggle_button(label(r), "registered", r.code(), Tapped::Registered(r), chosen == Some(r)))
                    .collect_view()}
            </div>
            {refusal(carried, Field::Registered)}
            {back_button(k.back.clone())}
    })
}

pub(super) fn accommodations_step(
    t: &WizardStrings,
    carried: &Carried,
    shown: Step,
) -> impl IntoView {
    let k = &t.kiosk;
    let chosen = &carried.answers.accommodations;
    carried.form(Step::Accommodations, shown, view! {
            // Enter in a text box presses a form's first submit button: here, Next, not
            // the first choice.
            <button type="submit" name="go" value=Tapped::Next.value() hidden></button>
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
                        let on = chosen.contains(&a);
                        view! {
                            {toggle_button(label, "accommodation", a.code(), Tapped::Accommodation(a), on)}
                            {detail.map(|(field, label)| detail_input(carried, a, on, field, label))}
                        }
                    })
                    .collect_view()}
            </div>
            {moves(next_button(k.next.clone()), k.back.clone())}
    })
}

/// The text box that follows "interpreter" (which language?) or "other" (what is needed?),
/// hidden until that choice is made.
fn detail_input(
    carried: &Carried,
    a: Accommodation,
    chosen: bool,
    field: Field,
    label: String,
) -> impl IntoView {
    let name = field_name(field);
    let id = name.replace('_', "-");
    let invalid = carried.error_of(field).is_some();
    view! {
        <div class="detail-field" data-detail-of=a.code() hidden=!chosen>
            <label for=id.clone() class="field-label">{label}</label>
            <input
                id=id
                name=name
                class="text-input"
                type="text"
                autocomplete="off"
                value=carried.value(field)
                data-letters
                data-error-after=name
                aria-invalid=if invalid { "true" } else { "false" }
                aria-describedby=carried.described_by(field, None)
            />
            {refusal(carried, field)}
        </div>
    }
}
