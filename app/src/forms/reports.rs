//! [ssr] `GET /staff/reports.csv`: the visit counts behind the report, one line per day
//! or week, center, reason and language, for a spreadsheet.

use crate::api::reports::ssr::ReportQuery;
use crate::db::reports::visits_by_reason;
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
    let name = format!(
        "attachment; filename=\"frontdesk-visits-{}-{}.csv\"",
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
