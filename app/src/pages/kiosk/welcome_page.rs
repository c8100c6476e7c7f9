//! `/kiosk/{center}`: the welcome screen. Plain links, so it works before any WASM loads.

use super::display::KioskDisplay;
use super::kiosk_frame::{KioskFrame, UnknownCenter};
use crate::api::centers::get_center;
use crate::i18n::{fill, translations, Locale};
use leptos::prelude::*;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let locale = display.locale;
    let t = translations(locale);
    let heading = fill(
        &t.kiosk_frame.welcome_heading,
        &[("agency", &crate::api::agency().public_name)],
    );
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(center)) = get_center(center_id).await else {
                    return view! { <UnknownCenter locale/> }.into_any();
                };
                let id = center.id.clone();
                let here = move |d: KioskDisplay| format!("/kiosk/{id}{}", d.query());
                view! {
                    <KioskFrame
                        center_id=center.id.clone()
                        center_name=center.name
                        display
                        title=heading.clone()
                        guard_idle=!display.is_default()
                    >
                        <h1>{heading}</h1>
                        // The feedback link shares the intro's line: the screen fits a
                        // landscape tablet without scrolling in every language.
                        <div class="welcome-intro">
                            <p class="lead">{t.kiosk_frame.welcome_intro.clone()}</p>
                            <a class="option-button feedback-link" href=format!("/kiosk/{}/feedback{}", center.id, display.query())>{t.feedback.kiosk_link.clone()}</a>
                        </div>
                        <div class="big-actions">
                            <a class="big-action" href=format!("/kiosk/{}/check-in{}", center.id, display.query())>
                                <span class="big-action-title">{t.kiosk_frame.check_in.clone()}</span>
                                <span class="big-action-hint">{t.kiosk_frame.check_in_hint.clone()}</span>
                            </a>
                            <a class="big-action" href=format!("/kiosk/{}/appointment{}", center.id, display.query())>
                                <span class="big-action-title">{t.arrival.appointment.clone()}</span>
                                <span class="big-action-hint">{t.arrival.appointment_hint.clone()}</span>
                            </a>
                            <a class="big-action" href=format!("/kiosk/{}/workshops{}", center.id, display.query())>
                                <span class="big-action-title">{t.workshops.nav_link.clone()}</span>
                                <span class="big-action-hint">{t.workshops.kiosk_hint.clone()}</span>
                            </a>
                        </div>
                        <div class="settings">
                            <section class="setting" aria-labelledby="language-heading">
                                <h2 id="language-heading">{t.kiosk_frame.choose_language.clone()}</h2>
                                <ul class="option-list">
                                    {Locale::ALL
                                        .into_iter()
                                        .map(|l| view! {
                                            <li>
                                                <a
                                                    class="option-button"
                                                    href=here(display.with_locale(l))
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
                            {setting(
                                "text-size-heading",
                                t.kiosk_frame.text_size.clone(),
                                [
                                    (t.kiosk_frame.text_standard.clone(), here(display.with_large_text(false)), !display.large_text),
                                    (t.kiosk_frame.text_large.clone(), here(display.with_large_text(true)), display.large_text),
                                ],
                            )}
                            {setting(
                                "contrast-heading",
                                t.kiosk_frame.contrast.clone(),
                                [
                                    (t.kiosk_frame.contrast_standard.clone(), here(display.with_high_contrast(false)), !display.high_contrast),
                                    (t.kiosk_frame.contrast_high.clone(), here(display.with_high_contrast(true)), display.high_contrast),
                                ],
                            )}
                        </div>
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// One display setting: a heading and its options as links, the current one marked.
fn setting(
    id: &'static str,
    heading: String,
    options: [(String, String, bool); 2],
) -> impl IntoView {
    view! {
        <section class="setting" aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            <ul class="option-list">
                {options
                    .into_iter()
                    .map(|(label, href, current)| view! {
                        <li>
                            <a class="option-button" href=href aria-current=current.then_some("true")>{label}</a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
