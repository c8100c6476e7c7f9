//! [ssr] What the agency's ordered lists (visit reasons, appointment services) share: their
//! order taken for one change at a time, how many there are, moving one, hiding one, and
//! the note an older install's migration left for the list it had built in.

use sqlx::PgConnection;

/// One ordered list: its table and key column, and the table of its texts per language
/// with the column that names the entry there. Fixed names, never anything typed.
#[derive(Debug, Clone, Copy)]
pub struct OrderedList {
    table: &'static str,
    key: &'static str,
    texts: &'static str,
    texts_key: &'static str,
    /// The `legacy_adoptions` note of an install from before the list was data.
    legacy_note: &'static str,
}

pub const VISIT_REASONS: OrderedList = OrderedList {
    table: "visit_reasons",
    key: "code",
    texts: "visit_reason_texts",
    texts_key: "code",
    legacy_note: "visit_reasons",
};

pub const SERVICES: OrderedList = OrderedList {
    table: "services",
    key: "id",
    texts: "service_texts",
    texts_key: "service_id",
    legacy_note: "services",
};

/// Takes the list's order for this transaction: changes to the list one at a time, so two
/// adds or moves never number from the same reading (plain reads go on).
pub async fn lock_order(
    conn: &mut PgConnection,
    list: OrderedList,
) -> Result<(), crate::db::Error> {
    sqlx::query(&format!(
        "lock table {} in share row exclusive mode",
        list.table
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the texts of entry `code` in every language but `kept`: a language an admin
/// left empty is shown in English, so its old texts must go.
pub async fn drop_texts_except(
    conn: &mut PgConnection,
    list: OrderedList,
    code: &str,
    kept: &[&str],
) -> Result<(), crate::db::Error> {
    sqlx::query(&format!(
        "delete from {} where {} = $1 and locale <> all($2)",
        list.texts, list.texts_key
    ))
    .bind(code)
    .bind(kept)
    .execute(conn)
    .await?;
    Ok(())
}

/// How many entries there are, hidden ones too.
pub async fn count(conn: &mut PgConnection, list: OrderedList) -> Result<i64, crate::db::Error> {
    sqlx::query_scalar(&format!("select count(*) from {}", list.table))
        .fetch_one(conn)
        .await
        .map_err(Into::into)
}

/// Hides entry `code` or shows it again; false when it already was so (or does not exist).
pub async fn set_hidden(
    conn: &mut PgConnection,
    list: OrderedList,
    code: &str,
    hidden: bool,
) -> Result<bool, crate::db::Error> {
    let changed = sqlx::query(&format!(
        "update {} set hidden = $2 where {} = $1 and hidden is distinct from $2",
        list.table, list.key
    ))
    .bind(code)
    .bind(hidden)
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Swaps entry `code` with its neighbour above (`up`) or below; false when it is first
/// (last) already or does not exist.
pub async fn move_entry(
    conn: &mut PgConnection,
    list: OrderedList,
    code: &str,
    up: bool,
) -> Result<bool, crate::db::Error> {
    lock_order(conn, list).await?;
    let (table, key) = (list.table, list.key);
    let mut order: Vec<String> = sqlx::query_scalar(&format!(
        "select {key} from {table} order by position, {key}"
    ))
    .fetch_all(&mut *conn)
    .await?;
    let Some(at) = order.iter().position(|c| c == code) else {
        return Ok(false);
    };
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    match other {
        Some(other) if other < order.len() => order.swap(at, other),
        _ => return Ok(false),
    }
    // The whole list is numbered again from its new order, from 0 as inserts count.
    sqlx::query(&format!(
        "update {table} t set position = o.n::int - 1
         from unnest($1::text[]) with ordinality as o(key, n) where t.{key} = o.key"
    ))
    .bind(&order)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Takes the migration's note that this install had centers before the list was data (so
/// it had the built-in one); true once, for the transaction that takes it.
pub async fn take_legacy_note(
    conn: &mut PgConnection,
    list: OrderedList,
) -> Result<bool, crate::db::Error> {
    let taken = sqlx::query("delete from legacy_adoptions where what = $1")
        .bind(list.legacy_note)
        .execute(conn)
        .await?;
    Ok(taken.rows_affected() == 1)
}
