//! [ssr] The emails of the appointments' waiting list, in the participant's language:
//! the link that confirms a place in line (double opt-in: nobody is emailed about open
//! times who did not follow it), and "a time opened for you", whose link holds the time.

use crate::domain::mail::{Composed, MailContext};
use crate::domain::waitlist::{SlotHold, WaitlistEntry};
use crate::i18n::dates::{clock, date_and_time, zone_label};
use crate::i18n::{fill, left_to_right, translations};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitlistMail {
    Confirm,
    Hold,
}

impl WaitlistMail {
    /// Stored in `outbox.kind`.
    pub fn code(self) -> &'static str {
        match self {
            WaitlistMail::Confirm => "waitlist_confirm",
            WaitlistMail::Hold => "waitlist_hold",
        }
    }
}

/// The private link to an entry on the waiting list.
pub fn entry_url(public_url: &str, token: &str) -> String {
    format!("{}/book/waitlist/{token}", public_url.trim_end_matches('/'))
}

/// The private link to a hold.
pub fn hold_url(public_url: &str, token: &str) -> String {
    format!("{}/book/hold/{token}", public_url.trim_end_matches('/'))
}

/// The email with the link that confirms `entry`'s place in line (`entry_token`).
pub fn compose_confirm(entry: &WaitlistEntry, entry_token: &str, mail: &MailContext) -> Composed {
    let locale = entry.locale();
    let t = translations(locale);
    let w = &t.waitlist;
    let link = format!(
        "{}?lang={}",
        entry_url(&mail.public_url, entry_token),
        locale.tag()
    );
    let lines = vec![
        fill(&w.mail_confirm_body, &[("service", &entry.service_name)]),
        link,
        String::new(),
        w.mail_not_you.clone(),
    ];
    // Greeted without the name typed: anyone may type any name beside any address.
    plain(
        entry,
        &w.mail_confirm_subject,
        w.mail_hello.clone(),
        lines,
        mail,
    )
}

/// "A time opened for you": the held time in both zones, until when it is held, the link
/// that books it or lets it go, and the entry's link (to leave the list).
pub fn compose_hold(
    entry: &WaitlistEntry,
    hold: &SlotHold,
    hold_token: &str,
    entry_token: &str,
    mail: &MailContext,
) -> Composed {
    let locale = entry.locale();
    let t = translations(locale);
    let w = &t.waitlist;
    let visitor = entry.zone();
    let center: Tz = hold.center_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let when = |tz: Tz| {
        format!(
            "{} ({})",
            date_and_time(hold.starts_at, tz, locale),
            zone_label(tz.name())
        )
    };
    let until = clock(hold.expires_at.with_timezone(&visitor).time(), locale);
    let place = crate::i18n::center_title(locale, &mail.agency.public_name, &hold.center_name);
    let mut lines = vec![
        fill(&w.mail_hold_body, &[("until", &until)]),
        String::new(),
        entry.service_name.clone(),
        place,
        when(visitor),
    ];
    if center.name() != visitor.name() {
        lines.push(when(center));
    }
    lines.extend([
        String::new(),
        fill(
            &w.mail_hold_link,
            &[(
                "url",
                &format!(
                    "{}?lang={}",
                    hold_url(&mail.public_url, hold_token),
                    locale.tag()
                ),
            )],
        ),
        fill(
            &w.mail_leave_link,
            &[(
                "url",
                &format!(
                    "{}?lang={}",
                    entry_url(&mail.public_url, entry_token),
                    locale.tag()
                ),
            )],
        ),
    ]);
    let subject = fill(
        &w.mail_hold_subject,
        &[("time", &date_and_time(hold.starts_at, visitor, locale))],
    );
    let greeting = fill(&t.booking.mail_greeting, &[("name", &entry.first_name)]);
    plain(entry, &subject, greeting, lines, mail)
}

/// A plain-text message (no calendar file: nothing is booked yet): the greeting, the lines,
/// the agency's Language Access Line and its name.
fn plain(
    entry: &WaitlistEntry,
    subject: &str,
    greeting: String,
    lines: Vec<String>,
    mail: &MailContext,
) -> Composed {
    let locale = entry.locale();
    let t = translations(locale);
    let language_line = mail.agency.language_line_shown().map(|phone| {
        let phone = left_to_right(locale, &phone);
        fill(&t.common.language_line, &[("phone", &phone)])
    });
    let body = [greeting, String::new()]
        .into_iter()
        .chain(lines)
        .chain([String::new()])
        .chain(language_line)
        .chain([String::new(), mail.agency.name.clone()])
        .collect::<Vec<_>>()
        .join("\n");
    Composed {
        subject: subject.to_owned(),
        body,
        ics: String::new(),
        ics_method: "",
    }
}
