//! A walk-in ticket followed from the visitor's phone (`/t/{token}`): public, and reached
//! only with the ticket's secret link, which is worth nothing after the ticket's day.

use crate::domain::follow::FollowStage;
#[cfg(feature = "ssr")]
use crate::domain::ticket_view::QrLink;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the phone page shows of a ticket. Never a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowView {
    /// The link's own secret (the visitor's answers post to it).
    pub token: String,
    /// "A-042".
    pub number: String,
    pub stage: FollowStage,
    /// The language tag the visitor checked in in.
    pub language: String,
    /// The center whose queue changes are news for this ticket.
    pub center_id: String,
    /// The visitor has said how the visit went: the page thanks them instead of asking.
    pub answered: bool,
}

/// The phone page's ticket; None for a link no ticket has.
#[server(endpoint = "follow")]
pub async fn follow_ticket(token: String) -> Result<Option<FollowView>, AppError> {
    let state = super::state()?;
    load_follow(&state.pool, &token)
        .await
        .map_err(super::unavailable)
}

/// The ticket of `token` as its page shows it now (also for its live stream).
#[cfg(feature = "ssr")]
pub async fn load_follow(
    pool: &sqlx::PgPool,
    token: &str,
) -> Result<Option<FollowView>, crate::db::Error> {
    let facts = crate::services::follow::follow_facts(pool, token, chrono::Utc::now()).await?;
    Ok(facts.map(|f| FollowView {
        token: token.to_owned(),
        number: f.number,
        stage: f.stage,
        language: f.language,
        center_id: f.center_id,
        answered: f.answered,
    }))
}

/// The link printed on a ticket: `{public_url}/t/{token}`, as text and as a QR code.
#[cfg(feature = "ssr")]
pub fn follow_link(public_url: &str, token: &str) -> QrLink {
    qr_link(&format!("{}/t/{token}", public_url.trim_end_matches('/')))
}

/// `url` as a ticket shows it: a QR code, and the address without its scheme for typing.
#[cfg(feature = "ssr")]
pub fn qr_link(url: &str) -> QrLink {
    let short = url
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/').to_owned())
        .unwrap_or_else(|| url.to_owned());
    QrLink {
        qr_svg: crate::qr_code::qr_svg(url).unwrap_or_default(),
        url: url.to_owned(),
        short,
    }
}
