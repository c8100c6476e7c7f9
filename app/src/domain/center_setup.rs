//! A center as an admin sets it up: its short name (the slug in kiosk and booking links),
//! its name, the address, phone and email visitors see, its time zone, and the target wait
//! its service level is measured against. The rules that
//! decide whether a typed center is acceptable live here; the page only shows the answer.

use super::contact_details::{parse_email, parse_phone, ContactError};
use super::free_text::parse_required;
use super::service_level::{parse_target_wait, DEFAULT_TARGET_WAIT_MINUTES};
use super::time_zone::parse_zone;
use serde::{Deserialize, Serialize};

/// Longest center name, short name and address an admin may type.
pub const CENTER_NAME_MAX: usize = 80;
pub const SHORT_NAME_MAX: usize = 40;
pub const ADDRESS_MAX: usize = 200;

/// A center's fields as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypedCenter {
    pub short_name: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub time_zone: String,
    /// Minutes; empty means the default.
    pub target_wait: String,
}

/// A field of the center form that was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CenterField {
    ShortName,
    Name,
    Address,
    Phone,
    Email,
    TimeZone,
    TargetWait,
}

/// A center's details, checked and tidied.
#[derive(Debug, Clone, PartialEq)]
pub struct CenterDetails {
    pub name: String,
    pub address: String,
    /// Digits as `parse_phone` keeps them, or empty when none was given.
    pub phone: String,
    /// Empty when none was given.
    pub email: String,
    pub time_zone: chrono_tz::Tz,
    /// Walk-ins called within this many minutes count as served in time.
    pub target_wait_minutes: u32,
}

/// Words that already mean something where a short name goes: `/kiosk/pair` is the
/// pairing page, `any` is "any center" in booking links, `virtual` a session without a
/// center.
pub const RESERVED_SHORT_NAMES: [&str; 6] = ["pair", "any", "virtual", "all", "new", "none"];

/// The short name as typed, lowered and with spaces made hyphens ("North Portland" →
/// `north-portland`), when it is 2..=40 letters a–z, digits and single inner hyphens and
/// not a reserved word. It becomes part of URLs printed on posters and kept by paired
/// tablets, so it stays plain ASCII.
pub fn parse_short_name(typed: &str) -> Option<String> {
    let slug: String = typed
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let plain = slug
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let well_formed = !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--");
    let length = slug.chars().count();
    let free = !RESERVED_SHORT_NAMES.contains(&slug.as_str());
    (plain && well_formed && free && (2..=SHORT_NAME_MAX).contains(&length)).then_some(slug)
}

/// Checks every field but the short name (which is set once, at creation): the name is
/// required; address, phone and email may be empty but must be valid when given; the time
/// zone must be an IANA zone. Every refused field is named, so the form marks them all.
pub fn check_details(typed: &TypedCenter) -> Result<CenterDetails, Vec<CenterField>> {
    let mut refused = Vec::new();
    let name = parse_required(&typed.name, CENTER_NAME_MAX)
        .map_err(|_| refused.push(CenterField::Name))
        .ok();
    let address = if typed.address.trim().is_empty() {
        Some(String::new())
    } else {
        parse_required(&typed.address, ADDRESS_MAX)
            .map_err(|_| refused.push(CenterField::Address))
            .ok()
    };
    let optional = |result: Result<String, ContactError>| match result {
        Ok(value) => Some(value),
        Err(ContactError::Empty) => Some(String::new()),
        Err(_) => None,
    };
    let phone = optional(parse_phone(&typed.phone));
    if phone.is_none() {
        refused.push(CenterField::Phone);
    }
    let email = optional(parse_email(&typed.email));
    if email.is_none() {
        refused.push(CenterField::Email);
    }
    let time_zone = parse_zone(&typed.time_zone);
    if time_zone.is_none() {
        refused.push(CenterField::TimeZone);
    }
    let target_wait_minutes = if typed.target_wait.trim().is_empty() {
        Some(DEFAULT_TARGET_WAIT_MINUTES)
    } else {
        parse_target_wait(&typed.target_wait)
    };
    if target_wait_minutes.is_none() {
        refused.push(CenterField::TargetWait);
    }
    match (name, address, phone, email, time_zone, target_wait_minutes) {
        (Some(name), Some(address), Some(phone), Some(email), Some(time_zone), Some(target))
            if refused.is_empty() =>
        {
            Ok(CenterDetails {
                name,
                address,
                phone,
                email,
                time_zone,
                target_wait_minutes: target,
            })
        }
        _ => Err(refused),
    }
}

/// A new center: its short name and its details, or every refused field.
pub fn check_new_center(typed: &TypedCenter) -> Result<(String, CenterDetails), Vec<CenterField>> {
    let slug = parse_short_name(&typed.short_name);
    match (slug, check_details(typed)) {
        (Some(slug), Ok(details)) => Ok((slug, details)),
        (slug, details) => {
            let mut refused = details.err().unwrap_or_default();
            if slug.is_none() {
                refused.insert(0, CenterField::ShortName);
            }
            Err(refused)
        }
    }
}

/// What an edit changed, in plain words for the setup log ("name: “A” → “B”; phone
/// removed"); empty when nothing changed.
pub fn describe_edit(before: &CenterDetails, after: &CenterDetails) -> String {
    describe_fields(&[
        ("name", before.name.as_str(), after.name.as_str()),
        ("address", &before.address, &after.address),
        ("phone", &before.phone, &after.phone),
        ("email", &before.email, &after.email),
        ("time zone", before.time_zone.name(), after.time_zone.name()),
        (
            "target wait",
            &format!("{} min", before.target_wait_minutes),
            &format!("{} min", after.target_wait_minutes),
        ),
    ])
}

/// The setup log's words for `(field, before, after)` triples: each changed field as
/// “old” → “new”, “new” (was empty) or "removed"; empty when nothing changed.
pub fn describe_fields(fields: &[(&str, &str, &str)]) -> String {
    fields
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| match (old.is_empty(), new.is_empty()) {
            (_, true) => format!("{field} removed"),
            (true, false) => format!("{field}: “{new}”"),
            (false, false) => format!("{field}: “{old}” → “{new}”"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> TypedCenter {
        TypedCenter {
            short_name: "Hood River".into(),
            name: " WorkSource Hood River ".into(),
            address: "1110 June St, Hood River, OR 97031".into(),
            phone: "(541) 386-4110".into(),
            email: "".into(),
            time_zone: "america/los angeles".into(),
            target_wait: String::new(),
        }
    }

    #[test]
    fn short_names_are_lowered_hyphenated_and_plain() {
        assert_eq!(
            parse_short_name("Hood River").as_deref(),
            Some("hood-river")
        );
        assert_eq!(
            parse_short_name(" se-portland-2 ").as_deref(),
            Some("se-portland-2")
        );
        for bad in [
            "", "x", "-tigard", "tigard-", "a--b", "café", "a/b", "a_b", "../etc", "pair", "Any",
            "virtual",
        ] {
            assert_eq!(parse_short_name(bad), None, "{bad:?}");
        }
        assert_eq!(
            parse_short_name(&"a".repeat(SHORT_NAME_MAX)).map(|s| s.len()),
            Some(40)
        );
        assert_eq!(parse_short_name(&"a".repeat(SHORT_NAME_MAX + 1)), None);
    }

    #[test]
    fn a_good_center_is_tidied() {
        let (slug, details) = check_new_center(&typed()).unwrap();
        assert_eq!(slug, "hood-river");
        assert_eq!(details.name, "WorkSource Hood River");
        assert_eq!(details.phone, "5413864110");
        assert_eq!(details.email, "");
        assert_eq!(details.time_zone, chrono_tz::America::Los_Angeles);
        assert_eq!(
            details.target_wait_minutes, 25,
            "the default when none is typed"
        );
    }

    #[test]
    fn every_refused_field_is_named() {
        let bad = TypedCenter {
            short_name: "!".into(),
            name: "  ".into(),
            address: "line\u{0007}".into(),
            phone: "12".into(),
            email: "nobody".into(),
            time_zone: "Mars/Olympus".into(),
            target_wait: "0".into(),
        };
        assert_eq!(
            check_new_center(&bad).unwrap_err(),
            vec![
                CenterField::ShortName,
                CenterField::Name,
                CenterField::Address,
                CenterField::Phone,
                CenterField::Email,
                CenterField::TimeZone,
                CenterField::TargetWait
            ]
        );
    }

    #[test]
    fn an_edit_is_described_field_by_field() {
        let before = check_details(&typed()).unwrap();
        assert_eq!(describe_edit(&before, &before), "");
        let after = CenterDetails {
            name: "Hood River".into(),
            phone: String::new(),
            email: "hr@example.org".into(),
            target_wait_minutes: 20,
            ..before.clone()
        };
        assert_eq!(
            describe_edit(&before, &after),
            "name: “WorkSource Hood River” → “Hood River”; phone removed; email: “hr@example.org”; \
             target wait: “25 min” → “20 min”"
        );
    }

    #[test]
    fn an_edit_does_not_look_at_the_short_name() {
        let edit = TypedCenter {
            short_name: String::new(),
            ..typed()
        };
        assert!(check_details(&edit).is_ok());
        assert_eq!(
            check_new_center(&edit).unwrap_err(),
            vec![CenterField::ShortName]
        );
    }
}
