//! The check-in wizard's screens, one question each, all rendered by the server into one
//! page with every screen but the one to show `hidden`. Each screen is a form that posts
//! to the server and gets the next screen (`wizard_answers`), so a kiosk whose WASM is
//! slow or broken still checks a visitor in. Once the kiosk's browser code
//! (`wizard_browser`, started by the `CheckInAssist` island) runs, it takes over the taps:
//! it shows one screen at a time without a round trip, keeps the answers in memory only
//! (never in the URL, history or storage), checks each screen before moving on, and sends
//! them all at once at the end. Screens that are plain markup, rather than reactive
//! views, keep the kiosk's WASM small.

use super::check_in_assist::{CheckInAssist, CheckInAssistData, CHECK_IN_ASSIST_DATA};
use super::check_in_steps::{field_name, Step};
use super::display::KioskDisplay;
use super::wizard_answers::{Tapped, WizardReply};
use super::wizard_choices::{accommodations_step, reasons_step, registered_step};
use super::wizard_form::{moves, next_button, refusal, Carried};
use super::wizard_ticket::ticket_step;
use crate::components::island_props::island_props;
use crate::domain::check_in::Field;
use crate::i18n::{fill, WizardStrings};
use leptos::prelude::*;

#[component]
pub fn CheckInWizard(
    center_id: String,
    display: KioskDisplay,
    /// The screen a post came back with; the first question when the page is new.
    reply: WizardReply,
    /// Welcome screen in the same language, for Back on the first question and Start over.
    start_over_url: String,
    /// Welcome screen in the default language, for Done on the ticket.
    home_url: String,
    strings: WizardStrings,
) -> impl IntoView {
    let t = &strings;
    let k = &t.kiosk;
    let shown = if reply.ticket.is_some() {
        Step::Ticket
    } else {
        reply.step
    };
    let total = Step::QUESTIONS.len().to_string();
    let progress = fill(
        &k.step_of,
        &[("step", &shown.number().to_string()), ("total", &total)],
    );
    let carried = Carried {
        action: format!("/kiosk/{center_id}/check-in"),
        display,
        // A new page gets a new key: the check-in it leads to is made at most once.
        key: if reply.key.is_empty() {
            crate::pages::new_form_key()
        } else {
            reply.key.clone()
        },
        // The ticket's page keeps no answer.
        answers: if reply.ticket.is_some() {
            Default::default()
        } else {
            reply.answers.clone()
        },
        error: reply.error.map(|e| (e.field, t.problem(e.problem))),
    };
    let on_ticket = shown == Step::Ticket;
    let start_over = start_over_url.clone();
    view! {
        <div class="wizard" data-hydrated="false" data-start-over=start_over>
            <nav class="kiosk-nav">
                <button type="button" class="nav-button" data-key-back hidden=on_ticket>
                    <span class="arrow-back" aria-hidden="true">"←"</span>" "{k.back.clone()}
                </button>
                <a class="nav-button" href=start_over_url>{k.start_over.clone()}</a>
                <p class="progress" data-template=k.step_of.clone() data-total=total hidden=on_ticket>{progress}</p>
            </nav>
            {name_step(t, &carried, shown, Field::FirstName)}
            {name_step(t, &carried, shown, Field::LastName)}
            {reasons_step(t, &carried, shown)}
            {registered_step(t, &carried, shown)}
            {accommodations_step(t, &carried, shown)}
            {privacy_step(t, &carried, shown, reply.notice)}
            {ticket_step(t, home_url, reply.ticket.as_ref())}
            {island_props(CHECK_IN_ASSIST_DATA, &CheckInAssistData {
                center_id,
                language: display.locale.tag().to_owned(),
                strings: strings.clone(),
            })}
            <CheckInAssist/>
        </div>
    }
}

/// The first-name or last-name screen. The value a visitor types before the WASM arrives
/// stays in the input, where the browser code reads it when it starts.
fn name_step(t: &WizardStrings, carried: &Carried, shown: Step, field: Field) -> impl IntoView {
    let k = &t.kiosk;
    let first = field == Field::FirstName;
    let (step, question, label, hint) = if first {
        (
            Step::FirstName,
            &k.first_name_question,
            &k.first_name_label,
            None,
        )
    } else {
        (
            Step::LastName,
            &k.last_name_question,
            &k.last_name_label,
            Some(k.last_name_hint.clone()),
        )
    };
    let code = step.code();
    let name = field_name(field);
    let input_id = format!("{code}-input");
    let hint_id = format!("{code}-hint");
    let invalid = carried.error_of(field).is_some();
    let described = carried.described_by(field, hint.is_some().then_some(hint_id.as_str()));
    carried.form(
        step,
        shown,
        view! {
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
                value=carried.value(field)
                data-autofocus
                data-letters
                data-error-after=name
                aria-invalid=if invalid { "true" } else { "false" }
                aria-describedby=described
            />
            {refusal(carried, field)}
            {moves(next_button(k.next.clone()), k.back.clone())}
        },
    )
}

/// The privacy notice; agreeing sends the check-in.
fn privacy_step(
    t: &WizardStrings,
    carried: &Carried,
    shown: Step,
    notice: Option<String>,
) -> impl IntoView {
    let k = &t.kiosk;
    carried.form(
        Step::Privacy,
        shown,
        view! {
            <h1 tabindex="-1" data-autofocus>{k.privacy_heading.clone()}</h1>
            <ul class="privacy-points" data-announce data-error-after=field_name(Field::Consent)>
                <li>{k.privacy_kept.clone()}</li>
                <li>{k.privacy_who.clone()}</li>
                <li>{t.privacy_how_long.clone()}</li>
                <li>{k.privacy_screen.clone()}</li>
            </ul>
            {refusal(carried, Field::Consent)}
            {notice.map(|n| view! { <p id="request-error" class="field-error" role="alert">{n}</p> })}
            {moves(view! {
                <button type="submit" class="primary-button" name="go" value=Tapped::Next.value() data-agree aria-disabled="false">
                    {k.consent_button.clone()}
                </button>
            }, k.back.clone())}
        },
    )
}
