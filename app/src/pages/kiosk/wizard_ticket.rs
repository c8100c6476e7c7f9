//! The last screen: the visitor's ticket, place in line and estimated wait. Rendered
//! empty and hidden; the browser code fills in the ticket the server sent, then shows it.

use super::check_in_steps::Step;
use super::check_in_wizard::screen;
use crate::i18n::{fill, WizardStrings};
use leptos::prelude::*;

pub(super) fn ticket_step(t: &WizardStrings, home_url: String) -> impl IntoView {
    let k = &t.kiosk;
    let (code, hidden) = screen(Step::Ticket);
    let agency = crate::api::agency().public_name;
    let with_agency = |text: &str| fill(text, &[("agency", &agency)]);
    view! {
        <div class="step ticket" data-step=code hidden=hidden>
            <h1 tabindex="-1" data-autofocus>{k.ticket_heading.clone()}</h1>
            // Speech mode reads all of this on arrival, the number a character at a time
            // (`data-speak`, set with the number).
            <div data-announce>
                <p class="ticket-label">{k.ticket_number_label.clone()}</p>
                <p class="ticket-number" data-testid="ticket-number"></p>
                <p class="ticket-place" data-testid="ticket-place"
                    data-next=k.you_are_next.clone() data-template=k.place_in_line.clone()></p>
                <p class="ticket-wait" data-testid="ticket-wait" hidden></p>
                <p>{k.ticket_seat.clone()}</p>
                <p class="ticket-team" data-testid="ticket-team" hidden></p>
            </div>
            // Filled in with the ticket's own link and its QR code, then shown.
            <div class="ticket-follow" hidden>
                <h2>{k.follow_heading.clone()}</h2>
                <p>{k.follow_hint.clone()}</p>
                <div class="ticket-follow-qr" role="img" aria-label=k.follow_qr_label.clone() data-testid="follow-qr"></div>
                <p class="ticket-follow-link" dir="ltr" data-testid="follow-link"></p>
            </div>
            // For a visitor who came to register: the agency's registration, to start
            // while waiting. Shown when the server sent its address.
            <div class="ticket-register" hidden>
                <h2>{k.register_heading.clone()}</h2>
                <ol>
                    <li>{k.register_step_open.clone()}</li>
                    <li>{with_agency(&k.register_step_account)}</li>
                    <li>{k.register_step_profile.clone()}</li>
                </ol>
                <div class="ticket-register-qr" role="img" aria-label=with_agency(&k.register_qr_label) data-testid="register-qr"></div>
                <p class="ticket-register-link" dir="ltr" data-testid="register-link"></p>
            </div>
            <a class="primary-button" href=home_url data-end-visit>{k.done.clone()}</a>
        </div>
    }
}
