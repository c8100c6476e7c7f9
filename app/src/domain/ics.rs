//! iCalendar (RFC 5545) files for "add to calendar" and email attachments. One event per
//! file; times in UTC (`Z`), so no calendar has to know the center's zone rules.
//!
//! The UID never changes for a booking, and SEQUENCE grows with every change, so a
//! calendar that imported the first file updates (or, with METHOD:CANCEL, removes) the
//! same event instead of adding a second one.

use chrono::{DateTime, Utc};

/// What the file asks of the calendar that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add or update the event.
    Request,
    /// Remove the event.
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    pub uid: String,
    pub sequence: u32,
    pub stamp: DateTime<Utc>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub organizer_email: String,
}

/// The event as an `.ics` file.
pub fn to_ics(event: &CalendarEvent, method: Method) -> String {
    let (method, status) = match method {
        Method::Request => ("REQUEST", "CONFIRMED"),
        Method::Cancel => ("CANCEL", "CANCELLED"),
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Frontdesk//WorkSource appointments//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("METHOD:{method}"),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&event.uid)),
        format!("SEQUENCE:{}", event.sequence),
        format!("DTSTAMP:{}", utc(event.stamp)),
        format!("DTSTART:{}", utc(event.start)),
        format!("DTEND:{}", utc(event.end)),
        format!("SUMMARY:{}", escape(&event.summary)),
        format!("DESCRIPTION:{}", escape(&event.description)),
        format!("LOCATION:{}", escape(&event.location)),
        format!("ORGANIZER:mailto:{}", event.organizer_email),
        format!("STATUS:{status}"),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|line| fold(line) + "\r\n").collect()
}

fn utc(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Text values escape backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space, never splitting
/// a multi-byte character (Spanish and Vietnamese text have many).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "booking-42@frontdesk".into(),
            sequence: 2,
            stamp: Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
            start: Utc.with_ymd_and_hms(2026, 11, 24, 17, 30, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2026, 11, 24, 18, 0, 0).unwrap(),
            summary: "Resume review, WorkSource Tigard".into(),
            description: "Code: K7PQ-4X9M\nManage: https://example.org/m/x;y".into(),
            location: "Tigard".into(),
            organizer_email: "frontdesk@example.org".into(),
        }
    }

    #[test]
    fn times_are_utc_and_lines_end_in_crlf() {
        let ics = to_ics(&event(), Method::Request);
        assert!(ics.contains("\r\nDTSTART:20261124T173000Z\r\n"));
        assert!(ics.contains("\r\nDTEND:20261124T180000Z\r\n"));
        assert!(ics.contains("\r\nMETHOD:REQUEST\r\n"));
        assert!(ics.contains("\r\nSEQUENCE:2\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "no bare line feeds"
        );
    }

    #[test]
    fn text_is_escaped() {
        let ics = to_ics(&event(), Method::Request);
        assert!(ics.contains("SUMMARY:Resume review\\, WorkSource Tigard"));
        assert!(ics.contains("K7PQ-4X9M\\nManage: https://example.org/m/x\\;y"));
    }

    #[test]
    fn cancel_keeps_the_uid_and_says_cancelled() {
        let ics = to_ics(&event(), Method::Cancel);
        assert!(ics.contains("METHOD:CANCEL"));
        assert!(ics.contains("STATUS:CANCELLED"));
        assert!(ics.contains("UID:booking-42@frontdesk"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut e = event();
        e.description = "Revisión de currículum — más información ".repeat(6);
        let ics = to_ics(&e, Method::Request);
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&escape(&e.description)));
    }
}
