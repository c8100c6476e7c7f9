//! The HTML shell and the route table.

use crate::pages::{
    booking::{
        details_page::BookDetailsPage,
        manage_page::{ManageBookingPage, RescheduleBookingPage},
        start_page::BookStartPage,
        times_page::BookTimesPage,
    },
    display_page::DisplayPage,
    follow_page::FollowPage,
    home_page::HomePage,
    kiosk::{
        appointment_page::AppointmentPage,
        check_in_page::CheckInPage,
        feedback_page::KioskFeedbackPage,
        pair_page::KioskPairPage,
        welcome_page::WelcomePage,
        workshops_page::{KioskWorkshopPage, KioskWorkshopsPage},
    },
    not_found_page::NotFoundPage,
    staff::{
        accommodations_page::AccommodationsPage,
        accounts_page::AccountsPage,
        agency_page::AgencyPage,
        appointment_detail_page::AppointmentDetailPage,
        appointments_page::AppointmentsPage,
        audit_page::AuditPage,
        availability_page::AvailabilityPage,
        calendar_page::CalendarPage,
        centers_page::CentersPage,
        closures_page::ClosuresPage,
        kiosks_page::KiosksPage,
        login_page::LoginPage,
        not_allowed_page::NotAllowedPage,
        password_page::PasswordPage,
        queue_page::QueuePage,
        reports_page::ReportsPage,
        roster_page::RosterPage,
        session_form_page::{EditSessionPage, NewSessionPage},
        workshops_page::StaffWorkshopsPage,
    },
    workshops::{
        catalog_page::WorkshopsPage, enrolment_page::EnrolmentPage,
        session_page::WorkshopSessionPage,
    },
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The document around every page. `lang` and `dir` are set per page with `<Html>`. Only
/// a page with islands names the WASM and its loader: every other page is HTML and forms,
/// and a phone opening it downloads no script file.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let hydrate = request_path().is_none_or(|path| page_has_islands(&path));
    if !hydrate {
        // What `HydrationScripts` does in islands mode besides naming the scripts: outside
        // islands, the page is rendered without hydration markers.
        if let Some(context) = Owner::current_shared_context() {
            context.set_is_hydrating(false);
        }
    }
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                {hydrate.then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Whether the page at `path` renders an island (`#[island]`: the kiosk's helpers on every
/// kiosk screen but pairing, the live updater of the lobby display, the phone's ticket
/// and the staff queue and calendar). The route table below says which page is where;
/// `server/tests/api/page_scripts.rs` holds the two together.
pub fn page_has_islands(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty())
    };
    (under("/kiosk/") && path != "/kiosk/pair")
        || under("/display/")
        || under("/t/")
        || path == "/staff/queue"
        || path == "/staff/calendar"
}

/// The path of the request being rendered (none in the browser).
fn request_path() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>().map(|parts| parts.uri.path().to_owned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Pages that read the database wait for it before sending anything (`SsrMode::Async`):
/// the response is then complete HTML that works before the WASM loads.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href=crate::site_files::stylesheet_href()/>
        <Router>
            <StaffStylesheet/>
            <Routes fallback=NotFoundPage>
                <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/pair") view=KioskPairPage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center") view=WelcomePage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center/check-in") view=CheckInPage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center/appointment") view=AppointmentPage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center/feedback") view=KioskFeedbackPage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center/workshops") view=KioskWorkshopsPage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center/workshops/:id") view=KioskWorkshopPage ssr=SsrMode::Async/>
                <Route path=path!("/t/:token") view=FollowPage ssr=SsrMode::Async/>
                <Route path=path!("/display/:center") view=DisplayPage ssr=SsrMode::Async/>
                <Route path=path!("/book") view=BookStartPage ssr=SsrMode::Async/>
                <Route path=path!("/details-deleted") view=crate::pages::details_deleted_page::DetailsDeletedPage/>
                <Route path=path!("/book/times") view=BookTimesPage ssr=SsrMode::Async/>
                <Route path=path!("/book/details") view=BookDetailsPage ssr=SsrMode::Async/>
                <Route path=path!("/book/manage/:token") view=ManageBookingPage ssr=SsrMode::Async/>
                <Route path=path!("/book/manage/:token/reschedule") view=RescheduleBookingPage ssr=SsrMode::Async/>
                <Route path=path!("/book/waitlist") view=crate::pages::booking::waitlist_page::WaitlistPage ssr=SsrMode::Async/>
                <Route path=path!("/book/waitlist/:token") view=crate::pages::booking::entry_page::WaitlistEntryPage ssr=SsrMode::Async/>
                <Route path=path!("/book/hold/:token") view=crate::pages::booking::hold_page::HoldPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops") view=WorkshopsPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/:id") view=WorkshopSessionPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/manage/:token") view=EnrolmentPage ssr=SsrMode::Async/>
                <Route path=path!("/embed/workshops") view=crate::pages::workshops::embed_page::EmbedWorkshopsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/login") view=LoginPage/>
                <Route path=path!("/staff/not-allowed") view=NotAllowedPage/>
                <Route path=path!("/staff/password/:token") view=PasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/queue") view=QueuePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/appointments") view=AppointmentsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/workshops") view=StaffWorkshopsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/accommodations") view=AccommodationsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/closures") view=ClosuresPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/availability") view=AvailabilityPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/centers") view=CentersPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/agency") view=AgencyPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/reasons") view=crate::pages::staff::reasons_page::ReasonsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/services") view=crate::pages::staff::services_page::ServicesPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/closures/agency") view=crate::pages::staff::agency_closures_page::AgencyClosuresPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/privacy") view=crate::pages::staff::privacy_page::PrivacyPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/reports") view=ReportsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/calendar") view=CalendarPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/calendar/:id") view=AppointmentDetailPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/audit") view=AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/accounts") view=AccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/kiosks") view=KiosksPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/workshops/new") view=NewSessionPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/workshops/:id") view=RosterPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/workshops/:id/edit") view=EditSessionPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// The staff pages' own style sheet, on /staff pages only: a kiosk tablet, whose download
/// has a budget, and the public pages never fetch it.
#[component]
fn StaffStylesheet() -> impl IntoView {
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    path.starts_with("/staff")
        .then(|| view! { <Stylesheet id="staff" href="/workspace.css"/> })
}

#[cfg(test)]
mod tests {
    use super::page_has_islands;

    #[test]
    fn only_the_live_pages_and_the_kiosk_have_islands() {
        for path in [
            "/kiosk/tigard",
            "/kiosk/tigard/check-in",
            "/kiosk/tigard/workshops/3",
            "/display/tigard",
            "/t/AbC",
            "/staff/queue",
            "/staff/calendar/",
        ] {
            assert!(page_has_islands(path), "{path}");
        }
        for path in [
            "/",
            "/kiosk/pair",
            "/kiosk/",
            "/book",
            "/workshops/7",
            "/staff/login",
            "/staff/calendar/12",
            "/staff/queue-not",
            "/t/",
        ] {
            assert!(!page_has_islands(path), "{path}");
        }
    }
}
