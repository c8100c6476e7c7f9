//! `/kiosk/{center}/check-in`: the walk-in check-in wizard.

use super::check_in_wizard::CheckInWizard;
use super::kiosk_frame::{KioskFrame, UnknownCenter};
use crate::api::centers::kiosk_settings;
use crate::api::check_in::kiosk_reasons;
use crate::i18n::{translations, Packed};
use leptos::prelude::*;

#[component]
pub fn CheckInPage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let locale = display.locale;
    let t = translations(locale);
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(settings)) = kiosk_settings(center_id).await else {
                    return view! { <UnknownCenter locale/> }.into_any();
                };
                let reasons = kiosk_reasons(locale).await.unwrap_or_default();
                let center = settings.center;
                view! {
                    <KioskFrame center_id=center.id.clone() center_name=center.name display title=t.kiosk.check_in.clone()>
                        <CheckInWizard
                            center_id=center.id.clone()
                            start_over_url=format!("/kiosk/{}{}", center.id, display.query())
                            home_url=format!("/kiosk/{}", center.id)
                            language=locale
                            strings=Packed::for_agency(&t.kiosk, &crate::api::agency().public_name)
                            retention_days=settings.retention_days
                            reasons
                        />
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}
