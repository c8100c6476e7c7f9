//! The reasons for a visit from the WorkSource Portland Metro service descriptions, in
//! the order the agency lists them, named in every language the product offers. The demo
//! adds them through the admins' own code, and an install from before reasons were data
//! gets them once, so its past visits keep their names.

use super::locale::Locale;
use super::visit_reason::{ReasonDetails, ReasonText};

/// (code, English name, Spanish name). No hints: with fourteen reasons the kiosk's screen
/// is full, and a visitor must never have to scroll.
const REASONS: [(&str, &str, &str); 14] = [
    (
        "register",
        "Register with WorkSource",
        "Inscribirme en WorkSource",
    ),
    (
        "job_search",
        "Help finding a job",
        "Ayuda para buscar empleo",
    ),
    ("job_coaching", "Job coaching", "Orientación laboral"),
    ("resume_review", "Resume review", "Revisión de currículum"),
    (
        "interview_practice",
        "Interview practice",
        "Práctica de entrevistas",
    ),
    ("job_referrals", "Job referrals", "Referencias de empleo"),
    (
        "resource_referrals",
        "Referrals to other help",
        "Referencias a otros servicios",
    ),
    (
        "training_scholarships",
        "Training and scholarships",
        "Capacitación y becas",
    ),
    ("workshops", "Workshops", "Talleres"),
    (
        "resource_room",
        "Use a computer, printer, fax or phone",
        "Usar computadora, impresora, fax o teléfono",
    ),
    (
        "career_readiness_certificate",
        "National Career Readiness Certificate",
        "Certificado Nacional de Preparación Profesional",
    ),
    (
        "snap_step",
        "SNAP Training and Employment (STEP)",
        "Programa de Empleo y Capacitación de SNAP (STEP)",
    ),
    (
        "unemployment_insurance",
        "Unemployment Insurance",
        "Seguro de desempleo",
    ),
    ("something_else", "Something else", "Otra cosa"),
];

/// What the kiosk tells a visitor who chooses Unemployment Insurance.
const UI_NOTICE: [(Locale, &str); 2] = [
    (
        Locale::En,
        "Unemployment Insurance is handled by the Oregon Employment Department. \
         WorkSource cannot file or change an unemployment claim.",
    ),
    (
        Locale::Es,
        "El seguro de desempleo lo atiende el Departamento de Empleo de Oregón. \
         WorkSource no puede presentar ni cambiar una solicitud de desempleo.",
    ),
];

/// The Oregon Employment Department's numbers.
const UI_PHONES: [&str; 2] = ["5032922057", "8773453484"];

/// Every reason, in order, with its details.
pub fn worksource_reasons() -> Vec<(&'static str, ReasonDetails)> {
    REASONS
        .iter()
        .map(|&(code, en, es)| {
            let elsewhere = code == "unemployment_insurance";
            let notice = |locale| {
                let found = UI_NOTICE.iter().find(|(l, _)| *l == locale);
                match (elsewhere, found) {
                    (true, Some((_, notice))) => (*notice).to_owned(),
                    _ => String::new(),
                }
            };
            let text = |locale, name: &str| ReasonText {
                name: name.to_owned(),
                hint: String::new(),
                notice: notice(locale),
            };
            let details = ReasonDetails {
                handled_elsewhere: elsewhere,
                phones: if elsewhere {
                    UI_PHONES.map(str::to_owned).to_vec()
                } else {
                    Vec::new()
                },
                team: if code == "training_scholarships" {
                    "SkillsTeam".to_owned()
                } else {
                    String::new()
                },
                texts: [
                    (Locale::En, text(Locale::En, en)),
                    (Locale::Es, text(Locale::Es, es)),
                ]
                .into_iter()
                .collect(),
            };
            (code, details)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reason_setup::check_reason;

    #[test]
    fn every_seed_reason_meets_the_admins_rules_in_every_language() {
        let reasons = worksource_reasons();
        assert_eq!(reasons.len(), 14);
        for (code, details) in reasons {
            let (checked_code, checked) = check_reason(&details.typed(code), true)
                .unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert_eq!(checked_code, code);
            assert_eq!(checked, details, "{code}");
            assert!(Locale::ALL.iter().all(|l| details.texts.contains_key(l)));
        }
    }

    #[test]
    fn only_unemployment_insurance_is_handled_elsewhere() {
        let elsewhere: Vec<&str> = worksource_reasons()
            .into_iter()
            .filter(|(_, d)| d.handled_elsewhere)
            .map(|(code, _)| code)
            .collect();
        assert_eq!(elsewhere, ["unemployment_insurance"]);
    }
}
