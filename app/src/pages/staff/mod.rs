//! Staff pages under `/staff`. All but the sign-in page sit behind the server's session
//! check, and their server functions check the session again themselves.

pub mod login_page;
pub mod queue_page;
pub mod queue_table;
