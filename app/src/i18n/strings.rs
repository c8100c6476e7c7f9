//! The shape of a translation file. `deny_unknown_fields` plus required fields mean a file
//! parses only when it has exactly the keys the code uses.
//!
//! Strings handed to an island travel as `Packed<T>`: a plain list in field order. A derived
//! `Deserialize` for a struct of 55 named fields costs about 26 KB of WASM; a list of strings
//! costs next to nothing, and kiosk tablets pay for every byte.

use super::fill;
use crate::domain::accommodation::Accommodation;
use crate::domain::accommodation_work::{Source, WorkStatus};
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::booking_form::DetailsProblem;
use crate::domain::check_in::Problem;
use crate::domain::contact_details::ContactError;
use crate::domain::free_text::TextError;
use crate::domain::queue::{QueueAction, QueueStatus};
use crate::domain::roles::Role;
use crate::domain::session_plan::PlanProblem;
use crate::domain::workshop::{Refusal, Seats, Topic};
use crate::domain::workshop_status::EnrolmentStatus;
use serde::{Deserialize, Serialize};

/// A struct made only of strings (or of such structs), flattened to and rebuilt from a list
/// in field order. Implemented by `string_table!`.
pub trait StringTable: Sized {
    fn flatten_into(&self, out: &mut Vec<String>);
    fn take_from(source: &mut StringSource) -> Self;
}

/// The strings an island received, taken one by one. Running short yields empty strings
/// and is reported once at the end: no early return per field, whose drop paths would
/// grow the WASM with the square of the number of fields.
pub struct StringSource {
    strings: std::vec::IntoIter<String>,
    ran_short: bool,
}

impl StringSource {
    fn next(&mut self) -> String {
        self.strings.next().unwrap_or_else(|| {
            self.ran_short = true;
            String::new()
        })
    }
}

impl StringTable for String {
    fn flatten_into(&self, out: &mut Vec<String>) {
        out.push(self.clone());
    }
    fn take_from(source: &mut StringSource) -> Self {
        source.next()
    }
}

/// A list: its length, then each item.
impl<T: StringTable> StringTable for Vec<T> {
    fn flatten_into(&self, out: &mut Vec<String>) {
        out.push(self.len().to_string());
        for item in self {
            item.flatten_into(out);
        }
    }
    fn take_from(source: &mut StringSource) -> Self {
        let count = source.next().parse::<usize>().unwrap_or(0);
        // At most one item per string left: a made-up count cannot make a huge list.
        (0..count.min(source.strings.len()))
            .map(|_| T::take_from(source))
            .collect()
    }
}

/// Declares a struct of translated strings and its `StringTable` implementation, so the
/// field list is written once.
macro_rules! string_table {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        pub struct $name { $($(#[$field_meta])* pub $field: $ty,)* }

        impl StringTable for $name {
            fn flatten_into(&self, out: &mut Vec<String>) {
                $(StringTable::flatten_into(&self.$field, out);)*
            }
            fn take_from(source: &mut StringSource) -> Self {
                $name { $($field: <$ty as StringTable>::take_from(source),)* }
            }
        }
    };
}

string_table! {
/// A reason for a visit as the kiosk's wizard shows it, in its language, ready to show:
/// sent as strings because a struct's deserializer costs the kiosk's WASM more.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReasonChoice {
    pub code: String,
    /// The name, and the hint on a line of its own when there is one.
    pub label: String,
    /// Empty when the reason is handled here; else what the visitor is told, with the
    /// numbers to call.
    pub notice: String,
}
}

impl crate::domain::check_in::OfferedReason for ReasonChoice {
    fn code(&self) -> &str {
        &self.code
    }
    fn handled_elsewhere(&self) -> bool {
        !self.notice.is_empty()
    }
}

/// Island props made of translated strings, sent as a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed<T>(pub T);

impl<T: StringTable> Packed<T> {
    /// `table` with the agency's public name in place of every `{agency}`: an island gets
    /// its strings ready to show, as it cannot read the agency settings.
    pub fn for_agency(table: &T, public_name: &str) -> Self {
        let mut strings = Vec::new();
        table.flatten_into(&mut strings);
        let mut source = StringSource {
            strings: strings
                .into_iter()
                .map(|s| s.replace("{agency}", public_name))
                .collect::<Vec<_>>()
                .into_iter(),
            ran_short: false,
        };
        Packed(T::take_from(&mut source))
    }
}

impl<T: StringTable> Serialize for Packed<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut strings = Vec::new();
        self.0.flatten_into(&mut strings);
        strings.serialize(serializer)
    }
}

impl<'de, T: StringTable> Deserialize<'de> for Packed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let strings = Vec::<String>::deserialize(deserializer)?;
        let mut source = StringSource {
            strings: strings.into_iter(),
            ran_short: false,
        };
        let table = T::take_from(&mut source);
        if source.ran_short || source.strings.len() > 0 {
            return Err(serde::de::Error::custom("wrong number of strings"));
        }
        Ok(Packed(table))
    }
}

/// All strings of one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translations {
    pub common: CommonStrings,
    pub kiosk: KioskStrings,
    pub arrival: ArrivalStrings,
    pub booking: BookingStrings,
    pub workshops: WorkshopStrings,
    pub staff: StaffStrings,
    pub session_admin: SessionAdminStrings,
    pub accommodation_work: AccommodationWorkStrings,
    pub closures: ClosureStrings,
    pub reports: ReportStrings,
    pub calendar: CalendarStrings,
    pub accounts: AccountStrings,
    pub availability: AvailabilityStrings,
    pub center_setup: CenterSetupStrings,
    pub privacy: PrivacyStrings,
    pub agency_closures: AgencyClosureStrings,
    pub agency_settings: AgencySettingsStrings,
    pub kiosk_pairing: super::tablet_strings::PairingStrings,
    pub kiosk_tablets: super::tablet_strings::TabletStrings,
    pub reason_setup: ReasonSetupStrings,
    pub service_setup: ServiceSetupStrings,
}

/// Strings shared by every page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonStrings {
    /// The language's own name in its own script, for the language picker.
    pub language_name: String,
    pub app_name: String,
    pub home_heading: String,
    pub home_intro: String,
    pub kiosk_link: String,
    pub staff_link: String,
    pub skip_to_content: String,
    pub not_found: String,
    /// A public write refused by a rate limit: "… try again in {wait}."
    pub too_many_requests: String,
    pub error_signed_out: String,
    pub error_forbidden: String,
    pub error_unavailable: String,
    pub error_bad_request: String,
    /// "{count} seconds" / "{count} minutes", the {wait} above.
    pub wait_seconds: String,
    pub wait_minutes: String,
    pub language_line: String,
    pub book_link: String,
    /// Monday first.
    pub weekdays: [String; 7],
    pub months: [String; 12],
    /// With `{weekday}`, `{month}`, `{day}`, `{year}`.
    pub date_pattern: String,
    pub clock_12h: bool,
    pub am: String,
    pub pm: String,
    /// Links to the agency's own services, where it has set them.
    pub handoff_heading: String,
    pub handoff_registration: String,
    pub handoff_jobs: String,
    pub handoff_training: String,
}

string_table! {
/// Strings of the kiosk, handed to its islands as props.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskStrings {
    pub welcome_heading: String,
    pub welcome_intro: String,
    pub check_in: String,
    pub check_in_hint: String,
    pub choose_language: String,
    pub text_size: String,
    pub text_standard: String,
    pub text_large: String,
    pub contrast: String,
    pub contrast_standard: String,
    pub contrast_high: String,
    pub read_aloud: String,
    pub back: String,
    pub start_over: String,
    pub next: String,
    pub step_of: String,
    pub first_name_question: String,
    pub first_name_label: String,
    pub last_name_question: String,
    pub last_name_label: String,
    pub last_name_hint: String,
    pub reasons_question: String,
    pub reasons_hint: String,
    /// The reasons the check-in offers: not in the translation files but the agency's
    /// data, put in by the page (empty for every other kiosk island).
    #[serde(skip)]
    pub reasons: Vec<ReasonChoice>,
    /// Heads the notice of the reasons chosen that another organisation handles.
    pub elsewhere_heading: String,
    /// "They can help you by phone: {phones}." for a reason handled elsewhere.
    pub elsewhere_phones: String,
    /// Between the last two numbers of `elsewhere_phones`.
    pub elsewhere_phones_or: String,
    pub elsewhere_still_check_in: String,
    /// The check-in page when no reason it offers is handled here.
    pub not_ready_heading: String,
    pub not_ready_body: String,
    pub registered_question: String,
    pub registered_yes: String,
    pub registered_no: String,
    pub registered_not_sure: String,
    pub accommodations_question: String,
    pub accommodations_hint: String,
    pub accommodations: AccommodationLabels,
    pub interpreter_language_label: String,
    pub accommodation_other_label: String,
    pub privacy_heading: String,
    pub privacy_kept: String,
    pub privacy_who: String,
    pub privacy_how_long: String,
    pub privacy_screen: String,
    pub consent_button: String,
    pub sending: String,
    pub request_failed: String,
    pub ticket_heading: String,
    pub ticket_number_label: String,
    pub place_in_line: String,
    pub you_are_next: String,
    pub estimated_wait: String,
    pub ticket_seat: String,
    pub done: String,
    pub idle_heading: String,
    pub idle_countdown: String,
    pub idle_continue: String,
    pub error_required: String,
    pub error_too_long: String,
    pub error_control_characters: String,
    pub error_invisible: String,
    pub error_no_reason: String,
    pub error_only_elsewhere: String,
    pub error_not_chosen: String,
    pub error_consent: String,
    pub unknown_center: String,
    /// "WorkSource {center}", the kiosk's header.
    pub center_title: String,
    /// "{page} · WorkSource {center}", the browser tab.
    pub page_title: String,
}
}

impl KioskStrings {
    /// The message shown beside a field for `problem`.
    pub fn problem(&self, problem: Problem) -> String {
        match problem {
            Problem::Text(TextError::Empty) => self.error_required.clone(),
            Problem::Text(TextError::TooLong { max }) => {
                super::fill(&self.error_too_long, &[("max", &max.to_string())])
            }
            Problem::Text(TextError::ControlCharacters) => self.error_control_characters.clone(),
            Problem::Text(TextError::InvisibleCharacters) => self.error_invisible.clone(),
            Problem::NoReason => self.error_no_reason.clone(),
            Problem::OnlyHandledElsewhere => self.error_only_elsewhere.clone(),
            Problem::NotChosen => self.error_not_chosen.clone(),
            Problem::ConsentRequired => self.error_consent.clone(),
        }
    }
}

string_table! {
/// Names of the accommodations.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccommodationLabels {
    pub asl_interpreter: String,
    pub spoken_interpreter: String,
    pub translated_materials: String,
    pub large_print: String,
    pub audio: String,
    pub other: String,
}
}

impl AccommodationLabels {
    pub fn label(&self, a: Accommodation) -> &str {
        match a {
            Accommodation::AslInterpreter => &self.asl_interpreter,
            Accommodation::SpokenInterpreter => &self.spoken_interpreter,
            Accommodation::TranslatedMaterials => &self.translated_materials,
            Accommodation::LargePrint => &self.large_print,
            Accommodation::Audio => &self.audio,
            Accommodation::Other => &self.other,
        }
    }
}

/// Strings of the staff pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffStrings {
    pub sign_in_heading: String,
    pub email_label: String,
    pub password_label: String,
    pub sign_in: String,
    pub sign_in_failed: String,
    /// "Too many attempts … wait {seconds} seconds …"
    pub sign_in_wait: String,
    /// Every password check is busy: try again in a few seconds.
    pub sign_in_busy: String,
    pub sign_out: String,
    /// A staff action the role may not take.
    pub not_allowed_heading: String,
    pub not_allowed_body: String,
    /// The last message of a live screen whose session ended.
    pub session_ended: String,
    pub signed_in_as: String,
    pub queue_heading: String,
    /// "Walk-in queue · {center}"
    pub queue_title: String,
    pub center_label: String,
    pub show_center: String,
    pub call_next: String,
    pub nobody_waiting: String,
    pub waiting_count: String,
    /// "Longest wait now: {longest} min. Today: median {median} min; 9 in 10 … {p90} … ({count} called)."
    pub wait_stats: String,
    pub wait_stats_none: String,
    /// "A walk-in checking in now is told: about {minutes} min."
    pub kiosk_wait_now: String,
    pub kiosk_wait_next: String,
    pub col_ticket: String,
    pub col_name: String,
    pub col_reasons: String,
    /// A reason whose visits go to a team: "{reason} (goes to the {team})".
    pub reason_with_team: String,
    pub col_accommodations: String,
    pub col_waited: String,
    pub col_status: String,
    pub col_actions: String,
    pub minutes: String,
    pub served_by: String,
    /// "Interpreter: {language}"
    pub interpreter: String,
    pub none: String,
    pub live: String,
    pub reconnecting: String,
    pub status_waiting: String,
    pub status_called: String,
    pub status_serving: String,
    pub status_done: String,
    pub status_left: String,
    pub action_call: String,
    pub action_start_serving: String,
    pub action_done: String,
    pub action_left: String,
    /// "Appointment {time}", beside an arrived appointment in the queue.
    pub appointment_badge: String,
    pub nav_label: String,
    pub nav_queue: String,
    pub nav_appointments: String,
    /// "Appointments · {center}"
    pub appointments_title: String,
    pub day_label: String,
    pub show_day: String,
    pub no_appointments: String,
    pub col_time: String,
    pub col_service: String,
    pub col_language: String,
    pub col_session: String,
    pub col_waitlist: String,
    pub roster_heading: String,
    pub roster_seats: String,
    pub change_capacity: String,
    pub roster_enrolled: String,
    pub roster_waitlist: String,
    pub attended: String,
    pub no_show: String,
    /// "Transfer ticket {ticket} to"
    pub transfer_label: String,
    pub transfer_colleagues: String,
    pub transfer_services: String,
    pub transfer_to_staff: String,
    pub transfer_to_service: String,
    pub transfer_button: String,
    pub transfer_button_label: String,
}

impl StaffStrings {
    pub fn status_label(&self, status: QueueStatus) -> &str {
        match status {
            QueueStatus::Waiting => &self.status_waiting,
            QueueStatus::Called => &self.status_called,
            QueueStatus::Serving => &self.status_serving,
            QueueStatus::Done => &self.status_done,
            QueueStatus::Left => &self.status_left,
        }
    }

    pub fn action_label(&self, action: QueueAction) -> &str {
        match action {
            QueueAction::Call => &self.action_call,
            QueueAction::StartServing => &self.action_start_serving,
            QueueAction::Done => &self.action_done,
            QueueAction::Left => &self.action_left,
        }
    }
}

/// Strings of the kiosk's "I have an appointment" screens (server-rendered forms).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrivalStrings {
    pub appointment: String,
    pub appointment_hint: String,
    pub heading: String,
    pub by_code_heading: String,
    pub code_label: String,
    pub code_hint: String,
    pub or: String,
    pub by_name_heading: String,
    pub last4_label: String,
    pub last4_hint: String,
    pub find_button: String,
    pub error_code: String,
    pub error_last4: String,
    pub error_nothing: String,
    pub not_found: String,
    pub other_day: String,
    pub other_center: String,
    pub arrived_heading: String,
    pub arrived_time: String,
    pub arrived_seat: String,
    pub walk_in_instead: String,
}

/// Strings of the booking pages and of booking emails.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingStrings {
    pub heading: String,
    pub intro: String,
    pub step_of: String,
    pub service_label: String,
    pub service_label_short: String,
    /// The booking page has no service to offer yet (a new agency).
    pub no_services: String,
    pub center_label: String,
    pub any_center: String,
    pub time_zone_label: String,
    pub time_zone_hint: String,
    pub continue_button: String,
    pub change: String,
    pub error_time_zone: String,
    pub error_service: String,
    pub error_center: String,
    pub day_heading: String,
    pub day_hint: String,
    pub free_times_count: String,
    pub no_free_times: String,
    pub chosen_day: String,
    pub times_heading: String,
    pub times_hint: String,
    pub center_time: String,
    pub no_times_at_all: String,
    pub error_time_required: String,
    pub details_heading: String,
    pub your_appointment: String,
    pub first_name_label: String,
    pub last_name_label: String,
    pub email_label: String,
    pub email_hint: String,
    pub phone_label: String,
    pub phone_hint: String,
    pub language_label: String,
    pub accommodations_label: String,
    pub accommodations_hint: String,
    pub interpreter_language_label: String,
    pub accommodation_other_label: String,
    pub done_button: String,
    pub request_failed: String,
    pub problems_heading: String,
    pub error_required: String,
    pub error_too_long: String,
    pub error_control_characters: String,
    pub error_invisible: String,
    pub error_email: String,
    pub error_phone: String,
    pub error_not_chosen: String,
    /// "This email or phone already has {count} upcoming appointments …"
    pub error_too_many_upcoming: String,
    pub taken_heading: String,
    pub taken_body: String,
    pub taken_none: String,
    pub choose_another_day: String,
    pub confirmed_heading: String,
    pub confirmed_intro: String,
    pub code_label: String,
    pub code_hint: String,
    pub your_time_label: String,
    pub center_time_label: String,
    pub where_label: String,
    pub held_question: String,
    pub held_choice_in_person: String,
    pub held_choice_in_person_hint: String,
    pub held_choice_phone: String,
    pub held_choice_phone_hint: String,
    pub held_choice_video: String,
    pub held_choice_video_hint: String,
    pub error_held: String,
    pub where_in_person: String,
    pub where_phone: String,
    pub where_phone_calendar: String,
    pub where_video: String,
    pub where_video_link: String,
    pub join_video: String,
    pub add_to_calendar: String,
    pub manage_heading: String,
    pub manage_hint: String,
    pub manage_link_label: String,
    pub cancel_button: String,
    pub reschedule_link: String,
    pub reschedule_unavailable: String,
    pub cancelled_heading: String,
    pub cancelled_body: String,
    pub arrived_notice: String,
    pub book_again: String,
    pub rescheduled_notice: String,
    pub reschedule_heading: String,
    pub reschedule_current: String,
    pub reschedule_button: String,
    pub not_changeable: String,
    pub link_invalid_heading: String,
    pub link_invalid_body: String,
    pub calendar_summary: String,
    pub mail_greeting: String,
    pub mail_confirmation_subject: String,
    pub mail_confirmation_intro: String,
    pub mail_change_subject: String,
    pub mail_change_intro: String,
    pub mail_cancellation_subject: String,
    pub mail_cancellation_intro: String,
    pub mail_reminder_subject: String,
    pub mail_reminder_intro: String,
    pub mail_link_subject: String,
    pub mail_link_intro: String,
    pub mail_manage: String,
    pub mail_book_again: String,
}

impl BookingStrings {
    /// The message shown beside a booking form field for `problem`.
    pub fn problem(&self, problem: DetailsProblem) -> String {
        match problem {
            DetailsProblem::Text(TextError::Empty)
            | DetailsProblem::Contact(ContactError::Empty) => self.error_required.clone(),
            DetailsProblem::Text(TextError::TooLong { max }) => {
                super::fill(&self.error_too_long, &[("max", &max.to_string())])
            }
            DetailsProblem::Text(TextError::InvisibleCharacters) => self.error_invisible.clone(),
            DetailsProblem::Text(TextError::ControlCharacters) => {
                self.error_control_characters.clone()
            }
            DetailsProblem::Contact(ContactError::InvalidEmail) => self.error_email.clone(),
            DetailsProblem::Contact(ContactError::InvalidPhone) => self.error_phone.clone(),
            DetailsProblem::NotChosen => self.error_not_chosen.clone(),
            DetailsProblem::TooManyUpcoming => fill(
                &self.error_too_many_upcoming,
                &[(
                    "count",
                    &crate::domain::limits::FUTURE_BOOKINGS_PER_CONTACT.to_string(),
                )],
            ),
        }
    }
}

/// Strings of the workshop pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopStrings {
    pub heading: String,
    pub intro: String,
    pub nav_link: String,
    pub kiosk_hint: String,
    pub filter_place: String,
    pub any_place: String,
    pub virtual_place: String,
    pub filter_topic: String,
    pub any_topic: String,
    pub filter_language: String,
    pub any_language: String,
    pub filter_from: String,
    pub show: String,
    pub no_sessions: String,
    pub topics: TopicLabels,
    pub seats_left: String,
    pub one_seat_left: String,
    pub full_waitlist: String,
    pub cancelled_session: String,
    pub seats_label: String,
    pub when_label: String,
    pub where_label: String,
    pub language_label: String,
    pub employer: String,
    pub center_time: String,
    pub details_link: String,
    pub enrol_heading: String,
    pub contact_label: String,
    pub contact_hint: String,
    pub enrol_button: String,
    pub waitlist_button: String,
    pub whole_series: String,
    pub enrolled_heading: String,
    pub enrolled_body: String,
    pub waitlisted_heading: String,
    pub waitlist_place: String,
    pub cancel_button: String,
    pub cancelled_heading: String,
    pub cancelled_body: String,
    pub refused_past: String,
    pub refused_cancelled: String,
    pub back_to_list: String,
    pub error_contact: String,
    /// Another form named a contact that has a place: where its link went.
    pub already_has_place_emailed: String,
    pub already_has_place_phone: String,
    pub mail_enrolled_subject: String,
    pub mail_waitlisted_subject: String,
    pub mail_promoted_subject: String,
    pub mail_promoted_body: String,
    pub mail_manage: String,
    pub mail_changed_subject: String,
    pub mail_changed_body: String,
    pub mail_cancelled_subject: String,
    /// "… You can choose another session at {url}"
    pub mail_cancelled_body: String,
}

impl WorkshopStrings {
    /// "3 seats left" or "Full — join the waitlist, you are number 4".
    pub fn seats(&self, seats: Seats) -> String {
        match seats {
            Seats::Open { left: 1 } => self.one_seat_left.clone(),
            Seats::Open { left } => super::fill(&self.seats_left, &[("count", &left.to_string())]),
            Seats::Full { next_place } => {
                super::fill(&self.full_waitlist, &[("place", &next_place.to_string())])
            }
        }
    }

    pub fn refusal(&self, refusal: Refusal) -> &str {
        match refusal {
            Refusal::Past => &self.refused_past,
            Refusal::Cancelled => &self.refused_cancelled,
        }
    }
}

/// Names of the workshop topics.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicLabels {
    pub orientation: String,
    pub resumes: String,
    pub interviewing: String,
    pub networking: String,
    pub soft_skills: String,
    pub state_jobs: String,
    pub scholarship_help: String,
    pub job_hunter_series: String,
    pub hiring_event: String,
}

impl TopicLabels {
    pub fn label(&self, topic: Topic) -> &str {
        match topic {
            Topic::Orientation => &self.orientation,
            Topic::Resumes => &self.resumes,
            Topic::Interviewing => &self.interviewing,
            Topic::Networking => &self.networking,
            Topic::SoftSkills => &self.soft_skills,
            Topic::StateJobs => &self.state_jobs,
            Topic::ScholarshipHelp => &self.scholarship_help,
            Topic::JobHunterSeries => &self.job_hunter_series,
            Topic::HiringEvent => &self.hiring_event,
        }
    }
}

/// Strings of the staff pages that create, edit, cancel and move workshop sessions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionAdminStrings {
    pub new_link: String,
    pub new_heading: String,
    pub edit_heading: String,
    pub edit_link: String,
    pub topic_label: String,
    pub title_label: String,
    pub title_hint: String,
    pub description_label: String,
    pub employer_label: String,
    pub employer_hint: String,
    pub place_label: String,
    pub choose: String,
    pub meeting_link_label: String,
    pub meeting_link_hint: String,
    pub date_label: String,
    pub start_label: String,
    pub end_label: String,
    pub time_hint: String,
    pub weeks_label: String,
    pub weeks_hint: String,
    pub capacity_label: String,
    pub language_label: String,
    pub facilitator_label: String,
    pub create_button: String,
    pub save_button: String,
    pub form_has_problems: String,
    pub error_required: String,
    pub error_too_long: String,
    pub error_unknown: String,
    pub error_not_a_link: String,
    pub error_not_a_date: String,
    pub error_not_a_time: String,
    pub error_end_not_after_start: String,
    pub error_past: String,
    pub error_time_skipped: String,
    pub error_out_of_range: String,
    pub error_below_seats_taken: String,
    pub error_cancelled: String,
    pub notice_created: String,
    pub notice_created_series: String,
    pub notice_saved: String,
    pub notice_saved_notified: String,
    pub notice_cancelled: String,
    pub notice_moved: String,
    pub notice_moved_waitlisted: String,
    pub notice_move_already_there: String,
    pub notice_move_refused: String,
    pub notice_capacity_changed: String,
    pub notice_capacity_refused: String,
    pub cancel_heading: String,
    pub cancel_hint: String,
    pub cancel_series: String,
    pub cancel_button: String,
    pub move_label: String,
    pub move_button: String,
    pub move_described: String,
    pub facilitator_line: String,
    pub cancelled_badge: String,
}

impl SessionAdminStrings {
    /// The message beside a field the plan refused.
    pub fn problem(&self, problem: PlanProblem) -> String {
        match problem {
            PlanProblem::Required => self.error_required.clone(),
            PlanProblem::TooLong => self.error_too_long.clone(),
            PlanProblem::Unknown => self.error_unknown.clone(),
            PlanProblem::NotALink => self.error_not_a_link.clone(),
            PlanProblem::NotADate => self.error_not_a_date.clone(),
            PlanProblem::NotATime => self.error_not_a_time.clone(),
            PlanProblem::EndNotAfterStart => self.error_end_not_after_start.clone(),
            PlanProblem::Past => self.error_past.clone(),
            PlanProblem::TimeSkipped => self.error_time_skipped.clone(),
            PlanProblem::OutOfRange { min, max } => super::fill(
                &self.error_out_of_range,
                &[("min", &min.to_string()), ("max", &max.to_string())],
            ),
        }
    }
}

/// Strings of the staff accommodation work-queue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccommodationWorkStrings {
    pub heading: String,
    pub nav: String,
    pub intro: String,
    pub status_label: String,
    pub center_label: String,
    pub all_centers: String,
    pub show: String,
    pub status_open: String,
    pub status_arranged: String,
    pub status_not_possible: String,
    pub status_all: String,
    pub col_when: String,
    pub col_person: String,
    pub col_where: String,
    pub col_needed: String,
    pub col_from: String,
    pub col_status: String,
    pub col_handler: String,
    pub col_update: String,
    pub from_booking: String,
    pub from_enrolment: String,
    pub from_visit: String,
    pub nobody: String,
    pub empty: String,
    pub save: String,
    pub update_label: String,
    pub save_label: String,
    pub count: String,
    pub count_one: String,
}

impl AccommodationWorkStrings {
    pub fn status(&self, status: WorkStatus) -> &str {
        match status {
            WorkStatus::Open => &self.status_open,
            WorkStatus::Arranged => &self.status_arranged,
            WorkStatus::NotPossible => &self.status_not_possible,
        }
    }

    pub fn source(&self, source: Source) -> &str {
        match source {
            Source::Booking => &self.from_booking,
            Source::Enrolment => &self.from_enrolment,
            Source::Visit => &self.from_visit,
        }
    }
}

/// Strings of the staff page where managers close days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureStrings {
    pub nav: String,
    pub title: String,
    pub intro: String,
    pub upcoming_heading: String,
    pub none: String,
    pub col_day: String,
    pub col_reason: String,
    pub reopen: String,
    pub reopen_label: String,
    pub add_heading: String,
    pub day_label: String,
    pub reason_label: String,
    pub reason_hint: String,
    pub stranded_question: String,
    pub stranded_refuse: String,
    pub stranded_cancel: String,
    pub close_button: String,
    pub managers_only: String,
    pub error_day: String,
    pub stranded_heading: String,
    pub stranded_one: String,
    pub stranded_hint: String,
    pub col_time: String,
    pub col_name: String,
    pub col_service: String,
    pub col_code: String,
    pub notice_closed: String,
    pub notice_closed_cancelled: String,
    pub notice_already_closed: String,
    pub notice_reopened: String,
    pub col_center: String,
}

/// Strings of the staff reports.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportStrings {
    pub nav: String,
    pub heading: String,
    pub from_label: String,
    pub to_label: String,
    pub center_label: String,
    pub all_centers: String,
    pub period_label: String,
    pub period_day: String,
    pub period_week: String,
    pub show: String,
    pub csv_link: String,
    pub visits_heading: String,
    pub chart_label: String,
    pub col_period: String,
    pub col_visits: String,
    pub col_median: String,
    pub col_p90: String,
    pub reasons_heading: String,
    pub languages_heading: String,
    pub col_reason: String,
    pub col_language: String,
    pub bookings_heading: String,
    pub col_booked: String,
    pub col_cancelled: String,
    pub col_arrived: String,
    pub col_no_show: String,
    pub workshops_heading: String,
    pub col_sessions: String,
    pub col_seats: String,
    pub col_enrolled: String,
    pub col_fill: String,
    pub col_attended: String,
    pub percent: String,
    pub none: String,
    pub totals: String,
}

/// Strings of the staff calendar, appointment details and audit log.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarStrings {
    pub nav: String,
    pub heading: String,
    pub center_label: String,
    pub all_centers: String,
    pub day_label: String,
    pub view_label: String,
    pub view_day: String,
    pub view_week: String,
    pub service_label: String,
    pub any_service: String,
    pub staff_label: String,
    pub any_staff: String,
    pub show: String,
    pub previous: String,
    pub next: String,
    pub nothing: String,
    pub appointments_heading: String,
    pub sessions_heading: String,
    pub col_time: String,
    pub col_name: String,
    pub col_service: String,
    pub col_center: String,
    pub col_status: String,
    pub col_staff: String,
    pub col_needs: String,
    pub col_session: String,
    pub col_seats: String,
    pub status_booked: String,
    pub status_arrived: String,
    pub status_in_progress: String,
    pub status_completed: String,
    pub status_no_show: String,
    pub status_cancelled: String,
    pub unassigned: String,
    pub details_heading: String,
    pub back: String,
    pub contact_heading: String,
    pub contact_logged: String,
    pub email_label: String,
    pub phone_label: String,
    pub code_label: String,
    pub when_label: String,
    pub language_label: String,
    pub needs_label: String,
    pub change_heading: String,
    pub status_label: String,
    pub assign_label: String,
    pub note_label: String,
    pub note_hint: String,
    pub save: String,
    pub history_heading: String,
    pub no_history: String,
    /// "{when} · Workshop: {title} · {place} · {status}"
    pub history_enrolment: String,
    pub history_online: String,
    /// "{when} · Walk-in under the same name · {center} · {reasons} · {status}"
    pub history_walk_in: String,
    pub enrolment_enrolled: String,
    pub enrolment_waitlisted: String,
    pub enrolment_attended: String,
    pub changes_heading: String,
    pub no_changes: String,
    pub change_line: String,
    pub what_status: String,
    pub what_staff: String,
    pub what_note: String,
    pub audit_nav: String,
    pub audit_heading: String,
    pub audit_intro: String,
    pub col_read_at: String,
    pub col_reader: String,
    pub col_person: String,
    pub audit_managers_only: String,
    pub audit_csv: String,
    pub link_heading: String,
    pub link_hint: String,
    pub link_label: String,
    pub link_button: String,
    pub notice_link_sent: String,
    pub notice_link_unchanged: String,
    pub error_link: String,
    pub link_not_changeable: String,
    pub what_meeting_link: String,
}

impl CalendarStrings {
    /// The label of a workshop enrolment's status.
    pub fn enrolment_status(&self, status: EnrolmentStatus) -> &str {
        match status {
            EnrolmentStatus::Enrolled => &self.enrolment_enrolled,
            EnrolmentStatus::Waitlisted => &self.enrolment_waitlisted,
            EnrolmentStatus::Attended => &self.enrolment_attended,
            EnrolmentStatus::NoShow => &self.status_no_show,
            EnrolmentStatus::Cancelled => &self.status_cancelled,
        }
    }

    pub fn status(&self, status: AppointmentStatus) -> &str {
        match status {
            AppointmentStatus::Booked => &self.status_booked,
            AppointmentStatus::Arrived => &self.status_arrived,
            AppointmentStatus::InProgress => &self.status_in_progress,
            AppointmentStatus::Completed => &self.status_completed,
            AppointmentStatus::NoShow => &self.status_no_show,
            AppointmentStatus::Cancelled => &self.status_cancelled,
        }
    }
}

/// Strings of the admin's staff accounts page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountStrings {
    pub nav: String,
    pub heading: String,
    pub admins_only: String,
    pub col_name: String,
    pub col_email: String,
    pub col_role: String,
    pub col_state: String,
    pub col_actions: String,
    pub active: String,
    pub disabled: String,
    pub reset: String,
    pub reset_label: String,
    pub disable: String,
    pub disable_label: String,
    pub enable: String,
    pub enable_label: String,
    pub invite_heading: String,
    pub name_label: String,
    pub email_label: String,
    pub role_label: String,
    pub invite_button: String,
    pub role_front_desk: String,
    pub role_coach: String,
    pub role_manager: String,
    pub role_admin: String,
    /// "We emailed {name} at {email} a link … within {hours} hours."
    pub link_sent: String,
    pub mail_invitation_subject: String,
    /// "{name}", "{role}", "{hours}", "{link}".
    pub mail_invitation_body: String,
    pub mail_reset_subject: String,
    pub mail_reset_body: String,
    pub password_title: String,
    /// "Hello {name}. Choose a password for {email} …"
    pub password_intro: String,
    pub password_label: String,
    pub password_hint: String,
    pub repeat_label: String,
    pub password_button: String,
    pub error_password_short: String,
    pub error_password_long: String,
    pub error_password_repeat: String,
    pub link_unusable: String,
    pub error_name: String,
    pub error_email: String,
    pub error_role: String,
    pub error_taken: String,
    pub error_self: String,
    pub notice_disabled: String,
    pub notice_enabled: String,
}

impl AccountStrings {
    pub fn role(&self, role: Role) -> &str {
        match role {
            Role::FrontDesk => &self.role_front_desk,
            Role::Coach => &self.role_coach,
            Role::Manager => &self.role_manager,
            Role::Admin => &self.role_admin,
        }
    }
}

/// Strings of the managers' weekly hours and services page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityStrings {
    pub nav: String,
    pub title: String,
    pub intro: String,
    pub hours_heading: String,
    pub hours_hint: String,
    pub col_day: String,
    pub opens: String,
    pub closes: String,
    pub opens_label: String,
    pub closes_label: String,
    pub capacity_heading: String,
    pub col_service: String,
    pub col_slot: String,
    pub col_capacity: String,
    pub capacity_label: String,
    pub slot_minutes: String,
    pub closed: String,
    pub save: String,
    pub stranded_question: String,
    pub stranded_refuse: String,
    pub stranded_cancel: String,
    pub managers_only: String,
    pub error_hours: String,
    pub error_capacity: String,
    pub form_has_problems: String,
    pub stranded_heading: String,
    pub stranded_one: String,
    pub stranded_hint: String,
    pub notice_saved: String,
    pub notice_saved_cancelled: String,
    pub services_heading: String,
    pub services_hint: String,
    pub col_offered: String,
    pub col_lead: String,
    pub col_horizon: String,
    pub offered_label: String,
    pub slot_label: String,
    pub lead_label: String,
    pub horizon_label: String,
    pub error_slot: String,
    pub error_lead: String,
    pub error_horizon: String,
    pub link_heading: String,
    pub link_hint: String,
    pub link_label: String,
    pub link_button: String,
    pub notice_link_saved: String,
    pub staff_links_heading: String,
    pub staff_links_hint: String,
    pub staff_link_member: String,
    pub staff_link_choose: String,
    pub staff_link_choose_error: String,
    pub staff_link_label: String,
    pub col_staff_member: String,
    pub col_staff_link: String,
    pub no_staff_link: String,
    pub notice_staff_link_saved: String,
    pub error_link: String,
}

/// Strings of the admins' centers page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CenterSetupStrings {
    pub nav: String,
    pub heading: String,
    pub intro: String,
    pub admins_only: String,
    pub col_name: String,
    pub col_short_name: String,
    pub col_zone: String,
    pub col_state: String,
    pub col_actions: String,
    pub state_open: String,
    pub state_retired: String,
    pub edit: String,
    pub edit_label: String,
    pub hours_link: String,
    pub hours_link_label: String,
    pub add_heading: String,
    pub edit_heading: String,
    pub short_name_label: String,
    pub short_name_hint: String,
    pub name_label: String,
    pub address_label: String,
    pub address_hint: String,
    pub phone_label: String,
    pub email_label: String,
    pub optional_hint: String,
    pub zone_label: String,
    pub zone_hint: String,
    pub add_button: String,
    pub save_button: String,
    pub cancel_edit: String,
    pub error_short_name: String,
    pub error_short_name_taken: String,
    pub error_name: String,
    pub error_address: String,
    pub error_phone: String,
    pub error_email: String,
    pub error_zone: String,
    pub form_has_problems: String,
    pub zone_stranded_question: String,
    pub retire_heading: String,
    pub retire_intro: String,
    pub retire_stranded_question: String,
    pub retire_button: String,
    pub restore_heading: String,
    pub restore_button: String,
    pub log_heading: String,
    pub log_none: String,
    pub col_when: String,
    pub col_who: String,
    pub col_subject: String,
    pub col_change: String,
    pub notice_created: String,
    pub notice_saved: String,
    pub notice_saved_cancelled: String,
    pub notice_retired: String,
    pub notice_retired_cancelled: String,
    pub notice_restored: String,
    pub error_sessions_ahead: String,
}

/// Strings about personal data: deleting one's details, and the managers' "Data we
/// keep" page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyStrings {
    pub erase_heading: String,
    pub erase_body: String,
    pub erase_button: String,
    pub erased_heading: String,
    pub erased_body: String,
    pub back_home: String,
    pub nav: String,
    pub heading: String,
    pub intro: String,
    pub col_what: String,
    pub col_kept: String,
    pub col_until: String,
    pub row_visits: String,
    pub row_visits_fields: String,
    pub row_visits_until: String,
    pub row_bookings: String,
    pub row_bookings_fields: String,
    pub row_bookings_until: String,
    pub row_enrolments: String,
    pub row_enrolments_fields: String,
    pub row_enrolments_until: String,
    pub row_mail: String,
    pub row_mail_fields: String,
    pub row_mail_until: String,
    pub row_audit: String,
    pub row_audit_fields: String,
    pub row_audit_until: String,
    pub row_sign_in: String,
    pub row_sign_in_fields: String,
    pub row_sign_in_until: String,
    pub row_staff: String,
    pub row_staff_fields: String,
    pub row_staff_until: String,
    pub last_run: String,
    pub never_run: String,
    pub next_run: String,
}

/// Strings of the managers' page for closures at every center.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyClosureStrings {
    pub link: String,
    pub title: String,
    pub intro: String,
    pub day_heading: String,
    pub close_button: String,
    pub import_heading: String,
    pub import_hint: String,
    pub file_label: String,
    pub read_button: String,
    pub preview_heading: String,
    pub preview_notes: String,
    pub add_button: String,
    pub error_not_a_calendar: String,
    pub error_too_large: String,
    pub error_too_many: String,
    pub error_nothing: String,
    pub notice_closed: String,
    pub notice_closed_cancelled: String,
}

/// The admins' agency settings page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencySettingsStrings {
    pub nav: String,
    pub heading: String,
    pub intro: String,
    pub admins_only: String,
    pub names_heading: String,
    pub name_label: String,
    pub name_hint: String,
    pub public_name_label: String,
    pub public_name_hint: String,
    pub phones_heading: String,
    pub language_line_label: String,
    pub language_line_hint: String,
    pub handoffs_heading: String,
    pub registration_url_label: String,
    pub job_listings_url_label: String,
    pub training_url_label: String,
    pub url_hint: String,
    pub retention_heading: String,
    pub retention_label: String,
    pub retention_hint: String,
    pub save_button: String,
    pub error_name: String,
    pub error_public_name: String,
    pub error_phone: String,
    pub error_url: String,
    pub error_retention: String,
    pub form_has_problems: String,
    pub notice_saved: String,
    pub notice_unchanged: String,
    pub log_heading: String,
}

/// The admins' visit reasons page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonSetupStrings {
    pub nav: String,
    pub heading: String,
    pub admins_only: String,
    pub intro: String,
    pub none_yet: String,
    pub col_reason: String,
    pub col_code: String,
    pub col_properties: String,
    pub col_actions: String,
    pub elsewhere_badge: String,
    pub team_badge: String,
    pub hidden_badge: String,
    pub move_up: String,
    pub move_up_label: String,
    pub move_down: String,
    pub move_down_label: String,
    pub hide: String,
    pub hide_label: String,
    pub show: String,
    pub show_label: String,
    pub edit: String,
    pub edit_label: String,
    pub add_heading: String,
    pub edit_heading: String,
    pub texts_legend: String,
    pub name_label: String,
    pub hint_label: String,
    pub notice_label: String,
    pub notice_hint: String,
    pub code_label: String,
    pub code_hint: String,
    pub code_fixed: String,
    pub properties_legend: String,
    pub elsewhere_label: String,
    pub elsewhere_hint: String,
    pub phones_label: String,
    pub phones_hint: String,
    pub team_label: String,
    pub team_hint: String,
    pub add_button: String,
    pub save_button: String,
    pub back: String,
    pub notice_added: String,
    pub notice_saved: String,
    pub notice_unchanged: String,
    pub notice_hidden: String,
    pub notice_shown: String,
    pub notice_moved: String,
    pub form_has_problems: String,
    pub error_code: String,
    pub error_name: String,
    pub error_hint: String,
    pub error_notice: String,
    pub error_phones: String,
    pub error_team: String,
    pub log_heading: String,
    pub error_too_many: String,
}

/// The admins' appointment services page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceSetupStrings {
    pub nav: String,
    pub heading: String,
    pub admins_only: String,
    pub intro: String,
    pub none_yet: String,
    pub col_service: String,
    pub col_code: String,
    pub col_held: String,
    pub col_actions: String,
    pub hidden_badge: String,
    pub arrival_badge: String,
    pub move_up: String,
    pub move_up_label: String,
    pub move_down: String,
    pub move_down_label: String,
    pub hide: String,
    pub hide_label: String,
    pub show: String,
    pub show_label: String,
    pub edit: String,
    pub edit_label: String,
    pub add_heading: String,
    pub edit_heading: String,
    pub texts_legend: String,
    pub name_label: String,
    pub hint_label: String,
    pub code_label: String,
    pub code_hint: String,
    pub code_fixed: String,
    pub held_legend: String,
    pub held_hint: String,
    pub held_in_person: String,
    pub held_phone: String,
    pub held_video: String,
    pub arrival_label: String,
    pub arrival_none: String,
    pub add_button: String,
    pub save_button: String,
    pub back: String,
    pub notice_added: String,
    pub notice_saved: String,
    pub notice_unchanged: String,
    pub notice_hidden: String,
    pub notice_shown: String,
    pub notice_moved: String,
    pub form_has_problems: String,
    pub error_code: String,
    pub error_name: String,
    pub error_hint: String,
    pub error_held: String,
    pub error_arrival: String,
    pub log_heading: String,
    pub error_too_many: String,
}
