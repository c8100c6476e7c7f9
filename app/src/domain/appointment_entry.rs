//! One booked appointment as staff see it in the day view.

use super::accommodation::Accommodation;
use super::appointment_status::AppointmentStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One appointment as staff see it in the day view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppointmentEntry {
    pub starts_at: DateTime<Utc>,
    pub name: String,
    /// The service's code.
    pub service: String,
    pub status: AppointmentStatus,
    pub language: String,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
}
