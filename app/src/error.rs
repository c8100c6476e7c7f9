//! The one error that crosses from the server to a person: a server function's error (sent
//! to the island or page that called it) and a form handler's error response.
//!
//! It says what happened in words a person can act on, in their language (`message`), and
//! never the cause: the cause is logged once, where it is turned into an `AppError`
//! (`From<db::Error>`, `AppError::unavailable`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// A staff action without a staff session: 401.
    #[error("sign in required")]
    SignedOut,
    /// A staff action the role may not take, or a kiosk action from a browser that is not
    /// a paired tablet of that center: 403.
    #[error("not allowed")]
    Forbidden,
    /// Over a rate limit: 429 with `Retry-After`.
    #[error("too many requests")]
    TooManyRequests { retry_after_seconds: u64 },
    /// The database or another part of the server failed: 503. Nothing was changed.
    #[error("unavailable")]
    Unavailable,
    /// The request could not be read (a server function's arguments, a broken body): 400.
    #[error("bad request")]
    BadRequest,
}

impl AppError {
    /// The HTTP status the error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::SignedOut => 401,
            AppError::Forbidden => 403,
            AppError::TooManyRequests { .. } => 429,
            AppError::Unavailable => 503,
            AppError::BadRequest => 400,
        }
    }

    /// What the person is told, in `locale`.
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        let c = &crate::i18n::translations(locale).common;
        match self {
            AppError::SignedOut => c.error_signed_out.clone(),
            AppError::Forbidden => c.error_forbidden.clone(),
            AppError::TooManyRequests {
                retry_after_seconds,
            } => crate::i18n::too_many_requests(locale, *retry_after_seconds),
            AppError::Unavailable => c.error_unavailable.clone(),
            AppError::BadRequest => c.error_bad_request.clone(),
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    /// The server-function machinery's own failures: arguments that could not be read
    /// (the caller's fault) or a request that never arrived (the network's).
    fn from_server_fn_error(error: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr::*;
        match error {
            Args(_) | Deserialization(_) | MissingArg(_) | UnsupportedRequestMethod(_) => {
                AppError::BadRequest
            }
            _ => AppError::Unavailable,
        }
    }
}

/// Marks a response as `AppError::page`'s small page: no part of any screen, so a kiosk
/// tablet showing it has no idle reset of its own (the kiosk gate adds one).
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy)]
pub struct PlainErrorPage;

#[cfg(feature = "ssr")]
mod server {
    use super::AppError;
    use super::PlainErrorPage;
    use axum::http::{header, HeaderValue, StatusCode};
    use axum::response::{IntoResponse, Response};

    impl AppError {
        /// Logs `cause` (once: here) and answers "unavailable".
        pub fn unavailable(cause: impl std::fmt::Display) -> AppError {
            tracing::error!(error = %cause, "request failed");
            AppError::Unavailable
        }

        /// In a server function: sets the response's status (and `Retry-After`) to match,
        /// and returns the error to send.
        pub fn answered(self) -> AppError {
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(self.http_status());
                if let Some(value) = self.retry_after() {
                    response.insert_header(header::RETRY_AFTER, value);
                }
            }
            self
        }

        /// A form handler's answer: the status, and the message in `locale` as a small
        /// page of its own (the form the person typed into is one Back away, unchanged).
        pub fn page(self, locale: crate::i18n::Locale) -> Response {
            let message = self.message(locale);
            let body = format!(
                "<!doctype html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <link rel=\"stylesheet\" href=\"{}\"><title>{}</title></head>\
                 <body><main id=\"main\" class=\"page\"><h1>{}</h1></main></body></html>",
                locale.tag(),
                locale.dir(),
                crate::site_files::stylesheet_href(),
                escape(&message),
                escape(&message),
            );
            let mut response = (
                self.http_status(),
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                body,
            )
                .into_response();
            if let Some(value) = self.retry_after() {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response.extensions_mut().insert(PlainErrorPage);
            response
        }

        fn http_status(&self) -> StatusCode {
            StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        }

        fn retry_after(&self) -> Option<HeaderValue> {
            match self {
                AppError::TooManyRequests {
                    retry_after_seconds,
                } => HeaderValue::from_str(&retry_after_seconds.max(&1).to_string()).ok(),
                _ => None,
            }
        }
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    /// A query failed: the cause is logged here, the person is told "unavailable".
    impl From<crate::db::Error> for AppError {
        fn from(error: crate::db::Error) -> Self {
            AppError::unavailable(error).answered()
        }
    }

    /// Without a language (no form to read it from): English.
    impl IntoResponse for AppError {
        fn into_response(self) -> Response {
            self.page(crate::i18n::Locale::En)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_error_has_a_message_in_every_language_and_says_nothing_of_causes() {
        let all = [
            AppError::SignedOut,
            AppError::Forbidden,
            AppError::TooManyRequests {
                retry_after_seconds: 90,
            },
            AppError::Unavailable,
            AppError::BadRequest,
        ];
        for locale in Locale::ALL {
            for error in &all {
                let text = error.message(locale);
                assert!(!text.trim().is_empty(), "{error:?} in {locale:?}");
                assert!(!text.contains("sqlx") && !text.contains("database"));
            }
        }
        assert_eq!(AppError::Unavailable.status(), 503);
        assert_eq!(
            AppError::TooManyRequests {
                retry_after_seconds: 1
            }
            .status(),
            429
        );
    }

    #[test]
    fn the_server_function_machinerys_failures_become_bad_request_or_unavailable() {
        use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
        assert_eq!(
            AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into())),
            AppError::BadRequest
        );
        assert_eq!(
            AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into())),
            AppError::Unavailable
        );
    }
}
