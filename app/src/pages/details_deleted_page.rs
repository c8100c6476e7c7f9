//! `/details-deleted`: where "Delete my details" leads. The private link no longer works,
//! so this page says what was deleted and what stays.

use crate::i18n::translations;
use crate::pages::booking::frame::{BookingFrame, LanguageHrefs};
use leptos::prelude::*;

#[component]
pub fn DetailsDeletedPage() -> impl IntoView {
    let locale = super::page_locale();
    let p = &translations(locale).privacy;
    let languages = LanguageHrefs::new(|l| format!("/details-deleted?lang={}", l.tag()));
    view! {
        <BookingFrame locale title=p.erased_heading.clone() languages>
            <h1 data-testid="details-deleted">{p.erased_heading.clone()}</h1>
            <p class="lead">{p.erased_body.clone()}</p>
            <p><a class="primary-button" href=format!("/book?lang={}", locale.tag())>{p.back_home.clone()}</a></p>
        </BookingFrame>
    }
}
