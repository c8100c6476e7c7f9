//! What speech mode says about the screen: which items a visitor moves between, what each
//! one says (its name, its state, its hint or error), and what a screen says on arrival.
//! It reads the page itself, so every kiosk screen, wizard step or server form, speaks
//! without knowing about speech. Pages help with three attributes: `data-speak` (say this
//! instead of the text, as for a ticket number spelled out), `data-announce` (read this
//! in full on arrival) and `data-announce-change` (read this when it appears).

use super::dom::{call, every, first, property};
use crate::i18n::{fill, KioskSpeechStrings};
use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The things a visitor moves between: headings, text, and every control.
const ITEMS: &str = "h1, h2, p, li, button, a[href], input, select, textarea";
const CONTROLS: &str = "button, a[href], input, select, textarea";

/// The elements of `within` that match `selector` and are on screen.
fn all(within: &Element, selector: &str) -> Vec<Element> {
    every(within, selector)
        .into_iter()
        .filter(|el| {
            // Where the browser cannot say, an element inside a hidden one is not shown
            // (the wizard's other screens).
            call(el, "checkVisibility")
                .as_bool()
                .unwrap_or_else(|| el.closest("[hidden]").ok().flatten().is_none())
        })
        .collect()
}

/// The part of the page the visitor can reach now: an open dialog shuts out the rest.
pub fn scope() -> Option<Element> {
    let doc = document();
    doc.query_selector("dialog[open]")
        .ok()
        .flatten()
        .or_else(|| doc.query_selector(".kiosk").ok().flatten())
        .or_else(|| doc.body().map(Into::into))
}

/// Whether `el` is something a visitor can choose or fill in.
pub fn is_control(el: &Element) -> bool {
    el.matches(CONTROLS).unwrap_or(false)
}

pub fn is_text_box(el: &Element) -> bool {
    match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("button" | "submit" | "checkbox" | "radio" | "hidden")
        ),
        _ => false,
    }
}

/// The item at a touched point: the control it belongs to, else the text.
pub fn item_at(target: &Element) -> Option<Element> {
    target
        .closest(CONTROLS)
        .ok()
        .flatten()
        .or_else(|| target.closest(ITEMS).ok().flatten())
        .filter(|el| scope().is_some_and(|s| s.contains(Some(el))))
}

/// The items of `within` in reading order: controls, and text that is neither inside a
/// control nor around one (a list item holding a link is its link).
fn items_of(within: &Element) -> Vec<Element> {
    all(within, ITEMS)
        .into_iter()
        .filter(|el| {
            is_control(el)
                || (first(el, CONTROLS).is_none()
                    && el
                        .parent_element()
                        .and_then(|p| p.closest(CONTROLS).ok().flatten())
                        .is_none()
                    && !plain_text(el).is_empty())
        })
        .collect()
}

/// Every item the visitor can reach now.
pub fn items() -> Vec<Element> {
    scope().map(|s| items_of(&s)).unwrap_or_default()
}

/// The text of `el` as heard: what is hidden from assistive technology (icons, check
/// marks) is left out, and separate elements are separate words.
fn plain_text(el: &Element) -> String {
    let mut text = String::new();
    collect_text(el, &mut text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_text(node: &web_sys::Node, text: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.dyn_ref::<Element>() {
            Some(el) => {
                if el.get_attribute("aria-hidden").as_deref() != Some("true")
                    && !el.has_attribute("hidden")
                {
                    text.push(' ');
                    collect_text(el, text);
                }
            }
            None => text.push_str(&child.text_content().unwrap_or_default()),
        }
    }
}

fn label_of(el: &Element) -> String {
    let labels = property(el, "labels");
    let label = property(&labels, "0");
    match label.dyn_ref::<Element>() {
        Some(label) => plain_text(label),
        None => el.get_attribute("aria-label").unwrap_or_default(),
    }
}

/// What `el` says: its name, what it is, its state, then its hint and any error.
/// `private`: what a text box holds is not said aloud, only how long it is.
pub fn spoken(el: &Element, t: &KioskSpeechStrings, private: bool) -> String {
    if let Some(said) = private_text(el, private).or_else(|| el.get_attribute("data-speak")) {
        return said;
    }
    let mut parts = Vec::new();
    if is_text_box(el) {
        parts.push(label_of(el));
        parts.push(t.text_box.clone());
        let value = property(el, "value").as_string().unwrap_or_default();
        parts.push(if value.is_empty() {
            t.empty.clone()
        } else if private {
            fill(
                &t.typed_private,
                &[("count", &value.chars().count().to_string())],
            )
        } else {
            value
        });
    } else {
        parts.push(plain_text(el));
        if is_control(el) {
            parts.push(t.button_role.clone());
        }
        let pressed = el.get_attribute("aria-pressed");
        if pressed.as_deref() == Some("true") || el.has_attribute("aria-current") {
            parts.push(t.selected.clone());
        } else if pressed.as_deref() == Some("false") {
            parts.push(t.not_selected.clone());
        }
    }
    for id in el
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
    {
        if let Some(described) = document().get_element_by_id(id) {
            parts.push(plain_text(&described));
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(", ")
}

/// `parts` as sentences: a full stop after each that does not end one already (a question
/// mark, a colon, a Chinese full stop), so a voice pauses between them.
fn sentences(parts: impl IntoIterator<Item = String>) -> String {
    let mut text = String::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if let Some(last) = text.chars().last() {
            if !matches!(
                last,
                '.' | '?' | '!' | ':' | '。' | '？' | '！' | '：' | '؟'
            ) {
                text.push('.');
            }
            text.push(' ');
        }
        text.push_str(&part);
    }
    text
}

/// Everything `within` says, item after item.
pub fn spoken_all(within: &Element, t: &KioskSpeechStrings, private: bool) -> String {
    sentences(items_of(within).iter().map(|el| spoken(el, t, private)))
}

/// What `el` says in place of its text while the visitor keeps things private: text with
/// a name in it carries a version without (`data-speak-private`).
fn private_text(el: &Element, private: bool) -> Option<String> {
    private
        .then(|| el.get_attribute("data-speak-private"))
        .flatten()
}

/// The heading of the screen the visitor is on, or of the open dialog: the main heading
/// on screen (the closed help dialog's comes earlier, and the wizard's hidden screens
/// have theirs).
pub fn heading() -> Option<Element> {
    let scope = scope()?;
    let shown = |level: &str| all(&scope, level).into_iter().next();
    shown("h1").or_else(|| shown("h2"))
}

/// Names the screen the visitor is on, by its heading.
pub fn screen_name(private: bool) -> String {
    heading()
        .map(|h| private_text(&h, private).unwrap_or_else(|| plain_text(&h)))
        .unwrap_or_default()
}

/// What a screen says on arrival: its heading and question, what it asks to be read in
/// full (a ticket, a privacy notice), then how many choices it offers or the field it
/// asks to fill. A dialog is read in full.
pub fn announcement(t: &KioskSpeechStrings, private: bool) -> String {
    let Some(scope) = scope() else {
        return String::new();
    };
    if scope.tag_name() == "DIALOG" {
        return spoken_all(&scope, t, private);
    }
    let mut parts = vec![screen_name(private)];
    for el in all(&scope, ".lead, .hint, [data-announce]") {
        parts.push(spoken_all(&el, t, private));
    }
    let choices = all(&scope, ".choice, .big-action").len();
    if choices > 0 {
        parts.push(fill(&t.choices, &[("count", &choices.to_string())]));
    } else if let Some(field) = items_of(&scope).into_iter().find(is_text_box) {
        parts.push(spoken(&field, t, private));
    }
    sentences(parts)
}

/// What changed on screen and has not been said: errors (with the field they belong to,
/// found by the field's `aria-describedby`, else the screen's heading)
/// and notices that appeared. Each is marked as said; a notice hidden again is unmarked,
/// so it speaks when it comes back.
pub fn news(t: &KioskSpeechStrings, private: bool) -> Vec<String> {
    let Some(scope) = scope() else {
        return Vec::new();
    };
    for gone in every(&scope, "[data-announce-change][hidden][data-spoken]") {
        let _ = gone.remove_attribute("data-spoken");
    }
    let mut said = Vec::new();
    for el in all(
        &scope,
        "[role=alert]:not([data-spoken]), .field-error:not([data-spoken]), [data-announce-change]:not([hidden]):not([data-spoken])",
    ) {
        let _ = el.set_attribute("data-spoken", "");
        let text = plain_text(&el);
        if text.is_empty() {
            continue;
        }
        let field = document()
            .query_selector(&format!("[aria-describedby~='{}']", el.id()))
            .ok()
            .flatten()
            .filter(|_| !el.id().is_empty())
            .map(|f| label_of(&f))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| screen_name(private));
        said.push(if !el.has_attribute("data-announce-change") {
            format!("{field}: {text}")
        } else {
            spoken_all(&el, t, private)
        });
    }
    said
}
