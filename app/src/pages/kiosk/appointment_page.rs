//! `/kiosk/{center}/appointment`: "I have an appointment". A plain form (no island): find
//! today's booking by confirmation code, or by name and the phone's last four digits; the
//! post handler shows this page again with the answer (`ArrivalReply` in context).

use super::display::{KioskDisplay, KioskFormFields};
use super::kiosk_frame::{KioskFrame, UnknownCenter};
use super::wizard_ticket::place_sentence;
use crate::api::centers::get_center;
use crate::components::text_field::TextField;
use crate::domain::ticket::spell_out;
use crate::i18n::{fill, translations};
use leptos::prelude::*;

/// What the visitor typed, kept when something is refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArrivalTyped {
    pub code: String,
    pub first_name: String,
    pub last_name: String,
    pub last4: String,
}

/// The ticket of an arrived appointment.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrivedTicket {
    pub first_name: String,
    pub time: String,
    pub ticket: String,
    pub people_ahead: u32,
}

/// The handler's answer to a posted form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArrivalReply {
    pub typed: ArrivalTyped,
    /// A message about the whole search (not found, another day…).
    pub message: Option<String>,
    pub code_error: Option<String>,
    pub name_error: Option<String>,
    pub last4_error: Option<String>,
    pub arrived: Option<ArrivedTicket>,
}

#[component]
pub fn AppointmentPage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let reply = use_context::<ArrivalReply>().unwrap_or_default();
    let t = translations(display.locale);
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(center)) = get_center(center_id).await else {
                    return view! { <UnknownCenter locale=display.locale/> }.into_any();
                };
                let home = format!("/kiosk/{}{}", center.id, display.query());
                let action = format!("/kiosk/{}/appointment", center.id);
                let body = match reply.arrived.clone() {
                    Some(ticket) => arrived(display, ticket, home.clone()).into_any(),
                    None => search_form(display, reply.clone(), action, home.clone()).into_any(),
                };
                view! {
                    <KioskFrame center_id=center.id.clone() center_name=center.name display title=t.arrival.heading.clone()>
                        {body}
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn arrived(display: KioskDisplay, ticket: ArrivedTicket, home: String) -> impl IntoView {
    let t = translations(display.locale);
    let place = place_sentence(&t.kiosk, ticket.people_ahead);
    view! {
        <div class="step ticket">
            // Speech keeps the name to itself unless the visitor wears headphones.
            <h1 data-speak-private=t.kiosk.ticket_heading.clone()>{fill(&t.arrival.arrived_heading, &[("name", &ticket.first_name)])}</h1>
            <div data-announce>
                <p class="lead">{fill(&t.arrival.arrived_time, &[("time", &ticket.time)])}</p>
                <p class="ticket-label">{t.kiosk.ticket_number_label.clone()}</p>
                <p class="ticket-number" data-testid="ticket-number" data-speak=spell_out(&ticket.ticket)>{ticket.ticket.clone()}</p>
                <p class="ticket-place" data-testid="ticket-place">{place}</p>
                <p>{t.arrival.arrived_seat.clone()}</p>
            </div>
            <a class="primary-button" href=home data-end-visit>{t.kiosk.done.clone()}</a>
        </div>
    }
}

fn search_form(
    display: KioskDisplay,
    reply: ArrivalReply,
    action: String,
    home: String,
) -> impl IntoView {
    let t = translations(display.locale);
    let a = &t.arrival;
    let typed = reply.typed;
    view! {
        <div class="step">
            <h1>{a.heading.clone()}</h1>
            {reply.message.map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
            <form method="post" action=action class="arrival-form" novalidate>
                <KioskFormFields display/>
                <fieldset class="arrival-way">
                    <legend>{a.by_code_heading.clone()}</legend>
                    <TextField name="code" label=a.code_label.clone() value=typed.code error=reply.code_error
                        autocomplete="off" hint=a.code_hint.clone() required=false/>
                    <button type="submit" name="by" value="code" class="primary-button">{a.find_button.clone()}</button>
                </fieldset>
                <p class="arrival-or">{a.or.clone()}</p>
                <fieldset class="arrival-way">
                    <legend>{a.by_name_heading.clone()}</legend>
                    <TextField name="first_name" label=t.kiosk.first_name_label.clone() value=typed.first_name
                        error=reply.name_error.clone() autocomplete="off" required=false letters=true/>
                    <TextField name="last_name" label=t.kiosk.last_name_label.clone() value=typed.last_name
                        error=None autocomplete="off" required=false letters=true/>
                    <TextField name="last4" label=a.last4_label.clone() value=typed.last4 error=reply.last4_error
                        autocomplete="off" inputmode="numeric" required=false/>
                    <button type="submit" name="by" value="name" class="primary-button">{a.find_button.clone()}</button>
                </fieldset>
            </form>
            <nav class="step-nav">
                <a class="secondary-button" href=home.clone() data-key-back>{t.kiosk.back.clone()}</a>
                <a class="secondary-button" href=home.replace("?", "/check-in?")>{a.walk_in_instead.clone()}</a>
            </nav>
        </div>
    }
}
