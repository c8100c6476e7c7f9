//! Whose a kiosk form is. A lobby tablet serves one stranger after another, and every visit
//! ends on the welcome screen (Done, Start over, the idle reset); the tablet counts those
//! screens, so each visitor has a number. A kiosk form carries the number it was shown
//! under: one of an earlier visitor, brought back by the browser's Back or "resubmit"
//! (their names, their appointment, their ticket), is not answered.
//!
//! Some screens have no idle reset: Chromium's own "Confirm Form Resubmission" page after
//! Back, a network error page. A visitor who walks away from one leaves their number
//! current, and the next one could resend their last form. So a number also lapses when
//! the tablet has been quiet for longer than any kiosk screen of ours stays up: every
//! screen either starts over by itself by then, or, while someone is touching it, tells
//! the server it is still in use.

/// Seconds without a touch before a kiosk screen asks whether more time is needed (twice as
/// long in speech mode).
pub const IDLE_SECONDS: u32 = 60;
/// Seconds the question stays up, counting down, before the kiosk starts over.
pub const COUNTDOWN_SECONDS: u32 = 30;
/// How often, at most, a screen being touched tells the server the tablet is still in use.
pub const IN_USE_EVERY_SECONDS: u32 = 20;

/// The longest a tablet serving a visitor can go without asking the server anything: a
/// screen in speech mode (times doubled) left untouched until just before it would start
/// over, and then sent, plus a margin for a slow network.
pub const QUIET_LIMIT_SECONDS: i64 = 2 * (IDLE_SECONDS + COUNTDOWN_SECONDS) as i64 + 30;

/// Two welcome screens asked within this many seconds of each other (a double tap on
/// Done, a reload as the screen comes up) are one new visitor, not two: otherwise the
/// screen the tablet ends up showing could carry the first number while the second is
/// current, and the visitor's first tap would start over.
pub const SAME_WELCOME_SECONDS: i64 = 2;

/// Whether a kiosk form shown to visitor `shown_to` (its field; none when missing or not a
/// number) is answered now that the tablet serves visitor `now_serving`, its last request
/// before this one having been `quiet_seconds` ago (none: not known, a tablet paired
/// before times were kept).
pub fn is_current_visitors(
    shown_to: Option<i64>,
    now_serving: i64,
    quiet_seconds: Option<i64>,
) -> bool {
    shown_to == Some(now_serving) && quiet_seconds.is_none_or(|quiet| quiet <= QUIET_LIMIT_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_visitor_at_the_tablet_now_is_answered() {
        assert!(is_current_visitors(Some(7), 7, Some(5)));
        // The previous visitor's screen, after the welcome screen came up again.
        assert!(!is_current_visitors(Some(6), 7, Some(5)));
        // A form of no visitor, or of one not yet come.
        assert!(!is_current_visitors(None, 7, Some(5)));
        assert!(!is_current_visitors(Some(8), 7, Some(5)));
    }

    #[test]
    fn a_number_lapses_once_the_tablet_has_been_quiet_longer_than_any_screen_stays_up() {
        // A speech-mode visitor answering just before the reset is still answered.
        let slowest = 2 * (IDLE_SECONDS + COUNTDOWN_SECONDS) as i64;
        assert!(is_current_visitors(Some(7), 7, Some(slowest)));
        assert!(is_current_visitors(Some(7), 7, Some(QUIET_LIMIT_SECONDS)));
        // The next visitor resending from a screen nobody reset.
        assert!(!is_current_visitors(
            Some(7),
            7,
            Some(QUIET_LIMIT_SECONDS + 1)
        ));
        assert!(!is_current_visitors(Some(7), 7, Some(3600)));
        // No time kept yet: the number alone decides.
        assert!(is_current_visitors(Some(0), 0, None));
        assert!(!is_current_visitors(Some(0), 1, None));
    }

    #[test]
    fn a_screen_being_touched_says_so_well_within_the_limit() {
        assert!((IN_USE_EVERY_SECONDS as i64) * 3 < QUIET_LIMIT_SECONDS);
    }
}
