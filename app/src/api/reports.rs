//! Staff reports: visits, waits, appointments and workshops per day or week, for one
//! center or all. The CSV export of the visit counts is `forms::reports`.

use crate::domain::center::CenterInfo;
use crate::domain::feedback::Ratings;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::service_level::ServiceLevel;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One day or week of a report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub start: NaiveDate,
    pub visits: u64,
    pub median_wait: Option<u32>,
    pub p90_wait: Option<u32>,
    pub booked: u64,
    pub cancelled: u64,
    pub arrived: u64,
    pub no_show: u64,
    pub sessions: u64,
    pub seats: u64,
    pub enrolled: u64,
    pub attended: u64,
    pub workshop_no_show: u64,
    /// Visitor feedback given for this period's days.
    pub feedback: Ratings,
    /// Walk-ins called within their center's target wait.
    pub service_level: ServiceLevel,
}

/// A feedback comment as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentRow {
    pub day: NaiveDate,
    pub center_id: String,
    pub language: String,
    pub rating: u8,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub staff_name: String,
    pub centers: Vec<CenterInfo>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Empty: all centers.
    pub center: String,
    /// "day" or "week".
    pub period: String,
    pub rows: Vec<PeriodRow>,
    /// Visits per reason (a visit with two reasons counts under each), most first.
    pub reasons: Vec<(String, u64)>,
    /// The agency's reasons, to name them (also hidden ones).
    pub visit_reasons: Vec<crate::domain::visit_reason::VisitReason>,
    /// Visits per language code, most first.
    pub languages: Vec<(String, u64)>,
    /// Feedback per visit reason (an answer for a visit with two reasons counts under
    /// each; "" for answers given at the kiosk, without a visit), most answers first.
    pub feedback_reasons: Vec<(String, Ratings)>,
    /// Feedback per language code, most answers first.
    pub feedback_languages: Vec<(String, Ratings)>,
    /// The newest comments of the range.
    pub comments: Vec<CommentRow>,
    /// The service level per visit reason (a visit with two reasons counts under each),
    /// most walk-ins first.
    pub service_reasons: Vec<(String, ServiceLevel)>,
    /// The target waits the levels are measured against, per center shown.
    pub targets: Vec<(String, u32)>,
}

/// Comments a report lists at most (the newest).
pub const MAX_COMMENTS: i64 = 100;

/// The longest range a report covers, in days.
pub const MAX_DAYS: i64 = 366;

/// The report for days `from` to `to` (the last 14 days by default) at `center` (all when
/// empty), grouped by `period` ("day" or "week").
#[server(endpoint = "staff/reports")]
pub async fn staff_report(
    from: Option<String>,
    to: Option<String>,
    center: Option<String>,
    period: Option<String>,
) -> Result<Report, AppError> {
    let staff = super::auth::require(Permission::ViewReports).await?;
    let state = super::state()?;
    let query = ssr::ReportQuery::read(from, to, center, period);
    ssr::report(&state.pool, staff.display_name, query)
        .await
        .map_err(super::unavailable)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{CommentRow, PeriodRow, Report, MAX_COMMENTS, MAX_DAYS};
    use crate::db::{feedback, reports};
    use crate::domain::feedback::Ratings;
    use crate::domain::report::Period;
    use crate::domain::service_level::{ServiceLevel, WaitEnd};
    use crate::domain::wait::wait_summary;
    use chrono::{Duration, NaiveDate, Utc};
    use sqlx::PgPool;
    use std::collections::BTreeMap;

    /// A report's range and filters, read from the query string with sane defaults.
    pub struct ReportQuery {
        pub from: NaiveDate,
        pub to: NaiveDate,
        pub center: Option<String>,
        pub period: Period,
    }

    impl ReportQuery {
        pub fn read(
            from: Option<String>,
            to: Option<String>,
            center: Option<String>,
            period: Option<String>,
        ) -> ReportQuery {
            let date = |d: Option<String>| d.and_then(|d| d.parse::<NaiveDate>().ok());
            let today = Utc::now()
                .with_timezone(&chrono_tz::America::Los_Angeles)
                .date_naive();
            let to = date(to).unwrap_or(today);
            let from = date(from)
                .unwrap_or(to - Duration::days(13))
                .clamp(to - Duration::days(MAX_DAYS - 1), to);
            ReportQuery {
                from,
                to,
                center: center.filter(|c| !c.is_empty()),
                period: Period::from_code(period.as_deref().unwrap_or("day")),
            }
        }
    }

    pub async fn report(
        pool: &PgPool,
        staff_name: String,
        query: ReportQuery,
    ) -> Result<Report, crate::db::Error> {
        let (from, to, center) = (query.from, query.to, query.center.as_deref());
        let period = query.period;
        let mut rows: BTreeMap<NaiveDate, PeriodRow> = BTreeMap::new();
        // Every day or week of the range has a row, even an empty one.
        let mut day = from;
        while day <= to {
            entry(&mut rows, period.start_of(day));
            day += Duration::days(1);
        }
        let mut waits: BTreeMap<NaiveDate, Vec<f64>> = BTreeMap::new();
        let mut languages: BTreeMap<String, u64> = BTreeMap::new();
        for visit in reports::visit_waits(pool, from, to, center).await? {
            let start = period.start_of(visit.day);
            entry(&mut rows, start).visits += 1;
            *languages.entry(visit.language).or_default() += 1;
            if let Some(waited) = visit.waited_minutes {
                waits.entry(start).or_default().push(waited);
            }
        }
        for (start, waited) in waits {
            let summary = wait_summary(&waited, &[]);
            let r = entry(&mut rows, start);
            r.median_wait = summary.median;
            r.p90_wait = summary.p90;
        }
        let mut reasons: BTreeMap<String, u64> = BTreeMap::new();
        for count in reports::visits_by_reason(pool, from, to, center).await? {
            *reasons.entry(count.reason).or_default() += count.visits.max(0) as u64;
        }
        for b in reports::bookings(pool, from, to, center, Utc::now()).await? {
            let r = entry(&mut rows, period.start_of(b.day));
            r.booked += b.booked.max(0) as u64;
            r.cancelled += b.cancelled.max(0) as u64;
            r.arrived += b.arrived.max(0) as u64;
            r.no_show += b.no_show.max(0) as u64;
        }
        for w in reports::workshops(pool, from, to, center).await? {
            let r = entry(&mut rows, period.start_of(w.day));
            r.sessions += w.sessions.max(0) as u64;
            r.seats += w.seats.max(0) as u64;
            r.enrolled += w.enrolled.max(0) as u64;
            r.attended += w.attended.max(0) as u64;
            r.workshop_no_show += w.no_show.max(0) as u64;
        }
        let mut feedback_reasons: BTreeMap<String, Ratings> = BTreeMap::new();
        let mut feedback_languages: BTreeMap<String, Ratings> = BTreeMap::new();
        for count in feedback::feedback_counts(pool, from, to, center).await? {
            let rating = u8::try_from(count.rating).unwrap_or(0);
            let answers = count.answers.max(0) as u64;
            entry(&mut rows, period.start_of(count.day))
                .feedback
                .add(rating, answers);
            feedback_languages
                .entry(count.language)
                .or_default()
                .add(rating, answers);
            let reasons = if count.reasons.is_empty() {
                vec![String::new()]
            } else {
                count.reasons
            };
            for reason in reasons {
                feedback_reasons
                    .entry(reason)
                    .or_default()
                    .add(rating, answers);
            }
        }
        let mut service_reasons: BTreeMap<String, ServiceLevel> = BTreeMap::new();
        for walk_in in reports::walk_in_waits(pool, from, to, center).await? {
            let end = match (walk_in.called_after, walk_in.left_after) {
                (Some(waited), _) => WaitEnd::Called(waited),
                (None, Some(waited)) => WaitEnd::LeftUncalled(waited),
                // Still waiting, or gone without a word: not yet a wait that counts.
                (None, None) => continue,
            };
            let target = u32::try_from(walk_in.target_wait_minutes).unwrap_or_default();
            let mut level = ServiceLevel::default();
            level.add(end, target);
            entry(&mut rows, period.start_of(walk_in.day))
                .service_level
                .merge(level);
            for reason in walk_in.reasons {
                service_reasons.entry(reason).or_default().merge(level);
            }
        }
        let mut service_reasons: Vec<(String, ServiceLevel)> =
            service_reasons.into_iter().collect();
        service_reasons.sort_by_key(|(_, level)| std::cmp::Reverse(level.counted));
        let targets = crate::db::center_setup::all_centers(pool)
            .await?
            .into_iter()
            .filter(|c| center.is_none_or(|id| id == c.id) && c.retired_at.is_none())
            .map(|c| {
                (
                    c.name,
                    u32::try_from(c.target_wait_minutes).unwrap_or_default(),
                )
            })
            .collect();
        let comments = feedback::comments(pool, from, to, center, MAX_COMMENTS)
            .await?
            .into_iter()
            .map(|c| CommentRow {
                day: c.day,
                center_id: c.center_id,
                language: c.language,
                rating: u8::try_from(c.rating).unwrap_or(0),
                comment: c.comment,
            })
            .collect();
        let centers = crate::db::centers::list_centers(pool).await?;
        Ok(Report {
            staff_name,
            centers: centers.into_iter().map(Into::into).collect(),
            from,
            to,
            center: query.center.unwrap_or_default(),
            period: period.code().to_owned(),
            rows: rows.into_values().collect(),
            reasons: most_first(reasons.into_iter()),
            visit_reasons: crate::db::visit_reasons::list(pool).await?,
            languages: most_first(languages.into_iter()),
            feedback_reasons: most_answers_first(feedback_reasons),
            feedback_languages: most_answers_first(feedback_languages),
            comments,
            service_reasons,
            targets,
        })
    }

    fn entry(rows: &mut BTreeMap<NaiveDate, PeriodRow>, start: NaiveDate) -> &mut PeriodRow {
        rows.entry(start).or_insert_with(|| PeriodRow {
            start,
            ..PeriodRow::default()
        })
    }

    fn most_answers_first(groups: BTreeMap<String, Ratings>) -> Vec<(String, Ratings)> {
        let mut groups: Vec<(String, Ratings)> = groups.into_iter().collect();
        groups.sort_by_key(|(_, ratings)| std::cmp::Reverse(ratings.total()));
        groups
    }

    fn most_first<T>(items: impl Iterator<Item = (T, u64)>) -> Vec<(T, u64)> {
        let mut items: Vec<(T, u64)> = items.collect();
        items.sort_by_key(|item| std::cmp::Reverse(item.1));
        items
    }
}
