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
    /// Closing days ("Do not close …") rather than changing a setting ("Do not change …").
    #[prop(optional)]
    closing: bool,
    locale: Locale,
) -> impl IntoView {
    let t = translations(locale);
    let (refuse, go_ahead) = if closing {
        (&t.closures.stranded_refuse, &t.closures.stranded_cancel)
    } else {
        (
            &t.availability.stranded_refuse,
            &t.availability.stranded_cancel,
        )
    };
    let refuse_id = format!("{form}-stranded-refuse");
    let cancel_id = format!("{form}-stranded-cancel");
    view! {
        <fieldset class="field">
            <legend class="field-label">{question}</legend>
            <label class="choice" for=refuse_id.clone()>
                <input type="radio" id=refuse_id.clone() name="stranded" value="refuse" checked=!cancel/>
                <span>{refuse.clone()}</span>
            </label>
            <label class="choice" for=cancel_id.clone()>
                <input type="radio" id=cancel_id.clone() name="stranded" value="cancel" checked=cancel/>
                <span>{go_ahead.clone()}</span>
            </label>
        </fieldset>
    }
}
