//! What an email is made of once composed, and what composing needs to know about the
//! site. Composing happens in the mail modules; storing in the outbox happens in `db`;
//! both meet on these plain types.

/// What emails need that a booking or enrolment does not know: where the site is, who
/// sends.
#[derive(Debug, Clone)]
pub struct MailContext {
    /// The site's address as participants reach it, for manage links (no trailing `/`).
    pub public_url: String,
    /// The sender address, also the calendar event's organizer.
    pub from_address: String,
    /// The agency's names and Language Access Line, which every email carries.
    pub agency: super::agency::Agency,
}

impl MailContext {
    /// The sender's bare address, as a calendar event's organizer: `frontdesk@example.org`
    /// out of `WorkSource <frontdesk@example.org>`.
    pub fn organizer_email(&self) -> String {
        let from = &self.from_address;
        match (from.find('<'), from.find('>')) {
            (Some(open), Some(close)) if close > open => from[open + 1..close].to_owned(),
            _ => from.trim().to_owned(),
        }
    }
}

/// A message to a participant, with its calendar file, ready for the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    pub subject: String,
    pub body: String,
    pub ics: String,
    pub ics_method: &'static str,
}

/// A composed email to a colleague about their account (no calendar file).
#[derive(Debug, Clone, PartialEq)]
pub struct StaffMail {
    pub subject: String,
    pub body: String,
}
