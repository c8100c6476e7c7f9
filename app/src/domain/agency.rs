//! The agency's own facts, as its admins set them: the name it signs with, the name
//! visitors know it by, the Language Access Line every visitor screen shows, the addresses
//! the hand-offs point to, and how long personal data is kept. The rules that decide
//! whether typed settings are acceptable live here; the page only shows the answer.

use super::center_setup::describe_fields;
use super::contact_details::{display_phone, parse_phone, ContactError};
use super::free_text::parse_required;
use super::retention::RETENTION_DAYS;
use super::web_address::parse_web_address;
use serde::{Deserialize, Serialize};

/// Longest agency name and public name an admin may type.
pub const AGENCY_NAME_MAX: usize = 80;
pub const PUBLIC_NAME_MAX: usize = 40;
/// Longest name of the area chosen in the training library's sign-up.
pub const TRAINING_AREA_MAX: usize = 40;

/// The setup log's subject for changes of the agency settings.
pub const SETUP_SUBJECT: &str = "agency settings";

/// The agency's settings, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// The full name emails are signed with ("WorkSource Portland Metro").
    pub name: String,
    /// The short name visitors know, put before a center's name ("WorkSource Gresham")
    /// and into running text ("Welcome to WorkSource").
    pub public_name: String,
    /// The Language Access Line as `parse_phone` keeps it; empty: none is shown.
    pub language_line: String,
    /// Where visitors register for job-seeker services (iMatchSkills / My WorkSource).
    pub registration_url: String,
    /// Where visitors find job listings.
    pub job_listings_url: String,
    /// The online training library (Metrix Learning).
    pub training_url: String,
    /// The area a participant chooses in their account for the training library to show
    /// ("Portland Metro"); empty: no tip is given.
    pub training_area: String,
    /// Days after a visit, appointment or workshop session ends before everything
    /// personal about it is erased.
    pub retention_days: u32,
}

impl Default for Agency {
    /// What a new database holds (the migration's row): the agency this product was made
    /// for, which another agency renames on its settings page.
    fn default() -> Self {
        Agency {
            name: "WorkSource Portland Metro".to_owned(),
            public_name: "WorkSource".to_owned(),
            language_line: "8336850845".to_owned(),
            registration_url: String::new(),
            job_listings_url: String::new(),
            training_url: String::new(),
            training_area: String::new(),
            retention_days: 30,
        }
    }
}

impl Agency {
    /// The Language Access Line as people write it, or `None` when the agency has none.
    pub fn language_line_shown(&self) -> Option<String> {
        (!self.language_line.is_empty()).then(|| display_phone(&self.language_line))
    }

    /// The settings as the form shows them.
    pub fn typed(&self) -> TypedAgency {
        TypedAgency {
            name: self.name.clone(),
            public_name: self.public_name.clone(),
            language_line: self.language_line_shown().unwrap_or_default(),
            registration_url: self.registration_url.clone(),
            job_listings_url: self.job_listings_url.clone(),
            training_url: self.training_url.clone(),
            training_area: self.training_area.clone(),
            retention_days: self.retention_days.to_string(),
        }
    }
}

/// The settings as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypedAgency {
    pub name: String,
    pub public_name: String,
    pub language_line: String,
    pub registration_url: String,
    pub job_listings_url: String,
    pub training_url: String,
    pub training_area: String,
    pub retention_days: String,
}

/// A field of the settings form that was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgencyField {
    Name,
    PublicName,
    LanguageLine,
    RegistrationUrl,
    JobListingsUrl,
    TrainingUrl,
    TrainingArea,
    RetentionDays,
}

/// Checks every field: both names are required; the phone and the (https) addresses may
/// be empty but must be valid when given; the retention period is a whole number of days in
/// `RETENTION_DAYS`. Every refused field is named, so the form marks them all.
pub fn check_agency(typed: &TypedAgency) -> Result<Agency, Vec<AgencyField>> {
    let mut refused = Vec::new();
    let mut check = |field, result: Option<String>| {
        if result.is_none() {
            refused.push(field);
        }
        result.unwrap_or_default()
    };
    // Braces would read as placeholders where the names are put into sentences.
    let plain = |raw: &str, max| {
        parse_required(raw, max)
            .ok()
            .filter(|s| !s.contains(['{', '}']))
    };
    let name = check(AgencyField::Name, plain(&typed.name, AGENCY_NAME_MAX));
    let public_name = check(
        AgencyField::PublicName,
        plain(&typed.public_name, PUBLIC_NAME_MAX),
    );
    let language_line = check(
        AgencyField::LanguageLine,
        match parse_phone(&typed.language_line) {
            Ok(digits) => Some(digits),
            Err(ContactError::Empty) => Some(String::new()),
            Err(_) => None,
        },
    );
    let address = |raw: &str| match raw.trim() {
        "" => Some(String::new()),
        // Visitors are sent there from a public screen: never over plain http.
        _ => parse_web_address(raw).filter(|url| url.starts_with("https://")),
    };
    let registration_url = check(
        AgencyField::RegistrationUrl,
        address(&typed.registration_url),
    );
    let job_listings_url = check(
        AgencyField::JobListingsUrl,
        address(&typed.job_listings_url),
    );
    let training_url = check(AgencyField::TrainingUrl, address(&typed.training_url));
    let training_area = check(
        AgencyField::TrainingArea,
        match typed.training_area.trim() {
            "" => Some(String::new()),
            area => plain(area, TRAINING_AREA_MAX),
        },
    );
    let retention_days = typed
        .retention_days
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|days| RETENTION_DAYS.contains(days));
    if retention_days.is_none() {
        refused.push(AgencyField::RetentionDays);
    }
    match retention_days {
        Some(retention_days) if refused.is_empty() => Ok(Agency {
            name,
            public_name,
            language_line,
            registration_url,
            job_listings_url,
            training_url,
            training_area,
            retention_days,
        }),
        _ => Err(refused),
    }
}

/// What a save changed, in plain words for the setup log ("Language Access Line:
/// “8336850845” → “5035551234”; training address removed"); empty when nothing changed.
pub fn describe_change(before: &Agency, after: &Agency) -> String {
    let (days_before, days_after) = (
        before.retention_days.to_string(),
        after.retention_days.to_string(),
    );
    describe_fields(&[
        ("name", &before.name, &after.name),
        ("public name", &before.public_name, &after.public_name),
        (
            "Language Access Line",
            &before.language_line,
            &after.language_line,
        ),
        (
            "registration address",
            &before.registration_url,
            &after.registration_url,
        ),
        (
            "job listings address",
            &before.job_listings_url,
            &after.job_listings_url,
        ),
        (
            "training address",
            &before.training_url,
            &after.training_url,
        ),
        ("training area", &before.training_area, &after.training_area),
        ("days data is kept", &days_before, &days_after),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> TypedAgency {
        TypedAgency {
            name: " WorkSource Columbia Gorge ".into(),
            public_name: "WorkSource".into(),
            language_line: "(541) 386-4110".into(),
            registration_url: "https://example.org/register".into(),
            job_listings_url: "".into(),
            training_url: " https://training.example.org ".into(),
            training_area: " Columbia Gorge ".into(),
            retention_days: " 90 ".into(),
        }
    }

    #[test]
    fn good_settings_are_tidied() {
        let agency = check_agency(&typed()).unwrap();
        assert_eq!(agency.name, "WorkSource Columbia Gorge");
        assert_eq!(agency.language_line, "5413864110");
        assert_eq!(agency.job_listings_url, "");
        assert_eq!(agency.training_url, "https://training.example.org");
        assert_eq!(agency.training_area, "Columbia Gorge");
        assert_eq!(agency.retention_days, 90);
        assert_eq!(
            agency.language_line_shown().as_deref(),
            Some("(541) 386-4110")
        );
    }

    #[test]
    fn the_form_shows_what_was_saved_and_saving_it_again_changes_nothing() {
        let agency = check_agency(&typed()).unwrap();
        let again = check_agency(&agency.typed()).unwrap();
        assert_eq!(again, agency);
        assert_eq!(describe_change(&agency, &again), "");
    }

    #[test]
    fn every_refused_field_is_named() {
        let bad = TypedAgency {
            name: " ".into(),
            public_name: "{center}".into(),
            language_line: "call us".into(),
            registration_url: "javascript:alert(1)".into(),
            job_listings_url: "http://jobs.example.org".into(),
            training_url: "https://a b".into(),
            training_area: "{agency} Metro".into(),
            retention_days: "0".into(),
        };
        assert_eq!(
            check_agency(&bad),
            Err(vec![
                AgencyField::Name,
                AgencyField::PublicName,
                AgencyField::LanguageLine,
                AgencyField::RegistrationUrl,
                AgencyField::JobListingsUrl,
                AgencyField::TrainingUrl,
                AgencyField::TrainingArea,
                AgencyField::RetentionDays,
            ])
        );
    }

    #[test]
    fn names_are_required_short_and_without_braces() {
        for (name, public_name, ok) in [
            ("Gorge Works", "Gorge Works", true),
            ("x".repeat(AGENCY_NAME_MAX).as_str(), "G", true),
            ("x".repeat(AGENCY_NAME_MAX + 1).as_str(), "G", false),
            (
                "Gorge Works",
                "x".repeat(PUBLIC_NAME_MAX + 1).as_str(),
                false,
            ),
            ("Gorge {date} Works", "Gorge", false),
            ("Gorge Works", "}", false),
        ] {
            let form = TypedAgency {
                name: name.into(),
                public_name: public_name.into(),
                ..typed()
            };
            assert_eq!(check_agency(&form).is_ok(), ok, "{name} / {public_name}");
        }
    }

    #[test]
    fn the_retention_period_is_whole_days_within_ten_years() {
        for (days, ok) in [
            ("7", true),
            ("6", false),
            ("3650", true),
            ("3651", false),
            ("-5", false),
            ("30.5", false),
            ("", false),
            ("99999999999", false),
        ] {
            let form = TypedAgency {
                retention_days: days.into(),
                ..typed()
            };
            assert_eq!(check_agency(&form).is_ok(), ok, "{days}");
        }
    }

    #[test]
    fn the_language_line_may_be_left_out_and_is_then_not_shown() {
        let form = TypedAgency {
            language_line: " ".into(),
            ..typed()
        };
        let agency = check_agency(&form).unwrap();
        assert_eq!(agency.language_line_shown(), None);
    }

    #[test]
    fn changes_are_described_field_by_field() {
        let before = Agency::default();
        let after = Agency {
            language_line: "5035551234".into(),
            training_url: "https://t.example.org".into(),
            retention_days: 60,
            ..Agency::default()
        };
        assert_eq!(
            describe_change(&before, &after),
            "Language Access Line: “8336850845” → “5035551234”; training address: \
             “https://t.example.org”; days data is kept: “30” → “60”"
        );
        assert_eq!(
            describe_change(&after, &before),
            "Language Access Line: “5035551234” → “8336850845”; training address removed; \
             days data is kept: “60” → “30”"
        );
    }
}
