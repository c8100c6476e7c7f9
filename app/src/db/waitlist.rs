//! [ssr] The queries behind the waiting list for appointments: entries and their links,
//! the holds on freed slots, and the seats those holds count in `slot_seats.on_hold`.
//! The use cases that put them together are in `services::waitlist`.
//!
//! Locks are taken in one order by every path: the center's row, then the waiting list
//! of the center and service (an advisory lock), then an entry, then a hold, then the
//! slot's seat counter; so no two of them wait on each other in a circle.

use super::sessions::{hash, new_token};
use crate::domain::availability::Slot;
use crate::domain::waitlist::{InLine, NewEntry, PartOfDay, SlotHold, WaitlistEntry, Wish};
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

const SELECT_ENTRY: &str = "select e.id, e.service_id, e.center_id, c.name as center_name,
        e.weekdays, e.parts_of_day, e.visitor_time_zone, e.held, e.first_name, e.last_name,
        e.email, e.phone, e.language, e.email_locale, e.accommodations, e.interpreter_language,
        e.accommodation_other, e.state, e.mailed_at,
        coalesce(
            (select t.name from service_texts t where t.service_id = e.service_id and t.locale = e.email_locale),
            (select t.name from service_texts t where t.service_id = e.service_id and t.locale = 'en'),
            e.service_id) as service_name
    from waitlist_entries e left join centers c on c.id = e.center_id";

/// What joining found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    /// A new entry, waiting for its emailed link to be followed.
    New(i64),
    /// The address already has a live entry for the service (sent again, or by someone
    /// else): that one, and when its link was last emailed.
    Existing { id: i64, mailed_at: DateTime<Utc> },
}

/// Inserts the entry, unless the address or the phone number has a live one for the
/// service. An unconfirmed one found takes the newest details and wish: until its link is
/// followed nobody has shown they own the address, so the last form sent counts, and it is
/// what the person confirms.
pub async fn insert_entry(
    conn: &mut PgConnection,
    entry: &NewEntry,
    now: DateTime<Utc>,
) -> Result<Joined, crate::db::Error> {
    let d = &entry.details;
    let weekdays: Vec<i16> = entry.weekdays.iter().map(|d| *d as i16).collect();
    let parts: Vec<&str> = entry.parts.iter().map(|p| p.code()).collect();
    let accommodations: Vec<&str> = d.accommodations.iter().map(|a| a.code()).collect();
    let id: Option<i64> = sqlx::query_scalar(
        "insert into waitlist_entries (service_id, center_id, weekdays, parts_of_day,
            visitor_time_zone, held, first_name, last_name, email, phone, language, email_locale,
            accommodations, interpreter_language, accommodation_other, created_at, mailed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
         on conflict do nothing returning id",
    )
    .bind(&entry.service)
    .bind(&entry.center_id)
    .bind(&weekdays)
    .bind(&parts)
    .bind(&entry.visitor_time_zone)
    .bind(entry.held.code())
    .bind(&d.first_name)
    .bind(&d.last_name)
    .bind(&d.email)
    .bind(&d.phone)
    .bind(&d.language)
    .bind(entry.email_locale.tag())
    .bind(&accommodations)
    .bind(&d.interpreter_language)
    .bind(&d.accommodation_other)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = id {
        return Ok(Joined::New(id));
    }
    // The live entry of that address (or else of that phone), locked: two joins at once
    // resend at most once.
    let (id, mailed_at, state): (i64, DateTime<Utc>, String) = sqlx::query_as(
        "select id, mailed_at, state from waitlist_entries
         where service_id = $1 and state in ('unconfirmed', 'waiting')
           and (lower(email) = lower($2) or regexp_replace(phone, '[^0-9]', '', 'g') = $3)
         order by (lower(email) = lower($2)) desc
         limit 1
         for update",
    )
    .bind(&entry.service)
    .bind(&d.email)
    .bind(digits(&d.phone))
    .fetch_one(&mut *conn)
    .await?;
    if state == "unconfirmed" {
        sqlx::query(
            "update waitlist_entries
                set center_id = $2, weekdays = $3, parts_of_day = $4, visitor_time_zone = $5,
                    held = $6, first_name = $7, last_name = $8, email = $9, phone = $10,
                    language = $11, email_locale = $12, accommodations = $13,
                    interpreter_language = $14, accommodation_other = $15
              where id = $1",
        )
        .bind(id)
        .bind(&entry.center_id)
        .bind(&weekdays)
        .bind(&parts)
        .bind(&entry.visitor_time_zone)
        .bind(entry.held.code())
        .bind(&d.first_name)
        .bind(&d.last_name)
        .bind(&d.email)
        .bind(&d.phone)
        .bind(&d.language)
        .bind(entry.email_locale.tag())
        .bind(&accommodations)
        .bind(&d.interpreter_language)
        .bind(&d.accommodation_other)
        .execute(&mut *conn)
        .await?;
    }
    Ok(Joined::Existing { id, mailed_at })
}

fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// Confirmation links emailed to `email` in the 24 hours before `now`, for any service.
pub async fn confirmations_sent(
    conn: &mut PgConnection,
    email: &str,
    now: DateTime<Utc>,
) -> Result<i64, crate::db::Error> {
    sqlx::query_scalar(
        "select count(*) from outbox
         where kind = 'waitlist_confirm' and lower(to_address) = lower($1)
           and created_at > $2 - interval '24 hours'",
    )
    .bind(email)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(Into::into)
}

/// Notes that the entry's link was emailed at `now`.
pub async fn mark_mailed(
    conn: &mut PgConnection,
    entry_id: i64,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query("update waitlist_entries set mailed_at = $2 where id = $1")
        .bind(entry_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// A new private link to the entry, for the next email; only its hash is stored. The
/// older ones keep working: each email about the entry carries one, and a person may
/// open any of them (the page shows the entry as it is now).
pub async fn new_entry_link(
    conn: &mut PgConnection,
    entry_id: i64,
) -> Result<String, crate::db::Error> {
    let token = new_token();
    sqlx::query("insert into waitlist_links (token_hash, entry_id) values ($1, $2)")
        .bind(hash(&token))
        .bind(entry_id)
        .execute(conn)
        .await?;
    Ok(token)
}

pub async fn load_entry(
    conn: &mut PgConnection,
    entry_id: i64,
) -> Result<WaitlistEntry, crate::db::Error> {
    sqlx::query_as(&format!("{SELECT_ENTRY} where e.id = $1"))
        .bind(entry_id)
        .fetch_one(conn)
        .await
        .map_err(Into::into)
}

/// The entry a private link opens.
pub async fn entry_by_token(
    pool: &PgPool,
    token: &str,
) -> Result<Option<WaitlistEntry>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{SELECT_ENTRY} join waitlist_links l on l.entry_id = e.id where l.token_hash = $1"
    ))
    .bind(hash(token))
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// Locks entries `ids` in id order (every path locks several in that order, so two never
/// wait on each other) and returns those still waiting.
pub async fn lock_waiting(
    conn: &mut PgConnection,
    ids: &[i64],
) -> Result<Vec<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "select id from (select id, state from waitlist_entries where id = any($1)
                         order by id for update) locked
         where state = 'waiting'",
    )
    .bind(ids)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// Locks entry `entry_id` until the transaction ends and returns its state.
pub async fn lock_entry(
    conn: &mut PgConnection,
    entry_id: i64,
) -> Result<Option<String>, crate::db::Error> {
    sqlx::query_scalar("select state from waitlist_entries where id = $1 for update")
        .bind(entry_id)
        .fetch_optional(conn)
        .await
        .map_err(Into::into)
}

/// Puts an unconfirmed entry in line; returns whether it was unconfirmed.
pub async fn confirm_entry(
    conn: &mut PgConnection,
    entry_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update waitlist_entries set state = 'waiting', confirmed_at = $2
         where id = $1 and state = 'unconfirmed'",
    )
    .bind(entry_id)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Ends a live entry (`left` by its link, `booked` from a hold, `dropped` after holds
/// went unanswered); returns whether it was live. Leaving erases the person's details at
/// once: nothing is kept for a list they are no longer on.
pub async fn end_entry(
    conn: &mut PgConnection,
    entry_id: i64,
    state: &str,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update waitlist_entries set state = $2, ended_at = $3,
                first_name = case when $2 = 'left' then '' else first_name end,
                last_name = case when $2 = 'left' then '' else last_name end,
                email = case when $2 = 'left' then '' else email end,
                phone = case when $2 = 'left' then '' else phone end,
                interpreter_language = case when $2 = 'left' then null else interpreter_language end,
                accommodation_other = case when $2 = 'left' then null else accommodation_other end,
                anonymized_at = case when $2 = 'left' then $3 else anonymized_at end
         where id = $1 and state in ('unconfirmed', 'waiting')",
    )
    .bind(entry_id)
    .bind(state)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Serialises matching for one center and service across server processes: two runs
/// would offer the same open seat's last place to two people only to take one back.
pub async fn lock_matching(
    conn: &mut PgConnection,
    center_id: &str,
    service: &str,
) -> Result<(), crate::db::Error> {
    sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind(format!("waitlist:{center_id}:{service}"))
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct InLineRow {
    id: i64,
    center_id: Option<String>,
    weekdays: Vec<i16>,
    parts_of_day: Vec<String>,
    visitor_time_zone: String,
    let_go: Vec<DateTime<Utc>>,
}

/// The people waiting for `service` at `center_id` (or any center) with no hold on offer,
/// in the order they confirmed, each with the slots at this center they let go before.
pub async fn in_line(
    conn: &mut PgConnection,
    center_id: &str,
    service: &str,
    now: DateTime<Utc>,
) -> Result<Vec<InLine>, crate::db::Error> {
    let rows: Vec<InLineRow> = sqlx::query_as(
        "select e.id, e.center_id, e.weekdays, e.parts_of_day, e.visitor_time_zone,
                coalesce(array(select h.starts_at from slot_holds h
                               where h.entry_id = e.id and h.center_id = $1
                                 and h.state in ('expired', 'declined')), '{}') as let_go
         from waitlist_entries e
         where e.service_id = $2 and e.state = 'waiting'
           and (e.center_id is null or e.center_id = $1)
           and not exists (select 1 from slot_holds h where h.entry_id = e.id and h.state = 'offered')
           -- Someone who could not book it (their contact holds as many upcoming
           -- appointments as one may) is not offered a seat to sit on.
           and (select count(*) from bookings b
                where b.status = 'booked' and b.starts_at > $3
                  and (lower(b.email) = lower(e.email)
                       or regexp_replace(b.phone, '[^0-9]', '', 'g') = regexp_replace(e.phone, '[^0-9]', '', 'g'))) < $4
         order by e.confirmed_at, e.id",
    )
    .bind(center_id)
    .bind(service)
    .bind(now)
    .bind(crate::domain::limits::FUTURE_BOOKINGS_PER_CONTACT)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| InLine {
            entry_id: r.id,
            wish: Wish {
                center_id: r.center_id,
                weekdays: r.weekdays.iter().map(|d| *d as u32).collect(),
                parts: r
                    .parts_of_day
                    .iter()
                    .filter_map(|p| PartOfDay::from_code(p))
                    .collect(),
                zone: r.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC),
            },
            let_go: r.let_go,
        })
        .collect())
}

/// Counts one more seat of the slot as held, or returns false when it has none free.
pub async fn hold_seat(
    conn: &mut PgConnection,
    center_id: &str,
    service: &str,
    start: DateTime<Utc>,
    capacity: u32,
) -> Result<bool, crate::db::Error> {
    let held: Option<i32> = sqlx::query_scalar(
        "insert into slot_seats (center_id, service_id, starts_at, capacity, booked, on_hold)
         values ($1, $2, $3, $4, 0, 1)
         on conflict (center_id, service_id, starts_at)
         do update set on_hold = slot_seats.on_hold + 1
                   where slot_seats.booked + slot_seats.on_hold
                         < least(slot_seats.capacity, excluded.capacity)
         returning on_hold",
    )
    .bind(center_id)
    .bind(service)
    .bind(start)
    .bind(capacity as i32)
    .fetch_optional(conn)
    .await?;
    Ok(held.is_some())
}

/// A new hold of `slot` for entry `entry_id`, if the entry is waiting with no other hold
/// on offer; returns the hold's id and private token. The caller has locked the entry.
pub async fn insert_hold(
    conn: &mut PgConnection,
    entry_id: i64,
    center_id: &str,
    service: &str,
    slot: Slot,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<Option<(i64, String)>, crate::db::Error> {
    let token = new_token();
    let id: Option<i64> = sqlx::query_scalar(
        "insert into slot_holds (entry_id, center_id, service_id, starts_at, ends_at, token_hash,
                                 offered_at, expires_at)
         select $1, $2, $3, $4, $5, $6, $7, $8
         where exists (select 1 from waitlist_entries where id = $1 and state = 'waiting')
         on conflict do nothing
         returning id",
    )
    .bind(entry_id)
    .bind(center_id)
    .bind(service)
    .bind(slot.start)
    .bind(slot.end)
    .bind(hash(&token))
    .bind(now)
    .bind(expires_at)
    .fetch_optional(conn)
    .await?;
    Ok(id.map(|id| (id, token)))
}

const SELECT_HOLD: &str = "select h.id, h.entry_id, h.center_id, c.name as center_name,
        c.time_zone as center_time_zone, h.service_id, h.starts_at, h.ends_at, h.booking_key,
        h.state, h.offered_at, h.expires_at, e.visitor_time_zone
    from slot_holds h join centers c on c.id = h.center_id
         join waitlist_entries e on e.id = h.entry_id";

pub async fn load_hold(
    conn: &mut PgConnection,
    hold_id: i64,
) -> Result<SlotHold, crate::db::Error> {
    sqlx::query_as(&format!("{SELECT_HOLD} where h.id = $1"))
        .bind(hold_id)
        .fetch_one(conn)
        .await
        .map_err(Into::into)
}

pub async fn hold_by_token(
    pool: &PgPool,
    token: &str,
) -> Result<Option<SlotHold>, crate::db::Error> {
    sqlx::query_as(&format!("{SELECT_HOLD} where h.token_hash = $1"))
        .bind(hash(token))
        .fetch_optional(pool)
        .await
        .map_err(Into::into)
}

/// Ends hold `hold_id` as `state` if it is still on offer (and, unless it is `expired`
/// or `void`, not past its time); returns whether it was. Whoever ends it gives its seat
/// back (or books it), exactly once: the row's lock and state decide.
pub async fn end_hold(
    conn: &mut PgConnection,
    hold_id: i64,
    state: &str,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update slot_holds set state = $2, ended_at = $3
         where id = $1 and state = 'offered' and ($2 in ('expired', 'void') or expires_at > $3)",
    )
    .bind(hold_id)
    .bind(state)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Records the booking a claimed hold became.
pub async fn set_hold_booking(
    conn: &mut PgConnection,
    hold_id: i64,
    booking_id: i64,
) -> Result<(), crate::db::Error> {
    sqlx::query("update slot_holds set booking_id = $2 where id = $1")
        .bind(hold_id)
        .bind(booking_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A slot whose held seat was given back.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, sqlx::FromRow)]
pub struct FreedHold {
    pub center_id: String,
    pub service_id: String,
    pub starts_at: DateTime<Utc>,
}

/// Gives the seat of a hold back to its slot.
pub async fn release_held_seat(
    conn: &mut PgConnection,
    freed: &FreedHold,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update slot_seats set on_hold = on_hold - 1
         where center_id = $1 and service_id = $2 and starts_at = $3 and on_hold > 0",
    )
    .bind(&freed.center_id)
    .bind(&freed.service_id)
    .bind(freed.starts_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Turns the held seat of a claimed hold into a booked one, in one statement (the slot's
/// count of taken seats does not change, so no capacity check is needed).
pub async fn book_held_seat(
    conn: &mut PgConnection,
    freed: &FreedHold,
) -> Result<(), crate::db::Error> {
    let moved = sqlx::query(
        "update slot_seats set on_hold = on_hold - 1, booked = booked + 1
         where center_id = $1 and service_id = $2 and starts_at = $3 and on_hold > 0",
    )
    .bind(&freed.center_id)
    .bind(&freed.service_id)
    .bind(freed.starts_at)
    .execute(conn)
    .await?;
    // A claimed hold with no held seat behind it would book past capacity: refuse.
    if moved.rows_affected() != 1 {
        return Err(super::DataError::HeldSeatMissing.into());
    }
    Ok(())
}

/// Expires every hold on offer whose time ran out, each exactly once (rows another
/// process is expiring are skipped, not waited for), and gives their seats back; returns
/// the slots freed.
pub async fn expire_due_holds(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
) -> Result<Vec<ExpiredHold>, crate::db::Error> {
    let expired: Vec<ExpiredHold> = sqlx::query_as(
        "update slot_holds set state = 'expired', ended_at = $1
         where id in (select id from slot_holds
                      where state = 'offered' and expires_at <= $1
                      order by id for update skip locked)
         returning entry_id, center_id, service_id, starts_at",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    let seats: Vec<FreedHold> = expired.iter().map(|e| e.seat.clone()).collect();
    release_in_order(conn, &seats).await?;
    Ok(expired)
}

/// A hold that ran out unanswered: whose it was, and the seat given back.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExpiredHold {
    pub entry_id: i64,
    #[sqlx(flatten)]
    pub seat: FreedHold,
}

/// Gives back the seats of `freed` in slot order (as every path that frees several does:
/// two never wait on each other's seat rows).
pub async fn release_in_order(
    conn: &mut PgConnection,
    freed: &[FreedHold],
) -> Result<(), crate::db::Error> {
    let mut sorted = freed.to_vec();
    sorted.sort();
    for seat in &sorted {
        release_held_seat(&mut *conn, seat).await?;
    }
    Ok(())
}

/// Entries among `entry_ids` whose holds went unanswered `times` times or more: they are
/// taken off the list (`dropped`), so a mailbox nobody reads stops holding seat after seat.
pub async fn drop_unanswered(
    conn: &mut PgConnection,
    entry_ids: &[i64],
    times: i64,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "update waitlist_entries e set state = 'dropped', ended_at = $3
         where e.id = any($1) and e.state = 'waiting'
           and (select count(*) from slot_holds h where h.entry_id = e.id and h.state = 'expired') >= $2
         returning e.id",
    )
    .bind(entry_ids)
    .bind(times)
    .bind(now)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// Voids the holds on offer at `center_id` starting in `[from, until)` (a day closed, the
/// center retired) and gives their seats back.
pub async fn void_holds_between(
    conn: &mut PgConnection,
    center_id: &str,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<usize, crate::db::Error> {
    let freed: Vec<FreedHold> = sqlx::query_as(
        "update slot_holds set state = 'void', ended_at = $4
         where center_id = $1 and state = 'offered' and starts_at >= $2 and starts_at < $3
         returning center_id, service_id, starts_at",
    )
    .bind(center_id)
    .bind(from)
    .bind(until)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    release_in_order(conn, &freed).await?;
    Ok(freed.len())
}

/// Every center and service where someone waits and the center offers the service: for
/// the job that offers times that opened without a change announcing it (a day entering
/// the booking horizon, a service offered again).
pub async fn awaited_everywhere(pool: &PgPool) -> Result<Vec<(String, String)>, crate::db::Error> {
    sqlx::query_as(
        "select distinct s.center_id, s.service_id from center_services s
         join centers c on c.id = s.center_id and c.retired_at is null
         join waitlist_entries e on e.service_id = s.service_id
              and e.state = 'waiting' and (e.center_id is null or e.center_id = s.center_id)
         where s.offered
         order by 1, 2",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Voids the hold on offer to entry `entry_id`, if any, and gives its seat back; returns
/// the slot freed.
pub async fn void_hold_of_entry(
    conn: &mut PgConnection,
    entry_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<FreedHold>, crate::db::Error> {
    let freed: Option<FreedHold> = sqlx::query_as(
        "update slot_holds set state = 'void', ended_at = $2
         where entry_id = $1 and state = 'offered'
         returning center_id, service_id, starts_at",
    )
    .bind(entry_id)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(hold) = &freed {
        release_held_seat(&mut *conn, hold).await?;
    }
    Ok(freed)
}

/// The centers offering `service` that a waiting entry may be matched at, for matching
/// after an entry joins the line (`center_id` or, with `None`, all of them).
pub async fn centers_offering(
    conn: &mut PgConnection,
    service: &str,
    center_id: Option<&str>,
) -> Result<Vec<String>, crate::db::Error> {
    sqlx::query_scalar(
        "select s.center_id from center_services s join centers c on c.id = s.center_id
         where s.service_id = $1 and s.offered and c.retired_at is null
           and ($2::text is null or c.id = $2)
         order by c.position, c.name",
    )
    .bind(service)
    .bind(center_id)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// The services `center_id` offers that someone is waiting for (there or at any center):
/// where a change at the center (more seats, longer hours, a day reopened) may have opened
/// a time for them.
pub async fn awaited_at(pool: &PgPool, center_id: &str) -> Result<Vec<String>, crate::db::Error> {
    sqlx::query_scalar(
        "select distinct s.service_id from center_services s
         join waitlist_entries e on e.service_id = s.service_id
              and e.state = 'waiting' and (e.center_id is null or e.center_id = s.center_id)
         where s.center_id = $1 and s.offered
         order by 1",
    )
    .bind(center_id)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
