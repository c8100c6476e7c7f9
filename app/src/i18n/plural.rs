//! Messages with a number in them: one form per CLDR plural category, the form chosen by
//! the language's plural rules from ICU4X (English has two forms, Russian four, Arabic six,
//! Chinese and Vietnamese one). The rules run on the server only: an island gets the
//! sentence ready-made, so no plural data reaches the WASM.

use super::Locale;
use serde::Deserialize;

/// A message like "{count} seats left" in every form its language needs. In a language
/// file: `{"one": "{count} seat left", "other": "{count} seats left"}`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub zero: Option<String>,
    pub one: Option<String>,
    pub two: Option<String>,
    pub few: Option<String>,
    pub many: Option<String>,
    pub other: String,
    /// Whose rules choose the form; set when the file is read.
    #[serde(skip)]
    locale: Locale,
}

impl Plural {
    pub(crate) fn set_locale(&mut self, locale: Locale) {
        self.locale = locale;
    }

    /// Every form the file gives, with its CLDR category name.
    pub fn forms(&self) -> Vec<(&'static str, &str)> {
        [
            ("zero", self.zero.as_deref()),
            ("one", self.one.as_deref()),
            ("two", self.two.as_deref()),
            ("few", self.few.as_deref()),
            ("many", self.many.as_deref()),
            ("other", Some(self.other.as_str())),
        ]
        .into_iter()
        .filter_map(|(name, form)| form.map(|f| (name, f)))
        .collect()
    }
}

#[cfg(feature = "ssr")]
mod rules {
    use super::{Locale, Plural};
    use icu_plurals::{PluralCategory, PluralOperands, PluralRules};
    use std::sync::LazyLock;

    /// The cardinal rules of each language, loaded once (compiled into the binary).
    static RULES: LazyLock<Vec<(Locale, PluralRules)>> = LazyLock::new(|| {
        Locale::ALL
            .into_iter()
            .map(|locale| (locale, cardinal_rules(locale)))
            .collect()
    });

    fn cardinal_rules(locale: Locale) -> PluralRules {
        let id = icu_locale_core::Locale::try_from_str(locale.tag())
            .unwrap_or_else(|_| panic!("{} is a valid BCP 47 tag", locale.tag()));
        PluralRules::try_new_cardinal((&id).into())
            .unwrap_or_else(|_| panic!("ICU4X has plural rules for {}", locale.tag()))
    }

    /// The rules of `locale`.
    pub fn rules_of(locale: Locale) -> &'static PluralRules {
        RULES
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, rules)| rules)
            .unwrap_or_else(|| unreachable!("every Locale is in Locale::ALL"))
    }

    /// The CLDR category name of `category`.
    #[cfg(test)]
    pub fn name(category: PluralCategory) -> &'static str {
        match category {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    impl Plural {
        /// The message for `n`, with `{count}` replaced by it: "3 seats left".
        pub fn count<N>(&self, n: N) -> String
        where
            N: Into<PluralOperands> + std::fmt::Display + Copy,
        {
            let category = rules_of(self.locale).category_for(n);
            let form = match category {
                PluralCategory::Zero => self.zero.as_ref(),
                PluralCategory::One => self.one.as_ref(),
                PluralCategory::Two => self.two.as_ref(),
                PluralCategory::Few => self.few.as_ref(),
                PluralCategory::Many => self.many.as_ref(),
                PluralCategory::Other => None,
            };
            let form = form.unwrap_or(&self.other);
            super::super::fill(form, &[("count", &n.to_string())])
        }
    }

    /// The categories the language's rules can choose, as CLDR names them.
    #[cfg(test)]
    pub fn categories(locale: Locale) -> Vec<&'static str> {
        rules_of(locale).categories().map(name).collect()
    }
}

#[cfg(all(test, feature = "ssr"))]
pub use rules::{categories, name, rules_of};

/// The browser build compiles the pages too, but never renders one: this stands in for
/// the rules there so the pages compile, and the linker leaves it out of the WASM.
#[cfg(not(feature = "ssr"))]
impl Plural {
    pub fn count<N: std::fmt::Display + Copy>(&self, n: N) -> String {
        super::fill(&self.other, &[("count", &n.to_string())])
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn seats(locale: Locale, forms: &[(&str, &str)]) -> Plural {
        let mut json = serde_json::Map::new();
        for (category, text) in forms {
            json.insert((*category).into(), (*text).into());
        }
        let mut plural: Plural = serde_json::from_value(json.into()).unwrap();
        plural.set_locale(locale);
        plural
    }

    #[test]
    fn english_has_one_and_other() {
        let p = seats(
            Locale::En,
            &[("one", "{count} seat"), ("other", "{count} seats")],
        );
        assert_eq!(p.count(1u32), "1 seat");
        assert_eq!(p.count(0u32), "0 seats");
        assert_eq!(p.count(21u32), "21 seats");
    }

    #[test]
    fn russian_needs_three_forms_for_whole_numbers() {
        let p = seats(
            Locale::Ru,
            &[
                ("one", "{count} место"),
                ("few", "{count} места"),
                ("many", "{count} мест"),
                ("other", "{count} места"),
            ],
        );
        assert_eq!(p.count(1u32), "1 место");
        assert_eq!(p.count(3u32), "3 места");
        assert_eq!(p.count(5u32), "5 мест");
        assert_eq!(p.count(21u32), "21 место");
        assert_eq!(p.count(11u32), "11 мест");
    }

    #[test]
    fn arabic_has_six_categories_and_each_is_reached() {
        assert_eq!(
            categories(Locale::Ar),
            ["zero", "one", "two", "few", "many", "other"]
        );
        let p = seats(
            Locale::Ar,
            &[
                ("zero", "z"),
                ("one", "o"),
                ("two", "t"),
                ("few", "f{count}"),
                ("many", "m{count}"),
                ("other", "x{count}"),
            ],
        );
        let got: Vec<String> = [0u32, 1, 2, 3, 11, 100].map(|n| p.count(n)).to_vec();
        assert_eq!(got, ["z", "o", "t", "f3", "m11", "x100"]);
    }

    #[test]
    fn each_language_asks_for_the_categories_cldr_gives_it() {
        assert_eq!(categories(Locale::En), ["one", "other"]);
        assert_eq!(categories(Locale::Es), ["one", "many", "other"]);
        // Vietnamese nouns do not change with number, but CLDR gives 1 a category of
        // its own, so the file says the same thing twice.
        assert_eq!(categories(Locale::Vi), ["one", "other"]);
        assert_eq!(categories(Locale::ZhHans), ["other"]);
        assert_eq!(categories(Locale::Ru), ["one", "few", "many", "other"]);
        assert_eq!(categories(Locale::So), ["one", "other"]);
    }
}
