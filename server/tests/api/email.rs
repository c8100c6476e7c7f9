//! Booking emails over SMTP, against a real SMTP server (Debian's `python3-aiosmtpd`,
//! started by the test, writing what it receives into a maildir).

use super::booking_helpers::{book, first_free, parse_ics};
use super::helpers::spawn_app;
use sqlx::PgPool;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const FROM: &str = "WorkSource <frontdesk@frontdesk.test>";

/// A running aiosmtpd that stores messages in a maildir; stopped on drop.
struct SmtpServer {
    child: Child,
    port: u16,
    maildir: PathBuf,
}

impl SmtpServer {
    async fn start() -> SmtpServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let maildir =
            std::env::temp_dir().join(format!("frontdesk-mail-{}-{port}", std::process::id()));
        let mut child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-aiosmtpd is installed (scripts/setup.sh --with-browser installs it)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return SmtpServer {
                    child,
                    port,
                    maildir,
                };
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd did not start on port {port}");
    }

    fn received(&self) -> Vec<String> {
        let dir = self.maildir.join("new");
        let mut messages: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        messages.sort();
        messages
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.maildir);
    }
}

fn transport(port: u16) -> server::mailer::Transport {
    server::mailer::transport(&format!("smtp://127.0.0.1:{port}")).unwrap()
}

/// The calendar part of a MIME message (base64 or quoted-printable decoded by hand
/// would need another crate; lettre sends short text parts as 7bit or quoted-printable).
fn calendar_part(message: &str) -> bool {
    message.contains("Content-Type: text/calendar")
        && message.contains("worksource-appointment.ics")
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn queued_emails_are_sent_once_with_the_calendar_file(pool: PgPool) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let token = book(&app, "resume_review", start, 1).await;
    app.post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;

    let sent = server::mailer::send_due(&app.pool, &transport(smtp.port), FROM)
        .await
        .unwrap();
    assert_eq!(sent, 2);
    let again = server::mailer::send_due(&app.pool, &transport(smtp.port), FROM)
        .await
        .unwrap();
    assert_eq!(again, 0, "a sent message is never sent twice");

    let received = smtp.received();
    assert_eq!(received.len(), 2);
    for message in &received {
        assert!(message.contains("To: ana1@example.org"), "{message}");
        assert!(calendar_part(message), "{message}");
    }
    assert!(received.iter().any(|m| m.contains("method=CANCEL")));
    assert!(received.iter().any(|m| m.contains("method=REQUEST")));

    let (unsent, bodies): (i64, i64) = sqlx::query_as(
        "select count(*) filter (where sent_at is null), count(*) filter (where body <> '' or ics is not null) from outbox",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (unsent, bodies),
        (0, 0),
        "sent, and the copies holding manage links dropped"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_unreachable_server_means_a_retry_later_not_a_loss(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    // Nothing listens on this port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let attempted = server::mailer::send_due(&app.pool, &transport(closed), FROM)
        .await
        .unwrap();
    assert_eq!(attempted, 1);
    let (attempts, waits, error): (i32, bool, Option<String>) = sqlx::query_as(
        "select attempts, next_attempt_at > now() + interval '20 seconds', last_error from outbox where sent_at is null",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(attempts, 1);
    assert!(waits, "backs off before the next try");
    assert!(error.is_some());
    // Not due yet: the next round leaves it alone.
    assert_eq!(
        server::mailer::send_due(&app.pool, &transport(closed), FROM)
            .await
            .unwrap(),
        0
    );

    let smtp = SmtpServer::start().await;
    sqlx::query("update outbox set next_attempt_at = now()")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        server::mailer::send_due(&app.pool, &transport(smtp.port), FROM)
            .await
            .unwrap(),
        1
    );
    assert_eq!(smtp.received().len(), 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_reminder_goes_out_the_day_before_once(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    sqlx::query("update bookings set updated_at = starts_at - interval '3 days'")
        .execute(&app.pool)
        .await
        .unwrap();
    let mail = &app.state.mail();

    let two_days_before = start - chrono::Duration::days(2);
    assert_eq!(
        app::services::bookings::queue_reminders(&app.pool, mail, two_days_before)
            .await
            .unwrap(),
        0
    );
    let day_before = start - chrono::Duration::hours(20);
    assert_eq!(
        app::services::bookings::queue_reminders(&app.pool, mail, day_before)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        app::services::bookings::queue_reminders(&app.pool, mail, day_before)
            .await
            .unwrap(),
        0
    );
    let (subject, ics): (String, String) =
        sqlx::query_as("select subject, ics from outbox where kind = 'reminder'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(subject.starts_with("Reminder"), "{subject}");
    assert_eq!(parse_ics(&ics).start, start);
}
