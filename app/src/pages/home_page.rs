//! `/`: a plain index of the kiosks and the staff sign-in, for whoever opens the bare URL.

use crate::api::centers::list_centers;
use crate::components::page_title::PageTitle;
use crate::i18n::{fill, language_line, translations};
use leptos::prelude::*;
use leptos_meta::Html;

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = super::page_locale();
    let t = translations(locale);
    let heading = fill(
        &t.common.home_heading,
        &[("agency", &crate::api::agency().public_name)],
    );
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=heading.clone()/>
        <main class="page">
            <h1>{heading}</h1>
            <p>{t.common.home_intro.clone()}</p>
            <Suspense>
                {Suspend::new(async move {
                    let centers = list_centers().await.unwrap_or_default();
                    view! {
                        <ul class="link-list">
                            {centers
                                .into_iter()
                                .map(|c| {
                                    let label = fill(&t.common.kiosk_link, &[("center", &c.name)]);
                                    view! { <li><a href=format!("/kiosk/{}", c.id)>{label}</a></li> }
                                })
                                .collect_view()}
                            <li><a href="/staff/queue">{t.common.staff_link.clone()}</a></li>
                        </ul>
                    }
                })}
            </Suspense>
        </main>
        <footer class="page">
            {language_line(locale, &crate::api::agency()).map(|line| view! { <p>{line}</p> })}
        </footer>
    }
}
