//! Small DOM helpers shared by the kiosk's view-less browser code (speech, keypad, idle
//! guard, check-in wizard). Methods and properties go through JavaScript's own lookup:
//! one `Reflect` binding serves them all, which costs the kiosk's WASM less than a
//! generated binding for each.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Calls `method`, which takes no argument, on `target`; what it returns, or `undefined`
/// where `target` has no such method (an older browser) or it throws.
pub fn call(target: &JsValue, method: &str) -> JsValue {
    js_sys::Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(target).ok())
        .unwrap_or_default()
}

/// `target[name]`, or `undefined`.
pub fn property(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap_or_default()
}

/// Sets an input's value, as typing would (but without an `input` event).
pub fn set_value(input: &Element, value: &str) {
    let _ = js_sys::Reflect::set(input, &"value".into(), &value.into());
}

/// The first element of the page that matches `selector`.
pub fn find(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

/// The first element of `within` that matches `selector`, shown or not.
pub fn first(within: &Element, selector: &str) -> Option<Element> {
    within.query_selector(selector).ok().flatten()
}

/// The elements of `within` that match `selector`, shown or not.
pub fn every(within: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = within.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Sets (`on`) or removes the value-less attribute `name` (`hidden`, `open`).
pub fn set_flag(el: &Element, name: &str, on: bool) {
    let _ = if on {
        el.set_attribute(name, "")
    } else {
        el.remove_attribute(name)
    };
}
