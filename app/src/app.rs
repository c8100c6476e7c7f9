//! The HTML shell and the route table.

use crate::pages::{
    home_page::HomePage,
    kiosk::{check_in_page::CheckInPage, welcome_page::WelcomePage},
    not_found_page::NotFoundPage,
    staff::{login_page::LoginPage, queue_page::QueuePage},
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
        <Stylesheet id="leptos" href="/pkg/frontdesk.css"/>
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center") view=WelcomePage ssr=SsrMode::Async/>
                <Route path=path!("/kiosk/:center/check-in") view=CheckInPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/login") view=LoginPage/>
                <Route path=path!("/staff/queue") view=QueuePage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
