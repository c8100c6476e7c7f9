//! The page for any address the app does not know.

use crate::components::page_title::PageTitle;
use crate::i18n::{language_line, translations};
use leptos::prelude::*;
use leptos_meta::Html;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let locale = super::page_locale();
    let t = translations(locale);
    crate::pages::respond_not_found();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=t.common.not_found.clone()/>
        <main class="page">
            <h1>{t.common.not_found.clone()}</h1>
            <p><a href="/">{crate::i18n::fill(&t.common.home_heading, &[("agency", &crate::api::agency().public_name)])}</a></p>
        </main>
        // Someone lost on the site may need help in their language most of all.
        <footer class="page">
            {language_line(locale, &crate::api::agency()).map(|line| view! { <p>{line}</p> })}
        </footer>
    }
}
