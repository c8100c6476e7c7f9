//! [ssr] Admin posts on staff accounts: invite (create the account and email a link to
//! choose a password), reset a password (the same link, by email), disable or enable.
//! Anyone but an admin is refused with 403.

use super::{refusal, render_staff_page, unavailable, Form};
use crate::api::auth::{authorize, Refused};
use crate::domain::roles::Permission;
use crate::domain::staff_accounts::{invitation, AccountProblem, LinkPurpose};
use crate::i18n::{translations, Locale};
use crate::pages::staff::accounts_page::{AccountsAnswer, LinkSent};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

fn page(locale: Locale) -> String {
    format!("/staff/accounts?lang={}", locale.tag())
}

/// The signed-in admin's id, or the response that refuses everyone else: the accounts
/// page with its "admins only" line.
async fn admin(state: &AppState, headers: &HeaderMap, locale: Locale) -> Result<i64, Response> {
    match authorize(state, headers, Permission::ManageAccounts).await {
        Ok(staff) => Ok(staff.staff_id),
        Err(Refused::Forbidden) => {
            let answer = AccountsAnswer::default();
            Err(
                render_staff_page(state, &page(locale), headers, answer, StatusCode::FORBIDDEN)
                    .await,
            )
        }
        Err(refused) => Err(refusal(state, headers, refused, locale).await),
    }
}

/// `POST /staff/accounts`: `name`, `email`, `role`.
pub async fn invite(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    if let Err(refused) = admin(&state, &headers, locale).await {
        return refused;
    }
    let a = &translations(locale).accounts;
    let mut answer = AccountsAnswer {
        name: form.get("name"),
        email: form.get("email"),
        role: form.get("role"),
        ..AccountsAnswer::default()
    };
    let invited = match invitation(&answer.name, &answer.email, &answer.role) {
        Ok(invited) => invited,
        Err(problems) => {
            for problem in problems {
                match problem {
                    AccountProblem::NameMissing | AccountProblem::NameTooLong => {
                        answer.name_error = Some(a.error_name.clone())
                    }
                    AccountProblem::EmailInvalid => {
                        answer.email_error = Some(a.error_email.clone())
                    }
                    AccountProblem::RoleUnknown => answer.role_error = Some(a.error_role.clone()),
                }
            }
            return render_staff_page(
                &state,
                &page(locale),
                &headers,
                answer,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let public_url = &state.settings.mail.public_url;
    match crate::services::staff_accounts::invite(&state.pool, &invited, public_url, locale).await {
        Ok(Some(_)) => {
            let answer = AccountsAnswer {
                link_sent: Some(LinkSent {
                    name: invited.display_name,
                    email: invited.email,
                    hours: LinkPurpose::Invitation.hours_valid(),
                }),
                ..AccountsAnswer::default()
            };
            render_staff_page(&state, &page(locale), &headers, answer, StatusCode::OK).await
        }
        Ok(None) => {
            answer.email_error = Some(a.error_taken.clone());
            render_staff_page(
                &state,
                &page(locale),
                &headers,
                answer,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/accounts/{id}/reset`: the old password stops working, the account's
/// sessions end, and its owner is emailed a link to choose a new one.
pub async fn reset(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let locale = Locale::from_tag(&Form::parse(&body).get("lang")).for_staff();
    if let Err(refused) = admin(&state, &headers, locale).await {
        return refused;
    }
    let public_url = &state.settings.mail.public_url;
    match crate::services::staff_accounts::reset_password(&state.pool, id, public_url, locale).await
    {
        Ok(Some((name, email))) => {
            let answer = AccountsAnswer {
                link_sent: Some(LinkSent {
                    name,
                    email,
                    hours: LinkPurpose::Reset.hours_valid(),
                }),
                ..AccountsAnswer::default()
            };
            render_staff_page(&state, &page(locale), &headers, answer, StatusCode::OK).await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/accounts/{id}/state`: `disabled` = yes | no. An admin cannot disable
/// their own account (and so lock everyone out).
pub async fn set_state(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    let me = match admin(&state, &headers, locale).await {
        Ok(me) => me,
        Err(refused) => return refused,
    };
    let disabled = form.get("disabled") == "yes";
    if disabled && id == me {
        let answer = AccountsAnswer {
            message: Some(translations(locale).accounts.error_self.clone()),
            ..AccountsAnswer::default()
        };
        return render_staff_page(
            &state,
            &page(locale),
            &headers,
            answer,
            StatusCode::CONFLICT,
        )
        .await;
    }
    match crate::db::staff::set_disabled(&state.pool, id, disabled).await {
        Ok(_) => Redirect::to(&format!(
            "{}&notice={}",
            page(locale),
            if disabled { "disabled" } else { "enabled" }
        ))
        .into_response(),
        Err(error) => unavailable(error, locale),
    }
}
