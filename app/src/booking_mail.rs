//! [ssr] The emails a booking sends: confirmation, change, cancellation and the reminder
//! the day before, in the booker's language, each with the booking's calendar file.

use crate::domain::booking::Booking;
use crate::domain::confirmation_code;
use crate::domain::ics::{to_ics, CalendarEvent, Method};
use crate::domain::mail::{Composed, MailContext};
use crate::domain::service::HowHeld;
use crate::i18n::dates::{date_and_time, long_date, zone_label};
use crate::i18n::{center_title, fill, held_sentence, left_to_right, translations, Translations};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Confirmation,
    Change,
    Cancellation,
    Reminder,
    /// Staff set the video appointment's meeting link.
    MeetingLink,
}

impl MailKind {
    /// Stored in `outbox.kind`.
    pub fn code(self) -> &'static str {
        match self {
            MailKind::Confirmation => "confirmation",
            MailKind::Change => "change",
            MailKind::Cancellation => "cancellation",
            MailKind::Reminder => "reminder",
            MailKind::MeetingLink => "meeting_link",
        }
    }
}

/// The private link that manages a booking.
pub fn manage_url(public_url: &str, token: &str) -> String {
    format!("{}/book/manage/{token}", public_url.trim_end_matches('/'))
}

/// Both wall clocks of a booking: the booker's zone and the center's.
pub fn both_times(booking: &Booking, t: &Translations) -> (String, String) {
    let visitor: Tz = booking.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let center: Tz = booking.center_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let show = |tz: Tz| {
        format!(
            "{} ({})",
            date_and_time(booking.starts_at, tz, t.locale),
            zone_label(tz.name())
        )
    };
    (show(visitor), show(center))
}

/// The calendar event of a booking; its UID never changes, its SEQUENCE follows every
/// change.
pub fn calendar_event(
    booking: &Booking,
    t: &Translations,
    manage: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> CalendarEvent {
    let b = &t.booking;
    let agency = mail.agency.public_name.as_str();
    let place = center_title(booking.locale(), agency, &booking.center_name);
    let service = &booking.service_name;
    CalendarEvent {
        uid: format!("booking-{}@frontdesk", booking.id),
        sequence: booking.sequence.max(0) as u32,
        stamp: now,
        start: booking.starts_at,
        end: booking.ends_at,
        summary: fill(
            &b.calendar_summary,
            &[("service", service), ("place", &place)],
        ),
        description: format!(
            "{}: {}\n{}",
            b.code_label,
            confirmation_code::display(&booking.code),
            fill(&b.mail_manage, &[("url", manage)])
        ),
        // Calendars are often shared: the participant's number stays out of them.
        location: match booking.how_held() {
            HowHeld::Phone => fill(&b.where_phone_calendar, &[("place", &place)]),
            held => held_sentence(t, held, &place, "", &booking.meeting_link),
        },
        organizer_email: mail.organizer_email(),
    }
}

pub fn compose(
    kind: MailKind,
    booking: &Booking,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Composed {
    let t = translations(booking.locale());
    let b = &t.booking;
    let manage = manage_url(&mail.public_url, token);
    let (yours, centers) = both_times(booking, t);
    let agency = mail.agency.public_name.as_str();
    let place = center_title(booking.locale(), agency, &booking.center_name);
    let visitor: Tz = booking.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let date_only = long_date(
        booking.starts_at.with_timezone(&visitor).date_naive(),
        t.locale,
    );
    let (subject, intro) = match kind {
        MailKind::Confirmation => (&b.mail_confirmation_subject, &b.mail_confirmation_intro),
        MailKind::Change => (&b.mail_change_subject, &b.mail_change_intro),
        MailKind::Cancellation => (&b.mail_cancellation_subject, &b.mail_cancellation_intro),
        MailKind::Reminder => (&b.mail_reminder_subject, &b.mail_reminder_intro),
        MailKind::MeetingLink => (&b.mail_link_subject, &b.mail_link_intro),
    };
    let mut lines = vec![
        fill(&b.mail_greeting, &[("name", &booking.first_name)]),
        String::new(),
        intro.clone(),
        String::new(),
        format!("{}: {}", b.service_label_short, booking.service_name),
        format!("{}: {}", b.your_time_label, yours),
        format!("{}: {}", b.center_time_label, centers),
        format!(
            "{}: {}",
            b.where_label,
            held_sentence(
                t,
                booking.how_held(),
                &place,
                &booking.phone,
                &booking.meeting_link
            )
        ),
        format!(
            "{}: {}",
            b.code_label,
            confirmation_code::display(&booking.code)
        ),
        String::new(),
    ];
    if kind == MailKind::Cancellation {
        lines.push(fill(
            &b.mail_book_again,
            &[(
                "url",
                &format!("{}/book", mail.public_url.trim_end_matches('/')),
            )],
        ));
    } else {
        lines.push(fill(&b.mail_manage, &[("url", &manage)]));
    }
    // Plain text: the number as dialled (no non-breaking marks), isolated in Arabic.
    if let Some(phone) = mail.agency.language_line_shown() {
        let phone = left_to_right(t.locale, &phone);
        lines.push(fill(&t.common.language_line, &[("phone", &phone)]));
    }
    lines.push(String::new());
    lines.push(mail.agency.name.clone());
    let method = if kind == MailKind::Cancellation {
        Method::Cancel
    } else {
        Method::Request
    };
    let event = calendar_event(booking, t, &manage, mail, now);
    Composed {
        subject: fill(subject, &[("agency", agency), ("date", &date_only)]),
        body: lines.join("\n"),
        ics: to_ics(&event, method),
        ics_method: match method {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        },
    }
}
