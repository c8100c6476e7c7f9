//! Staff accounts as an admin manages them: who may be invited, the emailed links with
//! which a colleague chooses their own password, and what a password must be.

use super::contact_details::parse_email;
use super::roles::Role;

const NAME_MAX_CHARS: usize = 80;
/// Long enough to resist guessing with the sign-in slow-down, short enough to type.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Argon2 hashes any length; this only keeps absurd posts out.
pub const PASSWORD_MAX_CHARS: usize = 200;

/// Why a password link was emailed. Stored by `code()`, for whoever reads the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// A new account: the link sets its first password.
    Invitation,
    /// An admin reset the password: the link sets a new one.
    Reset,
}

impl LinkPurpose {
    pub fn code(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::Reset => "reset",
        }
    }

    /// How long the link works. An invitation spans a weekend; a reset is asked for by
    /// someone who wants to sign in now, and a stolen reset link is worth more.
    pub fn hours_valid(self) -> i64 {
        match self {
            LinkPurpose::Invitation => 72,
            LinkPurpose::Reset => 24,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// The two fields differ.
    NotRepeated,
}

/// Checks a chosen password and its repetition; every problem at once. Spaces count:
/// a passphrase of words is a good password.
pub fn new_password(password: &str, repeated: &str) -> Result<(), Vec<PasswordProblem>> {
    let mut problems = Vec::new();
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        problems.push(PasswordProblem::TooShort);
    } else if length > PASSWORD_MAX_CHARS {
        problems.push(PasswordProblem::TooLong);
    }
    if password != repeated {
        problems.push(PasswordProblem::NotRepeated);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
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
    fn a_password_has_twelve_characters_or_more_and_is_typed_twice_the_same() {
        assert_eq!(new_password("correct horse", "correct horse"), Ok(()));
        assert_eq!(
            new_password("short", "shorT"),
            Err(vec![
                PasswordProblem::TooShort,
                PasswordProblem::NotRepeated
            ])
        );
        let long = "x".repeat(201);
        assert_eq!(
            new_password(&long, &long),
            Err(vec![PasswordProblem::TooLong])
        );
        // Characters, not bytes: twelve letters of any script are enough.
        assert_eq!(new_password("ñandúñandúña", "ñandúñandúña"), Ok(()));
    }

    #[test]
    fn a_reset_link_expires_sooner_than_an_invitation() {
        assert!(LinkPurpose::Reset.hours_valid() < LinkPurpose::Invitation.hours_valid());
        assert_ne!(LinkPurpose::Reset.code(), LinkPurpose::Invitation.code());
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
