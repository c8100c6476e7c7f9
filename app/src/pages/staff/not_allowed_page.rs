//! `/staff/not-allowed`: what a staff form post answers (with 403) when the signed-in
//! role may not do what was asked.

use crate::components::page_title::PageTitle;
use crate::i18n::translations;
use leptos::prelude::*;
use leptos_meta::Html;

#[component]
pub fn NotAllowedPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = &translations(locale).staff;
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::FORBIDDEN);
    }
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=t.not_allowed_heading.clone()/>
        <main id="main" class="page staff">
            <h1>{t.not_allowed_heading.clone()}</h1>
            <p data-testid="not-allowed">{t.not_allowed_body.clone()}</p>
            <p><a href=format!("/staff/queue?lang={}", locale.tag())>{t.nav_queue.clone()}</a></p>
        </main>
    }
}
