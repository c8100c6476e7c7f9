//! Why a walk-in visitor came. The reasons are the agency's own data: admins add them,
//! name them in every language, order and hide them. A visit stores the codes it was
//! given, so it keeps its reasons whatever happens to the list later. Two properties
//! replace what used to be special cases: a reason "handled elsewhere" (Unemployment
//! Insurance: the kiosk shows its notice and numbers) and a reason that "goes to a team"
//! (training and scholarships: the SkillsTeam), which the staff queue shows.

use super::locale::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What visitors read about a reason in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonText {
    /// On the kiosk's button ("Resume review").
    pub name: String,
    /// Under the name, smaller; may be empty.
    pub hint: String,
    /// For a reason handled elsewhere: what the visitor is told when they choose it.
    pub notice: String,
}

/// A reason as set up, apart from its code and place in the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonDetails {
    /// Another organisation handles it: the kiosk shows the notice and `phones`, and a
    /// visitor must choose something else as well to check in.
    pub handled_elsewhere: bool,
    /// That organisation's numbers, as `parse_phone` keeps them.
    pub phones: Vec<String>,
    /// The team the visit goes to ("SkillsTeam"); empty: anyone.
    pub team: String,
    /// The texts of every language.
    pub texts: BTreeMap<Locale, ReasonText>,
}

impl ReasonDetails {
    /// The text in `locale`, else in English (a language added after the reason was).
    pub fn text(&self, locale: Locale) -> ReasonText {
        self.texts
            .get(&locale)
            .or_else(|| self.texts.get(&Locale::En))
            .or_else(|| self.texts.values().next())
            .cloned()
            .unwrap_or_default()
    }
}

/// A reason in the agency's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitReason {
    pub code: String,
    pub hidden: bool,
    pub details: ReasonDetails,
}

/// A reason as one kiosk offers it, in the kiosk's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskReason {
    pub code: String,
    pub name: String,
    pub hint: String,
    /// Present when the reason is handled elsewhere: the notice and the numbers to show.
    pub elsewhere: Option<Elsewhere>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elsewhere {
    pub notice: String,
    /// As people write them ("(503) 292-2057").
    pub phones: Vec<String>,
}

impl VisitReason {
    /// The reason as the kiosk in `locale` shows it.
    pub fn for_kiosk(&self, locale: Locale) -> KioskReason {
        let text = self.details.text(locale);
        KioskReason {
            code: self.code.clone(),
            name: text.name,
            hint: text.hint,
            elsewhere: self.details.handled_elsewhere.then(|| Elsewhere {
                notice: text.notice,
                phones: self
                    .details
                    .phones
                    .iter()
                    .map(|p| super::contact_details::display_phone(p))
                    .collect(),
            }),
        }
    }
}

/// The name of every reason ever set up (hidden ones too: past visits keep theirs) in one
/// language, with the team each goes to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonNames(pub BTreeMap<String, ReasonLabel>);

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonLabel {
    pub name: String,
    pub team: String,
}

impl ReasonNames {
    pub fn new(reasons: &[VisitReason], locale: Locale) -> ReasonNames {
        ReasonNames(
            reasons
                .iter()
                .map(|r| {
                    let label = ReasonLabel {
                        name: r.details.text(locale).name,
                        team: r.details.team.clone(),
                    };
                    (r.code.clone(), label)
                })
                .collect(),
        )
    }

    /// The name of `code`; the code itself for one no longer set up (never empty).
    pub fn label<'a>(&'a self, code: &'a str) -> &'a str {
        self.0.get(code).map_or(code, |l| l.name.as_str())
    }

    /// The teams `codes` go to, each once, in the order of the codes.
    pub fn teams_of(&self, codes: &[String]) -> Vec<String> {
        let mut teams: Vec<String> = Vec::new();
        for team in codes.iter().filter_map(|code| self.team(code)) {
            if !teams.iter().any(|t| t == team) {
                teams.push(team.to_owned());
            }
        }
        teams
    }

    /// The team `code` goes to, if any.
    pub fn team(&self, code: &str) -> Option<&str> {
        self.0
            .get(code)
            .map(|l| l.team.as_str())
            .filter(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(code: &str, elsewhere: bool) -> VisitReason {
        let text = |name: &str| ReasonText {
            name: name.to_owned(),
            hint: String::new(),
            notice: format!("{name} notice"),
        };
        VisitReason {
            code: code.to_owned(),
            hidden: false,
            details: ReasonDetails {
                handled_elsewhere: elsewhere,
                phones: vec!["5032922057".to_owned()],
                team: String::new(),
                texts: [
                    (Locale::En, text("Resume")),
                    (Locale::Es, text("Currículum")),
                ]
                .into_iter()
                .collect(),
            },
        }
    }

    #[test]
    fn the_kiosk_reads_its_language_and_a_missing_one_falls_back_to_english() {
        let mut r = reason("resume", false);
        assert_eq!(r.for_kiosk(Locale::Es).name, "Currículum");
        assert_eq!(r.for_kiosk(Locale::Es).elsewhere, None);
        r.details.texts.remove(&Locale::Es);
        assert_eq!(r.for_kiosk(Locale::Es).name, "Resume");
    }

    #[test]
    fn a_reason_handled_elsewhere_brings_its_notice_and_written_numbers() {
        let shown = reason("ui", true).for_kiosk(Locale::En);
        let elsewhere = shown.elsewhere.expect("handled elsewhere");
        assert_eq!(elsewhere.notice, "Resume notice");
        assert_eq!(elsewhere.phones, vec!["(503) 292-2057".to_owned()]);
    }

    #[test]
    fn a_code_no_longer_set_up_is_named_by_its_code() {
        let names = ReasonNames::new(&[reason("resume", false)], Locale::Es);
        assert_eq!(names.label("resume"), "Currículum");
        assert_eq!(names.label("old_code"), "old_code");
        assert_eq!(names.team("resume"), None);
    }

    #[test]
    fn the_teams_of_chosen_reasons_are_named_once_each() {
        let mut training = reason("training", false);
        training.details.team = "SkillsTeam".into();
        let mut scholarships = reason("scholarships", false);
        scholarships.details.team = "SkillsTeam".into();
        let mut veterans = reason("veterans", false);
        veterans.details.team = "Veterans team".into();
        let names = ReasonNames::new(
            &[training, scholarships, veterans, reason("resume", false)],
            Locale::En,
        );
        let codes = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            names.teams_of(&codes(&["resume", "training", "scholarships", "veterans"])),
            vec!["SkillsTeam".to_owned(), "Veterans team".to_owned()]
        );
        assert!(names.teams_of(&codes(&["resume", "gone"])).is_empty());
    }
}
