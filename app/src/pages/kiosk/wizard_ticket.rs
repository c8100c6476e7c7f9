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
    let spelled = spell_out(&number);
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
            // Speech mode reads all of this on arrival, the number a character at a time.
            <div data-announce>
                <p class="ticket-label">{w.s(|t| &t.ticket_number_label)}</p>
                <p class="ticket-number" data-testid="ticket-number" data-speak=spelled>{number}</p>
                <p class="ticket-place" data-testid="ticket-place">{place}</p>
                {wait.map(|text| view! { <p class="ticket-wait" data-testid="ticket-wait">{text}</p> })}
                <p>{w.s(|t| &t.ticket_seat)}</p>
            </div>
            <a class="primary-button" href=home_url data-end-visit>{w.s(|t| &t.done)}</a>
        </div>
    }
}

/// "A-042" as speech should say it: one character at a time ("A, 0, 4, 2"), the dash
/// left out, so no voice reads it as a word or a number.
pub(super) fn spell_out(number: &str) -> String {
    let mut spelled = String::new();
    for c in number.chars().filter(|c| c.is_alphanumeric()) {
        if !spelled.is_empty() {
            spelled.push_str(", ");
        }
        spelled.push(c);
    }
    spelled
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_ticket_number_is_spelled_character_by_character() {
        assert_eq!(super::spell_out("A-042"), "A, 0, 4, 2");
        assert_eq!(super::spell_out(""), "");
    }
}
