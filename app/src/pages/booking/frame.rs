//! What every booking page shares: language and title, a header with the language
//! switch, the step, and the Language Access Line.

use super::handoff_links::HandoffLinks;
use super::query::BookingQuery;
use crate::i18n::{fill, language_line, translations, Locale};
use leptos::prelude::*;
use leptos_meta::{Html, Stylesheet, Title};

/// `switch_href`: this page in the other language (the choices kept). `step`: which of
/// the three steps (choose, time, about you) this page is, if any.
#[component]
pub fn BookingFrame(
    locale: Locale,
    title: String,
    switch_href: String,
    #[prop(optional_no_strip)] step: Option<u8>,
    children: Children,
) -> impl IntoView {
    let t = translations(locale);
    let other = Locale::ALL
        .into_iter()
        .find(|l| *l != locale)
        .unwrap_or(locale);
    let agency = crate::api::agency();
    let full_title = format!("{title} · {}", agency.public_name);
    let notice = use_context::<crate::pages::PageNotice>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <Title text=full_title/>
        <Stylesheet id="booking" href="/booking.css"/>
        <a class="skip-link" href="#main">{t.common.skip_to_content.clone()}</a>
        <header class="booking-header">
            <p class="booking-brand">{agency.public_name.clone()}</p>
            <a class="language-switch" href=switch_href lang=other.tag() hreflang=other.tag()>
                {translations(other).common.language_name.clone()}
            </a>
        </header>
        <main id="main" class="booking-main">
            {notice.map(|n| view! { <p class="notice notice-error" role="alert" data-testid="page-notice">{n.0}</p> })}
            {step.map(|n| view! {
                <p class="booking-step">{fill(&t.booking.step_of, &[("step", &n.to_string()), ("total", "3")])}</p>
            })}
            {children()}
        </main>
        <footer class="booking-footer">
            {language_line(locale, &agency).map(|line| view! { <p>{line}</p> })}
            <HandoffLinks locale agency=agency.clone()/>
        </footer>
    }
}

/// The same page in `locale`, for the language switch.
pub fn switch_href(path: &str, query: &BookingQuery) -> String {
    let other = Locale::ALL
        .into_iter()
        .find(|l| *l != query.locale)
        .unwrap_or(query.locale);
    query.with_locale(other).href(path)
}
