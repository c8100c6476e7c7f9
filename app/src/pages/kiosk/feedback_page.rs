//! `/kiosk/{center}/feedback`: "Tell us how we did", for a visitor without a phone (or who
//! would rather answer here). Anonymous: no visit, no name. A plain form that posts, so it
//! works before any WASM loads; `?sent=1` thanks the visitor.

use super::display::kiosk_form_fields;
use super::kiosk_frame::{KioskFrame, UnknownCenter};
use crate::api::centers::get_center;
use crate::components::feedback_form::FeedbackForm;
use crate::i18n::translations;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn KioskFeedbackPage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let sent = use_query_map().read_untracked().get("sent").is_some();
    let t = translations(display.locale);
    let f = &t.feedback;
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(center)) = get_center(center_id).await else {
                    return view! { <UnknownCenter locale=display.locale/> }.into_any();
                };
                let home = format!("/kiosk/{}{}", center.id, display.query());
                let hidden = kiosk_form_fields(display);
                let body = if sent {
                    view! {
                        <p class="lead feedback-thanks" role="status" data-testid="feedback-thanks">{f.thanks.clone()}</p>
                        <a class="primary-button" href=home data-end-visit>{f.kiosk_back.clone()}</a>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="lead">{f.kiosk_intro.clone()}</p>
                        <FeedbackForm action=format!("/kiosk/{}/feedback", center.id) locale=display.locale hidden
                            back=(home, t.kiosk.back.clone())/>
                    }
                    .into_any()
                };
                view! {
                    <KioskFrame center_id=center.id.clone() center_name=center.name display title=f.kiosk_link.clone()>
                        <div class="step kiosk-feedback">
                            <h1>{f.kiosk_link.clone()}</h1>
                            {body}
                        </div>
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}
