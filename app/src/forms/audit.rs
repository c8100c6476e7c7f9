//! [ssr] `GET /staff/audit.csv`: the whole log of staff reads of contact details, for
//! managers and admins to keep or hand to an auditor. Anyone else gets 403.

use super::unavailable;
use crate::db::calendar::all_contact_reads;
use crate::domain::report::csv_line;
use crate::domain::roles::Permission;
use crate::i18n::Locale;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

pub async fn audit_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(refused) =
        super::authorize(&state, &headers, Permission::ViewAuditLog, Locale::En).await
    {
        return refused;
    }
    let reads = match all_contact_reads(&state.pool).await {
        Ok(reads) => reads,
        Err(error) => return unavailable(error, Locale::En),
    };
    let mut body = csv_line(&[
        "read_at_utc",
        "staff_email",
        "staff_name",
        "person",
        "source",
        "source_id",
    ]);
    for r in reads {
        body.push_str(&csv_line(&[
            &r.read_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            &r.staff_email,
            &r.staff_name,
            &r.person,
            &r.source,
            &r.source_id.to_string(),
        ]));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"frontdesk-contact-reads.csv\"",
            ),
        ],
        body,
    )
        .into_response()
}
