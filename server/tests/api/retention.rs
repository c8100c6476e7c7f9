//! Names are erased once the retention period the kiosk promised has passed.

use crate::helpers::*;
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn names_older_than_the_retention_period_are_erased_and_the_rest_kept(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.check_in("Old", "Visitor").await;
    app.check_in("New", "Visitor").await;
    sqlx::query(
        "update visits set checked_in_at = now() - interval '31 days' where first_name = 'Old'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let erased = app::db::retention::anonymize_old_visits(&app.pool, 30)
        .await
        .unwrap();
    assert_eq!(erased, 1);
    let rows: Vec<(String, String, Vec<String>)> =
        sqlx::query_as("select first_name, last_name, reasons from visits order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        rows[0],
        (String::new(), String::new(), vec!["job_search".to_owned()]),
        "reasons stay for reporting"
    );
    assert_eq!(rows[1].0, "New");
}
