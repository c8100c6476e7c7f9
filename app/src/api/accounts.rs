//! Staff accounts for the admin page. Admins only.

#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::roles::Role;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
}

/// Who is asking, and every account; an error for anyone but an admin.
#[server(endpoint = "staff/accounts")]
pub async fn staff_accounts() -> Result<(String, i64, Vec<Account>), AppError> {
    let me = super::auth::require(Permission::ManageAccounts).await?;
    let state = super::state()?;
    let accounts = crate::db::staff::list_accounts(&state.pool)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|a| Account {
            id: a.id,
            email: a.email,
            name: a.display_name,
            role: Role::from_code(&a.role),
            disabled: a.disabled,
        })
        .collect();
    Ok((me.display_name, me.staff_id, accounts))
}

/// Whom a password link is for: name and email, or None when the link no longer works.
/// Public: the person holding the link is not signed in yet.
#[server(endpoint = "staff/password-link")]
pub async fn password_link(token: String) -> Result<Option<(String, String)>, AppError> {
    let state = super::state()?;
    Ok(crate::db::password_links::holder(&state.pool, &token)
        .await
        .map_err(super::unavailable)?
        .map(|h| (h.display_name, h.email)))
}
