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

    /// The language's name in English, for what an English voice says about it.
    pub fn english_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Spanish",
            Locale::Vi => "Vietnamese",
            Locale::ZhHans => "Chinese",
            Locale::Ru => "Russian",
            Locale::So => "Somali",
            Locale::Ar => "Arabic",
        }
    }

    /// Reads a `?lang=` value; anything unknown falls back to English.
    pub fn from_tag(tag: &str) -> Locale {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .unwrap_or_default()
    }

    /// The language of ours a browser prefers, from its `Accept-Language` header
    /// ("so-SO, en;q=0.8"): the highest quality wins, the earlier of equals. Any region
    /// matches ("es-MX" is Spanish), and Chinese in any script or region is read as
    /// Simplified, the only Chinese offered.
    ///
    /// Parsed here, not by a crate: the one tried sorts by a quality that may be NaN and
    /// panics. Only the first 16 entries count, so a huge header costs nothing; an entry
    /// with a quality that is not a number from 0 to 1 is ignored, and `q=0` means "not
    /// this one".
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut ranked: Vec<(f32, usize, Locale)> = header
            .split(',')
            .take(16)
            .enumerate()
            .filter_map(|(order, entry)| {
                let mut parts = entry.split(';');
                let locale = Locale::for_tag(parts.next()?.trim())?;
                let quality = match parts.find_map(|p| {
                    let p = p.trim();
                    p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="))
                }) {
                    None => 1.0,
                    Some(q) => q.trim().parse::<f32>().ok()?,
                };
                let usable = quality.is_finite() && quality > 0.0 && quality <= 1.0;
                usable.then_some((quality, order, locale))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|(_, _, locale)| *locale)
    }

    /// Ours for a language tag of any region or script ("es-MX", "zh-TW"), if we speak it.
    fn for_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        match language.to_ascii_lowercase().as_str() {
            "zh" => Some(Locale::ZhHans),
            "" => None,
            other => Locale::ALL
                .into_iter()
                .find(|l| l.tag().eq_ignore_ascii_case(other)),
        }
    }

    /// Text direction, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// This language for a staff page: itself where the staff pages are written in it,
    /// else English (an Arabic staff page would be English text laid out right to left).
    pub fn for_staff(self) -> Locale {
        if self.has_staff_pages() {
            self
        } else {
            Locale::En
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
    fn the_browsers_best_language_we_speak_wins() {
        let best = Locale::from_accept_language;
        assert_eq!(best("so-SO, en;q=0.8"), Some(Locale::So));
        assert_eq!(best("de, fr-CA;q=0.9, es-MX;q=0.8"), Some(Locale::Es));
        assert_eq!(best("en;q=0.5, ru;q=0.9"), Some(Locale::Ru));
        assert_eq!(best("ar, vi"), Some(Locale::Ar));
        assert_eq!(best("zh-TW"), Some(Locale::ZhHans));
        assert_eq!(best("zh-Hans-CN;q=1.0"), Some(Locale::ZhHans));
        assert_eq!(best("*, de"), None);
        assert_eq!(best(""), None);
        // "Not this one", and a made-up tag that only starts like one of ours.
        assert_eq!(best("ru;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(best("ens, rus"), None);
    }

    #[test]
    fn a_hostile_header_is_ignored_not_obeyed() {
        let best = Locale::from_accept_language;
        // A quality that is not a number from 0 to 1 drops its entry (a NaN once made a
        // sort panic).
        let nan = ["x;q=0.1", "x;q=0.9", "ru;q=NaN"].repeat(10).join(",");
        assert_eq!(best(&nan), None);
        assert_eq!(
            best("ru;q=inf, vi;q=2, so;q=-1, ar;q=abc, es;q=0.3"),
            Some(Locale::Es)
        );
        // Only the first 16 entries count, however long the header.
        let long = format!("{},vi", vec!["de"; 10_000].join(","));
        assert_eq!(best(&long), None);
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
