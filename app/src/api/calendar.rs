//! The staff calendar: a center's (or every center's) appointments and workshop sessions
//! by day or week, one appointment's details with the person's history, and staff
//! changes to it. Reading contact details is logged; managers read the log.

use super::workshops::SessionView;
use crate::domain::accommodation::Accommodation;
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::center::CenterInfo;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::service::{AppointmentService, HowHeld};
use crate::domain::workshop_status::EnrolmentStatus;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarAppointment {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    /// A service's code.
    pub service: String,
    pub name: String,
    pub status: AppointmentStatus,
    pub language: String,
    pub accommodations: Vec<Accommodation>,
    pub staff_name: Option<String>,
    pub held: HowHeld,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub appointments: Vec<CalendarAppointment>,
    pub sessions: Vec<SessionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarData {
    pub staff_name: String,
    pub centers: Vec<CenterInfo>,
    pub staff_members: Vec<(i64, String)>,
    /// Empty: all centers.
    pub center: String,
    pub week: bool,
    pub day: NaiveDate,
    /// The service shown only (a code); `None`: every service.
    pub service: Option<String>,
    /// Every service ever set up, to name appointments and fill the filter.
    pub services: Vec<AppointmentService>,
    pub staff_id: Option<i64>,
    pub days: Vec<CalendarDay>,
}

/// The calendar around `day` (today when none): that day, or its Monday-to-Sunday week.
#[server(endpoint = "staff/calendar")]
pub async fn staff_calendar(
    center: Option<String>,
    view: Option<String>,
    day: Option<String>,
    service: Option<String>,
    staff: Option<String>,
) -> Result<CalendarData, AppError> {
    let me = super::auth::require(Permission::ViewCalendar).await?;
    let state = super::state()?;
    ssr::calendar(
        &state.pool,
        me.display_name,
        center,
        view,
        day,
        service,
        staff,
    )
    .await
    .map_err(super::unavailable)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppointmentHistory {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    /// A service's code.
    pub service: String,
    pub status: AppointmentStatus,
}

/// A workshop or hiring event the person enrolled in, under the same email or phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrolmentHistory {
    pub starts_at: DateTime<Utc>,
    pub title: String,
    /// None for a virtual session.
    pub center_name: Option<String>,
    pub time_zone: Option<String>,
    pub status: EnrolmentStatus,
}

/// A walk-in visit under the same name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WalkInHistory {
    pub checked_in_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    /// Reason codes, named by `AppointmentInfo::visit_reasons`.
    pub reasons: Vec<String>,
    pub status: crate::domain::queue::QueueStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppointmentChange {
    pub changed_at: DateTime<Utc>,
    pub staff_name: Option<String>,
    /// "status", "staff" or "note".
    pub what: String,
    pub old_value: String,
    pub new_value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppointmentInfo {
    pub staff_name: String,
    pub id: i64,
    pub code: String,
    pub starts_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    /// A service's code.
    pub service: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub status: AppointmentStatus,
    pub language: String,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    pub staff_id: Option<i64>,
    pub note: String,
    pub held: HowHeld,
    /// A video call's link; '' while there is none.
    pub meeting_link: String,
    pub staff_members: Vec<(i64, String)>,
    pub history: Vec<AppointmentHistory>,
    pub enrolments: Vec<EnrolmentHistory>,
    pub walk_ins: Vec<WalkInHistory>,
    /// The agency's reasons, to name the walk-ins' ones.
    pub visit_reasons: Vec<crate::domain::visit_reason::VisitReason>,
    /// Every service ever set up, to name this appointment's and the earlier ones'.
    pub services: Vec<AppointmentService>,
    pub changes: Vec<AppointmentChange>,
    /// The reader may give it its own meeting link (`SendMeetingLinks`).
    pub can_send_links: bool,
}

/// One appointment with the person's contact details and history. The read is logged.
#[server(endpoint = "staff/calendar/appointment")]
pub async fn appointment_details(id: i64) -> Result<Option<AppointmentInfo>, AppError> {
    let me = super::auth::require(Permission::ReadContactDetails).await?;
    let state = super::state()?;
    let can_send_links = me.role.may(Permission::SendMeetingLinks);
    let info = ssr::details(&state.pool, me.display_name, me.staff_id, id)
        .await
        .map_err(super::unavailable)?;
    Ok(info.map(|info| AppointmentInfo {
        can_send_links,
        ..info
    }))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactRead {
    pub read_at: DateTime<Utc>,
    pub staff_name: String,
    pub person: String,
    pub appointment_id: i64,
}

/// The latest reads of contact details, for managers and admins only.
#[server(endpoint = "staff/audit")]
pub async fn contact_audit() -> Result<(String, Vec<ContactRead>), AppError> {
    let me = super::auth::require(Permission::ViewAuditLog).await?;
    let state = super::state()?;
    let reads = crate::db::calendar::contact_reads(&state.pool, 500)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|r| ContactRead {
            read_at: r.read_at,
            staff_name: r.staff_name,
            person: r.person,
            appointment_id: r.source_id,
        })
        .collect();
    Ok((me.display_name, reads))
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::db::calendar::{self, CalendarFilter};
    use crate::db::person_history;
    use crate::domain::local_time::day_bounds;
    use crate::domain::report::Period;
    use crate::domain::workshop::Contact;
    use chrono::Duration;
    use sqlx::PgPool;

    fn accommodations(codes: &[String]) -> Vec<Accommodation> {
        codes
            .iter()
            .filter_map(|c| Accommodation::from_code(c))
            .collect()
    }

    pub async fn calendar(
        pool: &PgPool,
        staff_name: String,
        center: Option<String>,
        view: Option<String>,
        day: Option<String>,
        service: Option<String>,
        staff: Option<String>,
    ) -> Result<CalendarData, crate::db::Error> {
        let centers = crate::db::centers::list_centers(pool).await?;
        let chosen = center
            .filter(|c| !c.is_empty())
            .and_then(|id| centers.iter().find(|c| c.id == id).cloned());
        let tz: chrono_tz::Tz = chosen
            .as_ref()
            .and_then(|c| c.time_zone.parse().ok())
            .unwrap_or(chrono_tz::America::Los_Angeles);
        let today = Utc::now().with_timezone(&tz).date_naive();
        let day = day
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .unwrap_or(today);
        let week = view.as_deref() == Some("week");
        let first = if week {
            Period::Week.start_of(day)
        } else {
            day
        };
        let count = if week { 7 } else { 1 };
        let (from, _) = day_bounds(tz, first);
        let (_, until) = day_bounds(tz, first + Duration::days(count - 1));
        let service = service.filter(|s| !s.is_empty());
        let staff_id = staff.and_then(|s| s.parse::<i64>().ok());
        let filter = CalendarFilter {
            center: chosen.as_ref().map(|c| c.id.clone()),
            service: service.clone(),
            staff_id,
        };
        let appointments = calendar::appointments(pool, from, until, &filter).await?;
        // Sessions are not a service nor assigned to staff: shown only when unfiltered.
        let sessions = if service.is_none() && staff_id.is_none() {
            calendar::sessions(pool, from, until, filter.center.as_deref()).await?
        } else {
            Vec::new()
        };
        let days = (0..count)
            .map(|n| {
                let date = first + Duration::days(n);
                let (start, end) = day_bounds(tz, date);
                let inside = |t: DateTime<Utc>| t >= start && t < end;
                CalendarDay {
                    date,
                    appointments: appointments
                        .iter()
                        .filter(|a| inside(a.starts_at))
                        .map(|a| CalendarAppointment {
                            id: a.id,
                            starts_at: a.starts_at,
                            ends_at: a.ends_at,
                            center_name: a.center_name.clone(),
                            time_zone: a.time_zone.clone(),
                            service: a.service_id.clone(),
                            name: format!("{} {}", a.first_name, a.last_name),
                            status: a.status,
                            language: a.language.clone(),
                            accommodations: accommodations(&a.accommodations),
                            staff_name: a.staff_name.clone(),
                            held: HowHeld::from_code(&a.held).unwrap_or(HowHeld::Phone),
                        })
                        .collect(),
                    sessions: sessions
                        .iter()
                        .filter(|s| inside(s.starts_at))
                        .cloned()
                        .filter_map(SessionView::from_row)
                        .collect(),
                }
            })
            .collect();
        Ok(CalendarData {
            staff_name,
            centers: centers.into_iter().map(Into::into).collect(),
            staff_members: calendar::staff_members(pool).await?,
            center: chosen.map(|c| c.id).unwrap_or_default(),
            week,
            day,
            service,
            services: crate::db::appointment_services::list(pool).await?,
            staff_id,
            days,
        })
    }

    pub async fn details(
        pool: &PgPool,
        staff_name: String,
        reader: i64,
        id: i64,
    ) -> Result<Option<AppointmentInfo>, crate::db::Error> {
        let Some(d) = calendar::read_appointment(pool, id, reader).await? else {
            return Ok(None);
        };
        let history = calendar::history(pool, &d)
            .await?
            .into_iter()
            .map(|h| AppointmentHistory {
                id: h.id,
                starts_at: h.starts_at,
                center_name: h.center_name,
                time_zone: h.time_zone,
                service: h.service_id,
                status: h.status,
            })
            .collect();
        let contact_keys = [
            Contact::Email(d.email.clone()).key(),
            Contact::Phone(d.phone.clone()).key(),
        ];
        let enrolments = person_history::enrolments(pool, &contact_keys)
            .await?
            .into_iter()
            .map(|e| EnrolmentHistory {
                starts_at: e.starts_at,
                title: e.title,
                center_name: e.center_name,
                time_zone: e.time_zone,
                status: e.status,
            })
            .collect();
        let walk_ins = person_history::walk_ins(pool, &d.first_name, &d.last_name)
            .await?
            .into_iter()
            .map(|v| WalkInHistory {
                checked_in_at: v.checked_in_at,
                center_name: v.center_name,
                time_zone: v.time_zone,
                reasons: v.reasons,
                status: v.status,
            })
            .collect();
        let changes = calendar::changes(pool, d.id)
            .await?
            .into_iter()
            .map(|c| AppointmentChange {
                changed_at: c.changed_at,
                staff_name: c.staff_name,
                what: c.what,
                old_value: c.old_value,
                new_value: c.new_value,
            })
            .collect();
        Ok(Some(AppointmentInfo {
            staff_name,
            id: d.id,
            code: d.code,
            starts_at: d.starts_at,
            center_name: d.center_name,
            time_zone: d.time_zone,
            service: d.service_id,
            name: format!("{} {}", d.first_name, d.last_name),
            email: d.email,
            phone: d.phone,
            status: d.status,
            language: d.language,
            accommodations: accommodations(&d.accommodations),
            interpreter_language: d.interpreter_language,
            accommodation_other: d.accommodation_other,
            staff_id: d.staff_id,
            held: HowHeld::from_code(&d.held).unwrap_or(HowHeld::Phone),
            meeting_link: d.meeting_link,
            note: d.note,
            staff_members: calendar::staff_members(pool).await?,
            history,
            enrolments,
            walk_ins,
            visit_reasons: crate::db::visit_reasons::list(pool).await?,
            services: crate::db::appointment_services::list(pool).await?,
            changes,
            can_send_links: false,
        }))
    }
}
