//! The reasons for a visit from the WorkSource Portland Metro service descriptions, in
//! the order the agency lists them, named in every language the product offers. The demo
//! adds them through the admins' own code, and an install from before reasons were data
//! gets them once, so its past visits keep their names.
//!
//! The names use the words of each language's glossary (`locales/glossary/`) and visitor
//! strings, so a button says what the screens around it say. "Something else" must stay
//! the same words as `kiosk.error_only_elsewhere`, which points the visitor to it.

use super::locale::Locale;
use super::visit_reason::{ReasonDetails, ReasonText};

/// The reason of a visitor who came to register with the agency: their ticket shows where
/// to start while waiting (the agency's registration address), if the agency set one.
pub const REGISTRATION_REASON: &str = "register";

/// One text in every language, in `Locale::ALL` order. An array of that length, so a
/// reason that misses a language (or a language added later) does not compile.
type Texts = [&'static str; Locale::ALL.len()];

/// (code, name). No hints: with fourteen reasons the kiosk's screen is full, and a visitor
/// must never have to scroll.
const REASONS: [(&str, Texts); 14] = [
    (
        "register",
        [
            "Register with WorkSource",
            "Inscribirme en WorkSource",
            "Đăng ký với WorkSource",
            "在 WorkSource 注册",
            "Зарегистрироваться в WorkSource",
            "Isku diiwaangeli WorkSource",
            "التسجيل لدى WorkSource",
        ],
    ),
    (
        "job_search",
        [
            "Help finding a job",
            "Ayuda para buscar empleo",
            "Giúp tìm việc làm",
            "帮忙找工作",
            "Помощь в поиске работы",
            "Caawimaad shaqo raadis",
            "المساعدة في البحث عن عمل",
        ],
    ),
    (
        "job_coaching",
        [
            "Job coaching",
            "Orientación laboral",
            "Tư vấn việc làm",
            "就业辅导",
            "Консультация по трудоустройству",
            "La-talinta shaqada",
            "الإرشاد الوظيفي",
        ],
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
    ),
    (
        "job_referrals",
        [
            "Job referrals",
            "Referencias de empleo",
            "Giới thiệu việc làm",
            "推荐工作",
            "Направления на работу",
            "U gudbinta shaqooyinka",
            "الإحالة إلى الوظائف",
        ],
    ),
    (
        "resource_referrals",
        [
            "Referrals to other help",
            "Referencias a otros servicios",
            "Giới thiệu nơi giúp đỡ khác",
            "介绍其他服务",
            "Где ещё получить помощь",
            "U gudbinta caawimo kale",
            "الإحالة إلى جهات مساعدة أخرى",
        ],
    ),
    (
        "training_scholarships",
        [
            "Training and scholarships",
            "Capacitación y becas",
            "Học nghề và học bổng",
            "培训和奖学金",
            "Обучение и стипендии",
            "Tababar xirfadeed iyo deeq waxbarasho",
            "التدريب والمنح الدراسية",
        ],
    ),
    (
        "workshops",
        [
            "Workshops",
            "Talleres",
            "Lớp học",
            "讲座",
            "Семинары",
            "Tababarro",
            "ورش العمل",
        ],
    ),
    (
        "resource_room",
        [
            "Use a computer, printer, fax or phone",
            "Usar computadora, impresora, fax o teléfono",
            "Dùng máy tính, máy in, máy fax hoặc điện thoại",
            "使用电脑、打印机、传真机或电话",
            // Russian's verb ("воспользоваться") would make the button twice as long.
            "Компьютер, принтер, факс или телефон",
            "Isticmaal kombiyuutar, daabace, fakis ama taleefoon",
            "استخدام الكمبيوتر أو الطابعة أو الفاكس أو الهاتف",
        ],
    ),
    (
        "career_readiness_certificate",
        [
            "National Career Readiness Certificate",
            "Certificado Nacional de Preparación Profesional",
            "Chứng chỉ Sẵn sàng Nghề nghiệp Quốc gia",
            "全国职业准备证书",
            // Kept to two lines of a kiosk button, as every reason must be.
            "Сертификат готовности к работе (NCRC)",
            "Shahaadada Qaranka ee Diyaargarowga Shaqada",
            "الشهادة الوطنية للجاهزية المهنية",
        ],
    ),
    (
        "snap_step",
        [
            "SNAP Training and Employment (STEP)",
            "Programa de Empleo y Capacitación de SNAP (STEP)",
            "Chương trình Học nghề và Việc làm SNAP (STEP)",
            "SNAP 培训和就业项目（STEP）",
            "SNAP STEP: обучение и работа",
            "Barnaamijka Tababarka iyo Shaqada SNAP (STEP)",
            "برنامج SNAP للتدريب والتوظيف (STEP)",
        ],
    ),
    (
        "unemployment_insurance",
        [
            "Unemployment Insurance",
            "Seguro de desempleo",
            "Bảo hiểm thất nghiệp",
            "失业保险",
            // What Russian speakers call it; the insurance's own name is not a household word.
            "Пособие по безработице",
            "Caymiska shaqo la'aanta",
            "تأمين البطالة",
        ],
    ),
    (
        "something_else",
        [
            "Something else",
            "Otra cosa",
            "Việc khác",
            "其他",
            "Другое",
            "Wax kale",
            "شيء آخر",
        ],
    ),
];

/// What the kiosk tells a visitor who chooses Unemployment Insurance. (The Chinese line ends
/// without a space: Chinese puts none after "。".)
const UI_NOTICE: Texts = [
    "Unemployment Insurance is handled by the Oregon Employment Department. \
     WorkSource cannot file or change an unemployment claim.",
    "El seguro de desempleo lo atiende el Departamento de Empleo de Oregón. \
     WorkSource no puede presentar ni cambiar una solicitud de desempleo.",
    "Bảo hiểm thất nghiệp do Sở Việc làm Oregon phụ trách. \
     WorkSource không thể nộp hoặc thay đổi hồ sơ xin trợ cấp thất nghiệp.",
    "失业保险由俄勒冈州就业厅负责。\
     WorkSource 不能替您提交或更改失业金申请。",
    "Пособием по безработице занимается Департамент занятости штата Орегон. \
     WorkSource не может подать или изменить Ваше заявление на пособие.",
    "Caymiska shaqo la'aanta waxaa maamusha Waaxda Shaqaalaynta ee Oregon. \
     WorkSource ma gudbin karto, mana beddeli karto codsiga shaqo la'aanta.",
    "إدارة التوظيف في ولاية أوريغون هي المسؤولة عن تأمين البطالة. \
     لا يستطيع مكتب WorkSource تقديم طلب إعانة البطالة أو تغييره.",
];

/// The Oregon Employment Department's numbers.
const UI_PHONES: [&str; 2] = ["5032922057", "8773453484"];

/// Every reason, in order, with its details.
pub fn worksource_reasons() -> Vec<(&'static str, ReasonDetails)> {
    REASONS
        .iter()
        .map(|&(code, names)| {
            let elsewhere = code == "unemployment_insurance";
            let texts = Locale::ALL
                .into_iter()
                .zip(names)
                .zip(UI_NOTICE)
                .map(|((locale, name), notice)| {
                    let text = ReasonText {
                        name: name.to_owned(),
                        hint: String::new(),
                        // Only a reason another office handles sends the visitor there.
                        notice: if elsewhere {
                            notice.to_owned()
                        } else {
                            String::new()
                        },
                    };
                    (locale, text)
                })
                .collect();
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
                texts,
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
