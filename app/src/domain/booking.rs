//! A booked appointment and a request for one, as the rest of the product knows them.
//! (The database reads a booking straight into `Booking` on the server.)

use super::appointment_status::AppointmentStatus;
use super::booking_form::BookingDetails;
use super::locale::Locale;
use super::service::HowHeld;
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// A manage link stops working this long after the appointment ends.
pub const LINK_VALID_AFTER_END: Duration = Duration::days(7);
/// How many other times are offered when the chosen one was just taken.
pub const ALTERNATIVES: usize = 3;

/// A booking as stored, with its center.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Booking {
    pub id: i64,
    pub code: String,
    pub center_id: String,
    pub center_name: String,
    pub center_time_zone: String,
    pub service_id: String,
    /// The service's name in the booking's language (`email_locale`), else in English,
    /// else its code.
    pub service_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub visitor_time_zone: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub email_locale: String,
    pub accommodations: Vec<String>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub status: AppointmentStatus,
    pub sequence: i32,
    pub created_at: DateTime<Utc>,
    /// How it is held, a `HowHeld` code.
    pub held: String,
    /// A video appointment's meeting link; '' while there is none.
    pub meeting_link: String,
}

impl Booking {
    /// How it is held (a phone call for a code this version does not know).
    pub fn how_held(&self) -> HowHeld {
        HowHeld::from_code(&self.held).unwrap_or(HowHeld::Phone)
    }

    pub fn locale(&self) -> Locale {
        Locale::from_tag(&self.email_locale)
    }
}

/// A booking request, validated.
#[derive(Debug, Clone)]
pub struct NewBooking {
    /// From the form: the same form sent twice books once.
    pub key: Uuid,
    /// A service's code.
    pub service: String,
    /// How it is held: one of the service's ways.
    pub held: HowHeld,
    /// `None`: any center with room at that time.
    pub center_id: Option<String>,
    pub start: DateTime<Utc>,
    pub visitor_time_zone: String,
    pub details: BookingDetails,
    pub email_locale: Locale,
}
