//! The rules a visit reason typed by an admin must meet: a name in every language the
//! product offers, a notice in every language and at most three numbers when another
//! organisation handles it, and a short code (made from the English name when left empty)
//! that visits store and CSV exports show.

use super::center_setup::describe_fields;
use super::contact_details::{display_phone, parse_phone};
use super::free_text::{parse_optional, parse_required};
use super::locale::Locale;
use super::visit_reason::{ReasonDetails, ReasonText};
use serde::{Deserialize, Serialize};

pub const CODE_MAX: usize = 40;
pub const NAME_MAX: usize = 60;
pub const HINT_MAX: usize = 120;
pub const NOTICE_MAX: usize = 400;
pub const TEAM_MAX: usize = 40;
pub const PHONES_MAX: usize = 3;

/// How the setup log's subjects of reason changes begin.
pub const SETUP_SUBJECT: &str = "visit reason";

/// The setup log's subject for changes of reason `code`.
pub fn setup_subject(code: &str) -> String {
    format!("{SETUP_SUBJECT} {code}")
}

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypedReason {
    pub code: String,
    pub handled_elsewhere: bool,
    /// One number per line (or separated by commas).
    pub phones: String,
    pub team: String,
    /// Every language of the form, in `Locale::ALL` order.
    pub texts: Vec<(Locale, ReasonText)>,
}

/// A refused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReasonField {
    Code,
    Name(Locale),
    Hint(Locale),
    Notice(Locale),
    Phones,
    Team,
}

impl ReasonDetails {
    /// The reason as its form shows it.
    pub fn typed(&self, code: &str) -> TypedReason {
        TypedReason {
            code: code.to_owned(),
            handled_elsewhere: self.handled_elsewhere,
            phones: self
                .phones
                .iter()
                .map(|p| display_phone(p))
                .collect::<Vec<_>>()
                .join("\n"),
            team: self.team.clone(),
            texts: Locale::ALL
                .into_iter()
                .map(|l| (l, self.texts.get(&l).cloned().unwrap_or_default()))
                .collect(),
        }
    }
}

/// A code made from `name`: lower-case ASCII letters and digits joined by single
/// underscores ("Youth employment (16-24)" → "youth_employment_16_24"). Letters with
/// accents lose them only when they are plain Latin ones; anything else is dropped.
pub fn code_from_name(name: &str) -> String {
    let mut code = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        };
        if plain.is_ascii_alphanumeric() {
            code.push(plain);
        } else if !code.is_empty() && !code.ends_with('_') {
            code.push('_');
        }
    }
    let mut code: String = code.chars().take(CODE_MAX).collect();
    while code.ends_with('_') {
        code.pop();
    }
    code
}

/// Is `code` acceptable: 2 to `CODE_MAX` of a–z and digits, starting with a letter, in
/// words joined by single underscores.
pub fn valid_code(code: &str) -> bool {
    (2..=CODE_MAX).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code.split('_').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Braces would read as placeholders where a name is put into a sentence.
fn plain(s: String) -> Option<String> {
    (!s.contains(['{', '}'])).then_some(s)
}

/// A name (required) and a hint (may be empty) as typed, trimmed; `None` for a refused one.
/// Visit reasons and appointment services are named by the same rules.
pub fn check_name_and_hint(name: &str, hint: &str) -> (Option<String>, Option<String>) {
    let name = parse_required(name, NAME_MAX).ok().and_then(plain);
    let hint = match parse_optional(hint, HINT_MAX) {
        Ok(hint) => plain(hint.unwrap_or_default()),
        Err(_) => None,
    };
    (name, hint)
}

/// Whether a language's texts were left empty where they may be: names are required in
/// the languages the staff pages are written in, and in every other language a reason or
/// service left unnamed is shown with its English texts.
pub fn left_to_english(locale: Locale, name: &str, hint: &str, notice: &str) -> bool {
    !locale.has_staff_pages()
        && [name, hint, notice]
            .iter()
            .all(|text| text.trim().is_empty())
}

/// Checks every field of a typed reason; the code is checked only for a new one (it is
/// fixed once visits may carry it). Every refused field is named, so the form marks them all.
pub fn check_reason(
    typed: &TypedReason,
    is_new: bool,
) -> Result<(String, ReasonDetails), Vec<ReasonField>> {
    let mut refused = Vec::new();
    let mut texts = std::collections::BTreeMap::new();
    for locale in Locale::ALL {
        let typed_text = typed
            .texts
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        if left_to_english(
            locale,
            &typed_text.name,
            &typed_text.hint,
            &typed_text.notice,
        ) {
            continue;
        }
        let (name, hint) = check_name_and_hint(&typed_text.name, &typed_text.hint);
        let notice = if typed.handled_elsewhere {
            parse_required(&typed_text.notice, NOTICE_MAX).ok()
        } else {
            Some(String::new())
        };
        if name.is_none() {
            refused.push(ReasonField::Name(locale));
        }
        if hint.is_none() {
            refused.push(ReasonField::Hint(locale));
        }
        if notice.is_none() {
            refused.push(ReasonField::Notice(locale));
        }
        let text = ReasonText {
            name: name.unwrap_or_default(),
            hint: hint.unwrap_or_default(),
            notice: notice.unwrap_or_default(),
        };
        texts.insert(locale, text);
    }
    let code = match typed.code.trim() {
        "" => code_from_name(
            &texts
                .get(&Locale::En)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
        ),
        typed_code => typed_code.to_ascii_lowercase(),
    };
    if is_new && !valid_code(&code) && !refused.contains(&ReasonField::Name(Locale::En)) {
        refused.push(ReasonField::Code);
    }
    let phones: Vec<Option<String>> = typed
        .phones
        .split(['\n', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| parse_phone(p).ok())
        .collect();
    // Numbers belong only to a reason handled elsewhere.
    let phones_ok = phones.len() <= PHONES_MAX
        && phones.iter().all(Option::is_some)
        && (typed.handled_elsewhere || phones.is_empty());
    if !phones_ok {
        refused.push(ReasonField::Phones);
    }
    let team = match parse_optional(&typed.team, TEAM_MAX) {
        Ok(team) => plain(team.unwrap_or_default()),
        Err(_) => None,
    };
    if team.is_none() {
        refused.push(ReasonField::Team);
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let details = ReasonDetails {
        handled_elsewhere: typed.handled_elsewhere,
        phones: phones.into_iter().flatten().collect(),
        team: team.unwrap_or_default(),
        texts,
    };
    Ok((code, details))
}

/// What an edit changed, in plain words for the setup log; empty when nothing changed.
pub fn describe_change(before: &ReasonDetails, after: &ReasonDetails) -> String {
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let (elsewhere_before, elsewhere_after) = (
        yes_no(before.handled_elsewhere),
        yes_no(after.handled_elsewhere),
    );
    let (phones_before, phones_after) = (before.phones.join(", "), after.phones.join(", "));
    let mut fields: Vec<(String, String, String)> = vec![
        (
            "handled elsewhere".into(),
            elsewhere_before,
            elsewhere_after,
        ),
        ("numbers".into(), phones_before, phones_after),
        ("team".into(), before.team.clone(), after.team.clone()),
    ];
    for locale in Locale::ALL {
        let (old, new) = (before.text(locale), after.text(locale));
        let tag = locale.tag();
        fields.push((format!("name ({tag})"), old.name, new.name));
        fields.push((format!("hint ({tag})"), old.hint, new.hint));
        fields.push((format!("notice ({tag})"), old.notice, new.notice));
    }
    let borrowed: Vec<(&str, &str, &str)> = fields
        .iter()
        .map(|(f, o, n)| (f.as_str(), o.as_str(), n.as_str()))
        .collect();
    describe_fields(&borrowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> TypedReason {
        let text = |name: &str| ReasonText {
            name: name.to_owned(),
            hint: " Ages 16 to 24 ".to_owned(),
            notice: String::new(),
        };
        TypedReason {
            code: String::new(),
            handled_elsewhere: false,
            phones: String::new(),
            team: "Youth team".to_owned(),
            texts: vec![
                (Locale::En, text(" Youth employment (16–24) ")),
                (Locale::Es, text("Empleo juvenil")),
            ],
        }
    }

    #[test]
    fn a_new_reason_gets_a_code_from_its_english_name_and_trimmed_texts() {
        let (code, details) = check_reason(&typed(), true).unwrap();
        assert_eq!(code, "youth_employment_16_24");
        assert_eq!(details.text(Locale::En).name, "Youth employment (16–24)");
        assert_eq!(details.text(Locale::Es).hint, "Ages 16 to 24");
        assert_eq!(details.team, "Youth team");
    }

    #[test]
    fn codes_are_plain_words_joined_by_underscores() {
        assert_eq!(code_from_name("Búsqueda de empleo!"), "busqueda_de_empleo");
        assert_eq!(code_from_name("求职"), "");
        assert!(valid_code("snap_step"));
        for bad in [
            "",
            "a",
            "Snap",
            "snap__step",
            "_snap",
            "snap-step",
            "1abc",
            "snap_",
        ] {
            assert!(!valid_code(bad), "{bad}");
        }
        let mut t = typed();
        t.code = "no good".into();
        assert_eq!(check_reason(&t, true), Err(vec![ReasonField::Code]));
        // An existing reason keeps its code whatever is typed.
        assert!(check_reason(&t, false).is_ok());
    }

    #[test]
    fn every_language_needs_a_name_and_a_reason_handled_elsewhere_a_notice() {
        let mut t = typed();
        t.texts[1].1.name = "  ".into();
        t.handled_elsewhere = true;
        t.texts[0].1.notice = "Call the Employment Department.".into();
        assert_eq!(
            check_reason(&t, true),
            Err(vec![
                ReasonField::Name(Locale::Es),
                ReasonField::Notice(Locale::Es)
            ])
        );
    }

    #[test]
    fn numbers_are_checked_and_only_for_a_reason_handled_elsewhere() {
        let mut t = typed();
        t.phones = "(503) 292-2057".into();
        assert_eq!(check_reason(&t, true), Err(vec![ReasonField::Phones]));
        t.handled_elsewhere = true;
        for (l, text) in &mut t.texts {
            text.notice = format!("notice {}", l.tag());
        }
        t.phones = "(503) 292-2057\n877-345-3484".into();
        let (_, details) = check_reason(&t, true).unwrap();
        assert_eq!(details.phones, vec!["5032922057", "8773453484"]);
        t.phones = "call us".into();
        assert_eq!(check_reason(&t, true), Err(vec![ReasonField::Phones]));
        t.phones = "5035550001, 5035550002, 5035550003, 5035550004".into();
        assert_eq!(check_reason(&t, true), Err(vec![ReasonField::Phones]));
    }

    #[test]
    fn braces_and_overlong_names_are_refused() {
        let mut t = typed();
        t.texts[0].1.name = "{agency} help".into();
        t.team = "x".repeat(TEAM_MAX + 1);
        assert_eq!(
            check_reason(&t, true),
            Err(vec![ReasonField::Name(Locale::En), ReasonField::Team])
        );
    }

    #[test]
    fn a_change_is_described_field_by_field() {
        let (_, before) = check_reason(&typed(), true).unwrap();
        let mut after = before.clone();
        after.team = String::new();
        if let Some(es) = after.texts.get_mut(&Locale::Es) {
            es.name = "Empleo para jóvenes".into();
        }
        assert_eq!(
            describe_change(&before, &after),
            "team removed; name (es): “Empleo juvenil” → “Empleo para jóvenes”"
        );
        assert_eq!(describe_change(&before, &before), "");
    }
}
