//! [ssr] The demo's past: eight weeks of walk-ins at every demo center, checked in, called,
//! served and finished (or gone before their turn) through the same queries the kiosk and
//! the staff queue use, each at its own moment, the appointments of those days
//! (`demo_appointment_history`) and the workshops held (`demo_workshop_history`), so
//! reports and their charts open on weeks of plausible visits instead of zeros. The same
//! seed gives the same history.

use super::demo_appointment_history::{add_day, center_offers};
use super::demo_workshop_history::add_day as workshop_day;
use crate::db::centers::find_center;
use crate::db::queue::apply_action;
use crate::db::visits::record_check_in;
use crate::domain::check_in::{NewCheckIn, Registration};
use crate::domain::queue::QueueAction;
use crate::domain::state_holidays::oregon_state_holidays;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::PgPool;

/// How far back the history goes.
pub const HISTORY_DAYS: i64 = 56;

/// One past walk-in, as planned.
#[derive(Debug, Clone, PartialEq)]
pub struct PastVisit {
    /// Minutes after the center opened at 8:30.
    pub arrived_after: i64,
    pub first_name: &'static str,
    pub last_initial: char,
    /// Codes of WorkSource reasons (`worksource_reasons`).
    pub reasons: Vec<&'static str>,
    pub language: &'static str,
    /// Minutes until called; `None`: left before their turn.
    pub waited: Option<i64>,
    pub served_for: i64,
}

impl PastVisit {
    /// Whether this visitor said how it went from their phone, and how: every third one
    /// served, happier the shorter the wait. No random draw, so the rest of the demo's
    /// history stays as its seed makes it.
    pub fn rating(&self) -> Option<u8> {
        let waited = self.waited?;
        (self.arrived_after % 3 == 0).then_some(match waited {
            0..=10 => 5,
            11..=20 => 4,
            21..=35 => 3,
            36..=50 => 2,
            _ => 1,
        })
    }
}

const FIRST_NAMES: [&str; 16] = [
    "Maria", "James", "Linh", "Ahmed", "Olga", "Sofia", "Daniel", "Hodan", "Wei", "Grace", "Jose",
    "Tuan", "Fatima", "Ivan", "Keisha", "Samuel",
];

/// Reasons people come for, each with how often (in twentieths of visits).
const REASON_WEIGHTS: [(&str, u32); 12] = [
    ("job_search", 5),
    ("register", 3),
    ("resume_review", 2),
    ("job_coaching", 2),
    ("resource_room", 2),
    ("interview_practice", 1),
    ("training_scholarships", 1),
    ("workshops", 1),
    ("snap_step", 1),
    ("job_referrals", 1),
    ("resource_referrals", 1),
    ("something_else", 1),
];

/// A first name for a past visitor.
pub fn first_name(rng: &mut StdRng) -> &'static str {
    FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())]
}

fn reason(rng: &mut StdRng) -> &'static str {
    let total: u32 = REASON_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    for (reason, weight) in REASON_WEIGHTS {
        if pick < weight {
            return reason;
        }
        pick -= weight;
    }
    "something_else"
}

/// The walk-ins of one day at one center: busier on Mondays and in the mornings, a
/// second reason now and then, a quarter in Spanish, waits that grow with the crowd, and
/// a few who leave before their turn.
pub fn plan_day(rng: &mut StdRng, weekday: Weekday) -> Vec<PastVisit> {
    let busy = match weekday {
        Weekday::Mon => 22,
        Weekday::Fri => 12,
        _ => 16,
    };
    let count = busy + rng.gen_range(0..8);
    let mut day: Vec<PastVisit> = (0..count)
        .map(|_| {
            // Two draws keep more arrivals in the morning than the afternoon.
            let arrived_after = rng.gen_range(0..480).min(rng.gen_range(0..480));
            let mut reasons = vec![reason(rng)];
            if rng.gen_ratio(1, 5) {
                let second = reason(rng);
                if !reasons.contains(&second) {
                    reasons.push(second);
                }
            }
            reasons.sort();
            PastVisit {
                arrived_after,
                first_name: first_name(rng),
                last_initial: char::from(b'A' + rng.gen_range(0..26u8)),
                reasons,
                language: if rng.gen_ratio(1, 4) { "es" } else { "en" },
                waited: (!rng.gen_ratio(1, 14)).then(|| rng.gen_range(3..25 + count as i64)),
                served_for: rng.gen_range(8..40),
            }
        })
        .collect();
    day.sort_by_key(|v| v.arrived_after);
    day
}

/// What the history added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct History {
    pub walk_ins: usize,
    pub appointments: usize,
    pub workshop_sessions: usize,
    pub enrolments: usize,
}

/// Adds the history when there is none yet (no visit before today); one process at a time
/// (another starting at once skips it).
pub async fn seed_history(
    pool: &PgPool,
    centers: &[&str],
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<History, crate::db::Error> {
    // A lock held by this connection for as long as the history takes.
    let mut guard = pool.acquire().await?;
    let locked: bool =
        sqlx::query_scalar("select pg_try_advisory_lock(hashtext('frontdesk demo history'))")
            .fetch_one(&mut *guard)
            .await?;
    if !locked {
        return Ok(History::default());
    }
    let added = match quick_commits(pool).await {
        Ok(quick) => {
            let added = add_history(&quick, centers, staff_id, now).await;
            quick.close().await;
            added
        }
        Err(e) => Err(e.into()),
    };
    sqlx::query("select pg_advisory_unlock(hashtext('frontdesk demo history'))")
        .execute(&mut *guard)
        .await?;
    added
}

/// Connections to the same database that do not wait for the disk at each commit: the
/// history is thousands of small transactions, and a fresh cluster flushing each one kept a
/// first start unready for minutes. A crash loses at most the last few, never consistency
/// (`synchronous_commit` only delays the flush), and the history is added again only when
/// none of it is there.
async fn quick_commits(pool: &PgPool) -> Result<PgPool, sqlx::Error> {
    let options = (*pool.connect_options())
        .clone()
        .options([("synchronous_commit", "off")]);
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .connect_with(options)
        .await
}

async fn add_history(
    pool: &PgPool,
    centers: &[&str],
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<History, crate::db::Error> {
    let past: bool = sqlx::query_scalar(
        "select exists (select 1 from visits where checked_in_at < $1 - interval '1 day')",
    )
    .bind(now)
    .fetch_one(pool)
    .await?;
    if past {
        return Ok(History::default());
    }
    let mut rng = StdRng::seed_from_u64(2026);
    let mut added = History::default();
    let mut places = Vec::new();
    for center_id in centers {
        let Some(center) = find_center(pool, center_id).await? else {
            continue;
        };
        let zone = center.tz()?;
        places.push((center.id.clone(), zone));
        let offers = center_offers(pool, &center.id).await?;
        let today = now.with_timezone(&zone).date_naive();
        for back in (1..=HISTORY_DAYS).rev() {
            let day = today - Duration::days(back);
            if !open_day(day) {
                continue;
            }
            let Some(opens) = zone
                .from_local_datetime(
                    &day.and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default()),
                )
                .single()
            else {
                continue;
            };
            let opens = opens.with_timezone(&Utc);
            for visit in plan_day(&mut rng, day.weekday()) {
                add_visit(pool, &center, &visit, opens, staff_id).await?;
                added.walk_ins += 1;
            }
            added.appointments += add_day(pool, &mut rng, &offers, day, staff_id).await?;
        }
    }
    // The workshops, once for the agency, on the days its centers are open.
    let zone = chrono_tz::America::Los_Angeles;
    let today = now.with_timezone(&zone).date_naive();
    for back in (1..=HISTORY_DAYS).rev() {
        let day = today - Duration::days(back);
        if !open_day(day) {
            continue;
        }
        let workshops = workshop_day(pool, &mut rng, &places, day).await?;
        added.workshop_sessions += workshops.sessions;
        added.enrolments += workshops.enrolments;
    }
    Ok(added)
}

/// A weekday that is not one of Oregon's state holidays.
fn open_day(day: NaiveDate) -> bool {
    let weekend = day.weekday().number_from_monday() > 5;
    !weekend
        && !oregon_state_holidays(day.year())
            .into_iter()
            .any(|h| h.day == day)
}

async fn add_visit(
    pool: &PgPool,
    center: &crate::db::centers::CenterRow,
    visit: &PastVisit,
    opens: DateTime<Utc>,
    staff_id: i64,
) -> Result<(), crate::db::Error> {
    let arrived = opens + Duration::minutes(visit.arrived_after);
    let person = NewCheckIn {
        first_name: visit.first_name.to_owned(),
        last_name: visit.last_initial.to_string(),
        reasons: visit.reasons.iter().map(|r| (*r).to_owned()).collect(),
        registered: Registration::Yes,
        accommodations: Vec::new(),
        interpreter_language: None,
        accommodation_other: None,
    };
    let key = uuid::Uuid::new_v4();
    let id = record_check_in(pool, center, &person, key, visit.language, arrived).await?;
    let act = |action, at| apply_action(pool, &center.id, id, action, staff_id, at);
    match visit.waited {
        Some(waited) => {
            let called = arrived + Duration::minutes(waited);
            act(QueueAction::Call, called).await?;
            act(QueueAction::StartServing, called + Duration::minutes(1)).await?;
            let done = called + Duration::minutes(visit.served_for);
            act(QueueAction::Done, done).await?;
            if let Some(rating) = visit.rating() {
                crate::db::feedback::rate_visit(pool, id, rating, done + Duration::minutes(5))
                    .await?;
            }
        }
        None => {
            act(QueueAction::Left, arrived + Duration::minutes(20)).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_plausible_and_the_same_seed_gives_the_same_day() {
        let day = plan_day(&mut StdRng::seed_from_u64(7), Weekday::Mon);
        assert_eq!(day, plan_day(&mut StdRng::seed_from_u64(7), Weekday::Mon));
        assert!((22..30).contains(&day.len()), "{}", day.len());
        assert!(day
            .windows(2)
            .all(|w| w[0].arrived_after <= w[1].arrived_after));
        for visit in &day {
            assert!((0..480).contains(&visit.arrived_after));
            assert!(!visit.reasons.is_empty() && visit.reasons.len() <= 2);
            assert!(!visit.reasons.contains(&"unemployment_insurance"));
            assert!(["en", "es"].contains(&visit.language));
        }
    }

    #[test]
    fn every_third_served_visitor_rates_the_visit_by_how_long_they_waited() {
        let visit = |arrived_after, waited| PastVisit {
            arrived_after,
            first_name: "Maria",
            last_initial: 'G',
            reasons: vec!["job_search"],
            language: "en",
            waited,
            served_for: 20,
        };
        assert_eq!(visit(0, Some(5)).rating(), Some(5));
        assert_eq!(visit(3, Some(30)).rating(), Some(3));
        assert_eq!(visit(6, Some(90)).rating(), Some(1));
        assert_eq!(
            visit(1, Some(5)).rating(),
            None,
            "not every visitor answers"
        );
        assert_eq!(visit(0, None).rating(), None, "gone before their turn");
    }

    #[test]
    fn every_weighted_reason_is_a_worksource_reason() {
        let codes: Vec<&str> = crate::domain::worksource_reasons::worksource_reasons()
            .into_iter()
            .map(|(code, _)| code)
            .collect();
        assert!(REASON_WEIGHTS.iter().all(|(r, _)| codes.contains(r)));
    }

    #[test]
    fn mornings_are_busier_and_fridays_quieter_over_many_days() {
        let mut rng = StdRng::seed_from_u64(1);
        let (mut morning, mut afternoon, mut mondays, mut fridays) = (0, 0, 0, 0);
        for _ in 0..50 {
            for visit in plan_day(&mut rng, Weekday::Mon) {
                mondays += 1;
                if visit.arrived_after < 240 {
                    morning += 1;
                } else {
                    afternoon += 1;
                }
            }
            fridays += plan_day(&mut rng, Weekday::Fri).len();
        }
        assert!(morning > afternoon * 2, "{morning} / {afternoon}");
        assert!(mondays > fridays, "{mondays} / {fridays}");
    }
}
