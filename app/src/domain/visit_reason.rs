//! Why a walk-in visitor came: the list from the WorkSource service descriptions.

use serde::{Deserialize, Serialize};

/// A reason for a visit. Stored in the database by its `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitReason {
    Register,
    JobSearch,
    JobCoaching,
    ResumeReview,
    InterviewPractice,
    JobReferrals,
    ResourceReferrals,
    TrainingScholarships,
    Workshops,
    ResourceRoom,
    CareerReadinessCertificate,
    SnapStep,
    UnemploymentInsurance,
    SomethingElse,
}

impl VisitReason {
    /// Every reason, in the order the kiosk lists them.
    pub const ALL: [VisitReason; 14] = [
        VisitReason::Register,
        VisitReason::JobSearch,
        VisitReason::JobCoaching,
        VisitReason::ResumeReview,
        VisitReason::InterviewPractice,
        VisitReason::JobReferrals,
        VisitReason::ResourceReferrals,
        VisitReason::TrainingScholarships,
        VisitReason::Workshops,
        VisitReason::ResourceRoom,
        VisitReason::CareerReadinessCertificate,
        VisitReason::SnapStep,
        VisitReason::UnemploymentInsurance,
        VisitReason::SomethingElse,
    ];

    /// Stable code used in the database, URLs and translation files.
    pub fn code(self) -> &'static str {
        match self {
            VisitReason::Register => "register",
            VisitReason::JobSearch => "job_search",
            VisitReason::JobCoaching => "job_coaching",
            VisitReason::ResumeReview => "resume_review",
            VisitReason::InterviewPractice => "interview_practice",
            VisitReason::JobReferrals => "job_referrals",
            VisitReason::ResourceReferrals => "resource_referrals",
            VisitReason::TrainingScholarships => "training_scholarships",
            VisitReason::Workshops => "workshops",
            VisitReason::ResourceRoom => "resource_room",
            VisitReason::CareerReadinessCertificate => "career_readiness_certificate",
            VisitReason::SnapStep => "snap_step",
            VisitReason::UnemploymentInsurance => "unemployment_insurance",
            VisitReason::SomethingElse => "something_else",
        }
    }

    pub fn from_code(code: &str) -> Option<VisitReason> {
        VisitReason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Unemployment Insurance is run by the Oregon Employment Department, not WorkSource:
    /// the kiosk explains that and points to their phone numbers.
    pub fn is_handled_elsewhere(self) -> bool {
        self == VisitReason::UnemploymentInsurance
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for reason in VisitReason::ALL {
            assert_eq!(VisitReason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(VisitReason::from_code("nonsense"), None);
    }

    #[test]
    fn serde_name_equals_code() {
        for reason in VisitReason::ALL {
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.code()));
        }
    }

    #[test]
    fn only_unemployment_insurance_is_handled_elsewhere() {
        let elsewhere: Vec<_> = VisitReason::ALL
            .into_iter()
            .filter(|r| r.is_handled_elsewhere())
            .collect();
        assert_eq!(elsewhere, vec![VisitReason::UnemploymentInsurance]);
    }
}
