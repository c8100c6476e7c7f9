//! The closed lists a parameter takes its value from, as the OpenAPI document spells them
//! out (an `enum`), so a partner's generated client, and Schemathesis, know every value
//! the API accepts: the visitors' languages, the topics and the IANA time zones.

use crate::domain::locale::Locale;
use crate::domain::workshop::Topic;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

fn one_of<'a>(description: &str, values: impl IntoIterator<Item = &'a str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .enum_values(Some(values))
        .into()
}

/// One of the visitors' languages.
pub struct LanguageTag;

impl PartialSchema for LanguageTag {
    fn schema() -> RefOr<Schema> {
        one_of(
            "One of the visitors' languages",
            Locale::ALL.into_iter().map(Locale::tag),
        )
    }
}

impl ToSchema for LanguageTag {}

/// A workshop topic.
pub struct TopicCode;

impl PartialSchema for TopicCode {
    fn schema() -> RefOr<Schema> {
        one_of("A workshop topic", Topic::ALL.into_iter().map(Topic::code))
    }
}

impl ToSchema for TopicCode {}

/// An IANA time zone, as the server's zone database names it.
pub struct TimeZoneName;

impl PartialSchema for TimeZoneName {
    fn schema() -> RefOr<Schema> {
        one_of(
            "An IANA time zone name",
            chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name()),
        )
    }
}

impl ToSchema for TimeZoneName {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_value_is_one_the_api_accepts() {
        for zone in chrono_tz::TZ_VARIANTS {
            assert_eq!(zone.name().parse::<chrono_tz::Tz>(), Ok(zone));
        }
        for topic in Topic::ALL {
            assert_eq!(Topic::from_code(topic.code()), Some(topic));
        }
        for locale in Locale::ALL {
            assert_eq!(super::super::locale_of(locale.tag()), Some(locale));
        }
    }
}
