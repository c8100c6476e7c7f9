//! [ssr] `GET /staff/reports.csv` and `GET /staff/feedback.csv`: the visit and feedback
//! counts behind the report, one line per day or week, center, reason and language, for a
//! spreadsheet.

use crate::api::reports::ssr::ReportQuery;
use crate::db::feedback::feedback_counts;
use crate::db::reports::visits_by_reason;
use crate::domain::feedback::{tenths_text, Ratings};
use crate::domain::report::csv_line;
use crate::domain::roles::Permission;
use crate::i18n::Locale;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
pub struct CsvQuery {
    from: Option<String>,
    to: Option<String>,
    center: Option<String>,
    period: Option<String>,
}

pub async fn visits_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<CsvQuery>,
) -> Response {
    if let Err(refused) =
        super::authorize(&state, &headers, Permission::ViewReports, Locale::En).await
    {
        return refused;
    }
    let query = ReportQuery::read(q.from, q.to, q.center, q.period);
    let counts =
        match visits_by_reason(&state.pool, query.from, query.to, query.center.as_deref()).await {
            Ok(counts) => counts,
            Err(error) => return super::unavailable(error, crate::i18n::Locale::En),
        };
    // Days folded into their week when asked; the order is the key's.
    let mut grouped: BTreeMap<(NaiveDate, String, String, String), i64> = BTreeMap::new();
    for c in counts {
        let key = (
            query.period.start_of(c.day),
            c.center_id,
            c.reason,
            c.language,
        );
        *grouped.entry(key).or_default() += c.visits;
    }
    let mut body = csv_line(&["period_start", "center", "reason", "language", "visits"]);
    for ((start, center, reason, language), visits) in grouped {
        body.push_str(&csv_line(&[
            &start.to_string(),
            &center,
            &reason,
            &language,
            &visits.to_string(),
        ]));
    }
    download("visits", &query, body)
}

/// Feedback per day or week, center, reason and language: how many answered, the average
/// and how many gave each face. An answer for a visit with two reasons counts under each;
/// answers given at the kiosk have the reason "(kiosk)".
pub async fn feedback_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<CsvQuery>,
) -> Response {
    if let Err(refused) =
        super::authorize(&state, &headers, Permission::ViewReports, Locale::En).await
    {
        return refused;
    }
    let query = ReportQuery::read(q.from, q.to, q.center, q.period);
    let counts =
        match feedback_counts(&state.pool, query.from, query.to, query.center.as_deref()).await {
            Ok(counts) => counts,
            Err(error) => return super::unavailable(error, Locale::En),
        };
    let mut grouped: BTreeMap<(NaiveDate, String, String, String), Ratings> = BTreeMap::new();
    for c in counts {
        let reasons = if c.reasons.is_empty() {
            vec![KIOSK_REASON.to_owned()]
        } else {
            c.reasons
        };
        for reason in reasons {
            let key = (
                query.period.start_of(c.day),
                c.center_id.clone(),
                reason,
                c.language.clone(),
            );
            grouped
                .entry(key)
                .or_default()
                .add(u8::try_from(c.rating).unwrap_or(0), c.answers.max(0) as u64);
        }
    }
    let mut body = csv_line(&[
        "period_start",
        "center",
        "reason",
        "language",
        "answers",
        "average",
        "rating_1",
        "rating_2",
        "rating_3",
        "rating_4",
        "rating_5",
    ]);
    for ((start, center, reason, language), ratings) in grouped {
        let mut fields = vec![
            start.to_string(),
            center,
            reason,
            language,
            ratings.total().to_string(),
            ratings
                .average_tenths()
                .map(tenths_text)
                .unwrap_or_default(),
        ];
        fields.extend(ratings.counts.iter().map(u64::to_string));
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        body.push_str(&csv_line(&fields));
    }
    download("feedback", &query, body)
}

/// The reason column of answers given at the kiosk, which have no visit: in parentheses,
/// which no reason's code has.
const KIOSK_REASON: &str = "(kiosk)";

/// `body` as a CSV file to save, named after `what` and the report's range.
fn download(what: &str, query: &ReportQuery, body: String) -> Response {
    let name = format!(
        "attachment; filename=\"frontdesk-{what}-{}-{}.csv\"",
        query.from, query.to
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        body,
    )
        .into_response()
}
