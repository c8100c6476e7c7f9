//! How well the kiosk's told wait holds: simulated days of walk-ins replayed through the
//! estimators (`app::domain::wait_replay`), for each staffing, against the median of
//! recent waits (the ticket's estimate before the line model) measured in the same run.
//! Run: `cargo bench -p app --features ssr --bench wait_replay`.

use app::domain::wait::{Estimator, Lean, TOLD_WAIT};
use app::domain::wait_replay::replay_days;

const DAYS: u64 = 60;

/// The ways of working out a wait that are compared.
const ESTIMATORS: [Estimator; 7] = [
    Estimator::PastWaits(Lean::Median),
    Estimator::PastWaits(Lean::Percentile(90)),
    Estimator::PastWaits(Lean::Scaled(90, 120)),
    Estimator::Line {
        remaining: 75,
        z_tenths: 5,
    },
    Estimator::Line {
        remaining: 75,
        z_tenths: 8,
    },
    Estimator::Line {
        remaining: 75,
        z_tenths: 10,
    },
    Estimator::Line {
        remaining: 90,
        z_tenths: 13,
    },
];

fn main() {
    println!("{DAYS} simulated days per row; the ticket uses {TOLD_WAIT:?}");
    println!(
        "{:<42} {:>5} {:>6} {:>13} {:>10} {:>9} {:>11}",
        "told wait from", "staff", "told", "called within", "vs median", "MAE min", "mean told"
    );
    for staff in [2, 3, 4] {
        let baseline = replay_days(DAYS, staff, Estimator::PastWaits(Lean::Median));
        for how in ESTIMATORS {
            let score = replay_days(DAYS, staff, how);
            println!(
                "{:<42} {:>5} {:>6} {:>12.1}% {:>9.2}x {:>9.1} {:>11.1}",
                format!("{how:?}"),
                staff,
                score.told,
                100.0 * score.within_share(),
                score.within_share() / baseline.within_share(),
                score.mean_abs_error(),
                score.mean_told()
            );
        }
    }
}
