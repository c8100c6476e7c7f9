//! Staff pages under `/staff`. All but the sign-in page sit behind the server's session
//! check, and their server functions check the session again themselves.

pub mod accommodations_page;
pub mod accounts_page;
pub mod agency_closures_page;
pub mod agency_page;
pub mod appointment_detail_page;
pub mod appointments_page;
pub mod audit_page;
pub mod availability_page;
pub mod calendar_page;
pub mod centers_page;
pub mod closures_page;
mod feedback_report;
pub mod kiosks_page;
pub mod login_page;
pub mod meeting_link_form;
pub mod not_allowed_page;
pub mod password_page;
pub mod person_history;
pub mod privacy_page;
pub mod queue_page;
pub mod queue_table;
pub mod reasons_page;
pub mod reports_page;
pub mod roster_page;
pub mod service_level_report;
pub mod services_page;
pub mod session_form_page;
pub mod setup_log;
pub mod staff_nav;
pub mod workshops_page;
