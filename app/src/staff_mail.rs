//! [ssr] The emails that carry a password link to a colleague: an invitation to a new
//! account, or a reset by an admin. Plain text in the admin's page language; the link is
//! the only way to the account until it is used.

use crate::domain::mail::StaffMail;
use crate::domain::roles::Role;
use crate::domain::staff_accounts::LinkPurpose;
use crate::i18n::{fill, translations, Locale};

/// Where the link in the email points: the page that sets the password.
pub fn password_url(public_url: &str, token: &str, locale: Locale) -> String {
    format!(
        "{}/staff/password/{token}?lang={}",
        public_url.trim_end_matches('/'),
        locale.tag()
    )
}

/// The invitation (with the role the account has) or the reset email to `name`.
pub fn password_link_mail(
    locale: Locale,
    purpose: LinkPurpose,
    name: &str,
    role: Option<Role>,
    url: &str,
) -> StaffMail {
    let a = &translations(locale).accounts;
    let hours = purpose.hours_valid().to_string();
    let role = role.map(|r| a.role(r)).unwrap_or_default();
    let values = [
        ("name", name),
        ("role", role),
        ("hours", hours.as_str()),
        ("link", url),
    ];
    let (subject, body) = match purpose {
        LinkPurpose::Invitation => (&a.mail_invitation_subject, &a.mail_invitation_body),
        LinkPurpose::Reset => (&a.mail_reset_subject, &a.mail_reset_body),
    };
    StaffMail {
        subject: subject.clone(),
        body: fill(body, &values),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_names_the_role_and_how_long_the_link_works() {
        let url = password_url("https://jobs.example.org/", "abc", Locale::Es);
        assert_eq!(url, "https://jobs.example.org/staff/password/abc?lang=es");
        let mail = password_link_mail(
            Locale::En,
            LinkPurpose::Invitation,
            "Rosa Diaz",
            Some(Role::Coach),
            &url,
        );
        assert!(mail.body.contains("Hello Rosa Diaz"), "{}", mail.body);
        assert!(mail.body.contains("Coach"), "{}", mail.body);
        assert!(mail.body.contains("72 hours"), "{}", mail.body);
        assert!(mail.body.contains(&url));
        assert!(
            !mail.body.contains('{'),
            "every placeholder filled: {}",
            mail.body
        );
        let reset = password_link_mail(Locale::Es, LinkPurpose::Reset, "Rosa", None, &url);
        assert!(reset.body.contains("24 horas"), "{}", reset.body);
    }
}
