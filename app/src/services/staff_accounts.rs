//! [ssr] An admin's changes to colleagues' accounts that send a password link: an
//! invitation to a new account, or a reset of an existing one. The account change and the
//! email that carries its link commit together: no account without its email.

use crate::db::outbox::insert_staff_message;
use crate::db::password_links::issue;
use crate::db::sessions::end_all_sessions;
use crate::db::staff::{create_with_password_link, revoke_password};
use crate::domain::locale::Locale;
use crate::domain::staff_accounts::{Invitation, LinkPurpose};
use crate::staff_mail::{password_link_mail, password_url};
use sqlx::PgPool;

/// Creates the invited account with no usable password and emails the colleague, in
/// `locale`, a link to choose theirs. `None` when the email already has an account.
pub async fn invite(
    pool: &PgPool,
    invited: &Invitation,
    public_url: &str,
    locale: Locale,
) -> Result<Option<i64>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let Some((id, token)) = create_with_password_link(
        &mut tx,
        &invited.email,
        &invited.display_name,
        invited.role.code(),
    )
    .await?
    else {
        return Ok(None);
    };
    let message = password_link_mail(
        locale,
        LinkPurpose::Invitation,
        &invited.display_name,
        Some(invited.role),
        &password_url(public_url, &token, locale),
    );
    insert_staff_message(&mut tx, "staff_invitation", &invited.email, &message).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// Makes the account's password stop working, ends its sessions and emails its owner, in
/// `locale`, a link to choose a new one. Returns the account's name and email; `None` for
/// an unknown account.
pub async fn reset_password(
    pool: &PgPool,
    id: i64,
    public_url: &str,
    locale: Locale,
) -> Result<Option<(String, String)>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let Some((name, email)) = revoke_password(&mut tx, id).await? else {
        return Ok(None);
    };
    end_all_sessions(&mut tx, id).await?;
    let token = issue(&mut tx, id, LinkPurpose::Reset).await?;
    let message = password_link_mail(
        locale,
        LinkPurpose::Reset,
        &name,
        None,
        &password_url(public_url, &token, locale),
    );
    insert_staff_message(&mut tx, "staff_reset", &email, &message).await?;
    tx.commit().await?;
    Ok(Some((name, email)))
}
