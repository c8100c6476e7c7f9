//! [ssr] Demo workshops for the next two weeks, as on the WorkSource Portland Metro
//! calendar: orientation, resumes, interviewing in Spanish, a Job Hunter Series of three
//! dates, a hiring event, and a small networking session that fills up quickly. Added
//! only when there are no sessions yet.

use crate::domain::availability::local_instant;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use sqlx::PgPool;

struct Demo {
    day: i64,
    topic: &'static str,
    title: &'static str,
    description: &'static str,
    employer: Option<&'static str>,
    center: Option<&'static str>,
    start: (u32, u32),
    minutes: i64,
    capacity: i32,
    language: &'static str,
}

/// `time`: start hour, minute and length in minutes.
const fn demo(
    day: i64,
    topic: &'static str,
    title: &'static str,
    center: Option<&'static str>,
    time: (u32, u32, i64),
    capacity: i32,
    language: &'static str,
) -> Demo {
    let (hour, minute, minutes) = time;
    let start = (hour, minute);
    Demo {
        day,
        topic,
        title,
        description: "",
        employer: None,
        center,
        start,
        minutes,
        capacity,
        language,
    }
}

pub async fn seed_workshops(pool: &PgPool, now: DateTime<Utc>) -> Result<(), crate::db::Error> {
    let existing: i64 = sqlx::query_scalar("select count(*) from workshop_sessions")
        .fetch_one(pool)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let tz = chrono_tz::America::Los_Angeles;
    let today = now.with_timezone(&tz).date_naive();
    let mut sessions = Vec::new();
    for day in 0..10 {
        sessions.push(demo(
            day,
            "orientation",
            "",
            Some("tigard"),
            (10, 0, 60),
            20,
            "en",
        ));
        if day % 2 == 0 {
            sessions.push(Demo {
                description: "Make your resume show what you can do, and get it past applicant tracking systems.",
                ..demo(day, "resumes", "Resumes that get interviews", None, (13, 0, 90), 25, "en")
            });
        }
        if day % 3 == 1 {
            sessions.push(demo(
                day,
                "interviewing",
                "Entrevistas: cómo prepararse",
                Some("southeast-portland"),
                (15, 0, 90),
                12,
                "es",
            ));
        }
    }
    sessions.push(demo(2, "state_jobs", "", None, (11, 0, 60), 30, "en"));
    sessions.push(demo(
        3,
        "soft_skills",
        "",
        Some("beaverton-hillsboro"),
        (14, 0, 120),
        16,
        "en",
    ));
    sessions.push(demo(
        5,
        "scholarship_help",
        "",
        Some("gresham"),
        (16, 0, 60),
        10,
        "en",
    ));
    sessions.push(demo(
        1,
        "networking",
        "Networking for people who hate networking",
        None,
        (12, 0, 60),
        3,
        "en",
    ));
    sessions.push(Demo {
        employer: Some("Providence Health & Services"),
        description: "Meet recruiters for patient access, environmental services and nursing assistant roles. Bring your resume.",
        ..demo(4, "hiring_event", "Hiring event: Providence Health & Services", Some("north-northeast-portland"), (13, 0, 180), 40, "en")
    });
    let mut tx = pool.begin().await?;
    let series: i64 = sqlx::query_scalar(
        "insert into workshop_series (title, topic) values ('Job Hunter Series', 'job_hunter_series') returning id",
    )
    .fetch_one(&mut *tx)
    .await?;
    // Sessions fall on the days the centers are open: weekdays that are not holidays.
    let holidays: Vec<NaiveDate> = (today.year()..=today.year() + 1)
        .flat_map(crate::domain::state_holidays::oregon_state_holidays)
        .map(|h| h.day)
        .collect();
    let open_days: Vec<NaiveDate> = today
        .iter_days()
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(d))
        .take(20)
        .collect();
    let weekday_after = |offset: i64| open_days[offset.clamp(0, 19) as usize];
    for (n, day) in [1i64, 3, 5].into_iter().enumerate() {
        let date = weekday_after(day);
        let Some(start) = local_instant(
            tz,
            date.and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default()),
        ) else {
            continue;
        };
        sqlx::query(
            "insert into workshop_sessions (series_id, topic, title, description, center_id, starts_at, ends_at, capacity, language)
             values ($1, 'job_hunter_series', $2, 'Three mornings: your goals, your story, your search plan.', 'gresham', $3, $4, 15, 'en')",
        )
        .bind(series)
        .bind(format!("Job Hunter Series, part {} of 3", n + 1))
        .bind(start)
        .bind(start + Duration::minutes(150))
        .execute(&mut *tx)
        .await?;
    }
    for s in sessions {
        let date = weekday_after(s.day);
        let Some(start) = local_instant(
            tz,
            date.and_time(NaiveTime::from_hms_opt(s.start.0, s.start.1, 0).unwrap_or_default()),
        ) else {
            continue;
        };
        sqlx::query(
            "insert into workshop_sessions (topic, title, description, employer, center_id, meeting_link, starts_at, ends_at, capacity, language)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(s.topic)
        .bind(s.title)
        .bind(s.description)
        .bind(s.employer)
        .bind(s.center)
        .bind(s.center.is_none().then_some("https://meet.example.org/worksource"))
        .bind(start)
        .bind(start + Duration::minutes(s.minutes))
        .bind(s.capacity)
        .bind(s.language)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await.map_err(Into::into)
}
