//! [ssr] The admins' post of the agency settings. Anyone but an admin is refused (403)
//! before the form is read further; typing mistakes come back beside their fields with
//! everything typed kept.

use super::{render_staff_page, staff_post, unavailable, StaffPost};
use crate::domain::agency::{check_agency, TypedAgency};
use crate::domain::roles::Permission;
use crate::i18n::Locale;
use crate::pages::staff::agency_page::AgencySubmission;
use crate::services::agency_settings::save_settings;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

fn page(locale: Locale) -> String {
    format!("/staff/agency?lang={}", locale.tag())
}

fn typed(post: &StaffPost) -> TypedAgency {
    TypedAgency {
        name: post.form.get("name"),
        public_name: post.form.get("public_name"),
        language_line: post.form.get("language_line"),
        registration_url: post.form.get("registration_url"),
        job_listings_url: post.form.get("job_listings_url"),
        training_url: post.form.get("training_url"),
        training_area: post.form.get("training_area"),
        retention_days: post.form.get("retention_days"),
    }
}

/// `POST /staff/agency`: every setting of the form.
pub async fn save(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let typed = typed(&post);
    let agency = match check_agency(&typed) {
        Ok(agency) => agency,
        Err(refused) => {
            let answer = AgencySubmission { typed, refused };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render_staff_page(&state, &page(post.locale), &headers, answer, status).await;
        }
    };
    match save_settings(&state.pool, Some(post.staff.staff_id), &agency).await {
        Ok(changed) => {
            // This process shows the change at once; the others when they hear of it.
            if let Err(error) = state.agency.reload(&state.pool).await {
                tracing::warn!(%error, "could not read the saved agency settings again");
            }
            let notice = if changed { "saved" } else { "unchanged" };
            Redirect::to(&format!("{}&notice={notice}", page(post.locale))).into_response()
        }
        Err(error) => unavailable(error, post.locale),
    }
}
