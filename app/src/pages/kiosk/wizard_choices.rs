//! The wizard's choice screens: reasons for the visit, registration, accommodations.
//! Choices are large toggle buttons (`aria-pressed`), so a tap is all it takes.

use super::check_in_wizard::{Wizard, NO_SUBMIT};
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{toggle, Field, Registration};
use leptos::prelude::*;

/// A large toggle button; `pressed` is read reactively.
fn toggle_button(
    label: String,
    pressed: impl Fn() -> bool + Send + Sync + Copy + 'static,
    on_tap: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="choice"
            aria-pressed=move || pressed().to_string()
            on:click=move |_| on_tap()
        >
            <span class="choice-mark" aria-hidden="true">{move || if pressed() { "✓" } else { "" }}</span>
            <span class="choice-label">{label}</span>
        </button>
    }
}

/// Shows the refusal of `field` beside the group it belongs to.
fn field_error(w: Wizard, field: Field, id: &'static str) -> impl IntoView {
    move || {
        w.error_for(field)
            .map(|message| view! { <p id=id class="field-error" role="alert">{message}</p> })
    }
}

#[component]
pub(super) fn ReasonsStep(w: Wizard) -> impl IntoView {
    let chosen = move |code: &str| w.answers.with(|a| a.reasons.iter().any(|r| r == code));
    // Each button knows its reason by its place in the list: a plain number costs the
    // kiosk's WASM less than a stored copy of the code.
    let code_at = move |i: usize| w.t.with_value(|t| t.reasons[i].code.clone());
    let buttons = w.t.with_value(|t| {
        (0..t.reasons.len())
            .map(|i| {
                let pressed = move || chosen(&code_at(i));
                let flip = move || w.edit(Field::Reasons, |a| toggle(&mut a.reasons, code_at(i)));
                toggle_button(t.reasons[i].label.clone(), pressed, flip)
            })
            .collect_view()
    });
    // What the chosen reasons handled elsewhere say, in one notice that is hidden while
    // there is none: text that changes costs the kiosk's WASM less than views that come
    // and go.
    let notice = move || {
        w.t.with_value(|t| {
            let mut text = String::new();
            for r in t
                .reasons
                .iter()
                .filter(|r| !r.notice.is_empty() && chosen(&r.code))
            {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&r.notice);
            }
            text
        })
    };
    view! {
        <form class="step" method=NO_SUBMIT on:submit=move |ev| { ev.prevent_default(); w.next(); }>
            <div class="question">
                <h1 id="question" tabindex="-1" data-autofocus>{w.s(|t| &t.reasons_question)}</h1>
                <p id="reasons-hint" class="hint">{w.s(|t| &t.reasons_hint)}</p>
            </div>
            <div class="choices" role="group" aria-labelledby="question" aria-describedby="reasons-hint">
                {buttons}
            </div>
            <section class="notice" aria-labelledby="elsewhere-heading" data-announce-change hidden=move || notice().is_empty()>
                <h2 id="elsewhere-heading">{w.s(|t| &t.elsewhere_heading)}</h2>
                <p>{notice}</p>
                <p>{w.s(|t| &t.elsewhere_still_check_in)}</p>
            </section>
            {field_error(w, Field::Reasons, "reasons-error")}
            <button type="submit" class="primary-button">{w.s(|t| &t.next)}</button>
        </form>
    }
}

#[component]
pub(super) fn RegisteredStep(w: Wizard) -> impl IntoView {
    let label = move |r: Registration| match r {
        Registration::Yes => w.s(|t| &t.registered_yes),
        Registration::No => w.s(|t| &t.registered_no),
        Registration::NotSure => w.s(|t| &t.registered_not_sure),
    };
    // One tap answers and moves on: the question has exactly one answer.
    let choose = move |r: Registration| {
        w.edit(Field::Registered, |a| a.registered = Some(r));
        w.next();
    };
    view! {
        <div class="step">
            <h1 id="question" tabindex="-1" data-autofocus>{w.s(|t| &t.registered_question)}</h1>
            <div class="choices choices-row" role="group" aria-labelledby="question">
                {Registration::ALL
                    .into_iter()
                    .map(|r| toggle_button(label(r), move || w.answers.with(|a| a.registered == Some(r)), move || choose(r)))
                    .collect_view()}
            </div>
            {field_error(w, Field::Registered, "registered-error")}
        </div>
    }
}

#[component]
pub(super) fn AccommodationsStep(w: Wizard) -> impl IntoView {
    let chosen = move |a: Accommodation| w.answers.with(|ans| ans.accommodations.contains(&a));
    let flip = move |a: Accommodation| w.answers.update(|ans| toggle(&mut ans.accommodations, a));
    view! {
        <form class="step" method=NO_SUBMIT on:submit=move |ev| { ev.prevent_default(); w.next(); }>
            <div class="question">
                <h1 id="question" tabindex="-1" data-autofocus>{w.s(|t| &t.accommodations_question)}</h1>
                <p id="accommodations-hint" class="hint">{w.s(|t| &t.accommodations_hint)}</p>
            </div>
            <div class="choices" role="group" aria-labelledby="question" aria-describedby="accommodations-hint">
                {Accommodation::ALL
                    .into_iter()
                    .map(|a| {
                        let label = w.t.with_value(|t| t.kiosk.accommodations.label(a).to_owned());
                        view! {
                            {toggle_button(label, move || chosen(a), move || flip(a))}
                            {move || (chosen(a) && a == Accommodation::SpokenInterpreter).then(|| detail_input(w, Field::InterpreterLanguage))}
                            {move || (chosen(a) && a == Accommodation::Other).then(|| detail_input(w, Field::AccommodationOther))}
                        }
                    })
                    .collect_view()}
            </div>
            <button type="submit" class="primary-button">{w.s(|t| &t.next)}</button>
        </form>
    }
}

/// The text box that follows "interpreter" (which language?) or "other" (what is needed?).
fn detail_input(w: Wizard, field: Field) -> impl IntoView {
    let language = field == Field::InterpreterLanguage;
    let (id, label) = if language {
        (
            "interpreter-language",
            w.s(|t| &t.interpreter_language_label),
        )
    } else {
        ("accommodation-other", w.s(|t| &t.accommodation_other_label))
    };
    let error_id = if language {
        "interpreter-language-error"
    } else {
        "accommodation-other-error"
    };
    let value = move || {
        w.answers.with(|a| {
            if language {
                a.interpreter_language.clone()
            } else {
                a.accommodation_other.clone()
            }
        })
    };
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        w.edit(field, |a| {
            if language {
                a.interpreter_language = typed
            } else {
                a.accommodation_other = typed
            }
        });
    };
    let error = move || w.error_for(field);
    view! {
        <div class="detail-field">
            <label for=id class="field-label">{label}</label>
            <input
                id=id
                class="text-input"
                type="text"
                autocomplete="off"
                data-letters
                prop:value=value
                on:input=on_input
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || if error().is_some() { error_id } else { "" }
            />
            {move || error().map(|message| view! { <p id=error_id class="field-error" role="alert">{message}</p> })}
        </div>
    }
}
