//! [ssr] The workshops of the demo's past days: the sessions the demo also holds ahead
//! (orientation at Tigard every open morning, resumes online on Mondays and Wednesdays,
//! interviewing in Spanish at Southeast Portland on Thursdays, networking online on
//! Fridays), each planned through the staff's own plan check as of the day before and
//! created with the same query, filled through the enrolment use case (by phone, so no
//! email is composed), and their attendance marked as staff mark it: most came.

use super::workshops::{enrol, EnrolOutcome};
use crate::db::workshop_admin::create_sessions;
use crate::db::workshops::mark_attendance;
use crate::domain::locale::Locale;
use crate::domain::mail::MailContext;
use crate::domain::session_plan::{plan, Places, SessionFields};
use crate::domain::workshop::Contact;
use crate::domain::workshop_session::NewEnrolment;
use crate::domain::workshop_status::EnrolmentStatus;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use rand::rngs::StdRng;
use rand::Rng;
use sqlx::PgPool;

/// One kind of past session: on which weekdays, what, where ("virtual" or a center),
/// when (`HH:MM` to `HH:MM`), how many seats, in which language.
struct Kind {
    days: &'static [Weekday],
    topic: &'static str,
    title: &'static str,
    place: &'static str,
    time: (&'static str, &'static str),
    capacity: u32,
    language: &'static str,
}

const KINDS: [Kind; 4] = [
    Kind {
        days: &[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ],
        topic: "orientation",
        title: "",
        place: "tigard",
        time: ("10:00", "11:00"),
        capacity: 20,
        language: "en",
    },
    Kind {
        days: &[Weekday::Mon, Weekday::Wed],
        topic: "resumes",
        title: "Resumes that get interviews",
        place: "virtual",
        time: ("13:00", "14:30"),
        capacity: 25,
        language: "en",
    },
    Kind {
        days: &[Weekday::Thu],
        topic: "interviewing",
        title: "Entrevistas: cómo prepararse",
        place: "southeast-portland",
        time: ("15:00", "16:30"),
        capacity: 12,
        language: "es",
    },
    Kind {
        days: &[Weekday::Fri],
        topic: "networking",
        title: "Networking for people who hate networking",
        place: "virtual",
        time: ("12:00", "13:00"),
        capacity: 10,
        language: "en",
    },
];

/// Where the demo's online sessions meet.
const MEETING_LINK: &str = "https://meet.example.org/worksource-demo";

/// Sessions and enrolments added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PastWorkshops {
    pub sessions: usize,
    pub enrolments: usize,
}

/// Adds `day`'s past sessions at the places in `centers` (a session at a center not
/// there is left out), half to full, four in five of the people there.
pub async fn add_day(
    pool: &PgPool,
    rng: &mut StdRng,
    centers: &[(String, Tz)],
    day: NaiveDate,
) -> Result<PastWorkshops, crate::db::Error> {
    let places = Places {
        centers,
        home: chrono_tz::America::Los_Angeles,
    };
    let mut added = PastWorkshops::default();
    for kind in KINDS.iter().filter(|k| k.days.contains(&day.weekday())) {
        let fields = fields(kind, day);
        // Planned the day before, as staff would have.
        let Some(eve) = day
            .pred_opt()
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|t| t.and_utc())
        else {
            continue;
        };
        let Ok(session_plan) = plan(&fields, &places, eve) else {
            continue;
        };
        let Some(&(starts_at, _)) = session_plan.times.first() else {
            continue;
        };
        for session_id in create_sessions(pool, &session_plan).await? {
            added.sessions += 1;
            let people = rng.gen_range(kind.capacity / 2..=kind.capacity);
            for _ in 0..people {
                let when = starts_at - Duration::hours(rng.gen_range(2..24 * 10));
                if fill_seat(pool, rng, session_id, kind.language, when).await? {
                    added.enrolments += 1;
                }
            }
        }
    }
    Ok(added)
}

/// The staff's form for one session of `kind` on `day`.
fn fields(kind: &Kind, day: NaiveDate) -> SessionFields {
    SessionFields {
        topic: kind.topic.to_owned(),
        title: kind.title.to_owned(),
        place: kind.place.to_owned(),
        meeting_link: if kind.place == "virtual" {
            MEETING_LINK.to_owned()
        } else {
            String::new()
        },
        date: day.format("%Y-%m-%d").to_string(),
        start: kind.time.0.to_owned(),
        end: kind.time.1.to_owned(),
        weeks: "1".to_owned(),
        capacity: kind.capacity.to_string(),
        language: kind.language.to_owned(),
        ..SessionFields::default()
    }
}

/// Enrols one person at `when` and marks whether they came; false when no seat was left.
async fn fill_seat(
    pool: &PgPool,
    rng: &mut StdRng,
    session_id: i64,
    language: &str,
    when: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let n = rng.gen_range(0..10_000);
    let person = NewEnrolment {
        key: uuid::Uuid::new_v4(),
        first_name: super::demo_history::first_name(rng).to_owned(),
        last_name: "Demo".to_owned(),
        contact: Contact::Phone(format!("50366{n:05}")),
        language: language.to_owned(),
        locale: if language == "es" {
            Locale::Es
        } else {
            Locale::En
        },
        accommodations: Vec::new(),
        interpreter_language: None,
        accommodation_other: None,
    };
    // No email address, so nothing is composed: the context is never read.
    let no_mail = MailContext {
        public_url: String::new(),
        from_address: String::new(),
        agency: Default::default(),
    };
    let EnrolOutcome::Done { enrolment_id, .. } =
        enrol(pool, session_id, &person, &no_mail, when).await?
    else {
        return Ok(false);
    };
    let came = if rng.gen_ratio(4, 5) {
        EnrolmentStatus::Attended
    } else {
        EnrolmentStatus::NoShow
    };
    mark_attendance(pool, session_id, enrolment_id, came).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_a_valid_plan_on_its_days() {
        let centers = [
            ("tigard".to_owned(), chrono_tz::America::Los_Angeles),
            (
                "southeast-portland".to_owned(),
                chrono_tz::America::Los_Angeles,
            ),
        ];
        let places = Places {
            centers: &centers,
            home: chrono_tz::America::Los_Angeles,
        };
        // A Monday to Friday week.
        let monday = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let before = monday.and_hms_opt(0, 0, 0).unwrap().and_utc() - Duration::days(1);
        for kind in &KINDS {
            for day in monday.iter_days().take(5) {
                if !kind.days.contains(&day.weekday()) {
                    continue;
                }
                let checked = plan(&fields(kind, day), &places, before);
                assert!(checked.is_ok(), "{} on {day}: {checked:?}", kind.topic);
            }
        }
    }
}
