//! Every language file against English: the sections it must have, the same keys, the
//! same `{placeholders}`, and exactly the plural forms CLDR gives its language. A missing,
//! extra or misspelt key fails here, not as a blank on a visitor's screen.

use super::files::source;
use super::plural::{categories, name};
use super::{Locale, VISITOR_SECTIONS};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

fn file(locale: Locale) -> Map<String, Value> {
    serde_json::from_str(source(locale))
        .unwrap_or_else(|e| panic!("locales/{}.json is not JSON: {e}", locale.tag()))
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect()
}

fn is_plural(value: &Value) -> bool {
    const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    value.as_object().is_some_and(|forms| {
        forms.contains_key("other") && forms.keys().all(|k| CATEGORIES.contains(&k.as_str()))
    })
}

/// Whether `category` holds one number only in `locale` (Arabic "two" is 2 alone, Russian
/// "one" is 1, 21, 31 …): only such a form may leave the number out ("two seats left").
fn holds_one_number(locale: Locale, category: &str) -> bool {
    let rules = super::plural::rules_of(locale);
    (0u32..=1000)
        .filter(|n| name(rules.category_for(*n)) == category)
        .take(2)
        .count()
        == 1
}

/// Every difference between `theirs` and `english` at `path`.
fn compare(locale: Locale, path: &str, english: &Value, theirs: &Value, found: &mut Vec<String>) {
    match (english, theirs) {
        (Value::String(en), Value::String(text)) => {
            if text.trim().is_empty() {
                found.push(format!("{path}: empty"));
            }
            if placeholders(en) != placeholders(text) {
                found.push(format!(
                    "{path}: placeholders {:?}, English has {:?}",
                    placeholders(text),
                    placeholders(en)
                ));
            }
        }
        (en, Value::Object(forms)) if is_plural(en) => {
            let wanted = categories(locale);
            let given: Vec<&str> = forms.keys().map(String::as_str).collect();
            if BTreeSet::from_iter(&wanted) != BTreeSet::from_iter(&given) {
                found.push(format!(
                    "{path}: plural forms {given:?}, CLDR asks for {wanted:?}"
                ));
            }
            let en_names = placeholders(en["other"].as_str().unwrap_or_default());
            for (category, form) in forms {
                let names = placeholders(form.as_str().unwrap_or_default());
                let may_omit = holds_one_number(locale, category);
                let fits = if may_omit {
                    names.is_subset(&en_names)
                } else {
                    names == en_names
                };
                if !fits {
                    found.push(format!(
                        "{path}.{category}: placeholders {names:?}, English has {en_names:?}"
                    ));
                }
            }
        }
        (Value::Object(en), Value::Object(table)) if !is_plural(english) => {
            for key in en.keys().filter(|k| !table.contains_key(*k)) {
                found.push(format!("{path}.{key}: missing"));
            }
            for key in table.keys().filter(|k| !en.contains_key(*k)) {
                found.push(format!("{path}.{key}: not in English"));
            }
            for (key, value) in table {
                if let Some(en_value) = en.get(key) {
                    compare(locale, &format!("{path}.{key}"), en_value, value, found);
                }
            }
        }
        _ => found.push(format!("{path}: not the same kind of value as in English")),
    }
}

#[test]
fn every_language_has_exactly_its_sections() {
    let english: Vec<String> = file(Locale::En).keys().cloned().collect();
    for section in VISITOR_SECTIONS {
        assert!(
            english.contains(&section.to_owned()),
            "en.json has no section {section}"
        );
    }
    for locale in Locale::ALL {
        let mut theirs: Vec<String> = file(locale).keys().cloned().collect();
        let mut wanted: Vec<String> = if locale.has_staff_pages() {
            english.clone()
        } else {
            VISITOR_SECTIONS.iter().map(|s| (*s).to_owned()).collect()
        };
        theirs.sort();
        wanted.sort();
        assert_eq!(theirs, wanted, "sections of locales/{}.json", locale.tag());
    }
}

#[test]
fn every_language_has_the_keys_placeholders_and_plural_forms_it_needs() {
    let english = Value::Object(file(Locale::En));
    let mut found = Vec::new();
    for locale in Locale::ALL {
        for (section, value) in file(locale) {
            if let Some(en) = english.get(&section) {
                compare(
                    locale,
                    &format!("{}:{section}", locale.tag()),
                    en,
                    &value,
                    &mut found,
                );
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_checks_catch_a_missing_key_a_wrong_placeholder_and_a_missing_plural_form() {
    let en: Value = serde_json::json!({
        "a": "Hello {name}",
        "b": "Bye",
        "seats": {"one": "{count} seat", "other": "{count} seats"}
    });
    let ru: Value = serde_json::json!({
        "a": "Привет {nom}",
        "c": "лишний",
        "seats": {"one": "место", "few": "{count} места", "other": "{count} места"}
    });
    let mut found = Vec::new();
    compare(Locale::Ru, "ru", &en, &ru, &mut found);
    found.sort();
    assert_eq!(
        found,
        [
            "ru.a: placeholders {\"nom\"}, English has {\"name\"}",
            "ru.b: missing",
            "ru.c: not in English",
            "ru.seats.one: placeholders {}, English has {\"count\"}",
            "ru.seats: plural forms [\"few\", \"one\", \"other\"], CLDR asks for [\"one\", \"few\", \"many\", \"other\"]",
        ]
    );
}

#[test]
fn arabic_may_say_two_without_the_number_but_not_eleven() {
    assert!(holds_one_number(Locale::Ar, "two"));
    assert!(holds_one_number(Locale::Ar, "zero"));
    assert!(!holds_one_number(Locale::Ar, "many"));
    assert!(!holds_one_number(Locale::Ru, "one"));
    assert!(holds_one_number(Locale::En, "one"));
}

#[test]
fn every_language_parses_into_the_generated_structs() {
    for locale in Locale::ALL {
        let t = super::translations(locale);
        assert_eq!(t.locale, locale);
        assert!(!t.common.language_name.is_empty());
    }
}
