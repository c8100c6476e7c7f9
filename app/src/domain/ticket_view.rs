//! What a visitor's ticket says, as the kiosk shows it after check-in.

use serde::{Deserialize, Serialize};

/// What the visitor's ticket says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    /// "A-042".
    pub number: String,
    /// How many will be called first; 0 means "you are next".
    pub people_ahead: u32,
    pub wait_minutes: u32,
    /// "Estimated wait: about 12 minutes." in the visitor's language, filled in by the
    /// server (plural rules stay out of the kiosk's WASM); empty until then.
    pub wait_sentence: String,
    /// Where the visitor can follow their place on their phone; filled in by the server.
    pub follow: Option<QrLink>,
    /// Where a visitor who came to register can start while waiting (the agency's
    /// registration address), when they chose that reason and the agency has one.
    pub registration: Option<QrLink>,
    /// "The SkillsTeam will see your request." in the visitor's language, when a chosen
    /// reason goes to a team; filled in by the server, empty otherwise.
    pub team_note: String,
}

/// A link printed on the ticket, and the same as a QR code drawn by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QrLink {
    /// The whole address, as the QR code holds it.
    pub url: String,
    /// The address without its scheme, for typing ("frontdesk.example.org/t/…").
    pub short: String,
    /// An `<svg>` element.
    pub qr_svg: String,
}
