//! The check-in wizard's island. It renders nothing: it starts the browser code
//! (`wizard_browser`) that drives the screens the server rendered (`check_in_wizard`),
//! with what that code needs and the page does not show: where to send the check-in, in
//! which language, and the messages for refused answers.

use crate::i18n::{Packed, WizardStrings};
use leptos::prelude::*;

#[island]
pub fn CheckInAssist(
    center_id: String,
    /// The screen's language tag ("ar"), sent with the check-in.
    language: String,
    strings: Packed<WizardStrings>,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    super::wizard_browser::start_up(center_id, language, strings.0);
    #[cfg(not(feature = "hydrate"))]
    let _ = (center_id, language, strings);
}
