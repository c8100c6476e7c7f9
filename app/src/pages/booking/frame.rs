//! What every booking page shares: language and title, a header with the language
//! picker, the step, and the Language Access Line.

use super::handoff_links::HandoffLinks;
use super::query::BookingQuery;
use crate::components::page_title::PageTitle;
use crate::i18n::{fill, language_line, translations, Locale};
use leptos::prelude::*;
use leptos_meta::{Html, Stylesheet};

/// This page in each language (the choices kept), for the language picker.
#[derive(Clone)]
pub struct LanguageHrefs(Vec<(Locale, String)>);

impl LanguageHrefs {
    pub fn new(href: impl Fn(Locale) -> String) -> Self {
        LanguageHrefs(Locale::ALL.into_iter().map(|l| (l, href(l))).collect())
    }
}

/// `languages`: this page in every language. `step`: which of the three steps (choose,
/// time, about you) this page is, if any.
#[component]
pub fn BookingFrame(
    locale: Locale,
    title: String,
    languages: LanguageHrefs,
    #[prop(optional_no_strip)] step: Option<u8>,
    children: Children,
) -> impl IntoView {
    let t = translations(locale);
    let agency = crate::api::agency();
    let full_title = format!("{title} · {}", agency.public_name);
    let notice = use_context::<crate::pages::PageNotice>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=full_title/>
        <Stylesheet id="booking" href="/booking.css"/>
        <a class="skip-link" href="#main">{t.common.skip_to_content.clone()}</a>
        <header class="booking-header">
            <p class="booking-brand">{agency.public_name.clone()}</p>
            <nav class="language-picker" aria-label=t.kiosk_frame.choose_language.clone()>
                <ul>
                    {languages.0.into_iter().map(|(l, href)| {
                        let name = translations(l).common.language_name.clone();
                        // The current language is named, not linked; each name is in its own
                        // language and direction, whatever the page's.
                        view! {
                            <li lang=l.tag() dir=l.dir()>
                                {if l == locale {
                                    view! { <span aria-current="true">{name}</span> }.into_any()
                                } else {
                                    view! { <a href=href hreflang=l.tag()>{name}</a> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
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

/// A booking step's page in every language, the choices kept.
pub fn language_hrefs(path: &str, query: &BookingQuery) -> LanguageHrefs {
    LanguageHrefs::new(|l| query.with_locale(l).href(path))
}
