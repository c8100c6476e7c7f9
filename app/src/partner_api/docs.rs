//! The API described: the OpenAPI 3.1 document `utoipa` derives from the handlers and
//! types (`/api/v1/openapi.json`), and a page for the developers of partners (`/api/v1`)
//! written from that same document, so the two never disagree. The page is in English,
//! as the document and every API's reference are.

use super::caching::{json, Freshness};
use super::problem::{InvalidParam, Problem};
use super::vocabulary::{LanguageTag, TimeZoneName, TopicCode};
use super::{centers, feeds, free_times, services, sessions};
use crate::domain::limits::Limited;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};
use std::sync::OnceLock;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{OpenApi, RefOr, Required};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Frontdesk partner API",
        version = "1",
        description = "Read-only facts of the job centers for partners: centers, bookable services and their free times, workshop sessions and hiring events. No answer holds anything of any person. Errors are RFC 9457 problem details; every answer carries an ETag for If-None-Match; CORS is open to every origin."
    ),
    paths(centers::list, centers::one, services::list, free_times::list, sessions::workshops, sessions::hiring_events, feeds::center, feeds::topic),
    components(schemas(Problem, InvalidParam, LanguageTag, TopicCode, TimeZoneName)),
    tags(
        (name = "centers", description = "Where the centers are and when they are open"),
        (name = "appointments", description = "What can be booked, and when"),
        (name = "workshops", description = "Workshop sessions and hiring events"),
        (name = "calendars", description = "iCalendar feeds to subscribe to from a phone or Outlook"),
    )
)]
pub struct PartnerApi;

/// The document, built once.
pub fn document() -> &'static OpenApi {
    static DOCUMENT: OnceLock<OpenApi> = OnceLock::new();
    DOCUMENT.get_or_init(<PartnerApi as utoipa::OpenApi>::openapi)
}

/// `GET /api/v1/openapi.json`.
pub async fn openapi_json(headers: HeaderMap) -> Response {
    json(&headers, document(), Freshness::Setup)
}

/// `GET /api/v1`: every endpoint with its parameters and answers.
pub async fn page(State(state): State<AppState>) -> Response {
    let mut response = page_html(document(), state.limits.partner_burst()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

fn page_html(doc: &OpenApi, burst: u32) -> String {
    let quota = Limited::PartnerRead.quota();
    let mut endpoints = String::new();
    for (path, item) in &doc.paths.paths {
        if let Some(operation) = &item.get {
            endpoints.push_str(&endpoint_html(path, operation));
        }
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}, version {version}</title><link rel="stylesheet" href="{css}"><link rel="stylesheet" href="/booking.css"></head>
<body><main id="main" class="booking-main api-docs">
<h1>{title}, version {version}</h1>
<p>{description}</p>
<ul>
<li>The whole description, for tools: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {openapi}).</li>
<li>Every address may make {burst} requests at once, then one more every {period} s; past that the answer is 429 with <code>Retry-After</code>.</li>
<li>Send the <code>ETag</code> of an answer back in <code>If-None-Match</code>: an unchanged answer is 304 with no body. <code>Cache-Control</code> says how long an answer may be reused.</li>
<li>Times are in UTC (RFC 3339) unless named local; days are <code>YYYY-MM-DD</code> in the zone the request names.</li>
</ul>
{endpoints}
<h2 id="problems">Problems</h2>
<dl>
<dt id="problem-invalid-parameter"><code>/api/v1#problem-invalid-parameter</code> (400)</dt><dd>A query parameter cannot be used; <code>invalid_params</code> names it and says why.</dd>
<dt id="problem-not-found"><code>/api/v1#problem-not-found</code> (404)</dt><dd>The center, service or endpoint asked for does not exist.</dd>
<dt id="problem-too-many-requests"><code>/api/v1#problem-too-many-requests</code> (429)</dt><dd>This address is over its limit; <code>retry_after</code> and the header say when to try again.</dd>
</dl>
</main></body></html>"#,
        title = esc(&doc.info.title),
        version = esc(&doc.info.version),
        description = esc(doc.info.description.as_deref().unwrap_or_default()),
        css = crate::site_files::stylesheet_href(),
        openapi = "3.1",
        burst = burst,
        period = quota.period_seconds,
    )
}

fn endpoint_html(path: &str, operation: &Operation) -> String {
    let mut html = format!(
        "<section class=\"api-endpoint\" aria-labelledby=\"{id}\"><h2 id=\"{id}\"><code>GET {path}</code></h2>\n",
        id = attr(&path.replace(['/', '{', '}'], "-")),
        path = esc(path),
    );
    for text in [&operation.summary, &operation.description]
        .into_iter()
        .flatten()
    {
        html.push_str(&format!("<p>{}</p>\n", prose(text)));
    }
    let parameters: Vec<_> = operation
        .parameters
        .iter()
        .flatten()
        .filter_map(|p| match p {
            RefOr::T(p) => Some(p),
            RefOr::Ref(_) => None,
        })
        .collect();
    if !parameters.is_empty() {
        html.push_str("<table><thead><tr><th scope=\"col\">Parameter</th><th scope=\"col\">In</th><th scope=\"col\">Required</th><th scope=\"col\">Meaning</th></tr></thead><tbody>\n");
        for p in parameters {
            let place = match p.parameter_in {
                ParameterIn::Path => "path",
                _ => "query",
            };
            let required = if matches!(p.required, Required::True) {
                "yes"
            } else {
                "no"
            };
            html.push_str(&format!(
                "<tr><th scope=\"row\"><code>{}</code></th><td>{place}</td><td>{required}</td><td>{}</td></tr>\n",
                esc(&p.name),
                prose(p.description.as_deref().unwrap_or_default()),
            ));
        }
        html.push_str("</tbody></table>\n");
    }
    html.push_str("<ul class=\"api-responses\">\n");
    for (status, answer) in &operation.responses.responses {
        if let RefOr::T(answer) = answer {
            html.push_str(&format!(
                "<li><strong>{}</strong>: {}</li>\n",
                esc(status),
                prose(&answer.description)
            ));
        }
    }
    html.push_str("</ul></section>\n");
    html
}

/// A description from the document as HTML: escaped, and `code` in backticks set as
/// code (the doc comments it comes from are Markdown).
fn prose(text: &str) -> String {
    esc(text)
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_owned()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1_and_describes_every_endpoint() {
        let doc = serde_json::to_value(document()).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        for path in [
            "/api/v1/centers",
            "/api/v1/centers/{id}",
            "/api/v1/services",
            "/api/v1/free-times",
            "/api/v1/workshops",
            "/api/v1/hiring-events",
            "/api/v1/centers/{id}/calendar.ics",
            "/api/v1/topics/{topic}/calendar.ics",
        ] {
            assert!(doc["paths"][path]["get"].is_object(), "{path}");
        }
    }

    #[test]
    fn descriptions_are_escaped_and_backticks_become_code() {
        assert_eq!(
            prose("Send the `ETag` <b>back</b>"),
            "Send the <code>ETag</code> &lt;b&gt;back&lt;/b&gt;"
        );
    }

    #[test]
    fn the_page_lists_every_endpoint_of_the_document() {
        let html = page_html(document(), 120);
        for path in document().paths.paths.keys() {
            assert!(html.contains(&format!("<code>GET {path}</code>")), "{path}");
        }
        assert!(html.contains("id=\"problem-invalid-parameter\""));
        assert!(html.contains("make 120 requests at once"));
    }
}
