//! Accommodations anyone may ask for, from the WorkSource accommodation request form.

use serde::{Deserialize, Serialize};

/// One kind of accommodation. Stored in the database by its `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accommodation {
    AslInterpreter,
    SpokenInterpreter,
    TranslatedMaterials,
    LargePrint,
    Audio,
    Other,
}

impl Accommodation {
    /// Every accommodation, in the order the kiosk lists them.
    pub const ALL: [Accommodation; 6] = [
        Accommodation::AslInterpreter,
        Accommodation::SpokenInterpreter,
        Accommodation::TranslatedMaterials,
        Accommodation::LargePrint,
        Accommodation::Audio,
        Accommodation::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Accommodation::AslInterpreter => "asl_interpreter",
            Accommodation::SpokenInterpreter => "spoken_interpreter",
            Accommodation::TranslatedMaterials => "translated_materials",
            Accommodation::LargePrint => "large_print",
            Accommodation::Audio => "audio",
            Accommodation::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Accommodation> {
        Accommodation::ALL.into_iter().find(|a| a.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_and_matches_serde() {
        for a in Accommodation::ALL {
            assert_eq!(Accommodation::from_code(a.code()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.code())
            );
        }
    }
}
