//! `/kiosk/{center}/check-in`: the walk-in check-in wizard.

use super::check_in_wizard::CheckInWizard;
use super::kiosk_frame::{KioskFrame, UnknownCenter};
use super::wizard_answers::WizardReply;
use crate::api::centers::kiosk_settings;
use crate::api::check_in::kiosk_reasons;
use crate::i18n::{reason_choices, translations, WizardStrings};
use leptos::prelude::*;

#[component]
pub fn CheckInPage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let locale = display.locale;
    let t = translations(locale);
    // A screen posted without the browser code comes back with its answers.
    let reply = use_context::<WizardReply>().unwrap_or_default();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(settings)) = kiosk_settings(center_id).await else {
                    return view! { <UnknownCenter locale/> }.into_any();
                };
                let reasons = kiosk_reasons(locale).await;
                let center = settings.center;
                // Nothing to check in for (none set up, or only ones handled elsewhere),
                // or the list could not be read: say so instead of a step no one can pass.
                let ready = reasons.as_ref().is_ok_and(|r| r.iter().any(|r| r.elsewhere.is_none()));
                if !ready {
                    let (heading, body) = match reasons {
                        Ok(_) => (t.kiosk_frame.not_ready_heading.clone(), t.kiosk_frame.not_ready_body.clone()),
                        Err(_) => (t.kiosk_frame.check_in.clone(), t.common.error_unavailable.clone()),
                    };
                    return view! {
                        <KioskFrame center_id=center.id.clone() center_name=center.name display title=t.kiosk_frame.check_in.clone()>
                            <div class="step">
                                <h1>{heading}</h1>
                                <p role="alert" data-testid="not-ready">{body}</p>
                                <a class="primary-button" href=format!("/kiosk/{}{}", center.id, display.query())>{t.kiosk.start_over.clone()}</a>
                            </div>
                        </KioskFrame>
                    }
                    .into_any();
                }
                let strings = WizardStrings::new(
                    t,
                    &crate::api::agency().public_name,
                    reason_choices(locale, &reasons.unwrap_or_default()),
                    settings.retention_days,
                );
                view! {
                    <KioskFrame center_id=center.id.clone() center_name=center.name display title=t.kiosk_frame.check_in.clone()>
                        <CheckInWizard
                            center_id=center.id.clone()
                            display
                            reply=reply.clone()
                            start_over_url=format!("/kiosk/{}{}", center.id, display.query())
                            home_url=format!("/kiosk/{}", center.id)
                            strings
                        />
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}
