//! Staff accounts as an admin manages them: who may be invited, and the one-time
//! passwords an admin hands over when inviting someone or resetting a password.

use super::confirmation_code::ALPHABET;
use super::contact_details::parse_email;
use super::roles::Role;

/// Symbols in a one-time password: 16 of 32 symbols, 80 random bits.
pub const TEMPORARY_PASSWORD_SYMBOLS: usize = 16;
const NAME_MAX_CHARS: usize = 80;

/// A one-time password from random bytes, in groups of four a person can read out
/// ("K7QM-2XHD-…"): no 0/O or 1/I to confuse.
pub fn temporary_password(random: [u8; TEMPORARY_PASSWORD_SYMBOLS]) -> String {
    random
        .chunks(4)
        .map(|group| {
            group
                .iter()
                .map(|b| ALPHABET[usize::from(b % 32)] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountProblem {
    NameMissing,
    NameTooLong,
    EmailInvalid,
    RoleUnknown,
}

/// A checked invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub display_name: String,
    pub email: String,
    pub role: Role,
}

/// Checks an invitation as typed; every problem at once.
pub fn invitation(name: &str, email: &str, role: &str) -> Result<Invitation, Vec<AccountProblem>> {
    let mut problems = Vec::new();
    let name = name.trim();
    if name.is_empty() {
        problems.push(AccountProblem::NameMissing);
    } else if name.chars().count() > NAME_MAX_CHARS {
        problems.push(AccountProblem::NameTooLong);
    }
    let email = parse_email(email);
    if email.is_err() {
        problems.push(AccountProblem::EmailInvalid);
    }
    let role = Role::ALL.into_iter().find(|r| r.code() == role.trim());
    if role.is_none() {
        problems.push(AccountProblem::RoleUnknown);
    }
    match (email, role) {
        (Ok(email), Some(role)) if problems.is_empty() => Ok(Invitation {
            display_name: name.to_owned(),
            email: email.to_lowercase(),
            role,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_time_password_is_four_readable_groups() {
        let password =
            temporary_password([0, 1, 2, 3, 31, 32, 33, 255, 8, 9, 10, 11, 12, 13, 14, 15]);
        assert_eq!(password, "ABCD-9AB9-JKLM-NPQR");
        assert!(!password.contains(['0', 'O', '1', 'I']));
    }

    #[test]
    fn an_invitation_needs_a_name_an_email_and_a_known_role() {
        assert_eq!(
            invitation(" Rosa Diaz ", "Rosa@Example.org", "coach"),
            Ok(Invitation {
                display_name: "Rosa Diaz".into(),
                email: "rosa@example.org".into(),
                role: Role::Coach
            })
        );
        assert_eq!(
            invitation("", "rosa@", "owner"),
            Err(vec![
                AccountProblem::NameMissing,
                AccountProblem::EmailInvalid,
                AccountProblem::RoleUnknown
            ])
        );
        assert_eq!(
            invitation(&"x".repeat(81), "a@b.org", "admin"),
            Err(vec![AccountProblem::NameTooLong])
        );
    }
}
