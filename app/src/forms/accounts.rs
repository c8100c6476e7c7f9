//! [ssr] Admin posts on staff accounts: invite (create with a one-time password), reset a
//! password, disable or enable. Anyone but an admin is refused with 403.

use super::{render_staff_page, Form};
use crate::domain::roles::Role;
use crate::domain::staff_accounts::{invitation, temporary_password, AccountProblem};
use crate::i18n::{translations, Locale};
use crate::pages::staff::accounts_page::AccountsAnswer;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

fn page(locale: Locale) -> String {
    format!("/staff/accounts?lang={}", locale.tag())
}

fn unavailable(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "account change failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// The signed-in admin's id, or the response that refuses everyone else.
async fn admin(state: &AppState, headers: &HeaderMap, locale: Locale) -> Result<i64, Response> {
    match crate::api::auth::current_staff(&state.pool, headers).await {
        Ok(Some(staff)) if Role::from_code(&staff.role) == Role::Admin => Ok(staff.staff_id),
        Ok(_) => {
            let answer = AccountsAnswer::default();
            Err(
                render_staff_page(state, &page(locale), headers, answer, StatusCode::FORBIDDEN)
                    .await,
            )
        }
        Err(error) => Err(unavailable(error)),
    }
}

fn one_time_password() -> (String, Result<String, argon2::password_hash::Error>) {
    use rand::RngCore;
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let password = temporary_password(random);
    let hash = crate::api::auth::hash_password(&password);
    (password, hash)
}

/// `POST /staff/accounts`: `name`, `email`, `role`.
pub async fn invite(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang"));
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
    let (password, hash) = one_time_password();
    let hash = match hash {
        Ok(hash) => hash,
        Err(error) => return unavailable(error),
    };
    match crate::db::staff::create_account(
        &state.pool,
        &invited.email,
        &invited.display_name,
        &hash,
        invited.role.code(),
    )
    .await
    {
        Ok(Some(_)) => {
            let answer = AccountsAnswer {
                one_time: Some((invited.display_name, password)),
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
        Err(error) => unavailable(error),
    }
}

/// `POST /staff/accounts/{id}/reset`: a new one-time password; the account's sessions end.
pub async fn reset(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let locale = Locale::from_tag(&Form::parse(&body).get("lang"));
    if let Err(refused) = admin(&state, &headers, locale).await {
        return refused;
    }
    let (password, hash) = one_time_password();
    let hash = match hash {
        Ok(hash) => hash,
        Err(error) => return unavailable(error),
    };
    match crate::db::staff::reset_password(&state.pool, id, &hash).await {
        Ok(Some(name)) => {
            let answer = AccountsAnswer {
                one_time: Some((name, password)),
                ..AccountsAnswer::default()
            };
            render_staff_page(&state, &page(locale), &headers, answer, StatusCode::OK).await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error),
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
    let locale = Locale::from_tag(&form.get("lang"));
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
        Err(error) => unavailable(error),
    }
}
