//! The service level managers watch: the share of walk-ins called within the center's
//! target wait (25 minutes by default, a common public standard; each center sets its own).

use serde::{Deserialize, Serialize};

/// A center's target wait when none is set, in minutes.
pub const DEFAULT_TARGET_WAIT_MINUTES: u32 = 25;
/// The longest target wait a center may set: a working day.
pub const MAX_TARGET_WAIT_MINUTES: u32 = 480;

/// Reads a typed target wait: whole minutes from 1 to `MAX_TARGET_WAIT_MINUTES`.
pub fn parse_target_wait(typed: &str) -> Option<u32> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX_TARGET_WAIT_MINUTES).contains(m))
}

/// How a walk-in's wait ended, in minutes from check-in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WaitEnd {
    /// Called by staff after this long.
    Called(f64),
    /// Gave up their place (or was marked gone) without being called, after this long.
    LeftUncalled(f64),
}

/// Walk-ins whose wait counts, and how many of them were called within the target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLevel {
    pub within: u64,
    pub counted: u64,
}

impl ServiceLevel {
    /// Counts one wait against a target of `target_minutes`. A visitor called in time is
    /// within; one called late is not; one who left uncalled after the target had passed
    /// is not either (the wait drove them away). One who left before it says nothing
    /// about the wait and is not counted.
    pub fn add(&mut self, end: WaitEnd, target_minutes: u32) {
        let target = f64::from(target_minutes);
        match end {
            WaitEnd::Called(waited) => {
                self.counted += 1;
                if waited <= target {
                    self.within += 1;
                }
            }
            WaitEnd::LeftUncalled(waited) if waited > target => self.counted += 1,
            WaitEnd::LeftUncalled(_) => {}
        }
    }

    pub fn merge(&mut self, other: ServiceLevel) {
        self.within += other.within;
        self.counted += other.counted;
    }

    /// The share within, in whole per cent (rounded down: 79.9% is not 80%), or None when
    /// no wait counted.
    pub fn percent(&self) -> Option<u64> {
        (self.counted > 0).then(|| self.within * 100 / self.counted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn called_in_time_counts_as_within_and_late_or_gone_after_the_target_does_not() {
        let mut level = ServiceLevel::default();
        level.add(WaitEnd::Called(0.0), 25);
        level.add(WaitEnd::Called(25.0), 25);
        level.add(WaitEnd::Called(25.5), 25);
        level.add(WaitEnd::LeftUncalled(40.0), 25);
        level.add(WaitEnd::LeftUncalled(5.0), 25);
        assert_eq!(
            level,
            ServiceLevel {
                within: 2,
                counted: 4
            }
        );
        assert_eq!(level.percent(), Some(50));
        assert_eq!(ServiceLevel::default().percent(), None);
    }

    #[test]
    fn the_share_rounds_down() {
        let level = ServiceLevel {
            within: 799,
            counted: 1000,
        };
        assert_eq!(level.percent(), Some(79));
    }

    #[test]
    fn a_target_is_whole_minutes_within_a_working_day() {
        assert_eq!(parse_target_wait(" 25 "), Some(25));
        for refused in ["0", "-5", "481", "2.5", "", "half an hour"] {
            assert_eq!(parse_target_wait(refused), None, "{refused:?}");
        }
    }
}
