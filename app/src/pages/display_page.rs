//! `/display/{center}`: the lobby's "now serving" screen, on a TV or tablet paired with
//! the center like a kiosk. The tickets called and their desks in very large type, the
//! last few calls below, kept live by the center's stream; each new call chimes and is
//! said aloud in the called visitor's own language. No name, ever.

use crate::api::display::{lobby_board, DisplayData};
use crate::components::live_updater::LiveUpdater;
use crate::components::page_title::PageTitle;
use crate::domain::display_board::{Call, DisplayBoard};
use crate::domain::ticket::spell_out;
use crate::i18n::{fill, translations, Locale};
use crate::pages::booking::query::encode;
use leptos::prelude::*;
use leptos_meta::{Html, Stylesheet};
use leptos_router::hooks::use_params_map;

#[component]
pub fn DisplayPage() -> impl IntoView {
    let center = use_params_map()
        .read_untracked()
        .get("center")
        .unwrap_or_default();
    let locale = crate::pages::page_locale();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match lobby_board(center).await {
                    Ok(Some(data)) => view! { <DisplayScreen data locale/> }.into_any(),
                    _ => {
                        crate::pages::respond_not_found();
                        view! { <main><p>{translations(locale).common.not_found.clone()}</p></main> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn DisplayScreen(data: DisplayData, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let d = &t.display;
    let agency = crate::api::agency();
    let place = crate::i18n::center_title(locale, &agency.public_name, &data.center_name);
    let events = format!(
        "/display/{}/events?lang={}",
        encode(&data.center_id),
        locale.tag()
    );
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=format!("{} · {place}", d.title)/>
        <Stylesheet id="display" href="/display.css"/>
        <main class="display-screen">
            <header class="display-header">
                <h1>{d.title.clone()}</h1>
                <p class="display-place">{place}</p>
            </header>
            <div id="display-live" class="display-live">
                <Board board=data.board locale/>
            </div>
            <footer class="display-footer">
                <p>{d.phone_hint.clone()}</p>
                <LiveUpdater
                    events_url=events
                    target_id="display-live".to_owned()
                    live_label=d.live.clone()
                    reconnecting_label=d.reconnecting.clone()
                />
            </footer>
        </main>
    }
}

/// The part of the screen the stream replaces. The newest open call carries its key
/// (`data-alert`: a chime when it is new) and what to say, in the visitor's language
/// (`data-speak`, `data-speak-lang`).
#[component]
pub fn Board(board: DisplayBoard, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let d = &t.display;
    let newest = board.newest().cloned();
    let speak = newest.as_ref().map(announcement);
    let speak_lang = newest.as_ref().map(|c| Locale::from_tag(&c.language).tag());
    let calling = if board.calling.is_empty() {
        view! { <p class="board-nobody" data-testid="board-nobody">{d.nobody.clone()}</p> }
            .into_any()
    } else {
        view! {
            <ol class="board-calling" data-testid="board-calling">
                {board.calling.iter().map(|call| call_row(call, locale)).collect_view()}
            </ol>
        }
        .into_any()
    };
    let earlier = (!board.earlier.is_empty()).then(|| {
        view! {
            <h2 class="board-earlier-heading">{d.earlier.clone()}</h2>
            <ol class="board-earlier" data-testid="board-earlier">
                {board.earlier.iter().map(|call| call_row(call, locale)).collect_view()}
            </ol>
        }
    });
    view! {
        <div class="board" data-alert=newest.as_ref().map(Call::key)
            data-speak=speak data-speak-lang=speak_lang>
            {calling}
            {earlier}
        </div>
    }
}

fn call_row(call: &Call, locale: Locale) -> impl IntoView {
    let d = &translations(locale).display;
    let desk = match &call.desk {
        Some(desk) => fill(&d.desk, &[("desk", desk)]),
        None => d.front_desk.clone(),
    };
    view! {
        <li class="board-call">
            <span class="board-ticket" dir="ltr">{call.ticket.clone()}</span>
            <span class="board-desk">{desk}</span>
        </li>
    }
}

/// What the screen says for `call`, in the called visitor's language: the ticket a
/// character at a time, and where to go.
fn announcement(call: &Call) -> String {
    let f = &translations(Locale::from_tag(&call.language)).follow;
    let ticket = spell_out(&call.ticket);
    match &call.desk {
        Some(desk) => fill(&f.announce_desk, &[("ticket", &ticket), ("desk", desk)]),
        None => fill(&f.announce_front_desk, &[("ticket", &ticket)]),
    }
}

/// The fragment the display's stream sends.
pub fn render_board_html(board: DisplayBoard, locale: Locale) -> String {
    Owner::new().with(|| view! { <Board board locale/> }.to_html())
}
