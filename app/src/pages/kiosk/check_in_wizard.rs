//! The check-in wizard's screens, one question each, all rendered by the server into one
//! page with every screen but the first `hidden`. The kiosk's browser code
//! (`wizard_browser`, started by the `CheckInAssist` island) shows one screen at a time,
//! keeps the answers in memory only (never in the URL, history or storage), checks each
//! screen before moving on, and sends them all at once at the end. Screens that are plain
//! markup, rather than reactive views, keep the kiosk's WASM small.

use super::check_in_assist::CheckInAssist;
use super::check_in_steps::{field_name, Step};
use super::wizard_choices::{accommodations_step, reasons_step, registered_step};
use super::wizard_ticket::ticket_step;
use crate::domain::check_in::Field;
use crate::i18n::{fill, Packed, WizardStrings};
use leptos::prelude::*;

/// Form method until the browser code has started: a tap on Next before the WASM arrives
/// does nothing (the visitor taps again a moment later) instead of reloading an empty
/// form. A "dialog" form outside a dialog submits nowhere, so it is no navigation either,
/// and the Content-Security-Policy (no `javascript:` URLs) has nothing to block.
pub(super) const NO_SUBMIT: &str = "dialog";

/// The attributes of one screen: its name, and hidden unless it is the first.
pub(super) fn screen(step: Step) -> (&'static str, bool) {
    (step.code(), step != Step::FirstName)
}

#[component]
pub fn CheckInWizard(
    center_id: String,
    /// Welcome screen in the same language, for Back on the first question and Start over.
    start_over_url: String,
    /// Welcome screen in the default language, for Done on the ticket.
    home_url: String,
    /// The screen's language tag ("ar"), sent with the check-in.
    language: String,
    strings: Packed<WizardStrings>,
) -> impl IntoView {
    let t = &strings.0;
    let k = &t.kiosk;
    let total = Step::QUESTIONS.len().to_string();
    let progress = fill(&k.step_of, &[("step", "1"), ("total", &total)]);
    let start_over = start_over_url.clone();
    view! {
        <div class="wizard" data-hydrated="false" data-start-over=start_over>
            <nav class="kiosk-nav">
                <button type="button" class="nav-button" data-key-back>
                    <span class="arrow-back" aria-hidden="true">"←"</span>" "{k.back.clone()}
                </button>
                <a class="nav-button" href=start_over_url>{k.start_over.clone()}</a>
                <p class="progress" data-template=k.step_of.clone() data-total=total>{progress}</p>
            </nav>
            {name_step(t, Field::FirstName)}
            {name_step(t, Field::LastName)}
            {reasons_step(t)}
            {registered_step(t)}
            {accommodations_step(t)}
            {privacy_step(t)}
            {ticket_step(t, home_url)}
            <CheckInAssist center_id language strings=strings.clone()/>
        </div>
    }
}

/// The first-name or last-name screen. The value a visitor types before the WASM arrives
/// stays in the input, where the browser code reads it when it starts.
fn name_step(t: &WizardStrings, field: Field) -> impl IntoView {
    let k = &t.kiosk;
    let first = field == Field::FirstName;
    let (question, label, hint) = if first {
        (&k.first_name_question, &k.first_name_label, None)
    } else {
        (
            &k.last_name_question,
            &k.last_name_label,
            Some(k.last_name_hint.clone()),
        )
    };
    let (code, hidden) = screen(if first {
        Step::FirstName
    } else {
        Step::LastName
    });
    let name = field_name(field);
    let input_id = format!("{code}-input");
    let hint_id = format!("{code}-hint");
    view! {
        <form class="step" data-step=code hidden=hidden method=NO_SUBMIT>
            <h1>{question.clone()}</h1>
            <label for=input_id.clone() class="field-label">{label.clone()}</label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="hint">{h}</p> })}
            <input
                id=input_id
                name=name
                class="text-input"
                type="text"
                autocomplete="off"
                autocapitalize="words"
                spellcheck="false"
                data-autofocus
                data-letters
                data-error-after=name
                aria-invalid="false"
                aria-describedby=(!first).then_some(hint_id.clone())
            />
            <button type="submit" class="primary-button">{k.next.clone()}</button>
        </form>
    }
}

/// The privacy notice; agreeing sends the check-in.
fn privacy_step(t: &WizardStrings) -> impl IntoView {
    let k = &t.kiosk;
    let (code, hidden) = screen(Step::Privacy);
    view! {
        <div class="step" data-step=code hidden=hidden>
            <h1 tabindex="-1" data-autofocus>{k.privacy_heading.clone()}</h1>
            <ul class="privacy-points" data-announce data-error-after=field_name(Field::Consent)>
                <li>{k.privacy_kept.clone()}</li>
                <li>{k.privacy_who.clone()}</li>
                <li>{t.privacy_how_long.clone()}</li>
                <li>{k.privacy_screen.clone()}</li>
            </ul>
            <button type="button" class="primary-button" data-agree aria-disabled="false">
                {k.consent_button.clone()}
            </button>
        </div>
    }
}
