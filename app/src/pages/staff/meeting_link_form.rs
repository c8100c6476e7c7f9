//! The form that sets a video meeting link: a center's (on its hours page) or one
//! appointment's (on its page). A refused post renders the page again with
//! `MeetingLinkSubmission` in context: what was typed stays, the message beside it.

use crate::components::text_field::TextField;
use leptos::prelude::*;

/// A refused link, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingLinkSubmission {
    pub typed: String,
}

/// What the form says, in the page's language.
pub struct LinkFormText {
    pub heading: String,
    pub hint: String,
    pub label: String,
    pub button: String,
    pub error: String,
}

#[component]
pub fn MeetingLinkForm(
    /// Where the form posts.
    action: String,
    lang: &'static str,
    /// The link stored now.
    current: String,
    text: LinkFormText,
    /// False: shown, but not for this person to change.
    editable: bool,
) -> impl IntoView {
    let refused = use_context::<MeetingLinkSubmission>();
    let (value, error) = match refused {
        Some(sub) => (sub.typed, Some(text.error.clone())),
        None => (current, None),
    };
    view! {
        <section aria-labelledby="meeting-link-heading" id="meeting-link">
            <h2 id="meeting-link-heading">{text.heading.clone()}</h2>
            <form method="post" action=action class="staff-form" novalidate>
                <input type="hidden" name="lang" value=lang/>
                <fieldset disabled=!editable>
                    <TextField name="meeting_link" label=text.label.clone() value=value error=error
                        hint=text.hint.clone() required=false kind="url" autocomplete="off"/>
                    <button type="submit" class="primary-button">{text.button.clone()}</button>
                </fieldset>
            </form>
        </section>
    }
}
