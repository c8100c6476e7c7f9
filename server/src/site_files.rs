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
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    // A file compressed at build time is sent in the encoding the browser accepts: a
    // shared cache must keep one copy per Accept-Encoding (the compression layer says so
    // only for what it compresses itself).
    let varies = headers.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    });
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::StatusCode;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    /// What the site-file caching leaves on the answer to `path`, from a handler that
    /// answers `handler_cache` (a personal download sets its own).
    async fn headers_for(path: &str, handler_cache: Option<&'static str>) -> header::HeaderMap {
        let handler = move || async move {
            let mut response = Response::new(Body::from("x"));
            if let Some(value) = handler_cache {
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
            }
            response
        };
        let app =
            Router::new()
                .route(path, get(handler))
                .layer(axum::middleware::from_fn_with_state(
                    HashedNames(true),
                    cache_site_files,
                ));
        let request = Request::get(path).body(Body::empty()).unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.headers().clone()
    }

    fn varies_by_encoding(headers: &header::HeaderMap) -> bool {
        headers
            .get_all(header::VARY)
            .iter()
            .any(|v| v == "accept-encoding")
    }

    #[tokio::test]
    async fn hashed_files_are_kept_for_good_and_others_revalidated_each_by_encoding() {
        let hashed = headers_for("/pkg/frontdesk.Zly8qoy2dNrpUQ2Dacwtpw.wasm", None).await;
        assert_eq!(hashed[header::CACHE_CONTROL], FOREVER);
        assert!(
            varies_by_encoding(&hashed),
            "precompressed copies differ by encoding"
        );
        let public = headers_for("/booking.css", None).await;
        assert_eq!(public[header::CACHE_CONTROL], REVALIDATE);
        assert!(varies_by_encoding(&public));
    }

    #[tokio::test]
    async fn a_personal_download_keeps_its_own_no_store() {
        let csv = headers_for("/staff/reports.csv", Some("no-store")).await;
        assert_eq!(csv[header::CACHE_CONTROL], "no-store");
    }
}
