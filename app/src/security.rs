//! [ssr] The Content-Security-Policy nonce of the request being answered. The server's
//! header middleware draws one per request, puts it in the request's extensions and in
//! `REQUEST_NONCE` for the handler's task, and names it in the `Content-Security-Policy`
//! header; every page render provides it to Leptos, which writes it on each inline script
//! it emits (hydration, islands, resolved resources) and on ours (`nonce=use_nonce()`).

use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};

/// A per-request nonce: 128 random bits, hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspNonce(pub String);

tokio::task_local! {
    /// The nonce of the request the current task answers. Form handlers render pages
    /// outside the router's Leptos routes; they find the nonce here.
    pub static REQUEST_NONCE: CspNonce;
}

impl CspNonce {
    pub fn new() -> CspNonce {
        use rand::RngCore;
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        CspNonce(hex::encode(bytes))
    }
}

impl Default for CspNonce {
    fn default() -> Self {
        CspNonce::new()
    }
}

/// The nonce of this request, from the request's extensions (Leptos routes) or the task
/// (form handlers rendering a page).
pub fn request_nonce() -> Option<CspNonce> {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
        .or_else(|| REQUEST_NONCE.try_with(Clone::clone).ok())
}

/// Makes Leptos write this request's nonce on its inline scripts. Without a request nonce
/// (a test calling a handler directly) Leptos keeps the random one it drew itself.
pub fn provide_request_nonce() {
    if let Some(CspNonce(nonce)) = request_nonce() {
        provide_context(Nonce::from_value(nonce));
    }
}
