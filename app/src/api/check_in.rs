//! The kiosk's check-in: answers in, ticket out.

use crate::domain::check_in::{CheckInAnswers, FieldError};
#[cfg(feature = "ssr")]
use crate::domain::follow::ticket_shows_follow_link;
use crate::domain::ticket_view::Ticket;
use crate::domain::visit_reason::KioskReason;
#[cfg(feature = "ssr")]
use crate::domain::worksource_reasons::REGISTRATION_REASON;
use crate::error::AppError;
use crate::i18n::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The answer to a check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CheckInOutcome {
    CheckedIn(Ticket),
    /// Some answers were refused; the kiosk shows each message beside its field.
    Invalid(Vec<FieldError>),
    UnknownCenter,
    /// The check-in was begun by an earlier visitor at this tablet, or the tablet has
    /// stood quiet too long (`domain::kiosk_visitor`): nothing was done, and the kiosk
    /// goes back to its welcome screen.
    StartOver,
}

/// Records a walk-in check-in at `center_id`. `key` is chosen by the kiosk when the
/// visitor starts, so sending the same check-in twice gives one ticket. `visitor` is the
/// number of the visitor the check-in screen was shown to (its hidden `visitor` field).
#[server(input = leptos::server_fn::codec::Json, endpoint = "kiosk/check-in")]
pub async fn check_in(
    center_id: String,
    language: Locale,
    key: Uuid,
    answers: CheckInAnswers,
    visitor: Option<i64>,
) -> Result<CheckInOutcome, AppError> {
    let state = super::state()?;
    let device = super::kiosk_device()?;
    // (A tablet of another center is refused as such below.)
    let current = crate::domain::kiosk_visitor::is_current_visitors(visitor, device.visitors);
    if device.center_id == center_id && !current {
        return Ok(CheckInOutcome::StartOver);
    }
    walk_in(&state, &device, &center_id, language, key, answers)
        .await
        .map_err(|refused| match refused {
            WalkInRefused::NotThisCenter => AppError::Forbidden.answered(),
            WalkInRefused::TooMany(wait) => super::too_many(wait),
            WalkInRefused::Unavailable(error) => super::unavailable(error),
        })
}

/// Why a check-in was not taken at all (a refused answer is an outcome, not this).
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub enum WalkInRefused {
    /// The tablet is paired with another center.
    NotThisCenter,
    /// The tablet is over its limit for this long.
    TooMany(std::time::Duration),
    Unavailable(crate::db::Error),
}

/// The check-in itself, for the server function (the kiosk's browser code) and the
/// wizard's plain form posts alike: the same gate, limit, rules and ticket.
#[cfg(feature = "ssr")]
pub async fn walk_in(
    state: &crate::state::AppState,
    device: &crate::db::kiosk_devices::KioskDevice,
    center_id: &str,
    language: Locale,
    key: Uuid,
    answers: CheckInAnswers,
) -> Result<CheckInOutcome, WalkInRefused> {
    use WalkInRefused::Unavailable;
    // Only a paired tablet of this very center checks walk-ins in (the router's kiosk
    // gate let the request through only with a paired tablet).
    if device.center_id != center_id {
        return Err(WalkInRefused::NotThisCenter);
    }
    state
        .limits
        .check(
            crate::domain::limits::Limited::KioskCheckIn,
            &format!("kiosk:{}", device.id),
        )
        .map_err(WalkInRefused::TooMany)?;
    let pool = &state.pool;
    let offered = offered_reasons(pool, language).await.map_err(Unavailable)?;
    let visitor = match answers.parse(&offered) {
        Ok(visitor) => visitor,
        Err(errors) => return Ok(CheckInOutcome::Invalid(errors)),
    };
    let Some(center) = crate::db::centers::find_center(pool, center_id)
        .await
        .map_err(Unavailable)?
    else {
        return Ok(CheckInOutcome::UnknownCenter);
    };
    let now = chrono::Utc::now();
    let visit_id =
        crate::db::visits::record_check_in(pool, &center, &visitor, key, language.tag(), now)
            .await
            .map_err(Unavailable)?;
    tracing::info!(visit.id = visit_id, center.id = %center.id, "walk-in checked in");
    let mut ticket = crate::db::visits::ticket(pool, visit_id)
        .await
        .map_err(Unavailable)?;
    let (token, checked_in_at) = crate::db::visits::follow_token_of(pool, visit_id)
        .await
        .map_err(Unavailable)?;
    // The same key again long after: a page brought back for someone else, who gets the
    // ticket's number but not the link that gives the place up.
    let since = (now - checked_in_at).num_seconds();
    if let Some(token) = token.filter(|_| ticket_shows_follow_link(since)) {
        ticket.follow = Some(super::follow::follow_link(
            &state.settings.mail.public_url,
            &token,
        ));
    }
    // Registration happens in the agency's own system: a visitor who came for it can start
    // there while waiting.
    let registration_url = state.agency.current().registration_url;
    if visitor.reasons.iter().any(|r| r == REGISTRATION_REASON) && !registration_url.is_empty() {
        ticket.registration = Some(super::follow::qr_link(&registration_url));
    }
    // Training and scholarship requests go to the SkillsTeam (a reason's team, as the
    // admins set it): the visitor learns who will see theirs.
    // The check-in is recorded: a failure here costs the note, never the ticket.
    let reasons = crate::db::visit_reasons::list(pool)
        .await
        .unwrap_or_else(|error| {
            tracing::warn!(%error, "no team note on a ticket: reasons unreadable");
            Vec::new()
        });
    let teams = crate::domain::visit_reason::ReasonNames::new(&reasons, language)
        .teams_of(&visitor.reasons);
    if !teams.is_empty() {
        ticket.team_note = crate::i18n::fill(
            &crate::i18n::translations(language).kiosk.team_note,
            &[("team", &teams.join(", "))],
        );
    }
    ticket.wait_sentence = crate::i18n::translations(language)
        .kiosk_numbers
        .estimated_wait
        .count(ticket.wait_minutes);
    Ok(CheckInOutcome::CheckedIn(ticket))
}

/// The reasons a kiosk in `language` offers, in the admins' order (hidden ones left out).
#[cfg(feature = "ssr")]
pub async fn offered_reasons(
    pool: &sqlx::PgPool,
    language: Locale,
) -> Result<Vec<KioskReason>, crate::db::Error> {
    Ok(crate::db::visit_reasons::list(pool)
        .await?
        .iter()
        .filter(|r| !r.hidden)
        .map(|r| r.for_kiosk(language))
        .collect())
}

/// The reasons the check-in page offers (to paired tablets, as every kiosk call).
#[server(endpoint = "kiosk/reasons")]
pub async fn kiosk_reasons(language: Locale) -> Result<Vec<KioskReason>, AppError> {
    let state = super::state()?;
    offered_reasons(&state.pool, language)
        .await
        .map_err(super::unavailable)
}
