//! Sends the check-in from the kiosk to the `check_in` server function.
//!
//! Calls the server function's endpoint with a plain `fetch` and JSON rather than through
//! the generated client: the generic client (codecs, HTTP types, error decoding) costs a
//! few KB of brotli'd WASM on every kiosk tablet, and the kiosk budget has no room for it.
//! The request body is exactly the server function's JSON arguments, so the endpoint stays
//! the one source of truth; the HTTP tests call it the same way.

use crate::api::check_in::CheckInOutcome;
use crate::domain::check_in::CheckInAnswers;
use serde::Serialize;
use uuid::Uuid;

/// The `check_in` server function's arguments. The language travels as its tag ("zh-Hans"),
/// which is how the server reads a `Locale`: the kiosk needs no code for the enum.
#[derive(Serialize)]
pub struct CheckInRequest {
    pub center_id: String,
    pub language: String,
    pub key: Uuid,
    pub answers: CheckInAnswers,
    pub visitor: Option<i64>,
}

/// Where the `check_in` server function answers (`/api` + its `endpoint`).
pub const CHECK_IN_URL: &str = "/api/kiosk/check-in";

/// Posts the check-in; `None` when the server could not be reached or did not answer
/// with an outcome (the kiosk then keeps the answers and offers to try again).
#[cfg(feature = "hydrate")]
pub async fn send_check_in(request: &CheckInRequest) -> Option<CheckInOutcome> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    let body = serde_json::to_string(request).ok()?;
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    headers.set("accept", "application/json").ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&body));
    let response = JsFuture::from(web_sys::window()?.fetch_with_str_and_init(CHECK_IN_URL, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
}

/// On the server the wizard never sends anything.
#[cfg(not(feature = "hydrate"))]
pub async fn send_check_in(_request: &CheckInRequest) -> Option<CheckInOutcome> {
    None
}
