//! `/kiosk/{center}`: the welcome screen. Plain links, so it works before any WASM loads.

use super::kiosk_frame::{KioskFrame, UnknownCenter};
use crate::api::centers::get_center;
use crate::i18n::{translations, Locale};
use leptos::prelude::*;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let (locale, center_id) = crate::pages::kiosk_params();
    let t = translations(locale);
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(center)) = get_center(center_id).await else {
                    return view! { <UnknownCenter locale/> }.into_any();
                };
                let id = center.id.clone();
                view! {
                    <KioskFrame
                        center_id=center.id.clone()
                        center_name=center.name
                        locale
                        title=t.kiosk.welcome_heading.clone()
                        guard_idle=locale != Locale::default()
                    >
                        <h1>{t.kiosk.welcome_heading.clone()}</h1>
                        <p class="lead">{t.kiosk.welcome_intro.clone()}</p>
                        <a class="big-action" href=format!("/kiosk/{id}/check-in?lang={}", locale.tag())>
                            <span class="big-action-title">{t.kiosk.check_in.clone()}</span>
                            <span class="big-action-hint">{t.kiosk.check_in_hint.clone()}</span>
                        </a>
                        <section class="languages" aria-labelledby="language-heading">
                            <h2 id="language-heading">{t.kiosk.choose_language.clone()}</h2>
                            <ul class="language-list">
                                {Locale::ALL
                                    .into_iter()
                                    .map(|l| view! {
                                        <li>
                                            <a
                                                class="language-button"
                                                href=format!("/kiosk/{id}?lang={}", l.tag())
                                                lang=l.tag()
                                                hreflang=l.tag()
                                                aria-current=(l == locale).then_some("true")
                                            >
                                                {translations(l).common.language_name.clone()}
                                            </a>
                                        </li>
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}
