//! [ssr] "How was your visit?" posts: from the phone page of a finished visit
//! (`POST /t/{token}/feedback`, the token in the path the only key) and from a kiosk
//! (`POST /kiosk/{center}/feedback`, only from a paired tablet of that center: the kiosk
//! gate). Both are rate-limited; the cross-site check in front of every post keeps other
//! sites from answering for a visitor.

use super::{limit, render_page, Form};
use crate::components::feedback_form::FeedbackReply;
use crate::db::kiosk_devices::KioskDevice;
use crate::domain::feedback::{parse_feedback, FeedbackAnswer};
use crate::domain::limits::Limited;
use crate::i18n::Locale;
use crate::limits::ClientAddress;
use crate::pages::booking::query::encode;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;

/// Records the answer and goes back to the ticket's page, which then thanks the visitor.
/// A ticket that cannot be answered for (not done, of another day, answered already,
/// unknown) is left as it is; its page shows why.
pub async fn from_phone(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang"));
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let page = format!("/t/{}?lang={}", encode(&token), locale.tag());
    let answer = match checked(
        &state,
        Limited::Feedback,
        &client.limit_key(),
        &form,
        locale,
        &page,
    )
    .await
    {
        Ok(answer) => answer,
        Err(refused) => return refused,
    };
    match crate::services::feedback::answer_from_phone(&state.pool, &token, &answer, Utc::now())
        .await
    {
        Ok(recorded) => {
            tracing::info!(recorded, "feedback from a visitor's phone");
            Redirect::to(&page).into_response()
        }
        Err(error) => super::unavailable(error, locale),
    }
}

/// Records an anonymous answer given at the kiosk, then thanks the visitor.
pub async fn at_kiosk(
    State(state): State<AppState>,
    Extension(device): Extension<KioskDevice>,
    Path(center_id): Path<String>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    if form.shown_to_an_earlier_visitor(&device) {
        return super::kiosk_start_over(&device);
    }
    let display = form.kiosk_display();
    let locale = display.locale;
    let page = format!("/kiosk/{center_id}/feedback{}", display.query());
    let tablet = format!("kiosk:{}", device.id);
    let answer = match checked(
        &state,
        Limited::KioskFeedback,
        &tablet,
        &form,
        locale,
        &page,
    )
    .await
    {
        Ok(answer) => answer,
        Err(refused) => return refused,
    };
    match crate::services::feedback::answer_at_kiosk(
        &state.pool,
        &center_id,
        locale.tag(),
        &answer,
        Utc::now(),
    )
    .await
    {
        // A center that is not there (the gate lets only its own tablets in) shows as such.
        Ok(_) => Redirect::to(&format!("{page}&sent=1")).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}

/// Checks the answer, then counts it against `what` for `key`: only answers that would be
/// recorded use up the limit (a visitor corrected beside the field is not slowed down). A
/// refusal is the page at `page` again with what was chosen and typed, and the message
/// beside its field or, over the limit, above the form.
async fn checked(
    state: &AppState,
    what: Limited,
    key: &str,
    form: &Form,
    locale: Locale,
    page: &str,
) -> Result<FeedbackAnswer, Response> {
    let typed = FeedbackReply {
        rating: form.get("rating"),
        comment: form.get("comment"),
        ..FeedbackReply::default()
    };
    let answer = match parse_feedback(&typed.rating, &typed.comment) {
        Ok(answer) => answer,
        Err(problems) => {
            let reply = FeedbackReply { problems, ..typed };
            return Err(render_page(state, page, reply, StatusCode::UNPROCESSABLE_ENTITY).await);
        }
    };
    limit(state, what, key, locale, page, move |message| {
        FeedbackReply {
            notice: Some(message),
            ..typed
        }
    })
    .await?;
    Ok(answer)
}
