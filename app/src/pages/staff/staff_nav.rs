//! The staff header: who is signed in, the staff pages, and sign-out.

use crate::i18n::{fill, translations, Locale};
use leptos::prelude::*;

#[component]
pub fn StaffNav(
    locale: Locale,
    staff_name: String,
    current: &'static str,
    center_id: String,
) -> impl IntoView {
    let t = &translations(locale).staff;
    let link = |page: &'static str, label: String| {
        // Pages that are not about one center pass no center: the next page picks its own.
        let center = if center_id.is_empty() {
            String::new()
        } else {
            format!("center={center_id}&")
        };
        let href = format!("/staff/{page}?{center}lang={}", locale.tag());
        view! { <li><a href=href aria-current=(page == current).then_some("page")>{label}</a></li> }
    };
    view! {
        <header class="staff-header">
            <nav aria-label=t.nav_label.clone()>
                <ul class="staff-nav">
                    {link("queue", t.nav_queue.clone())}
                    {link("calendar", translations(locale).calendar.nav.clone())}
                    {link("appointments", t.nav_appointments.clone())}
                    {link("workshops", translations(locale).workshops.nav_link.clone())}
                    {link("accommodations", translations(locale).accommodation_work.nav.clone())}
                    {link("availability", translations(locale).availability.nav.clone())}
                    {link("closures", translations(locale).closures.nav.clone())}
                    {link("reports", translations(locale).reports.nav.clone())}
                    {link("audit", translations(locale).calendar.audit_nav.clone())}
                    {link("privacy", translations(locale).privacy_admin.nav.clone())}
                    {link("kiosks", translations(locale).kiosk_tablets.nav.clone())}
                    {link("accounts", translations(locale).accounts.nav.clone())}
                    {link("centers", translations(locale).center_setup.nav.clone())}
                    {link("reasons", translations(locale).reason_setup.nav.clone())}
                    {link("services", translations(locale).service_setup.nav.clone())}
                    {link("agency", translations(locale).agency_settings.nav.clone())}
                </ul>
            </nav>
            <p>{fill(&t.signed_in_as, &[("name", &staff_name)])}</p>
            <form method="post" action="/staff/sign-out">
                <button type="submit" class="secondary-button">{t.sign_out.clone()}</button>
            </form>
        </header>
    }
}
