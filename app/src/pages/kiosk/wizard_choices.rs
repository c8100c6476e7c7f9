//! The wizard's choice screens: reasons for the visit, registration, accommodations.
//! Choices are large toggle buttons (`aria-pressed`), so a tap is all it takes.

use super::check_in_wizard::{Wizard, NO_SUBMIT};
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{toggle, Field, Registration};
use crate::domain::contacts::unbreakable;
use crate::i18n::fill;
use leptos::prelude::*;

/// A large toggle button; `pressed` is read reactively.
fn toggle_button(
    label: String,
    hint: Option<String>,
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
            <span>{label}{hint.map(|h| view! { <span class="choice-hint">{h}</span> })}</span>
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
    let reasons = w.reasons.get_value();
    let buttons = reasons
        .iter()
        .map(|r| {
            let code = StoredValue::new(r.code.clone());
            let pressed = move || code.with_value(|c| chosen(c));
            let flip = move || w.edit(Field::Reasons, |a| toggle(&mut a.reasons, code.get_value()));
            let hint = (!r.hint.is_empty()).then(|| r.hint.clone());
            toggle_button(r.name.clone(), hint, pressed, flip)
        })
        .collect_view();
    // What each chosen reason handled elsewhere says, below the choices.
    let notices = reasons
        .into_iter()
        .filter_map(|r| {
            let elsewhere = r.elsewhere?;
            let code = r.code;
            let heading_id = format!("elsewhere-{code}");
            let phones = (!elsewhere.phones.is_empty()).then(|| {
                let shown: Vec<String> = elsewhere.phones.iter().map(|p| unbreakable(p)).collect();
                let or = w.s(|t| &t.elsewhere_phones_or);
                let list = match shown.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{}{or}{last}", rest.join(", ")),
                    None => String::new(),
                };
                fill(&w.s(|t| &t.elsewhere_phones), &[("phones", &list)])
            });
            let (name, notice) = (r.name, elsewhere.notice);
            let shown = move || chosen(&code);
            Some(move || {
                shown().then(|| {
                    view! {
                        <section class="notice" aria-labelledby=heading_id.clone()>
                            <h2 id=heading_id.clone()>{name.clone()}</h2>
                            <p>{notice.clone()}</p>
                            {phones.clone().map(|p| view! { <p>{p}</p> })}
                            <p>{w.s(|t| &t.elsewhere_still_check_in)}</p>
                        </section>
                    }
                })
            })
        })
        .collect_view();
    view! {
        <form class="step" method=NO_SUBMIT on:submit=move |ev| { ev.prevent_default(); w.next(); }>
            <div class="question">
                <h1 id="question" tabindex="-1" data-autofocus>{w.s(|t| &t.reasons_question)}</h1>
                <p id="reasons-hint" class="hint">{w.s(|t| &t.reasons_hint)}</p>
            </div>
            <div class="choices" role="group" aria-labelledby="question" aria-describedby="reasons-hint">
                {buttons}
            </div>
            {notices}
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
                    .map(|r| toggle_button(label(r), None, move || w.answers.with(|a| a.registered == Some(r)), move || choose(r)))
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
                        let label = w.t.with_value(|t| t.accommodations.label(a).to_owned());
                        view! {
                            {toggle_button(label, None, move || chosen(a), move || flip(a))}
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
                prop:value=value
                on:input=on_input
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || if error().is_some() { error_id } else { "" }
            />
            {move || error().map(|message| view! { <p id=error_id class="field-error" role="alert">{message}</p> })}
        </div>
    }
}
