//! `server create-admin EMAIL`: the first admin of a fresh production database. Nothing
//! with a known password exists there; this creates the account and prints a one-time
//! link (72 hours) with which its owner chooses a password.

use sqlx::PgPool;

/// Creates the admin account and returns the link to print, or says why it cannot.
pub async fn create_admin(pool: &PgPool, email: &str, public_url: &str) -> Result<String, String> {
    let email = app::domain::contact_details::parse_email(email)
        .map_err(|_| format!("{email:?} is not an email address"))?;
    let name = email.split('@').next().unwrap_or("admin").to_owned();
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let created = app::db::staff::create_with_password_link(&mut tx, &email, &name, "admin")
        .await
        .map_err(|e| e.to_string())?;
    let Some((_, token)) = created else {
        return Err(format!(
            "{email} already has an account; an admin can reset its password on /staff/accounts"
        ));
    };
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(app::staff_mail::password_url(
        public_url,
        &token,
        app::i18n::Locale::En,
    ))
}
