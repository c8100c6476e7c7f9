//! How long a kiosk screen stays a visitor's: the idle times, and when a posted kiosk form
//! is too old to answer. A tablet in a public lobby is used by one stranger after another;
//! a screen posted again from the browser's history (Back, "resubmit") must not bring the
//! last visitor's answers, appointment or ticket back.

/// Seconds without a touch before the kiosk asks whether more time is needed (twice as
/// long in speech mode).
pub const IDLE_SECONDS: u32 = 60;
/// Seconds the question stays up, counting down, before the kiosk starts over.
pub const COUNTDOWN_SECONDS: u32 = 30;

/// Seconds after which a screen left alone has started over: the idle question and its
/// countdown. A kiosk without its browser code starts over this long after a screen
/// arrived (a refresh in the page); with it, the idle clock does so after this long
/// without a touch.
pub const SCREEN_LIFETIME_SECONDS: i64 = (IDLE_SECONDS + COUNTDOWN_SECONDS) as i64;

/// Seconds a post may take to arrive after its screen was last alive (a slow network, a
/// tap in the screen's last second).
const POST_GRACE_SECONDS: i64 = 10;

/// Whether a kiosk form posted at `now` answers for a screen that has already started
/// over, given `alive_at`, the last moment its screen was known to be in use (the form's
/// field, seconds since the Unix epoch on the server's clock: when the server rendered it,
/// moved on every second by the kiosk's idle clock while it runs). Such a post is a
/// page brought back from history, so it is not answered. A post with no such time, or
/// one the server could not have given (later than now), is refused too.
pub fn screen_has_expired(alive_at: Option<i64>, now: i64) -> bool {
    match alive_at {
        None => true,
        Some(at) => {
            at > now.saturating_add(POST_GRACE_SECONDS)
                || now.saturating_sub(at) > SCREEN_LIFETIME_SECONDS + POST_GRACE_SECONDS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn a_screen_posted_within_its_lifetime_is_answered() {
        assert!(!screen_has_expired(Some(NOW), NOW));
        // Tapped in the last second of the countdown, on a slow network.
        assert!(!screen_has_expired(Some(NOW - 95), NOW));
        // A server a few seconds ahead of the one that rendered the page.
        assert!(!screen_has_expired(Some(NOW + 5), NOW));
    }

    #[test]
    fn a_screen_brought_back_after_it_started_over_is_not() {
        assert!(screen_has_expired(
            Some(NOW - SCREEN_LIFETIME_SECONDS - 11),
            NOW
        ));
        assert!(screen_has_expired(Some(NOW - 24 * 3600), NOW));
    }

    #[test]
    fn a_post_without_a_time_the_server_gave_is_not() {
        assert!(screen_has_expired(None, NOW));
        assert!(screen_has_expired(Some(NOW + 3600), NOW));
        assert!(screen_has_expired(Some(i64::MIN), NOW));
        assert!(screen_has_expired(Some(i64::MAX), NOW));
    }
}
