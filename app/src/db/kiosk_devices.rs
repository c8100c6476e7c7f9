//! [ssr] Kiosk tablets and their pairing codes. Both the code and the device token exist
//! only as SHA-256 hashes here: a database dump pairs no tablet and opens no kiosk.

use super::sessions::{hash, new_token};
use crate::domain::kiosk_pairing::{code_from_random, ALPHABET, CODE_LENGTH};
use crate::domain::kiosk_visitor::QUIET_LIMIT_SECONDS;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

/// A paired tablet, as a kiosk request carries it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct KioskDevice {
    pub id: i64,
    pub center_id: String,
    pub name: String,
    /// How many times the tablet has shown its welcome screen: the number of the visitor
    /// now using it (`next_visitor`).
    pub visitors: i64,
}

/// A tablet as the staff page lists it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DeviceRow {
    pub id: i64,
    pub center_id: String,
    pub center_name: String,
    pub name: String,
    pub paired_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new one-time pairing code for a tablet called `name` at `center_id`, valid for
/// `valid_for`. Returns the code to show; only its hash is stored.
pub async fn create_code(
    pool: &PgPool,
    center_id: &str,
    name: &str,
    staff_id: Option<i64>,
    valid_for: Duration,
    now: DateTime<Utc>,
) -> Result<String, crate::db::Error> {
    use rand::Rng;
    // Uniform indices into the alphabet (no modulo bias).
    let mut random = [0u8; CODE_LENGTH];
    for index in &mut random {
        *index = rand::rngs::OsRng.gen_range(0..ALPHABET.len() as u8);
    }
    let code = code_from_random(random);
    // Codes nobody used are forgotten once they expire.
    sqlx::query("delete from kiosk_pairing_codes where expires_at < $1")
        .bind(now)
        .execute(pool)
        .await?;
    sqlx::query(
        "insert into kiosk_pairing_codes (code_hash, center_id, name, created_by, expires_at)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(hash(&code))
    .bind(center_id)
    .bind(name)
    .bind(staff_id)
    .bind(now + valid_for)
    .execute(pool)
    .await?;
    Ok(code)
}

/// Uses a pairing code (once): pairs a new tablet with its center and returns the device
/// token for the tablet's cookie. `None` for an unknown, used or expired code.
pub async fn redeem(
    pool: &PgPool,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Option<(String, KioskDevice)>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let found: Option<(String, String, Option<i64>)> = sqlx::query_as(
        "delete from kiosk_pairing_codes where code_hash = $1 and expires_at > $2
         returning center_id, name, created_by",
    )
    .bind(hash(code))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((center_id, name, paired_by)) = found else {
        return Ok(None);
    };
    let token = new_token();
    let device: KioskDevice = sqlx::query_as(
        "insert into kiosk_devices (center_id, name, token_hash, paired_by, paired_at)
         values ($1, $2, $3, $4, $5) returning id, center_id, name, visitors",
    )
    .bind(&center_id)
    .bind(&name)
    .bind(hash(&token))
    .bind(paired_by)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some((token, device)))
}

/// The paired, unrevoked tablet holding `token`, at a center not retired, with the number
/// of the visitor now at it. The request is noted as the tablet's latest (to within a few
/// seconds: a screen asks several things as it loads, and one write is enough for them),
/// and a tablet that had been quiet for longer than `QUIET_LIMIT_SECONDS` has a new visitor
/// by then: the number of whoever left it is no longer answered, whatever is asked next
/// (`domain::kiosk_visitor`). The one statement decides with the database's clock, so
/// requests at several server processes agree.
pub async fn device(pool: &PgPool, token: &str) -> Result<Option<KioskDevice>, crate::db::Error> {
    #[derive(sqlx::FromRow)]
    struct Found {
        #[sqlx(flatten)]
        device: KioskDevice,
        seen: Option<DateTime<Utc>>,
    }
    let found: Option<Found> = sqlx::query_as(
        "select d.id, d.center_id, d.name, d.visitors, d.visitor_seen_at as seen
         from kiosk_devices d join centers c on c.id = d.center_id
         where d.token_hash = $1 and d.revoked_at is null and c.retired_at is null",
    )
    .bind(hash(token))
    .fetch_optional(pool)
    .await?;
    let Some(Found { device, seen }) = found else {
        return Ok(None);
    };
    // Seen a moment ago: nothing can have lapsed since.
    if seen.is_some_and(|seen| Utc::now() - seen < Duration::seconds(5)) {
        return Ok(Some(device));
    }
    // Each expression reads the row as its lock found it: of two requests after a long
    // quiet, only the first draws a new number, and both get it.
    let noted = sqlx::query_as(
        "update kiosk_devices
         set visitors = case when visitor_seen_at < now() - make_interval(secs => $2)
                             then visitors + 1 else visitors end,
             visitor_drawn_at = case when visitor_seen_at < now() - make_interval(secs => $2)
                                     then now() else visitor_drawn_at end,
             visitor_seen_at = now(),
             last_used_at = now()
         where id = $1 and revoked_at is null
         returning id, center_id, name, visitors",
    )
    .bind(device.id)
    .bind(QUIET_LIMIT_SECONDS as f64)
    .fetch_optional(pool)
    .await?;
    Ok(noted)
}

/// The tablet shows its welcome screen: a new visitor's turn. Returns their number: a new
/// one, or the one drawn a moment ago when two welcome screens are asked at once
/// (`domain::kiosk_visitor::SAME_WELCOME_SECONDS`).
///
/// Only a draw writes: a welcome screen asked again within that moment reads the number,
/// so it neither waits for the row's lock nor for a commit to reach the disk.
pub async fn next_visitor(pool: &PgPool, device_id: i64) -> Result<i64, crate::db::Error> {
    let drawn: Option<i64> = sqlx::query_scalar(
        // A concurrent draw holds the row: this one waits, finds its draw recent on the row
        // as it is now, and changes nothing.
        "update kiosk_devices set visitors = visitors + 1, visitor_drawn_at = now()
         where id = $1 and (visitor_drawn_at is null
                            or visitor_drawn_at <= now() - make_interval(secs => $2))
         returning visitors",
    )
    .bind(device_id)
    .bind(crate::domain::kiosk_visitor::SAME_WELCOME_SECONDS as f64)
    .fetch_optional(pool)
    .await?;
    if let Some(visitor) = drawn {
        return Ok(visitor);
    }
    // Drawn a moment ago, maybe by the request that held the row just now: a statement of
    // its own sees that draw.
    sqlx::query_scalar("select visitors from kiosk_devices where id = $1")
        .bind(device_id)
        .fetch_one(pool)
        .await
        .map_err(Into::into)
}

/// Every tablet ever paired, live ones first, by center.
pub async fn list(pool: &PgPool) -> Result<Vec<DeviceRow>, crate::db::Error> {
    sqlx::query_as(
        "select d.id, d.center_id, c.name as center_name, d.name, d.paired_at, d.last_used_at, d.revoked_at
         from kiosk_devices d join centers c on c.id = d.center_id
         order by d.revoked_at is not null, c.name, d.paired_at",
    )
    .fetch_all(pool)
    .await.map_err(Into::into)
}

/// Revokes tablet `id`: its next request finds it no kiosk. Returns whether it was live.
pub async fn revoke(
    pool: &PgPool,
    id: i64,
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update kiosk_devices set revoked_at = $3, revoked_by = $2
         where id = $1 and revoked_at is null",
    )
    .bind(id)
    .bind(staff_id)
    .bind(now)
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}
