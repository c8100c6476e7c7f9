//! Answers partners can poll cheaply: each carries an `ETag` (a hash of its JSON) and a
//! `Cache-Control` lifetime; a request whose `If-None-Match` names the current tag gets
//! 304 and no body. The tag is weak (`W/`): the compression layer may send the same JSON
//! as brotli or gzip, which are not byte-for-byte the same.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// How long a shared cache or a partner may reuse an answer without asking again.
#[derive(Debug, Clone, Copy)]
pub enum Freshness {
    /// Centers and services change when an admin edits them.
    Setup,
    /// Free times and seats change with every booking and enrolment.
    Live,
}

impl Freshness {
    fn cache_control(self) -> &'static str {
        match self {
            Freshness::Setup => "public, max-age=300",
            Freshness::Live => "public, max-age=30",
        }
    }
}

/// `value` as JSON, or 304 when the client already holds this very answer.
pub fn json<T: Serialize>(request: &HeaderMap, value: &T, freshness: Freshness) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => cached(request, body, "application/json", freshness),
        Err(error) => super::problem::Problem::unavailable(error).into_response(),
    }
}

/// `body` as `content_type`, or 304 when the client already holds this very answer.
pub fn cached(
    request: &HeaderMap,
    body: Vec<u8>,
    content_type: &'static str,
    freshness: Freshness,
) -> Response {
    let tag = etag(&body);
    let not_modified = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| names_tag(v, &tag));
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut ok = body.into_response();
        ok.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        ok
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(freshness.cache_control()),
    );
    response
}

/// `W/"…"`: the first 128 bits of the body's SHA-256.
fn etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    format!("W/\"{}\"", hex::encode(&digest[..16]))
}

/// Whether an `If-None-Match` value (`*` or a list of tags) names `tag`. Weak comparison,
/// as RFC 9110 asks for `If-None-Match`: `W/"x"` and `"x"` are the same.
fn names_tag(header_value: &str, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    header_value.trim() == "*"
        || header_value
            .split(',')
            .any(|candidate| opaque(candidate) == opaque(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_named_strongly_weakly_or_in_a_list() {
        let tag = etag(b"{}");
        let bare = tag.trim_start_matches("W/");
        assert!(names_tag(&tag, &tag));
        assert!(names_tag(bare, &tag));
        assert!(names_tag(&format!("\"other\", {tag}"), &tag));
        assert!(names_tag("*", &tag));
        assert!(!names_tag("\"other\"", &tag));
        assert!(!names_tag("", &tag));
        assert_ne!(etag(b"{}"), etag(b"[]"));
    }
}
