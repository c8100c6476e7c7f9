//! The appointment services a participant can book from home, from the WorkSource
//! Portland Metro service description.

use serde::{Deserialize, Serialize};

/// One bookable service. Stored in the database by its `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    RegistrationHelp,
    CareerCoaching,
    ResumeReview,
    /// Scholarships and training with the SkillsTeam.
    SkillsTeam,
    InterviewPractice,
}

impl Service {
    /// Every service, in the order the booking page lists them.
    pub const ALL: [Service; 5] = [
        Service::RegistrationHelp,
        Service::CareerCoaching,
        Service::ResumeReview,
        Service::SkillsTeam,
        Service::InterviewPractice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Service::RegistrationHelp => "registration_help",
            Service::CareerCoaching => "career_coaching",
            Service::ResumeReview => "resume_review",
            Service::SkillsTeam => "skills_team",
            Service::InterviewPractice => "interview_practice",
        }
    }

    pub fn from_code(code: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The code of the reason an arrived appointment shows with in the staff queue (one
    /// of the WorkSource reasons; a code the agency does not have is shown as itself).
    pub fn visit_reason(self) -> &'static str {
        match self {
            Service::RegistrationHelp => "register",
            Service::CareerCoaching => "job_coaching",
            Service::ResumeReview => "resume_review",
            Service::SkillsTeam => "training_scholarships",
            Service::InterviewPractice => "interview_practice",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_is_none() {
        for s in Service::ALL {
            assert_eq!(Service::from_code(s.code()), Some(s));
        }
        assert_eq!(Service::from_code("unemployment"), None);
    }
}
