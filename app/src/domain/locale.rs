//! The languages the product is offered in.

use serde::{Deserialize, Serialize};

/// A language with a complete translation file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    /// Every complete language, in the order the language picker shows them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// BCP 47 tag, used in `lang` attributes and the `?lang=` query parameter.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// Reads a `?lang=` value; anything unknown falls back to English.
    pub fn from_tag(tag: &str) -> Locale {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .unwrap_or_default()
    }

    /// Text direction, for the `dir` attribute (Arabic will be the first "rtl").
    pub fn dir(self) -> &'static str {
        "ltr"
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
        assert_eq!(Locale::from_tag("xx"), Locale::En);
    }
}
