//! What every response says to the browser about itself, and what every state-changing
//! request must show about where it comes from.
//!
//! - A Content-Security-Policy naming a fresh nonce per request: only scripts from this
//!   site, or inline scripts carrying the nonce (Leptos's hydration script and ours), run;
//!   no page of Frontdesk can be framed (`frame-ancestors 'none'`, `X-Frame-Options`) but
//!   the lists under `/embed/` made for partners' pages.
//! - `nosniff`, `Referrer-Policy: no-referrer` (manage links are private and sit in URLs),
//!   a Permissions-Policy that turns off what no page uses, and HSTS over https — set with
//!   tower-http's `SetResponseHeaderLayer` in `static_headers`.
//! - A POST, PUT, PATCH or DELETE that a browser marks as coming from another site
//!   (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not this site) is refused with
//!   403 before any handler runs. SameSite=Strict cookies already keep staff sessions out
//!   of such requests; this also protects the public forms, which need no cookie.

use app::security::{CspNonce, REQUEST_NONCE};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

/// Draws the request's nonce, hands it to the handler (extensions and task-local) and
/// names it in the response's Content-Security-Policy.
pub async fn content_security_policy(mut request: Request, next: Next) -> Response {
    let nonce = CspNonce::new();
    let framing = Framing::of(request.uri().path());
    request.extensions_mut().insert(nonce.clone());
    let mut response = REQUEST_NONCE.scope(nonce.clone(), next.run(request)).await;
    if let Ok(policy) = HeaderValue::from_str(&policy(&nonce, framing)) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if framing == Framing::Nobody {
        // For browsers that predate frame-ancestors.
        response
            .headers_mut()
            .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    response
}

/// Who may show a page in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// Every page but the embeddable ones: no clickjacking of a form or a staff button.
    Nobody,
    /// `/embed/…`: lists made to sit on partners' pages. They hold no form and no one's
    /// data, and their links open in a new tab, so a framing page can trick nobody into
    /// acting here.
    AnySite,
}

impl Framing {
    pub fn of(path: &str) -> Framing {
        match path.strip_prefix("/embed/") {
            Some(rest) if !rest.is_empty() => Framing::AnySite,
            _ => Framing::Nobody,
        }
    }
}

/// The policy for a response whose inline scripts carry `nonce`. WebAssembly needs
/// `'wasm-unsafe-eval'` to compile (it allows no JavaScript `eval`); styles may be inline
/// (`style=` attributes), scripts never without the nonce.
pub fn policy(nonce: &CspNonce, framing: Framing) -> String {
    let ancestors = match framing {
        Framing::Nobody => "'none'",
        Framing::AnySite => "*",
    };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {ancestors}",
        nonce.0
    )
}

/// The headers every response carries, whatever it is, as tower-http layers.
pub fn static_headers(hsts: bool) -> Vec<SetResponseHeaderLayer<Option<HeaderValue>>> {
    let fixed = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, Some(HeaderValue::from_static(value)))
    };
    vec![
        fixed(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // Private links (manage, password, pairing) sit in addresses: none leaves in a
        // Referer. No form relies on one: every form post answers with its own redirect.
        fixed(header::REFERRER_POLICY, "no-referrer"),
        fixed(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ),
        fixed(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        // Over https only: a browser told this over plain http would refuse the demo.
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            hsts.then(|| HeaderValue::from_static("max-age=31536000; includeSubDomains")),
        ),
    ]
}

/// Refuses (400) a path with dot or empty segments, raw or percent-encoded (`/a/../b`,
/// `/a/%2e%2e/b`, `/a//b`). Routes never have them; a page renderer that resolves them
/// itself would otherwise answer a path that the kiosk gate and the other checks, which
/// read the path as sent, did not recognise.
pub async fn refuse_odd_paths(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if has_odd_segments(path) {
        // The partners' API answers every error as a problem, this one too.
        if path.starts_with("/api/v1/") {
            return app::partner_api::problem::Problem::invalid(
                "path",
                "has an empty, . or .. segment",
            )
            .into_response();
        }
        return (StatusCode::BAD_REQUEST, "Bad path").into_response();
    }
    next.run(request).await
}

fn has_odd_segments(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return true;
    };
    if rest.is_empty() {
        return false;
    }
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    segments.iter().enumerate().any(|(i, segment)| {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        decoded == "."
            || decoded == ".."
            || (segment.is_empty() && i != last)
            || segment.to_ascii_lowercase().contains("%2f")
    })
}

/// Origins this site answers to besides its own `Host`: the configured public URL.
#[derive(Debug, Clone, Default)]
pub struct SameSite {
    pub public_origin: Option<String>,
}

/// Refuses a state-changing request that a browser says comes from another site.
pub async fn refuse_cross_site(
    State(site): State<SameSite>,
    request: Request,
    next: Next,
) -> Response {
    let changes_state = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes_state && is_cross_site(request.headers(), &site) {
        // Links carry secrets in their paths (/t/{token}, /book/manage/{token}): only the
        // first segment is logged.
        let area = request.uri().path().split('/').nth(1).unwrap_or_default();
        tracing::warn!(area, "cross-site request refused");
        return (StatusCode::FORBIDDEN, "Cross-site request refused").into_response();
    }
    next.run(request).await
}

/// Whether the browser's own headers place the request on another site. A client that
/// sends neither `Sec-Fetch-Site` nor `Origin` (curl, a script) carries no visitor's
/// cookies, so it is not a cross-site forgery and is let through to its limits.
fn is_cross_site(headers: &HeaderMap, site: &SameSite) -> bool {
    let fetch_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match fetch_site {
        "cross-site" => return true,
        "same-origin" | "none" => return false,
        _ => {}
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let own = |scheme: &str| format!("{scheme}://{host}");
    let matches_host = !host.is_empty() && (origin == own("http") || origin == own("https"));
    let matches_public = site
        .public_origin
        .as_deref()
        .is_some_and(|public| public.trim_end_matches('/') == origin);
    !(matches_host || matches_public)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn a_browser_post_from_another_site_is_cross_site() {
        let site = SameSite::default();
        let cases = [
            (vec![("sec-fetch-site", "cross-site")], true),
            (
                vec![("host", "fd.example"), ("origin", "https://evil.example")],
                true,
            ),
            (vec![("host", "fd.example"), ("origin", "null")], true),
            (
                vec![
                    ("sec-fetch-site", "same-site"),
                    ("host", "fd.example"),
                    ("origin", "https://sub.fd.example"),
                ],
                true,
            ),
            (
                vec![
                    ("sec-fetch-site", "same-origin"),
                    ("origin", "https://fd.example"),
                ],
                false,
            ),
            (
                vec![("host", "fd.example"), ("origin", "https://fd.example")],
                false,
            ),
            (
                vec![
                    ("host", "127.0.0.1:3000"),
                    ("origin", "http://127.0.0.1:3000"),
                ],
                false,
            ),
            (vec![], false),
        ];
        for (pairs, cross) in cases {
            assert_eq!(is_cross_site(&headers(&pairs), &site), cross, "{pairs:?}");
        }
    }

    #[test]
    fn paths_with_dot_or_empty_segments_are_odd() {
        for odd in [
            "/x/../kiosk/tigard",
            "/kiosk/tigard/../gresham",
            "/kiosk/%2e%2e/x",
            "/kiosk/%2E/tigard",
            "//kiosk/tigard",
            "/kiosk//tigard",
            "/kiosk/tig%2Fard",
            "kiosk",
        ] {
            assert!(has_odd_segments(odd), "{odd}");
        }
        for fine in [
            "/",
            "/kiosk/tigard",
            "/kiosk/tigard/",
            "/book/manage/abc.ics",
            "/pkg/frontdesk.wasm",
        ] {
            assert!(!has_odd_segments(fine), "{fine}");
        }
    }

    #[test]
    fn the_public_url_counts_as_this_site_behind_a_proxy() {
        let site = SameSite {
            public_origin: Some("https://frontdesk.example/".to_owned()),
        };
        let proxied = headers(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "https://frontdesk.example"),
        ]);
        assert!(!is_cross_site(&proxied, &site));
    }

    #[test]
    fn the_policy_names_the_nonce_and_forbids_framing_and_inline_scripts() {
        let p = policy(&CspNonce("abc123".to_owned()), Framing::Nobody);
        assert!(p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("script-src 'self' 'unsafe-inline'"));
        let embed = policy(&CspNonce("abc123".to_owned()), Framing::AnySite);
        assert!(embed.contains("frame-ancestors *"));
        assert!(embed.contains("form-action 'self'"));
    }

    #[test]
    fn only_pages_under_embed_may_be_framed() {
        assert_eq!(Framing::of("/embed/workshops"), Framing::AnySite);
        for path in [
            "/embed",
            "/embed/",
            "/embedded/workshops",
            "/workshops",
            "/book",
            "/staff/queue",
        ] {
            assert_eq!(Framing::of(path), Framing::Nobody, "{path}");
        }
    }
}
