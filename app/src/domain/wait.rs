//! The estimated wait printed on a walk-in ticket, from how long visits actually took
//! today at the same center.

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
}
