//! The choice every change that can strand bookings asks: refuse and list them, or go
//! ahead and cancel them (each person emailed).

use crate::i18n::{translations, Locale};
use leptos::prelude::*;

#[component]
pub fn StrandedChoice(
    question: String,
    cancel: bool,
    /// Keeps the ids of two such choices on one page apart.
    form: &'static str,
    locale: Locale,
) -> impl IntoView {
    let c = &translations(locale).closures;
    let refuse_id = format!("{form}-stranded-refuse");
    let cancel_id = format!("{form}-stranded-cancel");
    view! {
        <fieldset class="field">
            <legend class="field-label">{question}</legend>
            <label class="choice" for=refuse_id.clone()>
                <input type="radio" id=refuse_id.clone() name="stranded" value="refuse" checked=!cancel/>
                <span>{c.stranded_refuse.clone()}</span>
            </label>
            <label class="choice" for=cancel_id.clone()>
                <input type="radio" id=cancel_id.clone() name="stranded" value="cancel" checked=cancel/>
                <span>{c.stranded_cancel.clone()}</span>
            </label>
        </fieldset>
    }
}
