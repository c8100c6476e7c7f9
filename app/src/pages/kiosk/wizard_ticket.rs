//! The last screen: the visitor's ticket, place in line and estimated wait.

use super::check_in_wizard::Wizard;
use crate::i18n::fill;
use leptos::prelude::*;

#[component]
pub(super) fn TicketStep(w: Wizard, home_url: String) -> impl IntoView {
    let ticket = w.ticket.get_untracked();
    let number = ticket
        .as_ref()
        .map(|t| t.number.clone())
        .unwrap_or_default();
    let place = ticket.as_ref().map(|t| match t.people_ahead {
        0 => w.s(|t| &t.you_are_next),
        ahead => fill(
            &w.s(|t| &t.place_in_line),
            &[("place", &(ahead + 1).to_string())],
        ),
    });
    let wait = ticket
        .as_ref()
        .filter(|t| t.people_ahead > 0)
        .map(|t| t.wait_sentence.clone());
    view! {
        <div class="step ticket">
            <h1 id="question" tabindex="-1" data-autofocus>{w.s(|t| &t.ticket_heading)}</h1>
            <p class="ticket-label">{w.s(|t| &t.ticket_number_label)}</p>
            <p class="ticket-number" data-testid="ticket-number">{number}</p>
            <p class="ticket-place" data-testid="ticket-place">{place}</p>
            {wait.map(|text| view! { <p class="ticket-wait" data-testid="ticket-wait">{text}</p> })}
            <p>{w.s(|t| &t.ticket_seat)}</p>
            <a class="primary-button" href=home_url>{w.s(|t| &t.done)}</a>
        </div>
    }
}
