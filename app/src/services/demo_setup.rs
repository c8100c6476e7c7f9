//! [ssr] The demo agency: the five WorkSource Portland Metro centers, open Monday to Friday
//! 8:30 am to 5:30 pm Pacific time, each offering every service, closed on Oregon's state
//! holidays of this year and the next. Set up through the same use cases the admin pages
//! call (create a center, save its hours and services, close days at every center), so
//! the demo proves the setup path. Safe to run at every start: a center that exists is
//! left as it is, and holidays are closed only when all five centers were just made.

use super::agency_closures::close_everywhere;
use super::center_availability::change;
use super::center_setup::{create_center, SetupOutcome};
use crate::db::centers::CenterRow;
use crate::domain::agency::Agency;
use crate::domain::availability::WeeklyHours;
use crate::domain::center_setup::CenterDetails;
use crate::domain::holiday_import::Holiday;
use crate::domain::mail::MailContext;
use crate::domain::service_rules::ServiceRules;
use crate::domain::state_holidays::oregon_state_holidays;
use chrono::{DateTime, Datelike, NaiveTime, Utc};
use sqlx::PgPool;
use std::collections::BTreeMap;

/// The centers from the WorkSource Portland Metro service description, in the order the
/// agency lists them.
pub const CENTERS: [(&str, &str); 5] = [
    ("beaverton-hillsboro", "Beaverton/Hillsboro"),
    ("tigard", "Tigard"),
    ("north-northeast-portland", "North/Northeast Portland"),
    ("southeast-portland", "Southeast Portland"),
    ("gresham", "Gresham"),
];

/// How each demo center books each service: (service, slot minutes, people per slot).
pub const SERVICE_SLOTS: [(&str, u32, u32); 5] = [
    ("registration_help", 30, 2),
    ("career_coaching", 60, 1),
    ("resume_review", 30, 2),
    ("skills_team", 45, 1),
    ("interview_practice", 45, 1),
];

/// The hand-off addresses of the agency the demo shows (WorkSource Oregon's public pages),
/// set through the settings page's code unless an admin has set the settings, whose
/// choice stays.
pub async fn seed_agency(pool: &PgPool) -> Result<(), crate::db::Error> {
    let agency = crate::db::agency::load(pool).await?;
    let unset = [
        &agency.registration_url,
        &agency.job_listings_url,
        &agency.training_url,
    ]
    .iter()
    .all(|url| url.is_empty());
    // An admin who cleared them meant it.
    if unset && !crate::db::agency::set_by_an_admin(pool).await? {
        let demo = Agency {
            registration_url: "https://www.worksourceoregon.org/".to_owned(),
            job_listings_url: "https://www.worksourceoregon.org/".to_owned(),
            training_url: "https://worksourceoregon.metrixlearning.com/".to_owned(),
            training_area: "Portland Metro".to_owned(),
            ..agency
        };
        super::agency_settings::save_settings(pool, None, &demo).await?;
    }
    Ok(())
}

pub async fn seed_centers(pool: &PgPool, now: DateTime<Utc>) -> Result<(), crate::db::Error> {
    // The services first: a center offers only services that exist.
    super::appointment_services::add_worksource_services(pool).await?;
    // Nothing is cancelled below (a new center has no bookings), so nothing is mailed.
    let no_mail = MailContext {
        public_url: String::new(),
        from_address: String::new(),
        agency: Default::default(),
    };
    let zone = chrono_tz::America::Los_Angeles;
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let hours = WeeklyHours::default().open(1..=5, at(8, 30), at(17, 30));
    let rules: BTreeMap<String, ServiceRules> = SERVICE_SLOTS
        .into_iter()
        .map(|(service, slot_minutes, capacity)| {
            let rules = ServiceRules {
                offered: true,
                slot_minutes,
                capacity,
                ..ServiceRules::NOT_SET_UP
            };
            (service.to_owned(), rules)
        })
        .collect();
    let mut created = 0;
    for (id, name) in CENTERS {
        let details = CenterDetails {
            name: name.to_owned(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            time_zone: zone,
            target_wait_minutes: crate::domain::service_level::DEFAULT_TARGET_WAIT_MINUTES,
        };
        if create_center(pool, None, id, &details).await? == SetupOutcome::Conflict {
            continue;
        }
        let center = CenterRow {
            id: id.to_owned(),
            name: name.to_owned(),
            time_zone: zone.name().to_owned(),
        };
        change(pool, None, &center, &hours, &rules, false, &no_mail, now).await?;
        // Where its video appointments meet, as its managers would set it.
        let link = format!("https://meet.example.org/worksource-{id}");
        crate::db::meeting_links::set_center_link(pool, id, &link).await?;
        created += 1;
    }
    // Only a demo that was just made gets its holidays: at a later start an admin may have
    // reopened one, or added centers of their own.
    if created < CENTERS.len() {
        return Ok(());
    }
    let year = now.with_timezone(&zone).year();
    let holidays: Vec<Holiday> = (year..=year + 1).flat_map(oregon_state_holidays).collect();
    close_everywhere(pool, None, &holidays, false, &no_mail, now).await?;
    Ok(())
}
