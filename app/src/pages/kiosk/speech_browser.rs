//! Speech mode in the browser (hydrate only). One listener, in the capture phase on the
//! window, sees every touch, click and key before the page does: in speech mode a touch
//! says what it touched and stops there, and a double tap or Enter lets the choice
//! through. A mutation observer notices new screens, dialogs, errors and notices, and
//! says them. Keys work with speech off too: the keypad path needs no speech. The state
//! is plain data shown by setting attributes on the server-rendered controls, not a
//! reactive view, which would cost the kiosk's WASM several times as much.

use super::dom::{call, find, property, set_flag, set_value};
use super::keypad_letters;
use super::speech_keys::{key_action, KeyAction};
use super::speech_mode::{DEFAULT_VOLUME, VOLUME_STEPS};
use super::speech_reader as reader;
use super::speech_voice as voice;
use crate::i18n::{fill, KioskSpeechStrings};
use leptos::prelude::{document, set_timeout, window};
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::{prelude::Closure, JsCast, JsValue};
use web_sys::{Element, Event};

/// Session storage keys: the visit's speech settings, wiped with the visit.
const ON: &str = "speech";
const VOLUME: &str = "speech-volume";
const LISTENING: &str = "speech-listening";
/// Set once the hint on how to start speech was said: once a visit, not on every page.
const HINTED: &str = "speech-hinted";

/// Two taps closer than this are a double tap.
const DOUBLE_TAP_MS: f64 = 450.0;
/// Presses of one digit closer than this type the same letter on.
const SAME_LETTER_MS: f64 = 1200.0;
/// A horizontal move longer than this is a swipe.
const SWIPE_PX: f64 = 60.0;

/// Whether names and codes may be said aloud: only through headphones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Listening {
    /// Not asked yet: nothing personal is said.
    #[default]
    Unknown,
    Headphones,
    Loudspeaker,
}

/// What the page gave the island: its strings, the screen's language tag, and the
/// English sentence for a tablet without a voice for that language.
struct Setup {
    t: KioskSpeechStrings,
    lang: String,
    no_voice_english: String,
}

/// What the listener remembers between events.
#[derive(Default)]
struct Live {
    on: bool,
    paused: bool,
    listening: Listening,
    volume: u8,
    /// The item last spoken, which a double tap or Enter chooses.
    cursor: Option<Element>,
    /// The item spoken before the latest tap: a double tap chooses it, wherever the
    /// double tap lands, as with a phone's screen reader.
    before_tap: Option<Element>,
    last_tap: f64,
    pressed_at: (f64, f64),
    swiped: bool,
    /// The screen last announced, by its heading.
    screen: String,
    /// The last thing said, for "say again".
    said: String,
    /// Set while our own code clicks, so the listener lets the click through.
    activating: bool,
    /// Set while our own code types, so the typing is not echoed twice.
    typing: bool,
    /// After a choice: say the chosen item again, with its new state.
    respeak: bool,
    refresh_due: bool,
    /// The digit last pressed in a text box, how many times, when, in which field and
    /// how long the field's text was then: a press continues the same letter only in the
    /// same field, with nothing typed or deleted since.
    letter_key: (String, usize, f64),
    letter_field: Option<(Element, usize)>,
}

thread_local! {
    static SETUP: OnceCell<Setup> = const { OnceCell::new() };
    static LIVE: RefCell<Live> = RefCell::new(Live::default());
}

fn live<R>(f: impl FnOnce(&mut Live) -> R) -> R {
    LIVE.with(|l| f(&mut l.borrow_mut()))
}

fn with_setup<R: Default>(f: impl FnOnce(&Setup) -> R) -> R {
    SETUP.with(|s| s.get().map(f).unwrap_or_default())
}

/// A translated string.
fn text(pick: fn(&KioskSpeechStrings) -> &String) -> String {
    with_setup(|s| pick(&s.t).clone())
}

fn private() -> bool {
    live(|l| l.listening != Listening::Headphones)
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn store(key: &str, value: Option<&str>) {
    if let Some(storage) = storage() {
        let _ = match value {
            Some(v) => storage.set_item(key, v),
            None => storage.remove_item(key),
        };
    }
}

/// Sets (`on`) or removes attribute `name` of the element `selector` finds.
fn flag(selector: &str, name: &str, on: bool) {
    if let Some(el) = find(selector) {
        set_flag(&el, name, on);
    }
}

fn set(selector: &str, name: &str, value: &str) {
    if let Some(el) = find(selector) {
        let _ = el.set_attribute(name, value);
    }
}

fn volume_sentence(level: u8) -> String {
    fill(
        &text(|t| &t.volume),
        &[
            ("level", &level.to_string()),
            ("most", &VOLUME_STEPS.to_string()),
        ],
    )
}

/// Shows the state on the server-rendered controls, and marks the page for the idle
/// guard (which doubles its time) and the style sheet (which lets swipes through).
fn show_state() {
    let (on, paused, listening, volume) = live(|l| (l.on, l.paused, l.listening, l.volume));
    set(
        ".speech-toggle",
        "aria-pressed",
        if on { "true" } else { "false" },
    );
    set(
        "[data-speech=pause]",
        "aria-pressed",
        if paused { "true" } else { "false" },
    );
    if let Some(pause) = find("[data-speech=pause]") {
        pause.set_text_content(Some(&text(if paused {
            |t| &t.resume
        } else {
            |t| &t.pause
        })));
    }
    if let Some(level) = find(".speech-volume") {
        level.set_text_content(Some(&volume_sentence(volume)));
    }
    flag(".speech-bar", "hidden", !on);
    flag(".speech-ask", "hidden", listening != Listening::Unknown);
    flag(
        ".speech-controls",
        "hidden",
        listening == Listening::Unknown,
    );
    flag("html", "data-speech", on);
    set(".speech", "data-ready", "true");
}

pub fn start_up(t: KioskSpeechStrings, lang: String, no_voice_english: String) {
    SETUP.with(|s| {
        let _ = s.set(Setup {
            t,
            lang,
            no_voice_english,
        });
    });
    let on = stored(ON).is_some();
    live(|l| {
        l.on = on;
        l.listening = match stored(LISTENING).as_deref() {
            Some("headphones") => Listening::Headphones,
            Some("loudspeaker") => Listening::Loudspeaker,
            _ => Listening::Unknown,
        };
        let volume = stored(VOLUME).and_then(|v| v.parse().ok());
        l.volume = volume.unwrap_or(DEFAULT_VOLUME).clamp(1, VOLUME_STEPS);
    });
    if on {
        voice::keep_screen_on();
        schedule_refresh();
    }
    // `Fn`, not `FnMut`: our own clicks (a double tap's choice) re-enter it.
    let handler = Closure::<dyn Fn(Event)>::new(handle).into_js_value();
    for kind in [
        "click",
        "mousedown",
        "pointerdown",
        "pointerup",
        "keydown",
        "input",
    ] {
        let _ =
            window().add_event_listener_with_callback_and_bool(kind, handler.unchecked_ref(), true);
    }
    let changed = Closure::<dyn FnMut(JsValue)>::new(|_| schedule_refresh()).into_js_value();
    if let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(changed.unchecked_ref()),
        document().body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attribute_filter(&js_sys::Array::of3(
            &"open".into(),
            &"hidden".into(),
            &"aria-pressed".into(),
        ));
        let _ = observer.observe_with_options(&body, &options);
        std::mem::forget(observer);
    }
    show_state();
}

/// Says `text` in the screen's language at the visitor's volume.
fn say(text: &str, interrupt: bool) {
    if text.trim().is_empty() {
        return;
    }
    let lang = with_setup(|s| s.lang.clone());
    let voice_lang = voice::voice_for(&lang).unwrap_or(lang);
    let volume = live(|l| {
        l.said = text.to_owned();
        l.paused = false;
        l.volume
    });
    voice::say(
        text,
        &voice_lang,
        f32::from(volume) / f32::from(VOLUME_STEPS),
        interrupt,
    );
    show_state();
}

fn schedule_refresh() {
    if live(|l| std::mem::replace(&mut l.refresh_due, true)) {
        return;
    }
    set_timeout(refresh, std::time::Duration::from_millis(80));
}

/// Says what changed: a new screen or dialog in full, else the item just chosen with its
/// new state; then any error or notice that appeared.
fn refresh() {
    let on = live(|l| {
        l.refresh_due = false;
        l.on
    });
    if !on {
        return;
    }
    let private = private();
    let name = reader::screen_name(private);
    let new_screen = live(|l| std::mem::replace(&mut l.screen, name.clone()) != name);
    if new_screen {
        // A new screen is read from the top: the next swipe or key goes on from its heading.
        point(reader::heading());
        live(|l| l.respeak = false);
        let said = with_setup(|s| reader::announcement(&s.t, private));
        say(&said, true);
    } else if live(|l| std::mem::take(&mut l.respeak)) {
        if let Some(el) = live(|l| l.cursor.clone()).filter(|el| el.is_connected()) {
            let said = with_setup(|s| reader::spoken(&el, &s.t, private));
            say(&said, true);
        }
    }
    for news in with_setup(|s| reader::news(&s.t, private)) {
        say(&news, false);
    }
}

/// Moves the speech cursor to `item`, outlined for anyone watching beside the visitor.
fn point(item: Option<Element>) {
    let old = live(|l| std::mem::replace(&mut l.cursor, item.clone()));
    if let Some(old) = old {
        let _ = old.remove_attribute("data-speech-cursor");
    }
    if let Some(item) = item {
        let _ = item.set_attribute("data-speech-cursor", "");
    }
}

/// Points at `item` and says it; `focus`: a key moved there, so focus follows (a touch
/// does not focus, which would open the tablet's keyboard).
fn point_and_say(item: Element, focus: bool) {
    point(Some(item.clone()));
    if focus && reader::is_control(&item) {
        call(&item, "focus");
    } else {
        call(&item, "scrollIntoViewIfNeeded");
    }
    let said = with_setup(|s| reader::spoken(&item, &s.t, private()));
    say(&said, true);
}

fn handle(ev: Event) {
    let on = live(|l| l.on);
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let at = |axis: &str| property(&ev, axis).as_f64().unwrap_or_default();
    match ev.type_().as_str() {
        "pointerdown" => {
            // A swipe's own click, if the browser sends one, follows its pointerup at once.
            let at = (at("clientX"), at("clientY"));
            live(|l| {
                l.pressed_at = at;
                l.swiped = false;
            });
        }
        // The hint waits for the touch to end: only then may a page speak (a touch's
        // pointerdown is no user activation in Chromium).
        "pointerup" if !on => {
            let on_toggle = target
                .as_ref()
                .is_some_and(|t| t.closest(".speech-toggle").ok().flatten().is_some());
            if !on_toggle {
                hint();
            }
        }
        "pointerup" => {
            let (x0, y0) = live(|l| l.pressed_at);
            let (dx, dy) = (at("clientX") - x0, at("clientY") - y0);
            if dx.abs() > SWIPE_PX && dx.abs() > 2.0 * dy.abs() {
                live(|l| l.swiped = true);
                step(if dx > 0.0 { 1 } else { -1 }, false);
            }
        }
        "mousedown" if on && !live(|l| l.activating) => ev.prevent_default(),
        "click" => on_click(ev, target, on),
        "keydown" => on_key(ev, on),
        "input" if on && !live(|l| l.typing) => {
            if let Some(field) = target {
                let said = with_setup(|s| typed_echo(&field, &s.t, private()));
                say(&said, true);
            }
        }
        _ => {}
    }
}

/// What a visitor hears after typing: the letter, or only how many there are.
fn typed_echo(field: &Element, t: &KioskSpeechStrings, private: bool) -> String {
    let value = property(field, "value").as_string().unwrap_or_default();
    match value.chars().last() {
        None => t.empty.clone(),
        Some(_) if private => fill(
            &t.typed_private,
            &[("count", &value.chars().count().to_string())],
        ),
        Some(letter) => letter.to_string(),
    }
}

/// The first touch or key on a page without speech says how to start it.
fn hint() {
    if stored(HINTED).is_none() {
        store(HINTED, Some("yes"));
        say(&text(|t| &t.hint), true);
    }
}

fn on_click(ev: Event, target: Option<Element>, on: bool) {
    let Some(target) = target else { return };
    let control = target
        .closest("[data-speech]")
        .ok()
        .flatten()
        .and_then(|c| c.get_attribute("data-speech"));
    // Without speech, our own clicks, and clicks made by keys (detail 0) act as usual.
    if !on || live(|l| l.activating) || property(&ev, "detail").as_f64() == Some(0.0) {
        if target.closest("[data-end-visit]").ok().flatten().is_some() {
            forget_visit();
        }
        if let Some(control) = control {
            run(&control);
        }
        return;
    }
    ev.prevent_default();
    ev.stop_immediate_propagation();
    if live(|l| std::mem::take(&mut l.swiped)) {
        return;
    }
    // A double tap is two clicks close together, or one click the browser counts as the
    // second (after a swipe Chromium may fold both taps into it).
    let now = js_sys::Date::now();
    let second = property(&ev, "detail").as_f64() == Some(2.0);
    let (double, heard) = live(|l| {
        let quick = now - l.last_tap < DOUBLE_TAP_MS;
        l.last_tap = if quick || second { 0.0 } else { now };
        // What was heard before this double tap's first touch, if that touch came through.
        let heard = l.before_tap.take().filter(|_| quick);
        (quick || second, heard)
    });
    if double {
        if let Some(heard) = heard.filter(|el| el.is_connected()) {
            point(Some(heard));
        }
        choose();
    } else {
        live(|l| l.before_tap = l.cursor.clone());
        if let Some(item) = reader::item_at(&target) {
            point_and_say(item, false);
        }
    }
}

/// Chooses the item last spoken (or, with none, the focused control): a text box takes
/// the focus for typing; anything else is clicked, as a sighted visitor's tap would.
fn choose() {
    let item = live(|l| l.cursor.clone())
        .filter(|el| el.is_connected())
        .or_else(|| document().active_element().filter(reader::is_control));
    let Some(item) = item else {
        let said = with_setup(|s| reader::announcement(&s.t, private()));
        return say(&said, true);
    };
    if reader::is_text_box(&item) || item.tag_name() == "SELECT" {
        return point_and_say(item, true);
    }
    click(&item);
    live(|l| l.respeak = true);
    schedule_refresh();
}

/// Clicks `item` past the listener.
fn click(item: &Element) {
    live(|l| l.activating = true);
    call(item, "click");
    live(|l| l.activating = false);
}

/// The item `by` places on from `from` among `items`, stopping at either end.
fn neighbour(items: &[Element], from: Option<Element>, by: i32) -> Option<Element> {
    let last = items.len() as i32 - 1;
    let at = from.and_then(|f| items.iter().position(|i| *i == f));
    let next = match at {
        Some(i) => (i as i32 + by).clamp(0, last),
        None if by > 0 => 0,
        None => last,
    };
    items.get(usize::try_from(next).ok()?).cloned()
}

/// Moves `by` items on from the cursor (or the focused element) and says the new one.
fn step(by: i32, focus: bool) {
    let from = live(|l| l.cursor.clone()).or_else(|| document().active_element());
    if let Some(item) = neighbour(&reader::items(), from, by) {
        point_and_say(item, focus);
    }
}

/// Moves the keyboard focus `by` controls on, for the keypad with speech off.
fn move_focus(by: i32) {
    let controls: Vec<Element> = reader::items()
        .into_iter()
        .filter(reader::is_control)
        .collect();
    if let Some(control) = neighbour(&controls, document().active_element(), by) {
        call(&control, "focus");
    }
}

fn on_key(ev: Event, on: bool) {
    let key = property(&ev, "key").as_string().unwrap_or_default();
    let held = |name: &str| property(&ev, name).as_bool().unwrap_or(false);
    if held("ctrlKey") || held("altKey") || held("metaKey") {
        return;
    }
    let focused = document().active_element();
    let in_text_box = focused.as_ref().is_some_and(reader::is_text_box);
    if !on && key != "Tab" {
        hint();
    }
    // A name typed on the digits, as on a phone.
    if let Some(field) = focused
        .as_ref()
        .filter(|f| in_text_box && f.has_attribute("data-letters"))
    {
        if key.len() == 1 && key.as_bytes()[0].is_ascii_digit() {
            ev.prevent_default();
            return type_letter(field, &key, on);
        }
    }
    let Some(action) = key_action(&key, held("shiftKey"), in_text_box) else {
        return;
    };
    let at_body = focused.as_ref().is_none_or(|f| f.tag_name() == "BODY");
    // Without speech, star, hash and Escape are typed into other text boxes (an email).
    let name_field = focused
        .as_ref()
        .is_some_and(|f| f.has_attribute("data-letters"));
    if !on && in_text_box && !name_field {
        return;
    }
    if !on {
        // The keyboard's own Tab, Enter and space still work; the keypad's keys are ours,
        // and Enter with nothing focused starts speech, as the hint says.
        let native = matches!(key.as_str(), "Tab" | "Enter" | " ");
        match action {
            KeyAction::Choose if at_body && key == "Enter" => run("toggle"),
            KeyAction::Next | KeyAction::Previous if !native => {
                move_focus(if action == KeyAction::Next { 1 } else { -1 })
            }
            KeyAction::Choose if !native => {
                if let Some(f) = focused.filter(|_| !at_body) {
                    click(&f);
                }
            }
            KeyAction::Back | KeyAction::Help | KeyAction::Done => act(action, focused.as_ref()),
            _ => return,
        }
        return ev.prevent_default();
    }
    ev.prevent_default();
    act(action, focused.as_ref());
}

/// Carries out a key's action (speech on, or the few that need no speech).
fn act(action: KeyAction, focused: Option<&Element>) {
    match action {
        KeyAction::Next => step(1, true),
        KeyAction::Previous => step(-1, true),
        KeyAction::Choose => choose(),
        // As Enter would, but with the button of the field's own part of the form (the
        // arrival page finds by code or by name, each with its own button).
        KeyAction::Done => {
            let submit = focused
                .and_then(|f| f.closest("fieldset, form").ok().flatten())
                .and_then(|part| part.query_selector("[type=submit]").ok().flatten());
            match submit {
                Some(button) => click(&button),
                None => step(1, true),
            }
        }
        KeyAction::SayAgain => {
            let said = live(|l| l.said.clone());
            say(&said, true);
        }
        KeyAction::Pause => {
            let paused = live(|l| {
                l.paused = !l.paused;
                l.paused
            });
            voice::hold(paused);
            show_state();
        }
        KeyAction::Back => back(),
        KeyAction::Help => {
            if let Some(help) = find(".speech-help") {
                if !help.has_attribute("open") {
                    call(&help, "showModal");
                }
            }
        }
        KeyAction::Louder | KeyAction::Quieter => {
            let level = live(|l| {
                l.volume = if action == KeyAction::Louder {
                    (l.volume + 1).min(VOLUME_STEPS)
                } else {
                    l.volume.saturating_sub(1).max(1)
                };
                l.volume
            });
            store(VOLUME, Some(&level.to_string()));
            say(&volume_sentence(level), true);
        }
    }
}

/// Goes back: out of an open dialog by its button, else by the screen's Back.
fn back() {
    if let Some(control) = find("dialog[open] button").or_else(|| find("[data-key-back]")) {
        click(&control);
    }
}

/// Types the letter of a digit key into a name field, and says it (or, kept private,
/// how many letters there are).
fn type_letter(field: &Element, key: &str, on: bool) {
    let now = js_sys::Date::now();
    let value = property(field, "value").as_string().unwrap_or_default();
    let here = (field.clone(), value.chars().count());
    let presses = live(|l| {
        let (last, count, at) = &l.letter_key;
        let same =
            last == key && now - at < SAME_LETTER_MS && l.letter_field.as_ref() == Some(&here);
        let presses = if same { count + 1 } else { 1 };
        l.letter_key = (key.to_owned(), presses, now);
        presses
    });
    let digit = key.chars().next().unwrap_or(' ');
    let Some((typed, letter)) = keypad_letters::press(&value, digit, presses) else {
        return;
    };
    let length = typed.chars().count();
    set_value(field, &typed);
    live(|l| l.letter_field = Some((field.clone(), length)));
    // The page learns of the new letter as it would of a typed one.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(input) = Event::new_with_event_init_dict("input", &init) {
        live(|l| l.typing = true);
        let _ = field.dispatch_event(&input);
        live(|l| l.typing = false);
    }
    if on {
        let said = if private() {
            with_setup(|s| typed_echo(field, &s.t, true))
        } else {
            letter.to_string()
        };
        say(&said, true);
    }
}

/// The ticket's Done: the next visitor starts with speech off and the volume as it was.
fn forget_visit() {
    for key in [ON, VOLUME, LISTENING, HINTED] {
        store(key, None);
    }
}

/// The speech controls' own actions (`data-speech`).
fn run(control: &str) {
    match control {
        "toggle" if live(|l| l.on) => {
            say(&text(|t| &t.off), true);
            forget_visit();
            live(|l| {
                l.on = false;
                l.listening = Listening::Unknown;
                l.volume = DEFAULT_VOLUME;
            });
            point(None);
            show_state();
        }
        "toggle" => start_speech(),
        "headphones" | "loudspeaker" => {
            let headphones = control == "headphones";
            live(|l| {
                l.listening = if headphones {
                    Listening::Headphones
                } else {
                    Listening::Loudspeaker
                };
                // The screen, from the top, now that the visitor knows how to listen.
                l.screen.clear();
            });
            store(LISTENING, Some(control));
            show_state();
            schedule_refresh();
        }
        "again" => act(KeyAction::SayAgain, None),
        "pause" => act(KeyAction::Pause, None),
        "quieter" => act(KeyAction::Quieter, None),
        "louder" => act(KeyAction::Louder, None),
        "help" => act(KeyAction::Help, None),
        "close-help" => {
            if let Some(help) = find(".speech-help") {
                call(&help, "close");
            }
        }
        _ => {}
    }
}

/// Turns speech on: says so, and asks about headphones (in English first, where the tablet
/// has no voice for the screen's language).
fn start_speech() {
    let listening = live(|l| {
        l.on = true;
        l.screen = reader::screen_name(true);
        l.listening
    });
    store(ON, Some("on"));
    store(HINTED, Some("yes"));
    show_state();
    voice::keep_screen_on();
    let lang = with_setup(|s| s.lang.clone());
    let has_voice = voice::voice_for(&lang).is_some();
    if !has_voice {
        let english = voice::voice_for("en").unwrap_or_else(|| "en".to_owned());
        voice::say(
            &with_setup(|s| s.no_voice_english.clone()),
            &english,
            1.0,
            true,
        );
        show_no_voice_notice();
    }
    let mut said = text(|t| &t.on);
    if listening == Listening::Unknown {
        said.push(' ');
        said.push_str(&text(|t| &t.listening_question));
    }
    say(&said, has_voice);
}

/// Shows the frame's "no voice for this language" notice in the screen's language; its
/// message waits in a data attribute, and becoming its text makes screen readers say it.
fn show_no_voice_notice() {
    if let Some(notice) = find(".read-aloud-missing") {
        notice.set_text_content(notice.get_attribute("data-message").as_deref());
    }
}
