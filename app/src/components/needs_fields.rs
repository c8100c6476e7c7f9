//! The preferred-language select and the accommodations checkboxes, shared by the booking
//! and workshop forms.

use crate::domain::accommodation::Accommodation;
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::i18n::{translations, Locale};
use leptos::prelude::*;

/// "Preferred language", each language named in its own script.
#[component]
pub fn LanguageSelect(locale: Locale, chosen: String, error: Option<String>) -> impl IntoView {
    let b = &translations(locale).booking;
    view! {
        <div class="field">
            <label class="field-label" for="language">{b.language_label.clone()}</label>
            {error.map(|e| view! { <p class="field-error" id="language-error">{e}</p> })}
            <select id="language" name="language" class="select">
                {PREFERRED_LANGUAGES.into_iter().map(|(code, name)| view! {
                    <option value=code lang=code selected=chosen == code>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// "Do you need any of these?" with one checkbox per accommodation.
#[component]
pub fn AccommodationChoices(locale: Locale, chosen: Vec<Accommodation>) -> impl IntoView {
    let t = translations(locale);
    view! {
        <fieldset class="field">
            <legend class="field-label">{t.booking.accommodations_label.clone()}</legend>
            <p class="field-hint">{t.booking.accommodations_hint.clone()}</p>
            <div class="choice-list">
                {Accommodation::ALL.into_iter().map(|a| {
                    let id = format!("need-{}", a.code());
                    let label_for = id.clone();
                    view! {
                        <label class="choice" for=label_for>
                            <input type="checkbox" id=id name="accommodations" value=a.code() checked=chosen.contains(&a)/>
                            <span>{t.kiosk.accommodations.label(a).to_owned()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
