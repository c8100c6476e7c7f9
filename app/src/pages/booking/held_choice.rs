//! How the appointment is held, on the details form: a choice when the service offers
//! more than one way, else a line that says how it will be.

use crate::domain::booking_form::DetailsField;
use crate::domain::service::HowHeld;
use crate::i18n::BookingStrings;
use leptos::prelude::*;

/// What a way is called where the participant chooses, with what it means for them.
pub fn way_label(b: &BookingStrings, way: HowHeld) -> (&str, &str) {
    match way {
        HowHeld::InPerson => (&b.held_choice_in_person, &b.held_choice_in_person_hint),
        HowHeld::Phone => (&b.held_choice_phone, &b.held_choice_phone_hint),
        HowHeld::Video => (&b.held_choice_video, &b.held_choice_video_hint),
    }
}

#[component]
pub fn HeldChoice(
    b: &'static BookingStrings,
    ways: Vec<HowHeld>,
    /// The way chosen so far, as its code.
    chosen: String,
    error: Option<String>,
) -> impl IntoView {
    let name = DetailsField::Held.name();
    if let [only] = ways.as_slice() {
        let (label, hint) = way_label(b, *only);
        return view! {
            <div class="field">
                <p class="field-label">{b.held_question.clone()}</p>
                <p data-testid="held-only"><strong>{label.to_owned()}</strong>" · "{hint.to_owned()}</p>
            </div>
        }
        .into_any();
    }
    let error_id = format!("{name}-error");
    let described_by = error.as_ref().map(|_| error_id.clone());
    view! {
        <fieldset class="field" id=name aria-describedby=described_by>
            <legend class="field-label">{b.held_question.clone()}</legend>
            {error.map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <div class="choice-list">
                {ways.into_iter().map(|way| {
                    let (label, hint) = way_label(b, way);
                    let id = format!("held-{}", way.code());
                    let label_for = id.clone();
                    view! {
                        <label class="choice" for=label_for>
                            <input type="radio" id=id name=name value=way.code()
                                checked=chosen == way.code() required/>
                            <span class="choice-label">{label.to_owned()}
                                <span class="choice-hint">{hint.to_owned()}</span>
                            </span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
    .into_any()
}
