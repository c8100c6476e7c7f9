//! The check-in wizard's island. It renders nothing: it starts the browser code
//! (`wizard_browser`) that drives the screens the server rendered (`check_in_wizard`),
//! with what that code needs and the page does not show: where to send the check-in, in
//! which language, and the messages for refused answers. Its props come beside it
//! (`components::island_props`).

use crate::i18n::{string_table, WizardStrings};
use leptos::prelude::*;

string_table! {
/// What the wizard's browser code needs that the page does not show.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInAssistData {
    pub center_id: String,
    /// The screen's language tag ("ar"), sent with the check-in.
    pub language: String,
    pub strings: WizardStrings,
}
}

/// The id of the element holding the wizard's props.
pub const CHECK_IN_ASSIST_DATA: &str = "check-in-assist-props";

#[island]
pub fn CheckInAssist() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        use crate::components::island_props::read_island_props;
        if let Some(p) = read_island_props::<CheckInAssistData>(CHECK_IN_ASSIST_DATA) {
            super::wizard_browser::start_up(p.center_id, p.language, p.strings);
        }
    }
}
