//! `/details-deleted`: where "Delete my details" leads. The private link no longer works,
//! so this page says what was deleted and what stays.

use crate::i18n::translations;
use crate::pages::booking::frame::BookingFrame;
use leptos::prelude::*;

#[component]
pub fn DetailsDeletedPage() -> impl IntoView {
    let locale = super::page_locale();
    let p = &translations(locale).privacy;
    let other = crate::i18n::Locale::ALL
        .into_iter()
        .find(|l| *l != locale)
        .unwrap_or(locale);
    let switch_href = format!("/details-deleted?lang={}", other.tag());
    view! {
        <BookingFrame locale title=p.erased_heading.clone() switch_href>
            <h1 data-testid="details-deleted">{p.erased_heading.clone()}</h1>
            <p class="lead">{p.erased_body.clone()}</p>
            <p><a class="primary-button" href=format!("/book?lang={}", locale.tag())>{p.back_home.clone()}</a></p>
        </BookingFrame>
    }
}
