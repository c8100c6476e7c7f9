//! The check-in wizard in the browser: shows one server-rendered screen at a time, keeps
//! the choices in memory (the typed answers stay in their inputs, which also keeps what
//! was typed before the WASM arrived), checks each screen with the domain's rules before
//! moving on, shows a refusal beside its field, and sends the check-in at the end. A
//! failed send keeps the answers and offers to try again with the same idempotency key,
//! so a retry or a double tap can never print two tickets. One listener on the wizard
//! hears every tap, form submission and keystroke; the screens carry what a tap means in
//! data attributes (`data-answer`, `data-code`, `data-agree`, `data-key-back`).

use super::check_in_request::{send_check_in, CheckInRequest};
use super::check_in_steps::{field_name, Step};
use super::dom::{call, every, find, first, property, set_flag, set_value};
use super::wizard_ticket::place_sentence;
use crate::api::check_in::CheckInOutcome;
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{toggle, CheckInAnswers, FieldError, Registration};
use crate::domain::ticket::spell_out;
use crate::domain::ticket_view::{QrLink, Ticket};
use crate::i18n::{fill, WizardStrings};
use leptos::prelude::window;
use std::cell::RefCell;
use uuid::Uuid;
use wasm_bindgen::{prelude::Closure, JsCast};
use web_sys::{Element, Event};

/// What the wizard knows beyond its inputs.
struct Wizard {
    t: WizardStrings,
    center_id: String,
    language: String,
    key: Uuid,
    /// The number of the visitor the screen was rendered for (its hidden field), sent
    /// with the check-in (`domain::kiosk_visitor`).
    visitor: Option<i64>,
    step: Step,
    reasons: Vec<String>,
    registered: Option<Registration>,
    accommodations: Vec<Accommodation>,
    /// A check-in is on its way: a second tap waits for it.
    pending: bool,
    /// The ticket is shown: nothing on the page acts any more, so no tap (a late double
    /// tap in speech mode on a control now hidden) can reopen the wizard or send again.
    done: bool,
}

thread_local! {
    static WIZARD: RefCell<Option<Wizard>> = const { RefCell::new(None) };
}

/// Runs `f` on the wizard's state. The borrow ends before any DOM work that could call
/// back into this module.
fn wizard<R: Default>(f: impl FnOnce(&mut Wizard) -> R) -> R {
    WIZARD.with(|w| w.borrow_mut().as_mut().map(f).unwrap_or_default())
}

/// The wizard's element.
fn root() -> Option<Element> {
    find(".wizard")
}

/// The first element of the wizard that matches `selector`.
fn in_wizard(selector: &str) -> Option<Element> {
    root().and_then(|root| first(&root, selector))
}

pub fn start_up(center_id: String, language: String, t: WizardStrings) {
    let Some(root) = root() else {
        return;
    };
    // The server rendered the screen to show and the choices made so far (a post made
    // before this code arrived leads to a later screen): take over from there.
    let step = first(&root, "[data-step]:not([hidden])")
        .and_then(|s| s.get_attribute("data-step"))
        .map_or(Step::FirstName, |code| {
            Step::from_code(&code).unwrap_or(Step::Ticket)
        });
    let chosen = |answer: &str| -> Vec<String> {
        every(&root, &format!("[data-answer={answer}][aria-pressed=true]"))
            .iter()
            .filter_map(|b| b.get_attribute("data-code"))
            .collect()
    };
    let registered = chosen("registered").pop();
    let key = first(&root, "input[name=key]")
        .and_then(|k| property(&k, "value").as_string())
        .and_then(|k| Uuid::parse_str(&k).ok())
        .unwrap_or_else(new_idempotency_key);
    let visitor = first(&root, "input[name=visitor]")
        .and_then(|v| property(&v, "value").as_string())
        .and_then(|v| v.parse().ok());
    WIZARD.with(|w| {
        *w.borrow_mut() = Some(Wizard {
            t,
            center_id,
            language,
            key,
            visitor,
            step,
            reasons: chosen("reason"),
            registered: Registration::ALL
                .into_iter()
                .find(|r| Some(r.code()) == registered.as_deref()),
            accommodations: chosen("accommodation")
                .iter()
                .filter_map(|code| Accommodation::from_code(code))
                .collect(),
            pending: false,
            done: step == Step::Ticket,
        })
    });
    let handler = Closure::<dyn Fn(Event)>::new(handle);
    for kind in ["click", "submit", "input"] {
        let _ = root.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    }
    handler.forget();
    // Leaving the page (Start over, the idle reset) takes the typed names with it, so a
    // page restored from the back-forward cache shows none.
    let leave = Closure::<dyn Fn()>::new(|| {
        forget_typed();
        forget_ticket();
    });
    let _ = window().add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
    leave.forget();
    let _ = root.set_attribute("data-hydrated", "true");
    focus_screen(&root, step);
}

/// Puts keyboard focus on screen `step`'s field, or its heading, so that typing goes
/// there and screen readers announce the question.
fn focus_screen(root: &Element, step: Step) {
    if let Some(target) = first(
        root,
        &format!("[data-step={}] [data-autofocus]", step.code()),
    ) {
        call(&target, "focus");
    }
}

/// A random idempotency key, for a page that came without one. `crypto.getRandomValues`
/// works on plain-http kiosks on a local network, where `crypto.randomUUID` is not.
fn new_idempotency_key() -> Uuid {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

fn handle(ev: Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let closest = |selector: &str| target.closest(selector).ok().flatten();
    // Here a tap acts at once: the form post each button also makes (for a kiosk without
    // this code) is not sent.
    let acts_here = "[data-answer], [data-key-back], [data-agree]";
    if ev.type_() == "submit" || (ev.type_() == "click" && closest(acts_here).is_some()) {
        ev.prevent_default();
    }
    if wizard(|w| w.done) {
        return;
    }
    match ev.type_().as_str() {
        "submit" => next(),
        // Editing a refused answer takes its refusal away.
        "input" => {
            let name = target.get_attribute("name").unwrap_or_default();
            let error = format!("{name}-error");
            if leptos::prelude::document()
                .get_element_by_id(&error)
                .is_some()
            {
                clear_errors();
            }
        }
        _ => {
            if let Some(button) = closest("[data-answer]") {
                choose(&button);
            } else if closest("[data-key-back]").is_some() {
                back();
            } else if closest("[data-agree]").is_some() {
                agree();
            }
        }
    }
}

/// The text typed into the input called `name` (not the copies carried hidden on other
/// screens for a post without this code).
fn typed(name: &str) -> String {
    find(&format!(".wizard input[name={name}]:not([type=hidden])"))
        .map(|input| property(&input, "value").as_string().unwrap_or_default())
        .unwrap_or_default()
}

/// Every answer so far: the choices kept here and the text in the inputs.
fn answers(w: &Wizard, consent: bool) -> CheckInAnswers {
    CheckInAnswers {
        first_name: typed("first_name"),
        last_name: typed("last_name"),
        reasons: w.reasons.clone(),
        registered: w.registered,
        accommodations: w.accommodations.clone(),
        interpreter_language: typed("interpreter_language"),
        accommodation_other: typed("accommodation_other"),
        consent,
    }
}

/// A tap on a choice: a reason or an accommodation turns on or off; a registration
/// answer is the one answer and moves on.
fn choose(button: &Element) {
    let code = button.get_attribute("data-code").unwrap_or_default();
    let answer = button.get_attribute("data-answer").unwrap_or_default();
    let pressed = |button: &Element, on: bool| {
        let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
    };
    match answer.as_str() {
        "reason" => {
            let on = wizard(|w| {
                toggle(&mut w.reasons, code.clone());
                w.reasons.contains(&code)
            });
            pressed(button, on);
            clear_errors();
            show_elsewhere_notice();
        }
        "registered" => {
            wizard(|w| w.registered = Registration::ALL.into_iter().find(|r| r.code() == code));
            if let Some(group) = button.parent_element() {
                for other in every(&group, "[data-answer]") {
                    pressed(&other, other == *button);
                }
            }
            clear_errors();
            next();
        }
        _ => {
            let Some(a) = Accommodation::ALL.into_iter().find(|a| a.code() == code) else {
                return;
            };
            let on = wizard(|w| {
                toggle(&mut w.accommodations, a);
                w.accommodations.contains(&a)
            });
            pressed(button, on);
            if let Some(detail) = in_wizard(&format!("[data-detail-of={}]", a.code())) {
                set_flag(&detail, "hidden", !on);
                clear_errors();
            }
        }
    }
}

/// What the chosen reasons handled elsewhere say, in one notice hidden while there is none.
fn show_elsewhere_notice() {
    let text = wizard(|w| {
        let notices: Vec<&str> =
            w.t.reasons
                .iter()
                .filter(|r| !r.notice.is_empty() && w.reasons.contains(&r.code))
                .map(|r| r.notice.as_str())
                .collect();
        notices.join(" ")
    });
    let changed = in_wizard("[data-elsewhere]").is_some_and(|p| {
        let changed = p.text_content().unwrap_or_default() != text;
        p.set_text_content(Some(&text));
        changed
    });
    if let Some(section) = in_wizard("[data-announce-change]") {
        set_flag(&section, "hidden", text.is_empty());
        // Speech mode says a notice once; a notice that now says more is said again.
        if changed {
            let _ = section.remove_attribute("data-spoken");
        }
    }
}

/// Moves on when this screen's answers are acceptable; otherwise shows why not.
fn next() {
    let Some((step, refused)) = wizard(|w| {
        let answers = answers(w, false);
        let refused = w.step.fields().iter().find_map(|&field| {
            answers
                .problem_with(field, &w.t.reasons)
                .map(|problem| FieldError { field, problem })
        });
        Some((w.step, refused))
    }) else {
        return;
    };
    match refused {
        Some(error) => show_error(error),
        None => show(step.next()),
    }
}

fn back() {
    match wizard(|w| (w.step != Step::Ticket).then(|| w.step.previous())) {
        // A printed ticket cannot be un-taken.
        None => {}
        Some(Some(previous)) => show(previous),
        Some(None) => {
            if let Some(url) = root().and_then(|r| r.get_attribute("data-start-over")) {
                let _ = window().location().set_href(&url);
            }
        }
    }
}

/// Shows screen `step` alone, with its number, and puts focus on its field or heading so
/// that screen readers announce the new question.
fn show(step: Step) {
    wizard(|w| w.step = step);
    clear_errors();
    let Some(root) = root() else {
        return;
    };
    for screen in every(&root, "[data-step]") {
        let this = screen.get_attribute("data-step").as_deref() == Some(step.code());
        set_flag(&screen, "hidden", !this);
        if this {
            // A notice on a screen the visitor comes back to is said again.
            for notice in every(&screen, "[data-announce-change]") {
                let _ = notice.remove_attribute("data-spoken");
            }
        }
    }
    let ticket = step == Step::Ticket;
    if let Some(back) = first(&root, "[data-key-back]") {
        set_flag(&back, "hidden", ticket);
    }
    if let Some(progress) = first(&root, ".progress") {
        let template = progress.get_attribute("data-template").unwrap_or_default();
        let total = progress.get_attribute("data-total").unwrap_or_default();
        let number = step.number().to_string();
        progress.set_text_content(Some(&fill(
            &template,
            &[("step", &number), ("total", &total)],
        )));
        set_flag(&progress, "hidden", ticket);
    }
    focus_screen(&root, step);
}

/// Shows the refusal beside its field, on the field's screen: after the element marked
/// `data-error-after` with the field's name, and tied to it when that is the input.
fn show_error(error: FieldError) {
    let step = Step::asking_for(error.field);
    if wizard(|w| w.step != step) {
        show(step);
    }
    clear_errors();
    let message = wizard(|w| w.t.problem(error.problem));
    let name = field_name(error.field);
    if let Some(anchor) = in_wizard(&format!("[data-error-after={name}]")) {
        let id = format!("{name}-error");
        put_alert(&anchor, &id, &message);
        if anchor.tag_name() == "INPUT" {
            let _ = anchor.set_attribute("aria-invalid", "true");
            let described = anchor.get_attribute("aria-describedby").unwrap_or_default();
            let _ = anchor.set_attribute("aria-describedby", format!("{described} {id}").trim());
        }
    }
}

/// A message in the visitor's language after `anchor`, announced as it appears.
fn put_alert(anchor: &Element, id: &str, message: &str) {
    let Ok(p) = leptos::prelude::document().create_element("p") else {
        return;
    };
    p.set_id(id);
    p.set_class_name("field-error");
    let _ = p.set_attribute("role", "alert");
    p.set_text_content(Some(message));
    let _ = anchor.insert_adjacent_element("afterend", &p);
}

/// Takes every refusal away: there is at most one, the one being corrected.
fn clear_errors() {
    let Some(root) = root() else {
        return;
    };
    for message in every(&root, ".field-error") {
        message.remove();
    }
    for input in every(&root, "[aria-invalid=true]") {
        let _ = input.set_attribute("aria-invalid", "false");
        let described = input.get_attribute("aria-describedby").unwrap_or_default();
        let kept: Vec<&str> = described
            .split_whitespace()
            .filter(|id| !id.ends_with("-error"))
            .collect();
        let _ = if kept.is_empty() {
            input.remove_attribute("aria-describedby")
        } else {
            input.set_attribute("aria-describedby", &kept.join(" "))
        };
    }
}

/// The privacy notice agreed to: sends the check-in, once at a time.
fn agree() {
    let request = wizard(|w| {
        let ready = w.step == Step::Privacy && !w.pending;
        w.pending |= ready;
        ready.then(|| CheckInRequest {
            center_id: w.center_id.clone(),
            language: w.language.clone(),
            key: w.key,
            answers: answers(w, true),
            visitor: w.visitor,
        })
    });
    let Some(request) = request else {
        return; // a second tap while the first is on its way
    };
    clear_errors();
    let sending = wizard(|w| w.t.kiosk.sending.clone());
    let button = in_wizard("[data-agree]");
    if let Some(button) = &button {
        let _ = button.set_attribute("aria-disabled", "true");
        button.set_text_content(Some(&sending));
    }
    leptos::task::spawn_local(async move {
        let outcome = send_check_in(&request).await;
        let checked_in = matches!(outcome, Some(CheckInOutcome::CheckedIn(_)));
        let agree_label = wizard(|w| {
            w.pending = false;
            w.done = checked_in;
            w.t.kiosk.consent_button.clone()
        });
        if let Some(button) = &button {
            let _ = button.set_attribute("aria-disabled", "false");
            button.set_text_content(Some(&agree_label));
        }
        match outcome {
            Some(CheckInOutcome::CheckedIn(ticket)) => {
                fill_ticket(&ticket);
                show(Step::Ticket);
                forget_typed();
            }
            Some(CheckInOutcome::Invalid(errors)) => {
                if let Some(first) = errors.first() {
                    show_error(*first);
                }
            }
            // Begun by an earlier visitor (a page brought back from history): nothing of
            // it stays on the screen.
            Some(CheckInOutcome::StartOver) => {
                forget_typed();
                if let Some(home) = find(".idle-guard").and_then(|g| g.get_attribute("data-home")) {
                    let _ = window().location().replace(&home);
                }
            }
            // The answers stay; the visitor can try again.
            Some(CheckInOutcome::UnknownCenter) | None => {
                let failed = wizard(|w| w.t.kiosk.request_failed.clone());
                show(Step::Privacy);
                if let Some(anchor) = in_wizard("[data-error-after=consent]") {
                    put_alert(&anchor, "request-error", &failed);
                }
            }
        }
    });
}

/// Forgets every answer once the check-in is made or the page is left: the page keeps no
/// name or choice for whoever comes to the tablet next.
fn forget_typed() {
    wizard(|w| {
        w.reasons.clear();
        w.registered = None;
        w.accommodations.clear();
    });
    let Some(root) = root() else {
        return;
    };
    for input in every(&root, "input") {
        set_value(&input, "");
    }
    for choice in every(&root, "[aria-pressed=true]") {
        let _ = choice.set_attribute("aria-pressed", "false");
    }
    for extra in every(&root, "[data-detail-of], [data-announce-change]") {
        set_flag(&extra, "hidden", true);
    }
}

/// Takes the ticket's links off the page when it is left: a page restored from the
/// back-forward cache must not show the last visitor's links to whoever comes next.
fn forget_ticket() {
    for part in ["follow", "register"] {
        for selector in [format!(".ticket-{part}-qr"), format!(".ticket-{part}-link")] {
            if let Some(element) = in_wizard(&selector) {
                element.set_inner_html("");
            }
        }
        if let Some(block) = in_wizard(&format!(".ticket-{part}")) {
            set_flag(&block, "hidden", true);
        }
    }
}

/// Writes the ticket the server sent into the ticket screen.
fn fill_ticket(ticket: &Ticket) {
    if let Some(number) = in_wizard(".ticket-number") {
        number.set_text_content(Some(&ticket.number));
        let _ = number.set_attribute("data-speak", &spell_out(&ticket.number));
    }
    if let Some(place) = in_wizard(".ticket-place") {
        let text = wizard(|w| place_sentence(&w.t.kiosk, ticket.people_ahead));
        place.set_text_content(Some(&text));
    }
    if let Some(wait) = in_wizard(".ticket-wait") {
        wait.set_text_content(Some(&ticket.wait_sentence));
        set_flag(&wait, "hidden", ticket.people_ahead == 0);
    }
    if let Some(team) = in_wizard(".ticket-team") {
        team.set_text_content(Some(&ticket.team_note));
        set_flag(&team, "hidden", ticket.team_note.is_empty());
    }
    show_link(ticket.follow.as_ref(), "follow");
    show_link(ticket.registration.as_ref(), "register");
}

/// Fills in and shows the ticket's `.ticket-{part}` block with `link`, if there is one.
/// The QR code is an `<svg>` the server drew from an address of its own settings: no
/// visitor's text.
fn show_link(link: Option<&QrLink>, part: &str) {
    let Some(link) = link.filter(|l| !l.qr_svg.is_empty()) else {
        return;
    };
    let Some(block) = in_wizard(&format!(".ticket-{part}")) else {
        return;
    };
    if let Some(qr) = in_wizard(&format!(".ticket-{part}-qr")) {
        qr.set_inner_html(&link.qr_svg);
    }
    if let Some(short) = in_wizard(&format!(".ticket-{part}-link")) {
        short.set_text_content(Some(&link.short));
    }
    set_flag(&block, "hidden", false);
}
