//! One session's facts as people read them: when in their zone and the center's, where,
//! language, and seats in words.

use crate::api::workshops::SessionView;
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::domain::workshop::seats;
use crate::i18n::dates::{clock, date_and_time, zone_label};
use crate::i18n::{fill, translations, Locale};
use chrono_tz::Tz;
use leptos::prelude::*;

/// "Monday, November 23, 2026, 10:00 AM – 12:00 PM (America/New York)", and the center's
/// clock when it differs.
pub fn when(session: &SessionView, zone: Tz, locale: Locale) -> (String, Option<String>) {
    let center: Tz = session.time_zone.parse().unwrap_or(chrono_tz::UTC);
    // The zone's name in parentheses is kept as one left-to-right piece, so an Arabic page
    // does not split "(America/Los Angeles)" into "America/Los) … (Angeles".
    let mine = format!(
        "{} – {} {}",
        date_and_time(session.starts_at, zone, locale),
        clock(session.ends_at.with_timezone(&zone).time(), locale),
        crate::i18n::left_to_right(locale, &format!("({})", zone_label(zone.name())))
    );
    let differs = session.starts_at.with_timezone(&zone).naive_local()
        != session.starts_at.with_timezone(&center).naive_local();
    let theirs = differs.then(|| {
        fill(
            &translations(locale).workshops.center_time,
            &[(
                "time",
                &clock(session.starts_at.with_timezone(&center).time(), locale),
            )],
        )
    });
    (mine, theirs)
}

pub fn language_name(code: &str) -> String {
    PREFERRED_LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| name.to_string())
        .unwrap_or_else(|| code.to_owned())
}

pub fn title(session: &SessionView, locale: Locale) -> String {
    if session.title.is_empty() {
        translations(locale)
            .workshops
            .topics
            .label(session.topic)
            .to_owned()
    } else {
        session.title.clone()
    }
}

/// The facts as a definition list.
#[component]
pub fn SessionFacts(session: SessionView, zone: Tz, locale: Locale) -> impl IntoView {
    let w = &translations(locale).workshops;
    let (mine, theirs) = when(&session, zone, locale);
    let place = session
        .center_name
        .clone()
        .map(|c| crate::pages::center_place(locale, &c))
        .unwrap_or_else(|| w.virtual_place.clone());
    let seat_words = if session.cancelled {
        w.cancelled_session.clone()
    } else {
        w.seats(seats(
            session.capacity,
            session.enrolled,
            session.waitlisted,
        ))
    };
    view! {
        <dl class="booking-facts session-facts">
            <dt>{w.when_label.clone()}</dt>
            <dd>{mine}{theirs.map(|t| view! { <span class="time-theirs">{t}</span> })}</dd>
            <dt>{w.where_label.clone()}</dt>
            <dd>{place}</dd>
            <dt>{w.language_label.clone()}</dt>
            <dd>{language_name(&session.language)}</dd>
            {session.employer.clone().map(|e| view! { <dt>{w.topics.hiring_event.clone()}</dt><dd>{fill(&w.employer, &[("employer", &e)])}</dd> })}
            <dt>{w.seats_label.clone()}</dt>
            <dd class="seats" data-testid="seats">{seat_words}</dd>
        </dl>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn session() -> SessionView {
        SessionView {
            id: 1,
            series_id: None,
            topic: crate::domain::workshop::Topic::Resumes,
            title: "Resumes".into(),
            description: String::new(),
            employer: None,
            center_name: Some("Tigard".into()),
            time_zone: "America/Los_Angeles".into(),
            starts_at: Utc.with_ymd_and_hms(2026, 12, 8, 18, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 12, 8, 19, 0, 0).unwrap(),
            capacity: 10,
            enrolled: 0,
            waitlisted: 0,
            language: "en".into(),
            cancelled: false,
        }
    }

    #[test]
    fn the_zone_in_parentheses_stays_one_left_to_right_piece_on_a_right_to_left_page() {
        let zone = chrono_tz::America::Los_Angeles;
        let (arabic, _) = when(&session(), zone, Locale::Ar);
        assert!(
            arabic.ends_with("\u{2066}(America/Los Angeles)\u{2069}"),
            "{arabic}"
        );
        let (english, _) = when(&session(), zone, Locale::En);
        assert!(english.ends_with(" (America/Los Angeles)"), "{english}");
    }
}
