//! Wait figures: the estimated wait printed on a kiosk ticket, from how long visitors
//! recently waited (or, early in the day, how long visits took) at the same center, and
//! the summary of today's waits on the staff queue screen.

/// Minutes one visit is assumed to take before any visit has been served today.
pub const DEFAULT_SERVICE_MINUTES: f64 = 10.0;

/// Estimated minutes until a visitor with `people_ahead` others before them is called.
///
/// Uses the median of today's service durations (minutes from being called to done) so a
/// single very long visit does not inflate every estimate, and divides the line between
/// the staff who served someone recently. Rounds up: telling a visitor "about 10 minutes"
/// and calling them after 8 is kinder than the reverse.
pub fn estimate_wait_minutes(
    people_ahead: u32,
    service_minutes_today: &[f64],
    staff_serving: u32,
) -> u32 {
    if people_ahead == 0 {
        return 0;
    }
    let per_visit = median(service_minutes_today).unwrap_or(DEFAULT_SERVICE_MINUTES);
    let staff = f64::from(staff_serving.max(1));
    let minutes = (f64::from(people_ahead) * per_visit / staff).ceil();
    // A float from a ceil of finite positive inputs; clamp guards the cast.
    minutes.clamp(1.0, f64::from(u32::MAX)) as u32
}

/// Visits enough to say what a visit takes: while today has had fewer (finished or in
/// progress), the center's latest earlier visits make up the rest. Early in the day the
/// few visits finished are the short ones (the long ones are still going on), so without
/// them the first hours' waits were told too short.
pub const KNOWN_VISITS: usize = 30;

/// The most places in line the estimate walks through, far beyond any center's day.
const MAX_PLACES: u32 = 10_000;

/// Waits of fewer visitors than this say too little; the service-time estimate is used.
pub const MIN_PAST_WAITS: usize = 3;

/// A visitor called recently: minutes from check-in to being called, and how many people
/// were ahead of them in line when they checked in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PastWait {
    pub waited_minutes: f64,
    pub ahead_at_check_in: u32,
}

/// Which of the recent minutes per place a told wait is built on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The middle value: as often too short as too long.
    Median,
    /// The nearest-rank percentile: that share of recent visitors moved up at least this
    /// fast.
    Percentile(usize),
    /// The percentile, times this many per cent.
    Scaled(usize, u32),
}

/// Estimated minutes until a visitor with `people_ahead` others before them is called,
/// from how long recent visitors actually waited for their place in line: each past wait
/// divided by the places the visitor had to move up (`ahead + 1`, the last one being their
/// own turn), the minutes per place `lean` picks, times the new visitor's places. None when
/// fewer than `MIN_PAST_WAITS` usable waits exist.
pub fn estimate_leaning(people_ahead: u32, past: &[PastWait], lean: Lean) -> Option<u32> {
    if people_ahead == 0 {
        return Some(0);
    }
    let per_place: Vec<f64> = past
        .iter()
        .filter(|w| w.waited_minutes.is_finite() && w.waited_minutes >= 0.0)
        .map(|w| w.waited_minutes / f64::from(w.ahead_at_check_in.saturating_add(1)))
        .collect();
    if per_place.len() < MIN_PAST_WAITS {
        return None;
    }
    let per_place = match lean {
        Lean::Median => median(&per_place)?,
        Lean::Percentile(percent) => {
            let mut sorted = per_place;
            sorted.sort_by(f64::total_cmp);
            nearest_rank(&sorted, percent)?
        }
        Lean::Scaled(percent, factor) => {
            let mut sorted = per_place;
            sorted.sort_by(f64::total_cmp);
            nearest_rank(&sorted, percent)? * f64::from(factor) / 100.0
        }
    };
    let minutes = (per_place * f64::from(people_ahead.saturating_add(1))).ceil();
    Some(minutes.clamp(1.0, f64::from(u32::MAX)) as u32)
}

/// What the estimate reads about a center's line when a visitor checks in: the same facts
/// the database holds at that moment (`db::visits::estimated_wait`) or a replayed day
/// has (`wait_replay`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineNow {
    /// People who will be called first.
    pub ahead: u32,
    /// Visitors called in the last two hours: how long they waited, from how far back.
    pub past_waits: Vec<PastWait>,
    /// Minutes today's finished visits took, called to done.
    pub services: Vec<f64>,
    /// Minutes each visit now with staff has run so far.
    pub in_progress: Vec<f64>,
    /// Minutes the center's latest visits before today took, newest first (at most
    /// `KNOWN_VISITS`): what a visit takes while today has told too little.
    pub earlier_services: Vec<f64>,
    /// Staff members who called someone in the last hour.
    pub staff: u32,
}

/// How a told wait is worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimator {
    /// From recent visitors' minutes per place (`estimate_leaning`), else today's median
    /// service time shared among the staff (`estimate_wait_minutes`): the ticket's
    /// estimate until the line model.
    PastWaits(Lean),
    /// The line played forward (`play_line`): each visit in progress ends after the
    /// `remaining` percentile of how much longer today's visits that ran as long went on,
    /// each visit ahead takes the mean visit, and the told wait adds `z_tenths` / 10
    /// standard deviations of the visits each staff member takes first.
    Line { remaining: usize, z_tenths: u32 },
}

/// What the ticket and the phone page tell. Chosen by the replay benchmark
/// (`app/benches/wait_replay.rs`): on 60 simulated days it keeps 91.8% of its promises
/// with three staff (the median of recent waits, 36.3%) with a mean error of 29 minutes;
/// 96.3% with four (21 minutes); and 81.8% with two, whose line outgrows them for hours
/// (50 minutes). Before the center's earlier visits filled in the morning
/// (`KNOWN_VISITS`), two staff got 72%.
pub const TOLD_WAIT: Estimator = Estimator::Line {
    remaining: 75,
    z_tenths: 10,
};

/// The wait to tell a visitor, worked out as `how` says.
pub fn told_wait(line: &LineNow, how: Estimator) -> u32 {
    match how {
        Estimator::PastWaits(lean) => estimate_leaning(line.ahead, &line.past_waits, lean)
            .unwrap_or_else(|| estimate_wait_minutes(line.ahead, &line.services, line.staff)),
        Estimator::Line {
            remaining,
            z_tenths,
        } => play_line(line, remaining, z_tenths),
    }
}

/// The line played forward: every staff member takes the next visitor as soon as they are
/// free (now, or when their visit in progress ends), and the visitor is called by the
/// first one free once everyone ahead has been taken. Visits take what today's took; a
/// visitor called early is glad, one called late leaves, so the wait told leans long by
/// the percentile and the spread given.
fn play_line(line: &LineNow, remaining_percent: usize, z_tenths: u32) -> u32 {
    if line.ahead == 0 {
        return 0;
    }
    // Visits still in progress have run at least this long: without them the long visits,
    // the last to finish, would be missing from what a visit takes.
    let usable = |v: &f64| v.is_finite() && *v >= 0.0;
    let mut visits: Vec<f64> = line
        .services
        .iter()
        .chain(&line.in_progress)
        .copied()
        .filter(usable)
        .collect();
    let missing = KNOWN_VISITS.saturating_sub(visits.len());
    visits.extend(
        line.earlier_services
            .iter()
            .copied()
            .filter(usable)
            .take(missing),
    );
    visits.sort_by(f64::total_cmp);
    let (mean, spread) = if visits.len() >= MIN_PAST_WAITS {
        let n = visits.len() as f64;
        let mean = visits.iter().sum::<f64>() / n;
        let variance = visits.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
        (mean, variance.sqrt())
    } else {
        // Nothing to go by yet: visits of the default length, as uneven as they are long.
        (DEFAULT_SERVICE_MINUTES, DEFAULT_SERVICE_MINUTES)
    };
    // How much longer a visit that has run `elapsed` minutes goes on: as today's visits
    // that ran longer went on; with too few of those, what a visit takes, but at least
    // half of it (it has not ended yet).
    let remaining = |elapsed: f64| {
        let longer: Vec<f64> = visits
            .iter()
            .filter(|v| **v > elapsed)
            .map(|v| v - elapsed)
            .collect();
        match nearest_rank(&longer, remaining_percent) {
            Some(minutes) if longer.len() >= MIN_PAST_WAITS => minutes,
            _ => (mean - elapsed).max(mean / 2.0),
        }
    };
    let staff = (line.staff as usize).max(line.in_progress.len()).max(1);
    let mut free_in: Vec<f64> = line
        .in_progress
        .iter()
        .filter(|e| e.is_finite())
        .map(|e| remaining(e.max(0.0)))
        .collect();
    free_in.resize(staff.max(free_in.len()), 0.0);
    // Each place is a step; a line longer than any day's (a bad count) is not walked.
    for _ in 0..line.ahead.min(MAX_PLACES) {
        if let Some(first_free) = free_in.iter_mut().min_by(|a, b| a.total_cmp(b)) {
            *first_free += mean;
        }
    }
    let called_in = free_in.iter().copied().fold(f64::INFINITY, f64::min);
    let visits_per_staff = f64::from(line.ahead) / staff as f64;
    let margin = f64::from(z_tenths) / 10.0 * spread * visits_per_staff.sqrt();
    (called_in + margin).ceil().clamp(1.0, f64::from(u32::MAX)) as u32
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

/// How long people waited today at one center, for the staff screen: the longest wait
/// of anyone still waiting now, and the median and 90th percentile of the waits of those
/// called so far (minutes from check-in to being called).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WaitSummary {
    pub longest_now: u32,
    pub median: Option<u32>,
    pub p90: Option<u32>,
    pub called: u32,
}

pub fn wait_summary(called_waits: &[f64], still_waiting: &[f64]) -> WaitSummary {
    let mut sorted: Vec<f64> = called_waits
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .collect();
    sorted.sort_by(f64::total_cmp);
    let minutes = |v: f64| v.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    WaitSummary {
        longest_now: still_waiting
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
            .floor()
            .clamp(0.0, f64::from(u32::MAX)) as u32,
        median: median(&sorted).map(minutes),
        p90: nearest_rank(&sorted, 90).map(minutes),
        called: u32::try_from(sorted.len()).unwrap_or(u32::MAX),
    }
}

/// The nearest-rank percentile of `sorted`: the smallest value that at least `percent`
/// per cent of the values do not exceed. Always one of the values, never interpolated.
fn nearest_rank(sorted: &[f64], percent: usize) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_has_the_median_and_the_ninetieth_percentile_of_todays_waits() {
        let waits: Vec<f64> = (1..=10).map(f64::from).collect();
        let summary = wait_summary(&waits, &[3.5, 12.9]);
        assert_eq!(
            summary,
            WaitSummary {
                longest_now: 12,
                median: Some(6), // 5.5 rounds up
                p90: Some(9),
                called: 10
            }
        );
        // Twenty waits: the 18th smallest is the 90th percentile.
        let waits: Vec<f64> = (1..=20).rev().map(f64::from).collect();
        assert_eq!(wait_summary(&waits, &[]).p90, Some(18));
        assert_eq!(wait_summary(&[7.0], &[]).p90, Some(7));
    }

    #[test]
    fn before_anyone_is_called_there_is_no_median() {
        let summary = wait_summary(&[], &[]);
        assert_eq!(
            (summary.median, summary.p90, summary.longest_now),
            (None, None, 0)
        );
        assert_eq!(wait_summary(&[f64::NAN, -1.0], &[]).called, 0);
    }

    #[test]
    fn nobody_ahead_means_no_wait() {
        assert_eq!(estimate_wait_minutes(0, &[30.0], 1), 0);
    }

    #[test]
    fn without_history_the_default_duration_is_used() {
        assert_eq!(estimate_wait_minutes(3, &[], 1), 30);
    }

    #[test]
    fn median_of_todays_service_times_resists_one_long_visit() {
        assert_eq!(estimate_wait_minutes(2, &[4.0, 6.0, 90.0], 1), 12);
        assert_eq!(estimate_wait_minutes(1, &[4.0, 6.0], 1), 5);
    }

    #[test]
    fn several_staff_share_the_line_and_results_round_up() {
        assert_eq!(estimate_wait_minutes(3, &[5.0], 2), 8);
        assert_eq!(
            estimate_wait_minutes(1, &[0.2], 3),
            1,
            "never promise zero to someone with people ahead"
        );
    }

    #[test]
    fn nonsense_durations_are_ignored() {
        assert_eq!(estimate_wait_minutes(1, &[f64::NAN, -3.0], 0), 10);
    }
    fn past(waited_minutes: f64, ahead_at_check_in: u32) -> PastWait {
        PastWait {
            waited_minutes,
            ahead_at_check_in,
        }
    }

    #[test]
    fn past_waits_give_minutes_per_place_in_line() {
        // 6 min with nobody ahead, 12 with one ahead, 18 with two: 6 min per place.
        let waits = [past(6.0, 0), past(12.0, 1), past(18.0, 2)];
        assert_eq!(estimate_leaning(3, &waits, Lean::Median), Some(24));
        assert_eq!(estimate_leaning(0, &waits, Lean::Median), Some(0));
    }

    #[test]
    fn one_visitor_who_waited_very_long_does_not_move_the_estimate() {
        let waits = [past(5.0, 0), past(10.0, 1), past(7.0, 0), past(240.0, 0)];
        // Per place: 5, 5, 7, 240; the median is 6.
        assert_eq!(estimate_leaning(1, &waits, Lean::Median), Some(12));
    }

    #[test]
    fn too_few_past_waits_leave_the_estimate_to_service_times() {
        assert_eq!(
            estimate_leaning(2, &[past(5.0, 0), past(9.0, 1)], Lean::Median),
            None
        );
        assert_eq!(
            estimate_leaning(
                2,
                &[past(f64::NAN, 0), past(-1.0, 0), past(3.0, 0)],
                Lean::Median
            ),
            None,
            "nonsense waits do not count towards the minimum"
        );
    }

    #[test]
    fn a_line_served_at_once_still_promises_at_least_a_minute() {
        let waits = [past(0.0, 0), past(0.0, 3), past(0.1, 1)];
        assert_eq!(estimate_leaning(2, &waits, Lean::Median), Some(1));
    }

    #[test]
    fn the_line_played_forward_calls_the_visitor_when_a_staff_member_is_free() {
        let steady = LineNow {
            ahead: 3,
            services: vec![10.0; 6],
            staff: 2,
            ..LineNow::default()
        };
        // Two free now take the first two; the third goes at 10 to whoever is free first,
        // and the visitor to the other, also at 10. Visits all alike: no margin.
        assert_eq!(told_wait(&steady, TOLD_WAIT), 10);
        let nobody_ahead = LineNow {
            ahead: 0,
            ..steady.clone()
        };
        assert_eq!(told_wait(&nobody_ahead, TOLD_WAIT), 0);
        let more_staff = LineNow {
            staff: 4,
            ..steady.clone()
        };
        assert_eq!(
            told_wait(&more_staff, TOLD_WAIT),
            1,
            "called at once, said as a minute"
        );
    }

    #[test]
    fn a_visit_in_progress_holds_its_staff_member_and_counts_as_a_visit() {
        // One staff member, 4 minutes into a visit; today's visits took 10.
        let line = LineNow {
            ahead: 1,
            services: vec![10.0; 6],
            in_progress: vec![4.0],
            staff: 1,
            ..LineNow::default()
        };
        // Visits 4 (at least) and six of 10: mean 9.14, spread 2.10. The visit in
        // progress has 6 to go (as the ones that ran longer did), then the one ahead
        // takes 9.14, plus one spread: 17.2, told 18.
        assert_eq!(told_wait(&line, TOLD_WAIT), 18);
    }

    #[test]
    fn early_in_the_day_the_centers_earlier_visits_say_what_a_visit_takes() {
        // Three short visits done this morning; the center's visits before today took
        // twenty minutes.
        let morning = LineNow {
            ahead: 2,
            services: vec![5.0; 3],
            staff: 1,
            earlier_services: vec![20.0; KNOWN_VISITS],
            ..LineNow::default()
        };
        let today_alone = LineNow {
            earlier_services: Vec::new(),
            ..morning.clone()
        };
        // 3 of 5 and 27 of 20: mean 18.5, spread 4.5; two ahead, then the visitor: 37 +
        // 4.5 x sqrt(2), told 44. Today's three alone said 10.
        assert_eq!(told_wait(&morning, TOLD_WAIT), 44);
        assert_eq!(told_wait(&today_alone, TOLD_WAIT), 10);
        // Once today has enough visits of its own, the earlier ones are not read.
        let afternoon = LineNow {
            services: vec![5.0; KNOWN_VISITS],
            ..morning.clone()
        };
        assert_eq!(told_wait(&afternoon, TOLD_WAIT), 10);
    }

    #[test]
    fn with_nothing_to_go_by_visits_are_taken_as_ten_minutes_and_uneven() {
        let line = LineNow {
            ahead: 2,
            ..LineNow::default()
        };
        // 2 x 10 minutes, plus a spread of 10 x sqrt(2).
        assert_eq!(told_wait(&line, TOLD_WAIT), 35);
        // The former estimate, from service times alone: 2 x 10.
        assert_eq!(told_wait(&line, Estimator::PastWaits(Lean::Median)), 20);
    }
}
