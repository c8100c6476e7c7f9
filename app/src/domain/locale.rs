//! The languages the product is offered in.

use serde::{Deserialize, Serialize};

/// A language with a translation file. Visitors' pages are complete in every one; staff
/// pages are in English and Spanish (`STAFF`), the other languages show them in English.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "vi")]
    Vi,
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "ru")]
    Ru,
    #[serde(rename = "so")]
    So,
    #[serde(rename = "ar")]
    Ar,
}

impl Locale {
    /// Every language, in the order the language picker shows them: English first, then
    /// by how many visitors of the Portland area speak it.
    pub const ALL: [Locale; 7] = [
        Locale::En,
        Locale::Es,
        Locale::Vi,
        Locale::ZhHans,
        Locale::Ru,
        Locale::So,
        Locale::Ar,
    ];

    /// The languages the staff pages are written in.
    pub const STAFF: [Locale; 2] = [Locale::En, Locale::Es];

    /// BCP 47 tag, used in `lang` attributes and the `?lang=` query parameter.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Vi => "vi",
            Locale::ZhHans => "zh-Hans",
            Locale::Ru => "ru",
            Locale::So => "so",
            Locale::Ar => "ar",
        }
    }

    /// Reads a `?lang=` value; anything unknown falls back to English.
    pub fn from_tag(tag: &str) -> Locale {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .unwrap_or_default()
    }

    /// The first of a browser's languages, in its order of preference (`Accept-Language`,
    /// parsed), that the product speaks: any region matches ("es-MX" is Spanish), and
    /// Chinese in any script or region is read as Simplified, the only Chinese offered.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Locale> {
        tags.into_iter().find_map(|tag| {
            let language = tag.split(['-', '_']).next().unwrap_or_default();
            match language.to_ascii_lowercase().as_str() {
                "zh" => Some(Locale::ZhHans),
                "" => None,
                other => Locale::ALL
                    .into_iter()
                    .find(|l| l.tag().eq_ignore_ascii_case(other)),
            }
        })
    }

    /// Text direction, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Whether the staff pages are written in this language.
    pub fn has_staff_pages(self) -> bool {
        Locale::STAFF.contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_unknown_falls_back_to_english() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), l);
        }
        assert_eq!(Locale::from_tag("ES"), Locale::Es);
        assert_eq!(Locale::from_tag("zh-hans"), Locale::ZhHans);
        assert_eq!(Locale::from_tag("xx"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn the_browsers_first_language_we_speak_wins() {
        assert_eq!(Locale::preferred(["so-SO", "en"]), Some(Locale::So));
        assert_eq!(
            Locale::preferred(["de", "fr-CA", "es-MX"]),
            Some(Locale::Es)
        );
        assert_eq!(Locale::preferred(["zh-TW"]), Some(Locale::ZhHans));
        assert_eq!(Locale::preferred(["zh-Hans-CN"]), Some(Locale::ZhHans));
        assert_eq!(Locale::preferred(["AR"]), Some(Locale::Ar));
        assert_eq!(Locale::preferred(["*", "de"]), None);
        assert_eq!(Locale::preferred([]), None);
        // A made-up tag that only starts like one of ours is not ours.
        assert_eq!(Locale::preferred(["ens", "rus"]), None);
    }

    #[test]
    fn only_arabic_reads_right_to_left() {
        let rtl: Vec<Locale> = Locale::ALL
            .into_iter()
            .filter(|l| l.dir() == "rtl")
            .collect();
        assert_eq!(rtl, [Locale::Ar]);
    }
}
