//! Whose a kiosk form is. A lobby tablet serves one stranger after another, and every visit
//! ends on the welcome screen (Done, Start over, the idle reset); the tablet counts those
//! screens, so each visitor has a number. A kiosk form carries the number it was shown
//! under: one of an earlier visitor, brought back by the browser's Back or "resubmit"
//! (their names, their appointment, their ticket), is not answered.
//!
//! Some screens have no idle reset: Chromium's own "Confirm Form Resubmission" page after
//! Back, a network error page. A visitor who walks away from one would leave their number
//! current, and the next one could resend their last form. So a tablet that has been quiet
//! for longer than any kiosk screen of ours stays up has a new visitor by its next request,
//! whatever that asks (`db::kiosk_devices::device`): every screen either starts over by
//! itself by then, or, while someone is touching it, tells the server it is still in use.

/// Seconds without a touch before a kiosk screen asks whether more time is needed (twice as
/// long in speech mode).
pub const IDLE_SECONDS: u32 = 60;
/// Seconds the question stays up, counting down, before the kiosk starts over.
pub const COUNTDOWN_SECONDS: u32 = 30;
/// How often, at most, a screen being touched tells the server the tablet is still in use.
pub const IN_USE_EVERY_SECONDS: u32 = 20;

/// The longest a tablet serving a visitor can go without asking the server anything, with
/// room to spare: a speech-mode screen (times doubled) touched just after it last said it
/// was in use, then left untouched until just before it would start over, and then sent;
/// the server notes requests to within `NOTED_WITHIN_SECONDS`; and a minute for a slow
/// network, a lost "in use" and clocks that differ.
pub const QUIET_LIMIT_SECONDS: i64 = 2 * (IDLE_SECONDS + COUNTDOWN_SECONDS) as i64
    + IN_USE_EVERY_SECONDS as i64
    + NOTED_WITHIN_SECONDS
    + 60;

/// Requests of a tablet this close together are noted once (a screen asks several things
/// as it loads).
pub const NOTED_WITHIN_SECONDS: i64 = 5;

/// Two welcome screens asked within this many seconds of each other (a double tap on
/// Done, a reload as the screen comes up) are one new visitor, not two: otherwise the
/// screen the tablet ends up showing could carry the first number while the second is
/// current, and the visitor's first tap would start over.
pub const SAME_WELCOME_SECONDS: i64 = 2;

/// Whether a kiosk form shown to visitor `shown_to` (its field; none when missing or not a
/// number) is answered now that the tablet serves visitor `now_serving`.
pub fn is_current_visitors(shown_to: Option<i64>, now_serving: i64) -> bool {
    shown_to == Some(now_serving)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_visitor_at_the_tablet_now_is_answered() {
        assert!(is_current_visitors(Some(7), 7));
        // The previous visitor's screen, after the welcome screen came up again (or after
        // the tablet stood quiet too long).
        assert!(!is_current_visitors(Some(6), 7));
        // A form of no visitor, or of one not yet come.
        assert!(!is_current_visitors(None, 7));
        assert!(!is_current_visitors(Some(8), 7));
    }

    #[test]
    fn the_slowest_visitor_stays_well_within_the_quiet_limit() {
        // Speech mode, left untouched to a second before the reset, right after the last
        // "in use" went out (the next touch sends none for IN_USE_EVERY_SECONDS).
        let slowest = IN_USE_EVERY_SECONDS as i64 + 2 * (IDLE_SECONDS + COUNTDOWN_SECONDS) as i64;
        assert!(slowest + NOTED_WITHIN_SECONDS + 60 <= QUIET_LIMIT_SECONDS);
        // And a no-script screen starts over by itself long before.
        assert!(((IDLE_SECONDS + COUNTDOWN_SECONDS) as i64) < QUIET_LIMIT_SECONDS / 2);
    }
}
