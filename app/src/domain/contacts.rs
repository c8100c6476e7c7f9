//! Phone numbers the kiosk gives visitors. They are facts, not words, so they live here
//! once and the translations place them with `{phone}` placeholders.

/// Oregon Employment Department, for Unemployment Insurance (not WorkSource).
pub const EMPLOYMENT_DEPARTMENT_PHONES: [&str; 2] = ["(503) 292-2057", "(877) 345-3484"];

/// WorkSource Oregon Language Access Line, for help in another language.
pub const LANGUAGE_ACCESS_LINE: &str = "833-685-0845";
