//! The rules an appointment service typed by an admin must meet: a name in every language
//! the product offers (the same rules as a visit reason's), at least one way it is held,
//! an arrival reason the agency has, and a short code (made from the English name when
//! left empty) that bookings store.

use super::center_setup::describe_fields;
use super::locale::Locale;
use super::reason_setup::{check_name_and_hint, code_from_name, left_to_english, valid_code};
use super::service::{HowHeld, ServiceDetails, ServiceText};
use serde::{Deserialize, Serialize};

/// How the setup log's subjects of service changes begin.
pub const SETUP_SUBJECT: &str = "service";

/// The setup log's subject for changes of service `code`.
pub fn setup_subject(code: &str) -> String {
    format!("{SETUP_SUBJECT} {code}")
}

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypedService {
    pub code: String,
    /// The ways ticked, as their codes.
    pub held: Vec<String>,
    pub arrival_reason: String,
    /// Every language of the form, in `Locale::ALL` order.
    pub texts: Vec<(Locale, ServiceText)>,
}

/// A refused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceField {
    Code,
    Name(Locale),
    Hint(Locale),
    Held,
    ArrivalReason,
}

impl ServiceDetails {
    /// The service as its form shows it.
    pub fn typed(&self, code: &str) -> TypedService {
        TypedService {
            code: code.to_owned(),
            held: self.held.iter().map(|h| h.code().to_owned()).collect(),
            arrival_reason: self.arrival_reason.clone(),
            texts: Locale::ALL
                .into_iter()
                .map(|l| (l, self.texts.get(&l).cloned().unwrap_or_default()))
                .collect(),
        }
    }
}

/// Checks every field of a typed service against the agency's visit reason codes; the
/// code is checked only for a new one (bookings carry it). Every refused field is named.
pub fn check_service(
    typed: &TypedService,
    is_new: bool,
    reason_codes: &[String],
) -> Result<(String, ServiceDetails), Vec<ServiceField>> {
    let mut refused = Vec::new();
    let mut texts = std::collections::BTreeMap::new();
    for locale in Locale::ALL {
        let typed_text = typed
            .texts
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        if left_to_english(locale, &typed_text.name, &typed_text.hint, "") {
            continue;
        }
        let (name, hint) = check_name_and_hint(&typed_text.name, &typed_text.hint);
        if name.is_none() {
            refused.push(ServiceField::Name(locale));
        }
        if hint.is_none() {
            refused.push(ServiceField::Hint(locale));
        }
        let text = ServiceText {
            name: name.unwrap_or_default(),
            hint: hint.unwrap_or_default(),
        };
        texts.insert(locale, text);
    }
    let code = match typed.code.trim() {
        "" => code_from_name(&texts.get(&Locale::En).cloned().unwrap_or_default().name),
        typed_code => typed_code.to_ascii_lowercase(),
    };
    if is_new && !valid_code(&code) && !refused.contains(&ServiceField::Name(Locale::En)) {
        refused.push(ServiceField::Code);
    }
    let held: Option<Vec<HowHeld>> = typed.held.iter().map(|h| HowHeld::from_code(h)).collect();
    let held = held
        .map(|ways| {
            HowHeld::ALL
                .into_iter()
                .filter(|h| ways.contains(h))
                .collect::<Vec<_>>()
        })
        .filter(|ways| !ways.is_empty());
    if held.is_none() {
        refused.push(ServiceField::Held);
    }
    let arrival_reason = typed.arrival_reason.trim();
    if !arrival_reason.is_empty() && !reason_codes.iter().any(|c| c == arrival_reason) {
        refused.push(ServiceField::ArrivalReason);
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let details = ServiceDetails {
        held: held.unwrap_or_default(),
        arrival_reason: arrival_reason.to_owned(),
        texts,
    };
    Ok((code, details))
}

/// What an edit changed, in plain words for the setup log; empty when nothing changed.
pub fn describe_change(before: &ServiceDetails, after: &ServiceDetails) -> String {
    let ways = |d: &ServiceDetails| {
        d.held
            .iter()
            .map(|h| h.code())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut fields: Vec<(String, String, String)> = vec![
        ("held".into(), ways(before), ways(after)),
        (
            "arrival reason".into(),
            before.arrival_reason.clone(),
            after.arrival_reason.clone(),
        ),
    ];
    for locale in Locale::ALL {
        let (old, new) = (before.text(locale), after.text(locale));
        let tag = locale.tag();
        fields.push((format!("name ({tag})"), old.name, new.name));
        fields.push((format!("hint ({tag})"), old.hint, new.hint));
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

    fn reasons() -> Vec<String> {
        vec!["job_coaching".to_owned()]
    }

    fn typed() -> TypedService {
        let text = |name: &str| ServiceText {
            name: name.to_owned(),
            hint: " For ages 16 to 24 ".to_owned(),
        };
        TypedService {
            code: String::new(),
            held: vec!["video".into(), "phone".into()],
            arrival_reason: "job_coaching".into(),
            texts: vec![
                (Locale::En, text(" Youth employment coaching ")),
                (Locale::Es, text("Orientación para jóvenes")),
            ],
        }
    }

    #[test]
    fn a_new_service_gets_a_code_from_its_english_name_and_its_ways_in_order() {
        let (code, details) = check_service(&typed(), true, &reasons()).unwrap();
        assert_eq!(code, "youth_employment_coaching");
        assert_eq!(details.held, vec![HowHeld::Phone, HowHeld::Video]);
        assert_eq!(details.text(Locale::Es).hint, "For ages 16 to 24");
        assert_eq!(details.typed(&code).held, vec!["phone", "video"]);
    }

    #[test]
    fn a_service_is_held_some_known_way_and_arrives_with_a_known_reason() {
        let mut t = typed();
        t.held = Vec::new();
        t.arrival_reason = "made_up".into();
        assert_eq!(
            check_service(&t, true, &reasons()),
            Err(vec![ServiceField::Held, ServiceField::ArrivalReason])
        );
        t.held = vec!["phone".into(), "carrier pigeon".into()];
        t.arrival_reason = String::new();
        assert_eq!(
            check_service(&t, true, &reasons()),
            Err(vec![ServiceField::Held])
        );
    }

    #[test]
    fn every_language_needs_a_name_and_a_new_code_must_be_plain() {
        let mut t = typed();
        t.texts[1].1.name = " ".into();
        assert_eq!(
            check_service(&t, true, &reasons()),
            Err(vec![ServiceField::Name(Locale::Es)])
        );
        let mut t = typed();
        t.code = "Bad Code".into();
        assert_eq!(
            check_service(&t, true, &reasons()),
            Err(vec![ServiceField::Code])
        );
        assert!(check_service(&t, false, &reasons()).is_ok());
    }

    #[test]
    fn a_change_is_described_field_by_field() {
        let (_, before) = check_service(&typed(), true, &reasons()).unwrap();
        let mut after = before.clone();
        after.held = vec![HowHeld::InPerson];
        assert_eq!(
            describe_change(&before, &after),
            "held: “phone, video” → “in_person”"
        );
        assert_eq!(describe_change(&before, &before), "");
    }
}
