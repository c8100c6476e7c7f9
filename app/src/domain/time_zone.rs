//! Time zones as people type them: "America/New_York", "america/new york" and
//! "New York" all name the same zone.

use chrono_tz::{Tz, TZ_VARIANTS};

/// The IANA zone `typed` names: its full name in any case, with spaces for underscores,
/// or, when that matches nothing, the city part alone when exactly one zone has it.
pub fn parse_zone(typed: &str) -> Option<Tz> {
    let wanted = typed.trim().replace(' ', "_");
    if wanted.is_empty() {
        return None;
    }
    if let Some(tz) = TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(&wanted))
    {
        return Some(*tz);
    }
    let mut by_city = TZ_VARIANTS.iter().filter(|tz| {
        tz.name()
            .rsplit('/')
            .next()
            .is_some_and(|city| city.eq_ignore_ascii_case(&wanted))
    });
    match (by_city.next(), by_city.next()) {
        (Some(tz), None) => Some(*tz),
        _ => None,
    }
}

/// The zones offered in the searchable list: the canonical `Area/City` names, without
/// the legacy aliases (`US/Eastern`, `EST5EDT`) that would only make the list longer.
pub fn listed_zones() -> impl Iterator<Item = &'static str> {
    const AREAS: [&str; 9] = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| AREAS.iter().any(|area| name.starts_with(area)))
        .chain(std::iter::once("UTC"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_in_any_case_and_with_spaces() {
        assert_eq!(
            parse_zone("America/New_York"),
            Some(chrono_tz::America::New_York)
        );
        assert_eq!(
            parse_zone(" america/new york "),
            Some(chrono_tz::America::New_York)
        );
        assert_eq!(
            parse_zone("Asia/Kathmandu"),
            Some(chrono_tz::Asia::Kathmandu)
        );
    }

    #[test]
    fn a_city_alone_is_enough_when_it_is_unique() {
        assert_eq!(parse_zone("New York"), Some(chrono_tz::America::New_York));
        assert_eq!(parse_zone("kathmandu"), Some(chrono_tz::Asia::Kathmandu));
    }

    #[test]
    fn unknown_zones_are_none() {
        assert_eq!(parse_zone(""), None);
        assert_eq!(parse_zone("Mars/Olympus"), None);
        assert_eq!(parse_zone("Eastern"), None);
    }

    #[test]
    fn the_list_is_canonical_names_and_contains_the_usual_ones() {
        let zones: Vec<&str> = listed_zones().collect();
        assert!(zones.contains(&"America/Los_Angeles"));
        assert!(zones.contains(&"Australia/Lord_Howe"));
        assert!(!zones.contains(&"US/Eastern"));
        assert!(zones.len() > 300);
    }
}
