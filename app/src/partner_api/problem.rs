//! Errors of the partners' API as RFC 9457 problem details (`application/problem+json`):
//! a `type` a program can switch on, a `title` and `detail` a developer can read, and for
//! a bad request the parameters to mend. Never the cause of a server failure (logged).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type RFC 9457 names.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem, as RFC 9457 describes it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Problem {
    /// What kind of problem, a URI reference; `about:blank` when the status says it all.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind, the same for every occurrence.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// The query parameters to mend (for `invalid-parameter`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    pub invalid_params: Vec<InvalidParam>,
    /// Seconds to wait before trying again (for 429).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub retry_after: Option<u64>,
}

/// One query parameter that was refused.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct InvalidParam {
    pub name: String,
    pub reason: String,
}

/// The documented kinds (anchors on the API's page).
const INVALID_PARAMETER: &str = "/api/v1#problem-invalid-parameter";
const NOT_FOUND: &str = "/api/v1#problem-not-found";
const TOO_MANY_REQUESTS: &str = "/api/v1#problem-too-many-requests";

impl Problem {
    /// 400: `name` cannot be used, for `reason`.
    pub fn invalid(name: &str, reason: impl Into<String>) -> Problem {
        let reason = reason.into();
        Problem {
            kind: INVALID_PARAMETER.to_owned(),
            title: "A query parameter is not valid".to_owned(),
            status: 400,
            detail: format!("{name}: {reason}"),
            invalid_params: vec![InvalidParam {
                name: name.to_owned(),
                reason,
            }],
            retry_after: None,
        }
    }

    /// 404: there is no `what`.
    pub fn not_found(what: impl Into<String>) -> Problem {
        Problem {
            kind: NOT_FOUND.to_owned(),
            title: "Not found".to_owned(),
            status: 404,
            detail: what.into(),
            invalid_params: Vec::new(),
            retry_after: None,
        }
    }

    /// 429: over the client's limit; wait `seconds`.
    pub fn too_many(seconds: u64) -> Problem {
        let seconds = seconds.max(1);
        Problem {
            kind: TOO_MANY_REQUESTS.to_owned(),
            title: "Too many requests".to_owned(),
            status: 429,
            detail: format!("This address has made too many requests; try again in {seconds} s."),
            invalid_params: Vec::new(),
            retry_after: Some(seconds),
        }
    }

    /// 503: every turn is taken by other partners' requests; come back shortly.
    pub fn busy() -> Problem {
        tracing::warn!("partner API busy: a request waited too long for its turn");
        Problem {
            kind: "about:blank".to_owned(),
            title: "Service Unavailable".to_owned(),
            status: 503,
            detail: "The server is answering many requests; try again shortly.".to_owned(),
            invalid_params: Vec::new(),
            retry_after: Some(5),
        }
    }

    /// 503: the server could not answer now; the cause is logged, never sent.
    pub fn unavailable(cause: impl std::fmt::Display) -> Problem {
        tracing::error!(error = %cause, "partner API request failed");
        Problem {
            kind: "about:blank".to_owned(),
            title: "Service Unavailable".to_owned(),
            status: 503,
            detail: "The server cannot answer now; try again shortly.".to_owned(),
            invalid_params: Vec::new(),
            retry_after: Some(5),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after = self.retry_after;
        let body = serde_json::to_string(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<crate::db::Error> for Problem {
    fn from(error: crate::db::Error) -> Problem {
        Problem::unavailable(error)
    }
}
