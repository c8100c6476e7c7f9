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

/// The document around every page. `lang` and `dir` are set per page with `<Html>`.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
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
                <Route path=path!("/workshops") view=WorkshopsPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/:id") view=WorkshopSessionPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/manage/:token") view=EnrolmentPage ssr=SsrMode::Async/>
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
