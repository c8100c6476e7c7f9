//! The check-in wizard: an island that asks one question per screen, keeps every answer in
//! memory only (never in the URL, history or storage), and sends them all at once at the
//! end. A failed send keeps the answers and offers to try again; the same idempotency key
//! is reused, so a retry or a double tap can never print two tickets.

use super::check_in_request::{send_check_in, CheckInRequest};
use super::check_in_steps::Step;
use super::wizard_choices::{AccommodationsStep, ReasonsStep, RegisteredStep};
use super::wizard_ticket::TicketStep;
use crate::api::check_in::CheckInOutcome;
use crate::domain::check_in::{CheckInAnswers, Field, FieldError};
use crate::domain::ticket_view::Ticket;
use crate::i18n::{fill, KioskStrings, Packed, WizardStrings};
use leptos::prelude::*;
use uuid::Uuid;

/// Form method until the island has hydrated: a tap on Next before the WASM arrives does
/// nothing (the visitor taps again a moment later) instead of reloading an empty form. A
/// "dialog" form outside a dialog submits nowhere, so it is no navigation either, and the
/// Content-Security-Policy (no `javascript:` URLs) has nothing to block.
pub(super) const NO_SUBMIT: &str = "dialog";

/// Everything the wizard's screens share. All parts are `Copy` signals.
#[derive(Clone, Copy)]
pub(super) struct Wizard {
    pub t: StoredValue<WizardStrings>,
    pub step: RwSignal<Step>,
    pub answers: RwSignal<CheckInAnswers>,
    /// The refusal shown beside its field, until that field is edited.
    pub error: RwSignal<Option<FieldError>>,
    pub pending: RwSignal<bool>,
    pub failed: RwSignal<bool>,
    pub ticket: RwSignal<Option<Ticket>>,
}

impl Wizard {
    /// A translated string.
    pub fn s(&self, pick: fn(&KioskStrings) -> &String) -> String {
        self.t.with_value(|t| pick(&t.kiosk).clone())
    }

    /// The message to show beside `field`, if it was refused.
    pub fn error_for(&self, field: Field) -> Option<String> {
        let error = self.error.get().filter(|e| e.field == field)?;
        Some(self.t.with_value(|t| t.problem(error.problem)))
    }

    /// Changes the answers and clears a refusal of `field`, since it is being corrected.
    pub fn edit(&self, field: Field, change: impl FnOnce(&mut CheckInAnswers)) {
        self.answers.update(change);
        if self.error.get_untracked().is_some_and(|e| e.field == field) {
            self.error.set(None);
        }
    }

    /// Moves on when this screen's answers are acceptable; otherwise shows why not.
    pub fn next(&self) {
        let step = self.step.get_untracked();
        let problem = self.answers.with_untracked(|a| {
            self.t.with_value(|t| {
                step.fields().iter().find_map(|&field| {
                    a.problem_with(field, &t.reasons)
                        .map(|problem| FieldError { field, problem })
                })
            })
        });
        match problem {
            Some(error) => self.error.set(Some(error)),
            None => {
                self.error.set(None);
                self.step.set(step.next());
            }
        }
    }
}

/// A random idempotency key. `crypto.getRandomValues` works on plain-http kiosks on a
/// local network, where `crypto.randomUUID` is not available.
fn new_idempotency_key() -> Uuid {
    #[cfg(feature = "hydrate")]
    {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        if !filled {
            for byte in &mut bytes {
                *byte = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        // Rendered on the server only for the first paint; the browser makes the real key.
        Uuid::nil()
    }
}

/// Puts keyboard focus on the new screen's first field, or its heading, so screen readers
/// announce the new question. `name`: the answer the new name screen shows. The first and
/// last name screens share one input element, which keeps what was typed into it (its
/// value is an attribute, for the typing done before hydration), so without this the
/// last name screen would open showing the first name.
fn focus_current_screen(name: Option<String>) {
    #[cfg(not(feature = "hydrate"))]
    let _ = name;
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let (Some(name), Some(input)) = (name, document().get_element_by_id("name-input")) {
            let _ = js_sys::Reflect::set(&input, &"value".into(), &name.into());
        }
        let target = document()
            .query_selector("[data-autofocus]")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = target {
            let _ = el.focus();
        }
    });
}

#[island]
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
    let w = Wizard {
        t: StoredValue::new(strings.0),
        step: RwSignal::new(Step::FirstName),
        answers: RwSignal::new(CheckInAnswers::default()),
        error: RwSignal::new(None),
        pending: RwSignal::new(false),
        failed: RwSignal::new(false),
        ticket: RwSignal::new(None),
    };
    let key = StoredValue::new(new_idempotency_key());
    let center_id = StoredValue::new(center_id);
    let language = StoredValue::new(language);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    Effect::new(move |shown_before: Option<()>| {
        let step = w.step.get();
        // Not on the first screen's hydration, which keeps what was typed before it.
        let name = shown_before.and_then(|_| {
            w.answers.with_untracked(|a| match step {
                Step::FirstName => Some(a.first_name.clone()),
                Step::LastName => Some(a.last_name.clone()),
                _ => None,
            })
        });
        focus_current_screen(name);
    });

    let submit = move || {
        if w.pending.get_untracked() {
            return; // a second tap while the first is on its way
        }
        w.pending.set(true);
        w.failed.set(false);
        let answers = w.answers.get_untracked();
        leptos::task::spawn_local(async move {
            let request = CheckInRequest {
                center_id: center_id.get_value(),
                language: language.get_value(),
                key: key.get_value(),
                answers,
            };
            match send_check_in(&request).await {
                Some(CheckInOutcome::CheckedIn(ticket)) => {
                    w.ticket.set(Some(ticket));
                    w.step.set(Step::Ticket);
                }
                Some(CheckInOutcome::Invalid(errors)) => {
                    if let Some(first) = errors.first() {
                        w.step.set(Step::asking_for(first.field));
                        w.error.set(Some(*first));
                    }
                }
                Some(CheckInOutcome::UnknownCenter) | None => w.failed.set(true),
            }
            w.pending.set(false);
        });
    };

    let back_url = StoredValue::new(start_over_url.clone());
    let back = move |_| match w.step.get_untracked().previous() {
        Some(previous) => {
            w.error.set(None);
            w.step.set(previous);
        }
        None => {
            back_url.with_value(|url| {
                let _ = window().location().set_href(url);
            });
        }
    };
    let progress = move || {
        let step = w.step.get();
        let total = Step::QUESTIONS.len().to_string();
        fill(
            &w.s(|t| &t.step_of),
            &[("step", &step.number().to_string()), ("total", &total)],
        )
    };

    view! {
        <div class="wizard" data-hydrated=move || hydrated.get().to_string()>
            <nav class="kiosk-nav">
                {move || (w.step.get() != Step::Ticket).then(|| view! {
                    <button type="button" class="nav-button" data-key-back on:click=back>
                        <span class="arrow-back" aria-hidden="true">"←"</span>" "{w.s(|t| &t.back)}
                    </button>
                })}
                <a class="nav-button" href=start_over_url.clone()>{w.s(|t| &t.start_over)}</a>
                {move || (w.step.get() != Step::Ticket).then(|| view! { <p class="progress">{progress}</p> })}
            </nav>
            {move || match w.step.get() {
                Step::FirstName => name_step(w, Field::FirstName).into_any(),
                Step::LastName => name_step(w, Field::LastName).into_any(),
                Step::Reasons => view! { <ReasonsStep w/> }.into_any(),
                Step::Registered => view! { <RegisteredStep w/> }.into_any(),
                Step::Accommodations => view! { <AccommodationsStep w/> }.into_any(),
                Step::Privacy => privacy_step(w, submit).into_any(),
                Step::Ticket => view! { <TicketStep w home_url=home_url.clone()/> }.into_any(),
            }}
        </div>
    }
}

/// The first-name or last-name screen.
fn name_step(w: Wizard, field: Field) -> impl IntoView {
    let first = field == Field::FirstName;
    let (question, label) = if first {
        (
            w.s(|t| &t.first_name_question),
            w.s(|t| &t.first_name_label),
        )
    } else {
        (w.s(|t| &t.last_name_question), w.s(|t| &t.last_name_label))
    };
    let hint = (!first).then(|| w.s(|t| &t.last_name_hint));
    let keep = move |typed: String| {
        w.edit(field, |a| {
            if first {
                a.first_name = typed
            } else {
                a.last_name = typed
            }
        })
    };
    // The value is an attribute, not a property: hydration leaves alone whatever a visitor
    // typed before the WASM arrived, and Next reads the field itself.
    let initial = w.answers.with_untracked(|a| {
        if first {
            a.first_name.clone()
        } else {
            a.last_name.clone()
        }
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(el) = input.get_untracked() {
            keep(el.value());
        }
        w.next();
    };
    let error = move || w.error_for(field);
    view! {
        <form class="step" method=NO_SUBMIT on:submit=submit>
            <h1 id="question">{question}</h1>
            <label for="name-input" class="field-label">{label}</label>
            {hint.map(|h| view! { <p id="name-hint" class="hint">{h}</p> })}
            <input
                id="name-input"
                class="text-input"
                type="text"
                autocomplete="off"
                autocapitalize="words"
                spellcheck="false"
                data-autofocus
                data-letters
                value=initial
                node_ref=input
                on:input=move |ev| keep(event_target_value(&ev))
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || if error().is_some() { "name-error" } else if first { "" } else { "name-hint" }
            />
            {move || error().map(|message| view! { <p id="name-error" class="field-error" role="alert">{message}</p> })}
            <button type="submit" class="primary-button">{w.s(|t| &t.next)}</button>
        </form>
    }
}

/// The privacy notice; agreeing sends the check-in.
fn privacy_step(w: Wizard, submit: impl Fn() + Copy + 'static) -> impl IntoView {
    let how_long = w.t.with_value(|t| t.privacy_how_long.clone());
    let agree = move |_| {
        w.edit(Field::Consent, |a| a.consent = true);
        submit();
    };
    view! {
        <div class="step">
            <h1 id="question" tabindex="-1" data-autofocus>{w.s(|t| &t.privacy_heading)}</h1>
            <ul class="privacy-points" data-announce>
                <li>{w.s(|t| &t.privacy_kept)}</li>
                <li>{w.s(|t| &t.privacy_who)}</li>
                <li>{how_long}</li>
                <li>{w.s(|t| &t.privacy_screen)}</li>
            </ul>
            {move || w.failed.get().then(|| view! { <p class="field-error" role="alert">{w.s(|t| &t.request_failed)}</p> })}
            <button type="button" class="primary-button" on:click=agree aria-disabled=move || w.pending.get().to_string()>
                {move || if w.pending.get() { w.s(|t| &t.sending) } else { w.s(|t| &t.consent_button) }}
            </button>
        </div>
    }
}
