//! [ssr] Workshop emails: enrolled, on the waitlist, and "a seat is yours" when promoted,
//! in the enrollee's language, each with the session's calendar file. Only people who
//! gave an email address get them.

use crate::domain::ics::{to_ics, CalendarEvent, Method};
use crate::domain::mail::{Composed, MailContext};
use crate::domain::workshop::Topic;
use crate::domain::workshop_session::WorkshopSession;
use crate::i18n::dates::{date_and_time, zone_label};
use crate::i18n::{fill, translations, Locale};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopMail {
    Enrolled,
    Waitlisted {
        place: u32,
    },
    Promoted,
    /// Staff changed the session's time or place.
    Changed,
    /// Staff cancelled the session.
    Cancelled,
}

impl WorkshopMail {
    pub fn code(self) -> &'static str {
        match self {
            WorkshopMail::Enrolled => "workshop_enrolled",
            WorkshopMail::Waitlisted { .. } => "workshop_waitlisted",
            WorkshopMail::Promoted => "workshop_promoted",
            WorkshopMail::Changed => "workshop_changed",
            WorkshopMail::Cancelled => "workshop_cancelled",
        }
    }
}

/// The session's title as the enrollee reads it.
pub fn session_title(session: &WorkshopSession, locale: Locale) -> String {
    if session.title.is_empty() {
        Topic::from_code(&session.topic)
            .map(|t| translations(locale).workshops.topics.label(t).to_owned())
            .unwrap_or_default()
    } else {
        session.title.clone()
    }
}

/// The calendar event of one person's enrolment.
pub fn calendar_event(
    session: &WorkshopSession,
    enrolment_id: i64,
    locale: Locale,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> CalendarEvent {
    let place = session
        .center_name
        .clone()
        .map(|c| crate::i18n::center_title(locale, &mail.agency.public_name, &c))
        .unwrap_or_else(|| translations(locale).workshops.virtual_place.clone());
    CalendarEvent {
        uid: format!("workshop-{}-{enrolment_id}@frontdesk", session.id),
        sequence: u32::try_from(session.sequence).unwrap_or(0),
        stamp: now,
        start: session.starts_at,
        end: session.ends_at,
        summary: session_title(session, locale),
        description: session.description.clone(),
        location: session.meeting_link.clone().unwrap_or(place),
        organizer_email: mail.organizer_email(),
    }
}

/// Who the message is for.
pub struct Enrollee<'a> {
    pub enrolment_id: i64,
    pub first_name: &'a str,
    pub locale: Locale,
}

pub fn compose(
    kind: WorkshopMail,
    session: &WorkshopSession,
    to: &Enrollee,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Composed {
    let (enrolment_id, first_name, locale) = (to.enrolment_id, to.first_name, to.locale);
    let t = translations(locale);
    let w = &t.workshops;
    let title = session_title(session, locale);
    let zone: chrono_tz::Tz = session.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let (subject, line) = match kind {
        WorkshopMail::Enrolled => (
            &w.mail_enrolled_subject,
            fill(&w.enrolled_body, &[("name", first_name)]),
        ),
        WorkshopMail::Waitlisted { place } => (
            &w.mail_waitlisted_subject,
            fill(&w.waitlist_place, &[("place", &place.to_string())]),
        ),
        WorkshopMail::Promoted => (&w.mail_promoted_subject, w.mail_promoted_body.clone()),
        WorkshopMail::Changed => (&w.mail_changed_subject, w.mail_changed_body.clone()),
        WorkshopMail::Cancelled => (
            &w.mail_cancelled_subject,
            fill(
                &w.mail_cancelled_body,
                &[(
                    "url",
                    &format!("{}/workshops", mail.public_url.trim_end_matches('/')),
                )],
            ),
        ),
    };
    let method = if kind == WorkshopMail::Cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    let link = format!(
        "{}/workshops/manage/{token}?lang={}",
        mail.public_url.trim_end_matches('/'),
        locale.tag()
    );
    // Plain text: the number as dialled (no non-breaking marks), isolated in Arabic.
    let language_line = mail.agency.language_line_shown().map(|phone| {
        let phone = crate::i18n::left_to_right(locale, &phone);
        fill(&t.common.language_line, &[("phone", &phone)])
    });
    let body = [
        fill(&t.booking.mail_greeting, &[("name", first_name)]),
        String::new(),
        line,
        String::new(),
        title.clone(),
        format!(
            "{} ({})",
            date_and_time(session.starts_at, zone, t.locale),
            zone_label(zone.name())
        ),
        String::new(),
        fill(&w.mail_manage, &[("url", &link)]),
    ]
    .into_iter()
    .chain(language_line)
    .chain([String::new(), mail.agency.name.clone()])
    .collect::<Vec<_>>()
    .join("\n");
    let event = calendar_event(session, enrolment_id, locale, mail, now);
    Composed {
        subject: fill(subject, &[("title", &title)]),
        body,
        ics: to_ics(&event, method),
        ics_method: if method == Method::Cancel {
            "CANCEL"
        } else {
            "REQUEST"
        },
    }
}
