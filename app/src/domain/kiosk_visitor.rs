//! Whose a kiosk form is. A lobby tablet serves one stranger after another, and every visit
//! ends on the welcome screen (Done, Start over, the idle reset); the tablet counts those
//! screens, so each visitor has a number. A kiosk form carries the number it was shown
//! under: one of an earlier visitor, brought back by the browser's Back or "resubmit"
//! (their names, their appointment, their ticket), is not answered.

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
        // The previous visitor's screen, after the welcome screen came up again.
        assert!(!is_current_visitors(Some(6), 7));
        // A form of no visitor, or of one not yet come.
        assert!(!is_current_visitors(None, 7));
        assert!(!is_current_visitors(Some(8), 7));
    }
}
