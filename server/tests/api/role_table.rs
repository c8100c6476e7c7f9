//! The role table of the README, walked in full: every staff write (and every staff read
//! of data a role may not see), tried by every role. Where the table says no, the answer
//! is 403 and nothing in the database changes; where it says yes, the check lets it by.

use super::booking_helpers::{book, first_free};
use super::helpers::*;
use super::workshop_admin::{next_monday, session_form};
use super::workshops::{mail, person, session};
use app::domain::roles::{Permission, Role};
use app::services::workshops::enrol;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sqlx::PgPool;

/// Everything staff can change or read, as one text: equal before and after means a
/// refused request changed nothing.
async fn fingerprint(pool: &PgPool) -> String {
    let tables = [
        "visits",
        "bookings",
        "booking_changes",
        "workshop_sessions",
        "workshop_enrolments",
        "center_hours",
        "center_services",
        "center_closures",
        "staff_users",
        "staff_password_links",
        "accommodation_work",
        "outbox",
        "kiosk_devices",
        "kiosk_pairing_codes",
        "centers",
        "setup_changes",
    ];
    let mut all = String::new();
    for table in tables {
        let rows: Vec<String> = sqlx::query_scalar(&format!(
            "select row_to_json(t)::text from {table} t order by row_to_json(t)::text"
        ))
        .fetch_all(pool)
        .await
        .unwrap();
        all.push_str(&format!("{table}: {}\n", rows.join("\n")));
    }
    all
}

/// One staff request: method, path and form, and the permission it needs.
struct Action {
    permission: Permission,
    method: &'static str,
    path: String,
    form: String,
}

fn post(permission: Permission, path: impl Into<String>, form: impl Into<String>) -> Action {
    Action {
        permission,
        method: "POST",
        path: path.into(),
        form: form.into(),
    }
}

fn get(permission: Permission, path: impl Into<String>) -> Action {
    Action {
        permission,
        method: "GET",
        path: path.into(),
        form: String::new(),
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn every_staff_action_is_refused_to_every_role_the_table_refuses(pool: PgPool) {
    let app = spawn_app(pool).await;
    // Something of everything to act on.
    app.check_in("Ana", "Lopez").await;
    let visit_id: i64 = sqlx::query_scalar("select id from visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    let booking_id: i64 = sqlx::query_scalar("select id from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let workshop = session(&app.pool, 2, Duration::days(3)).await;
    let other = session(&app.pool, 5, Duration::days(10)).await;
    let enrolment = match enrol(&app.pool, workshop, &person(1), &mail(), Utc::now())
        .await
        .unwrap()
    {
        app::services::workshops::EnrolOutcome::Done { enrolment_id, .. } => enrolment_id,
        other => panic!("{other:?}"),
    };
    let colleague = app
        .sign_in_with_role("colleague@frontdesk.test", "Colleague", "front_desk")
        .await;
    drop(colleague);
    let colleague_id: i64 =
        sqlx::query_scalar("select id from staff_users where email = 'colleague@frontdesk.test'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let tablet_id: i64 = sqlx::query_scalar("select id from kiosk_devices")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let day = (Utc::now() + Duration::days(20)).format("%Y-%m-%d");
    let monday = next_monday();
    let hours: String = (0..7)
        .map(|d| format!("&opens_{d}=09:00&closes_{d}=17:00"))
        .collect();

    use Permission::*;
    let actions = [
        post(ActOnQueue, "/staff/queue/call-next", "center_id=tigard"),
        post(ActOnQueue, "/staff/queue/desk", "center_id=tigard&desk=3"),
        post(
            ActOnQueue,
            "/staff/queue/act",
            format!("center_id=tigard&visit_id={visit_id}&action=call"),
        ),
        post(
            ActOnQueue,
            "/staff/queue/offer-slot",
            format!("center_id=tigard&visit_id={visit_id}&service=career_coaching&start=2026-12-07T17%3A00%3A00Z"),
        ),
        post(
            ActOnQueue,
            "/staff/queue/transfer",
            format!("center_id=tigard&visit_id={visit_id}&to=service:resume_review"),
        ),
        post(
            ReadContactDetails,
            "/api/staff/calendar/appointment",
            format!("id={booking_id}"),
        ),
        post(
            UpdateAppointment,
            format!("/staff/calendar/{booking_id}/update"),
            "lang=en&status=booked&staff_id=&note=Called+ahead",
        ),
        post(
            HandleAccommodations,
            "/staff/accommodations/update",
            format!("source=visit&source_id={visit_id}&need=large_print&status=arranged"),
        ),
        post(
            MarkAttendance,
            format!("/staff/workshops/{workshop}/attendance"),
            format!("lang=en&enrolment={enrolment}&status=attended"),
        ),
        post(
            ManageWorkshops,
            "/staff/workshops/new",
            session_form(monday, 2, 10),
        ),
        post(
            ManageWorkshops,
            format!("/staff/workshops/{workshop}/edit"),
            session_form(monday, 1, 12),
        ),
        post(
            ManageWorkshops,
            format!("/staff/workshops/{workshop}/capacity"),
            "lang=en&capacity=30",
        ),
        post(
            ManageWorkshops,
            format!("/staff/workshops/{workshop}/move"),
            format!("lang=en&enrolment={enrolment}&to={other}"),
        ),
        post(
            ManageWorkshops,
            format!("/staff/workshops/{other}/cancel"),
            "lang=en&rest_of_series=yes",
        ),
        post(
            ManageAvailability,
            "/staff/availability",
            format!("lang=en&center=tigard&stranded=refuse{hours}"),
        ),
        post(
            ManageAvailability,
            "/staff/availability/tigard/meeting-link",
            "lang=en&meeting_link=https%3A%2F%2Fmeet.example.org%2Fnew",
        ),
        post(
            ManageAvailability,
            "/staff/meeting-links/staff",
            "lang=en&staff_id=1&staff_meeting_link=https%3A%2F%2Fmeet.example.org%2Fme",
        ),
        post(
            SendMeetingLinks,
            format!("/staff/calendar/{booking_id}/meeting-link"),
            "lang=en&meeting_link=https%3A%2F%2Fmeet.example.org%2Fone",
        ),
        post(
            ManageAvailability,
            "/staff/closures",
            format!("lang=en&center=tigard&day={day}&reason=Training&stranded=cancel"),
        ),
        post(
            ManageAvailability,
            "/staff/closures/reopen",
            format!("lang=en&center=tigard&day={day}"),
        ),
        post(
            ManageAvailability,
            "/staff/closures/agency",
            format!("lang=en&day={day}&reason=Holiday&stranded=cancel"),
        ),
        post(
            ManageAvailability,
            "/staff/closures/import/confirm",
            format!("lang=en&day={day}&reason=Holiday&stranded=cancel"),
        ),
        get(ViewAuditLog, "/staff/audit.csv"),
        post(ViewAuditLog, "/api/staff/audit", ""),
        post(ViewAuditLog, "/api/staff/privacy", ""),
        get(ViewReports, "/staff/reports.csv"),
        get(ViewReports, "/staff/feedback.csv"),
        post(ManageAccounts, "/api/staff/accounts", ""),
        post(ManageKiosks, "/api/staff/kiosks", ""),
        post(
            ManageKiosks,
            "/staff/kiosks",
            "lang=en&center=tigard&name=Entrance",
        ),
        post(
            ManageKiosks,
            format!("/staff/kiosks/{tablet_id}/revoke"),
            "lang=en",
        ),
        post(
            ManageAccounts,
            "/staff/accounts",
            "lang=en&name=Eve+Evans&email=eve%40example.org&role=admin",
        ),
        post(
            ManageAccounts,
            format!("/staff/accounts/{colleague_id}/reset"),
            "lang=en",
        ),
        post(
            ManageAccounts,
            format!("/staff/accounts/{colleague_id}/state"),
            "lang=en&disabled=yes",
        ),
        post(
            ManageCenters,
            "/staff/centers",
            "lang=en&short_name=new-center&name=New&address=&phone=&email=&time_zone=UTC",
        ),
        post(
            ManageCenters,
            "/staff/centers/gresham/edit",
            "lang=en&name=Gresham+East&address=&phone=&email=&time_zone=America%2FLos_Angeles&stranded=refuse",
        ),
        post(
            ManageCenters,
            "/staff/centers/gresham/retire",
            "lang=en&stranded=cancel",
        ),
        post(ManageCenters, "/staff/centers/gresham/restore", "lang=en"),
        post(ManageCenters, "/api/staff/centers", ""),
        post(
            ManageCenters,
            "/staff/agency",
            "lang=en&name=Agency&public_name=Agency&language_line=&registration_url=\
             &job_listings_url=&training_url=&retention_days=40",
        ),
        post(ManageCenters, "/api/staff/agency", ""),
        post(
            ManageCenters,
            "/staff/reasons",
            "lang=en&name_en=Youth&name_es=J%C3%B3venes&hint_en=&hint_es=&notice_en=&notice_es=&phones=&team=",
        ),
        post(
            ManageCenters,
            "/staff/reasons/workshops/edit",
            "lang=en&name_en=Classes&name_es=Clases&hint_en=&hint_es=&notice_en=&notice_es=&phones=&team=",
        ),
        post(ManageCenters, "/staff/reasons/workshops/hide", "lang=en"),
        post(ManageCenters, "/staff/reasons/workshops/up", "lang=en"),
        post(ManageCenters, "/api/staff/reasons", ""),
        post(
            ManageCenters,
            "/staff/services",
            "lang=en&name_en=Youth&name_es=J%C3%B3venes&hint_en=&hint_es=&held=phone&arrival_reason=",
        ),
        post(
            ManageCenters,
            "/staff/services/skills_team/edit",
            "lang=en&name_en=Skills&name_es=Habilidades&hint_en=&hint_es=&held=video&arrival_reason=",
        ),
        post(ManageCenters, "/staff/services/skills_team/hide", "lang=en"),
        post(ManageCenters, "/staff/services/skills_team/down", "lang=en"),
        post(ManageCenters, "/api/staff/services", ""),
    ];
    // Every permission that guards a write or a restricted read is walked here.
    for permission in Permission::ALL {
        let walked = actions.iter().any(|a| a.permission == permission);
        let read_only = matches!(
            permission,
            ViewQueue | ViewCalendar | ViewWorkshops | ViewAvailability
        );
        assert!(walked || read_only, "{permission:?} is not walked");
    }

    for role in Role::ALL {
        let email = format!("{}@roles.test", role.code());
        let cookie = app
            .sign_in_with_role(&email, "Role Test", role.code())
            .await;
        for action in &actions {
            let before = fingerprint(&app.pool).await;
            let reply = match action.method {
                "GET" => app.get(&action.path, Some(&cookie)).await,
                _ => {
                    app.post_form(&action.path, &action.form, Some(&cookie))
                        .await
                }
            };
            let what = format!("{role:?} {} {}", action.method, action.path);
            if role.may(action.permission) {
                assert!(
                    !matches!(
                        reply.status,
                        StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED
                    ),
                    "{what} must be allowed: {}",
                    reply.status
                );
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{what}: {}",
                    reply.body
                );
                assert_eq!(
                    fingerprint(&app.pool).await,
                    before,
                    "{what} changed something"
                );
            }
        }
    }
}
