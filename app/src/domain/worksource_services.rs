//! The appointment services the WorkSource Portland Metro demo offers, in the order the
//! booking page lists them, named in every language the product offers, with how each is
//! held and the visit reason an arrival joins the queue with. The demo adds them through
//! the admins' own code, and an install from before services were data gets them once,
//! so its bookings keep their names.
//!
//! Where a service and a visit reason have the same English name, they have the same name
//! in every language, so a visitor who booked one recognises it on the kiosk.

use super::locale::Locale;
use super::service::{HowHeld, ServiceDetails, ServiceText};

/// One name in every language, in `Locale::ALL` order. An array of that length, so a
/// service that misses a language (or a language added later) does not compile.
type Names = [&'static str; Locale::ALL.len()];

/// (code, name, arrival reason, ways held).
type Seed = (&'static str, Names, &'static str, &'static [HowHeld]);

const SERVICES: [Seed; 5] = [
    (
        "registration_help",
        [
            "Help registering with WorkSource",
            "Ayuda para registrarse en WorkSource",
            "Giúp đăng ký với WorkSource",
            "帮您在 WorkSource 注册",
            "Помощь с регистрацией в WorkSource",
            "Caawimaad isku diiwaangelinta WorkSource",
            "المساعدة في التسجيل لدى WorkSource",
        ],
        "register",
        &[HowHeld::Phone],
    ),
    (
        "career_coaching",
        [
            "Career coaching",
            "Orientación profesional",
            "Tư vấn nghề nghiệp",
            "职业辅导",
            "Консультация по карьере",
            "La-talin xirfadeed",
            "الإرشاد المهني",
        ],
        "job_coaching",
        &[HowHeld::Phone, HowHeld::Video],
    ),
    (
        "resume_review",
        [
            "Resume review",
            "Revisión de currículum",
            "Xem lại sơ yếu lý lịch (résumé)",
            "简历修改",
            "Проверка резюме",
            "Dib-u-eegista CV-ga",
            "مراجعة السيرة الذاتية",
        ],
        "resume_review",
        &[HowHeld::Video],
    ),
    (
        "skills_team",
        [
            "Scholarships and training (SkillsTeam)",
            "Becas y capacitación (SkillsTeam)",
            "Học bổng và học nghề (SkillsTeam)",
            "奖学金和培训（SkillsTeam）",
            "Стипендии и обучение (SkillsTeam)",
            "Deeq waxbarasho iyo tababar xirfadeed (SkillsTeam)",
            "المنح الدراسية والتدريب (SkillsTeam)",
        ],
        "training_scholarships",
        &[HowHeld::InPerson],
    ),
    (
        "interview_practice",
        [
            "Interview practice",
            "Práctica de entrevistas",
            "Tập phỏng vấn xin việc",
            "面试练习",
            "Подготовка к собеседованию",
            "Layli wareysiga shaqada",
            "التدرّب على مقابلة العمل",
        ],
        "interview_practice",
        &[HowHeld::Phone, HowHeld::Video],
    ),
];

/// Every service, in order, with its details.
pub fn worksource_services() -> Vec<(&'static str, ServiceDetails)> {
    SERVICES
        .iter()
        .map(|&(code, names, arrival_reason, held)| {
            let text = |name: &str| ServiceText {
                name: name.to_owned(),
                hint: String::new(),
            };
            let details = ServiceDetails {
                held: held.to_vec(),
                arrival_reason: arrival_reason.to_owned(),
                texts: Locale::ALL
                    .into_iter()
                    .zip(names)
                    .map(|(locale, name)| (locale, text(name)))
                    .collect(),
            };
            (code, details)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::service_setup::check_service;
    use crate::domain::worksource_reasons::worksource_reasons;

    #[test]
    fn every_seed_service_meets_the_admins_rules_and_arrives_with_a_seed_reason() {
        let reasons: Vec<String> = worksource_reasons()
            .into_iter()
            .map(|(code, _)| code.to_owned())
            .collect();
        for (code, details) in worksource_services() {
            let (checked_code, checked) = check_service(&details.typed(code), true, &reasons)
                .unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert_eq!(checked_code, code);
            assert_eq!(checked, details, "{code}");
            assert!(Locale::ALL.iter().all(|l| details.texts.contains_key(l)));
        }
    }
}
