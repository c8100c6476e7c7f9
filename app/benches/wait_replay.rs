//! How well the kiosk's told wait holds: simulated days of walk-ins replayed through the
//! estimator (`app::domain::wait_replay`), for each way of leaning and each staffing,
//! against the median estimator measured in the same run. Run:
//! `cargo bench -p app --features ssr --bench wait_replay`.

use app::domain::wait::{Lean, TOLD_WAIT_LEAN};
use app::domain::wait_replay::replay_days;

const DAYS: u64 = 60;

fn main() {
    println!("{DAYS} simulated days per row; the ticket uses {TOLD_WAIT_LEAN:?}");
    println!(
        "{:<18} {:>5} {:>6} {:>13} {:>10} {:>9} {:>11}",
        "told wait from", "staff", "told", "called within", "vs median", "MAE min", "mean told"
    );
    for staff in [2, 3, 4] {
        let baseline = replay_days(DAYS, staff, Lean::Median);
        for lean in [
            Lean::Median,
            Lean::Percentile(75),
            Lean::Percentile(90),
            Lean::Scaled(75, 150),
            Lean::Scaled(90, 120),
        ] {
            let score = replay_days(DAYS, staff, lean);
            println!(
                "{:<18} {:>5} {:>6} {:>12.1}% {:>9.2}x {:>9.1} {:>11.1}",
                format!("{lean:?}"),
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
