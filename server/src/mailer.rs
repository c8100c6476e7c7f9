//! The outbox worker: sends queued booking emails over SMTP (lettre), one message per
//! transaction. The row stays locked (`for update skip locked`) while it is sent and is
//! marked sent in the same transaction, so two server processes never send one message;
//! a failure is recorded with a growing wait before the next try.

use app::db::outbox::{mark_failed, mark_sent, next_due, unsent_count, OutboxMessage};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::PgPool;
use std::time::Duration;

pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// Runs forever: sends what is due, then waits a little.
pub async fn run(pool: PgPool, smtp_url: Option<String>, from: String) {
    let Some(url) = smtp_url else {
        report_unconfigured(&pool).await;
        return;
    };
    let transport = match transport(&url) {
        Ok(transport) => transport,
        Err(error) => {
            tracing::error!(%error, "FRONTDESK_SMTP_URL is not usable; emails stay in the outbox");
            return;
        }
    };
    tracing::info!(smtp = %url, "sending booking emails");
    loop {
        match send_due(&pool, &transport, &from).await {
            Ok(0) => tokio::time::sleep(Duration::from_secs(2)).await,
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%error, "outbox unavailable");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }
    }
}

/// With no SMTP relay configured (the demo default), says so, and every ten minutes how
/// many messages wait.
async fn report_unconfigured(pool: &PgPool) {
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        let waiting = unsent_count(pool).await.unwrap_or(0);
        tracing::info!(
            waiting,
            "no FRONTDESK_SMTP_URL: booking emails stay in the outbox table"
        );
    }
}

/// A transport for `smtp://host:port` (plain SMTP to a relay).
pub fn transport(url: &str) -> Result<Transport, String> {
    let rest = url
        .strip_prefix("smtp://")
        .ok_or_else(|| format!("{url} does not start with smtp://"))?;
    let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
        Some((host, port)) => (
            host,
            port.parse::<u16>()
                .map_err(|_| format!("bad port in {url}"))?,
        ),
        None => (rest.trim_end_matches('/'), 25),
    };
    Ok(
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(Duration::from_secs(20)))
            .build(),
    )
}

/// Sends every message that is due now; returns how many were attempted.
pub async fn send_due(
    pool: &PgPool,
    transport: &Transport,
    from: &str,
) -> Result<usize, app::db::Error> {
    let mut attempted = 0;
    loop {
        let mut tx = pool.begin().await?;
        let Some(message) = next_due(&mut tx, chrono::Utc::now()).await? else {
            tx.commit().await?;
            return Ok(attempted);
        };
        attempted += 1;
        let sent = match email(&message, from) {
            Ok(email) => transport
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(error) => Err(error),
        };
        match sent {
            Ok(()) => mark_sent(&mut tx, message.id, chrono::Utc::now()).await?,
            Err(error) => {
                tracing::warn!(outbox.id = message.id, %error, "email not sent; will retry");
                mark_failed(&mut tx, &message, &error, chrono::Utc::now()).await?;
            }
        }
        tx.commit().await?;
    }
}

/// The queued message as an email: the text, and the calendar file attached.
fn email(message: &OutboxMessage, from: &str) -> Result<Message, String> {
    let from: Mailbox = from.parse().map_err(|e| format!("sender: {e}"))?;
    let to: Mailbox = message
        .to_address
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    let text = SinglePart::plain(message.body.clone());
    let builder = Message::builder()
        .from(from)
        .to(to)
        .subject(message.subject.clone())
        // One Message-ID per outbox row: a receiving server can tell a resend from new mail.
        .message_id(Some(format!("<outbox-{}@frontdesk>", message.id)));
    let built = match (&message.ics, &message.ics_method) {
        (Some(ics), Some(method)) => {
            let kind =
                ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                    .map_err(|e| e.to_string())?;
            let calendar =
                Attachment::new("worksource-appointment.ics".to_owned()).body(ics.clone(), kind);
            builder.multipart(MultiPart::mixed().singlepart(text).singlepart(calendar))
        }
        _ => builder.singlepart(text),
    };
    built.map_err(|e| e.to_string())
}
