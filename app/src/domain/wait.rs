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

#[cfg(test)]
mod tests {
    use super::*;

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
