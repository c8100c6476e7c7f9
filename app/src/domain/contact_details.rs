//! Email addresses and telephone numbers a participant types when booking. The checks are
//! deliberately forgiving about formatting and strict only where a wrong value would mean
//! a confirmation never arrives.

use serde::{Deserialize, Serialize};

/// Why a contact detail was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactError {
    Empty,
    InvalidEmail,
    InvalidPhone,
}

const EMAIL_MAX: usize = 254;

/// A trimmed address with one `@`, something before it, a dotted domain after it and no
/// spaces. Case is kept (the part before `@` may be case-sensitive).
pub fn parse_email(raw: &str) -> Result<String, ContactError> {
    let email = raw.trim();
    if email.is_empty() {
        return Err(ContactError::Empty);
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(ContactError::InvalidEmail);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !domain.contains('@');
    let ok = !local.is_empty()
        && domain_ok
        && email.len() <= EMAIL_MAX
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(email.to_owned())
    } else {
        Err(ContactError::InvalidEmail)
    }
}

/// A phone number as digits, with a leading `+` kept for international numbers.
/// Spaces, dots, hyphens and brackets are ignored; 10 to 15 digits are required.
pub fn parse_phone(raw: &str) -> Result<String, ContactError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(ContactError::Empty);
    }
    let plus = trimmed.starts_with('+');
    let mut digits = String::new();
    for c in trimmed.trim_start_matches('+').chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => return Err(ContactError::InvalidPhone),
        }
    }
    if !(10..=15).contains(&digits.len()) {
        return Err(ContactError::InvalidPhone);
    }
    Ok(if plus { format!("+{digits}") } else { digits })
}

/// A stored phone number (`parse_phone`'s digits) as people write it: a North American
/// number of ten digits as `(541) 386-4110`; any other as stored.
pub fn display_phone(stored: &str) -> String {
    let digits = stored.strip_prefix("+1").unwrap_or(stored);
    if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("({}) {}-{}", &digits[..3], &digits[3..6], &digits[6..])
    } else {
        stored.to_owned()
    }
}

/// The last four digits, which a visitor gives at the kiosk together with their name.
pub fn last_four(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(4)..].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn north_american_numbers_are_shown_as_people_write_them() {
        assert_eq!(display_phone("5413864110"), "(541) 386-4110");
        assert_eq!(display_phone("+15413864110"), "(541) 386-4110");
        assert_eq!(display_phone("+442079460000"), "+442079460000");
        assert_eq!(display_phone(""), "");
        assert_eq!(
            parse_phone(&display_phone("5413864110")).as_deref(),
            Ok("5413864110")
        );
    }

    #[test]
    fn ordinary_addresses_pass_and_are_trimmed() {
        assert_eq!(parse_email(" ana@example.org ").unwrap(), "ana@example.org");
        assert!(parse_email("José.Pérez+jobs@correo.example.mx").is_ok());
    }

    #[test]
    fn broken_addresses_are_refused() {
        assert_eq!(parse_email(""), Err(ContactError::Empty));
        for bad in [
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "ana @example.org",
            "a@b@c.org",
            "ana@example..org",
            "ana@.example.org",
        ] {
            assert_eq!(parse_email(bad), Err(ContactError::InvalidEmail), "{bad}");
        }
    }

    #[test]
    fn phone_formatting_is_ignored_and_digits_are_counted() {
        assert_eq!(parse_phone("(503) 555-0142").unwrap(), "5035550142");
        assert_eq!(parse_phone("503.555.0142").unwrap(), "5035550142");
        assert_eq!(parse_phone("+52 55 1234 5678").unwrap(), "+525512345678");
        assert_eq!(parse_phone(" "), Err(ContactError::Empty));
        assert_eq!(parse_phone("555-0142"), Err(ContactError::InvalidPhone));
        assert_eq!(parse_phone("503-555-O142"), Err(ContactError::InvalidPhone));
        assert_eq!(
            parse_phone("1234567890123456"),
            Err(ContactError::InvalidPhone)
        );
    }

    #[test]
    fn last_four_digits_ignore_formatting() {
        assert_eq!(last_four("5035550142"), "0142");
        assert_eq!(last_four("+525512345678"), "5678");
        assert_eq!(last_four("12"), "12");
    }
}
