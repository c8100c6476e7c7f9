//! How long a browser keeps the site's files. The JS, WASM and CSS under `/pkg` carry a
//! hash of their content in their names (cargo-leptos `hash-files`): a kiosk tablet or a
//! returning phone keeps them for a year and never asks again, and a new release has new
//! names. Everything else static (`public/`: the staff style sheet, icons, the chime) keeps
//! its name across releases, so a browser asks each time whether it changed.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Whether the build hashed the names under `/pkg` (`LeptosOptions::hash_files`).
#[derive(Clone, Copy)]
pub struct HashedNames(pub bool);

/// Files whose names change with their content.
const FOREVER: &str = "public, max-age=31536000, immutable";
/// Files kept under the same name: a browser revalidates them.
const REVALIDATE: &str = "no-cache";

pub async fn cache_site_files(
    State(HashedNames(hashed)): State<HashedNames>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    // Only the site's files: pages and personal downloads (a report's CSV, an
    // appointment's calendar file) set their own caching, `no-store`, which stays; a
    // missing file is not kept.
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'));
    let decided = response.headers().contains_key(header::CACHE_CONTROL);
    if !is_file || decided || !response.status().is_success() {
        return response;
    }
    let value = if hashed && path.starts_with("/pkg/") {
        FOREVER
    } else {
        REVALIDATE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}
