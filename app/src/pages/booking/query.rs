//! The choices made so far in the booking flow, carried from page to page in the address
//! (GET forms and links), so Back, Reload and a shared link all work without JavaScript.

use crate::domain::service::AppointmentService;
use crate::domain::time_zone::parse_zone;
use crate::i18n::Locale;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `center` value meaning "any center".
pub const ANY_CENTER: &str = "any";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BookingQuery {
    pub service: String,
    pub center: String,
    pub tz: String,
    pub day: String,
    pub start: String,
    pub locale: Locale,
}

impl BookingQuery {
    /// The current page's query.
    pub fn current() -> BookingQuery {
        let q = use_query_map().read_untracked();
        let get = |name: &str| q.get(name).unwrap_or_default();
        BookingQuery {
            service: get("service"),
            center: get("center"),
            tz: get("tz"),
            day: get("day"),
            start: get("start"),
            locale: crate::pages::page_locale(),
        }
    }

    /// The chosen service, if it is one of `services` (the bookable ones).
    pub fn service_in<'a>(
        &self,
        services: &'a [AppointmentService],
    ) -> Option<&'a AppointmentService> {
        services.iter().find(|s| s.code == self.service)
    }

    pub fn zone(&self) -> Option<Tz> {
        parse_zone(&self.tz)
    }

    /// `Some(None)` for any center, `Some(Some(id))` for one, `None` when missing.
    pub fn center_choice(&self) -> Option<Option<String>> {
        match self.center.as_str() {
            "" => None,
            ANY_CENTER => Some(None),
            id => Some(Some(id.to_owned())),
        }
    }

    pub fn day(&self) -> Option<NaiveDate> {
        self.day.parse().ok()
    }

    pub fn start(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.start)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// `path?…` with every choice made so far; `day` and `start` only when given.
    pub fn href(&self, path: &str) -> String {
        let zone = self
            .zone()
            .map(|z| z.name().to_owned())
            .unwrap_or_else(|| self.tz.clone());
        let mut pairs = vec![
            ("service", self.service.as_str()),
            ("center", self.center.as_str()),
            ("tz", zone.as_str()),
            ("lang", self.locale.tag()),
        ];
        if !self.day.is_empty() {
            pairs.push(("day", &self.day));
        }
        if !self.start.is_empty() {
            pairs.push(("start", &self.start));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("{path}?{}", query.join("&"))
    }

    pub fn with_day(&self, day: NaiveDate) -> BookingQuery {
        BookingQuery {
            day: day.to_string(),
            start: String::new(),
            ..self.clone()
        }
    }

    pub fn with_locale(&self, locale: Locale) -> BookingQuery {
        BookingQuery {
            locale,
            ..self.clone()
        }
    }
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The hidden fields that carry the choices through a form.
#[component]
pub fn CarriedFields(query: BookingQuery, #[prop(optional)] with_start: bool) -> impl IntoView {
    let zone = query
        .zone()
        .map(|z| z.name().to_owned())
        .unwrap_or(query.tz.clone());
    view! {
        <input type="hidden" name="service" value=query.service.clone()/>
        <input type="hidden" name="center" value=query.center.clone()/>
        <input type="hidden" name="tz" value=zone/>
        <input type="hidden" name="lang" value=query.locale.tag()/>
        {with_start.then(|| view! { <input type="hidden" name="start" value=query.start.clone()/> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_every_choice_encoded() {
        let q = BookingQuery {
            service: "resume_review".into(),
            center: "tigard".into(),
            tz: "america/new york".into(),
            day: "2026-11-24".into(),
            start: String::new(),
            locale: Locale::Es,
        };
        assert_eq!(
            q.href("/book/times"),
            "/book/times?service=resume_review&center=tigard&tz=America%2FNew_York&lang=es&day=2026-11-24"
        );
        assert_eq!(q.center_choice(), Some(Some("tigard".into())));
        assert_eq!(
            BookingQuery {
                center: ANY_CENTER.into(),
                ..q
            }
            .center_choice(),
            Some(None)
        );
    }

    #[test]
    fn start_is_an_rfc3339_instant() {
        let q = BookingQuery {
            start: "2026-11-24T17:30:00Z".into(),
            ..Default::default()
        };
        assert_eq!(q.start().unwrap().to_rfc3339(), "2026-11-24T17:30:00+00:00");
        assert_eq!(
            BookingQuery {
                start: "soon".into(),
                ..q
            }
            .start(),
            None
        );
    }
}
