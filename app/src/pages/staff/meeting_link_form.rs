//! The forms that set a video meeting link: a center's and a staff member's (on a center's
//! hours page) or one appointment's (on its page). A refused post renders the page again
//! with `MeetingLinkSubmission` in context: what was typed stays, the message beside it.

use crate::components::text_field::TextField;
use leptos::prelude::*;

/// A refused link, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingLinkSubmission {
    pub typed: String,
    /// The staff member whose link it was; `None`: the center's or the appointment's.
    pub staff_id: Option<i64>,
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
    let refused = use_context::<MeetingLinkSubmission>().filter(|sub| sub.staff_id.is_none());
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

/// What the staff links form says, in the page's language.
pub struct StaffLinkText {
    pub link: LinkFormText,
    pub staff_label: String,
    /// The list's first choice, and the message when none was chosen.
    pub choose: String,
    pub choose_error: String,
    pub col_staff: String,
    pub col_link: String,
    pub none: String,
}

/// Every active staff member's link, and the form that sets one.
#[component]
pub fn StaffLinksForm(
    lang: &'static str,
    /// (id, name, link) of every active staff member.
    staff: Vec<(i64, String, String)>,
    text: StaffLinkText,
    editable: bool,
) -> impl IntoView {
    let refused = use_context::<MeetingLinkSubmission>().filter(|sub| sub.staff_id.is_some());
    // `Some(0)`: refused because nobody was chosen.
    let chosen = refused.as_ref().and_then(|sub| sub.staff_id);
    let (value, error) = match refused {
        Some(sub) if sub.staff_id == Some(0) => (sub.typed, None),
        Some(sub) => (sub.typed, Some(text.link.error.clone())),
        None => (String::new(), None),
    };
    let choose_error = (chosen == Some(0)).then(|| text.choose_error.clone());
    let described = choose_error.as_ref().map(|_| "staff_id-error");
    let rows = staff
        .iter()
        .map(|(_, name, link)| {
            let shown = if link.is_empty() {
                text.none.clone()
            } else {
                link.clone()
            };
            view! { <tr><th scope="row">{name.clone()}</th><td>{shown}</td></tr> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="staff-links-heading" id="staff-links">
            <h2 id="staff-links-heading">{text.link.heading.clone()}</h2>
            <p class="field-hint">{text.link.hint.clone()}</p>
            <div class="table-scroll">
                <table class="queue-table" data-testid="staff-links">
                    <thead><tr><th scope="col">{text.col_staff.clone()}</th><th scope="col">{text.col_link.clone()}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <form method="post" action="/staff/meeting-links/staff" class="staff-form" novalidate>
                <input type="hidden" name="lang" value=lang/>
                <fieldset disabled=!editable>
                    <div class="field">
                        <label class="field-label" for="staff_id">{text.staff_label.clone()}</label>
                        {choose_error.clone().map(|e| view! { <p class="field-error" id="staff_id-error">{e}</p> })}
                        <select id="staff_id" name="staff_id" class="select"
                            aria-invalid=choose_error.is_some().then_some("true") aria-describedby=described>
                            // Nobody chosen at first: one click on Save clears no one's link.
                            <option value="" selected=chosen.is_none_or(|id| id == 0)>{text.choose.clone()}</option>
                            {staff.iter().map(|(id, name, _)| view! {
                                <option value=id.to_string() selected=chosen == Some(*id)>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <TextField name="staff_meeting_link" label=text.link.label.clone() value=value error=error
                        required=false kind="url" autocomplete="off"/>
                    <button type="submit" class="primary-button">{text.link.button.clone()}</button>
                </fieldset>
            </form>
        </section>
    }
}
