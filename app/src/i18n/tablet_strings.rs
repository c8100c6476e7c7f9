//! Strings about kiosk tablets as devices: the tablet's own "not set up" and pairing
//! screen, and the managers' page that pairs and revokes tablets. Kept out of
//! `KioskStrings`, whose fields travel to the check-in island: these never reach WASM.

use serde::Deserialize;

/// The tablet's screen when it is not (or no longer) a kiosk of this center.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairingStrings {
    pub title: String,
    pub not_set_up_heading: String,
    pub set_up_heading: String,
    pub intro: String,
    /// "This tablet is the kiosk of {center}."
    pub other_center: String,
    pub go_to_own_kiosk: String,
    pub code_label: String,
    pub code_hint: String,
    pub submit: String,
    pub error_code: String,
}

/// The managers' "Kiosk tablets" page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TabletStrings {
    pub nav: String,
    pub heading: String,
    pub intro: String,
    pub new_heading: String,
    pub center_label: String,
    pub name_label: String,
    pub name_hint: String,
    pub create: String,
    /// "Pairing code for {name} at {center}"
    pub code_heading: String,
    /// "On the tablet, open {address} and type this code within {minutes} minutes …"
    pub code_body: String,
    pub col_name: String,
    pub col_center: String,
    pub col_paired: String,
    pub col_last_used: String,
    pub col_state: String,
    pub never_used: String,
    pub working: String,
    pub revoked: String,
    pub revoke_button: String,
    /// "Revoke {name}"
    pub revoke_described: String,
    pub notice_revoked: String,
    pub none: String,
    pub error_name_missing: String,
    pub error_name_long: String,
    pub error_center: String,
    pub managers_only: String,
}
