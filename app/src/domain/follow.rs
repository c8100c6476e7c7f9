//! Following a walk-in ticket from the visitor's own phone (`/t/{token}`): which stage the
//! page shows, when its link stops working, and the desk a visitor is called to.

use super::queue::QueueStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Length of a follow token: 16 random bytes in unpadded base64url.
pub const FOLLOW_TOKEN_LENGTH: usize = 22;

/// Live streams one followed ticket may have open at once (a phone, a second tab, a
/// partner's phone), so one link cannot hold hundreds.
pub const FOLLOW_STREAMS_PER_TICKET: usize = 4;

/// How often a followed ticket's stream looks again without news: the wait estimate moves
/// and the day ends without anyone acting.
pub const FOLLOW_RECHECK_SECONDS: u64 = 30;

/// Seconds after a check-in within which the ticket, shown again for the same page (a
/// reload, a double tap on "I agree"), still carries the follow link. Later it is a page
/// brought back on a lobby tablet by someone else, and the link would let them give the
/// visitor's place up.
pub const FOLLOW_LINK_REPLAY_SECONDS: i64 = 120;

/// Whether a ticket shown `seconds_since_check_in` after its check-in carries the follow
/// link.
pub fn ticket_shows_follow_link(seconds_since_check_in: i64) -> bool {
    seconds_since_check_in <= FOLLOW_LINK_REPLAY_SECONDS
}

/// What the phone page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FollowStage {
    /// In line: `people_ahead` will be called first.
    Waiting {
        people_ahead: u32,
        wait_minutes: u32,
    },
    /// Called, to `desk` when the staff member had chosen one.
    Called {
        desk: Option<String>,
    },
    Serving,
    Done,
    /// Gave up their place, or did not answer when called.
    Left,
    /// The center's day of the ticket is over: the link shows nothing more.
    Expired,
}

impl FollowStage {
    /// The stage of a visit in `status` checked in on `visit_day`, as of the center's
    /// `today`. A ticket is only good for its own day: after midnight at the center its
    /// link says so, whatever the visit's state.
    pub fn of(
        status: QueueStatus,
        visit_day: NaiveDate,
        today: NaiveDate,
        people_ahead: u32,
        wait_minutes: u32,
        desk: Option<String>,
    ) -> FollowStage {
        if visit_day != today {
            return FollowStage::Expired;
        }
        match status {
            QueueStatus::Waiting => FollowStage::Waiting {
                people_ahead,
                wait_minutes,
            },
            QueueStatus::Called => FollowStage::Called { desk },
            QueueStatus::Serving => FollowStage::Serving,
            QueueStatus::Done => FollowStage::Done,
            QueueStatus::Left => FollowStage::Left,
        }
    }

    /// Nothing will change any more: the page stops listening for news.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            FollowStage::Done | FollowStage::Left | FollowStage::Expired
        )
    }

    /// "I need to leave" is offered while the visitor is still to be served.
    pub fn can_leave(&self) -> bool {
        matches!(
            self,
            FollowStage::Waiting { .. } | FollowStage::Called { .. }
        )
    }

    /// A short code for the page and its tests (`data-stage`).
    pub fn code(&self) -> &'static str {
        match self {
            FollowStage::Waiting { .. } => "waiting",
            FollowStage::Called { .. } => "called",
            FollowStage::Serving => "serving",
            FollowStage::Done => "done",
            FollowStage::Left => "left",
            FollowStage::Expired => "expired",
        }
    }
}

/// Whether `token` could be a follow token at all; anything else is refused before the
/// database is asked.
pub fn token_is_well_formed(token: &str) -> bool {
    token.len() == FOLLOW_TOKEN_LENGTH
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Longest desk name: short enough for very large type on a phone and the lobby screen.
pub const DESK_MAX_CHARS: usize = 12;

/// Why a desk name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskError {
    TooLong,
    /// Only Latin letters, digits, spaces and hyphens: it is read aloud and shown in big
    /// type inside sentences of seven languages, two of them right to left, where a word
    /// of another script would reorder the sentence around it.
    OddCharacters,
}

/// The desk a staff member calls visitors to ("3", "Desk 3", "B-2"), or none when the
/// field is left empty.
pub fn parse_desk(input: &str) -> Result<Option<String>, DeskError> {
    let desk = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if desk.is_empty() {
        return Ok(None);
    }
    if desk.chars().count() > DESK_MAX_CHARS {
        return Err(DeskError::TooLong);
    }
    if !desk
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(DeskError::OddCharacters);
    }
    Ok(Some(desk))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_shown_again_later_has_no_follow_link() {
        assert!(ticket_shows_follow_link(0));
        assert!(ticket_shows_follow_link(FOLLOW_LINK_REPLAY_SECONDS));
        assert!(!ticket_shows_follow_link(FOLLOW_LINK_REPLAY_SECONDS + 1));
        assert!(!ticket_shows_follow_link(i64::MAX));
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_ticket_of_an_earlier_day_has_expired_whatever_its_state() {
        for status in QueueStatus::ALL {
            let stage = FollowStage::of(status, day(4), day(5), 0, 0, None);
            assert_eq!(stage, FollowStage::Expired);
            assert!(stage.is_final());
            assert!(!stage.can_leave());
        }
    }

    #[test]
    fn today_the_stage_follows_the_queue() {
        let stage = |status| FollowStage::of(status, day(5), day(5), 2, 9, Some("3".into()));
        assert_eq!(
            stage(QueueStatus::Waiting),
            FollowStage::Waiting {
                people_ahead: 2,
                wait_minutes: 9
            }
        );
        assert_eq!(
            stage(QueueStatus::Called),
            FollowStage::Called {
                desk: Some("3".into())
            }
        );
        assert_eq!(stage(QueueStatus::Serving), FollowStage::Serving);
        assert_eq!(stage(QueueStatus::Done), FollowStage::Done);
        assert_eq!(stage(QueueStatus::Left), FollowStage::Left);
    }

    #[test]
    fn only_a_visitor_still_to_be_served_can_give_up_the_place() {
        let can = |status| FollowStage::of(status, day(5), day(5), 0, 0, None).can_leave();
        assert!(can(QueueStatus::Waiting));
        assert!(can(QueueStatus::Called));
        assert!(!can(QueueStatus::Serving));
        assert!(!can(QueueStatus::Done));
        assert!(!can(QueueStatus::Left));
    }

    #[test]
    fn only_tokens_of_the_right_shape_reach_the_database() {
        assert!(token_is_well_formed("AbCdEfGhIjKlMnOpQrSt-_"));
        assert!(!token_is_well_formed("AbCdEfGhIjKlMnOpQrSt-"));
        assert!(!token_is_well_formed("AbCdEfGhIjKlMnOpQrSt-_x"));
        assert!(!token_is_well_formed("AbCdEfGhIjKlMnOpQrSt/="));
        assert!(!token_is_well_formed("AbCdEfGhIjKlMnOpQrStéa"));
        assert!(!token_is_well_formed(""));
    }

    #[test]
    fn desks_are_short_plain_names_or_none() {
        assert_eq!(parse_desk(" 3 "), Ok(Some("3".into())));
        assert_eq!(parse_desk("Desk   3"), Ok(Some("Desk 3".into())));
        assert_eq!(parse_desk("B-2"), Ok(Some("B-2".into())));
        assert_eq!(parse_desk("Mesa 4"), Ok(Some("Mesa 4".into())));
        assert_eq!(parse_desk("   "), Ok(None));
        assert_eq!(parse_desk("1234567890123"), Err(DeskError::TooLong));
        assert_eq!(parse_desk("<b>3</b>"), Err(DeskError::OddCharacters));
        assert_eq!(parse_desk("3\u{202e}"), Err(DeskError::OddCharacters));
        assert_eq!(parse_desk("مكتب 3"), Err(DeskError::OddCharacters));
    }
}
