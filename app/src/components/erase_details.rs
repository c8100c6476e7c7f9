//! "Delete my details" on a private page: what is kept and for how long, and the button
//! that erases it now. Shown once nothing is still to happen (cancelled, or over).

use crate::i18n::{translations, Locale};
use leptos::prelude::*;

#[component]
pub fn EraseDetails(
    /// Where the form posts (`…/erase`).
    action: String,
    retention_days: u32,
    locale: Locale,
) -> impl IntoView {
    let p = &translations(locale).privacy;
    view! {
        <section class="manage" aria-labelledby="erase-heading">
            <h2 id="erase-heading">{p.erase_heading.clone()}</h2>
            <p class="field-hint">{p.erase_body.count(retention_days)}</p>
            <form method="post" action=action>
                <input type="hidden" name="lang" value=locale.tag()/>
                <button type="submit" class="danger-button" data-testid="erase-details">{p.erase_button.clone()}</button>
            </form>
        </section>
    }
}
