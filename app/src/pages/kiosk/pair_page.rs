//! `/kiosk/pair`: where a tablet becomes a kiosk. Also the screen every kiosk address
//! shows (with 403) to a browser that is not a paired tablet of that center: "This tablet
//! is not set up as a kiosk", and the form for the manager's pairing code.

use crate::api::centers::get_center;
use crate::components::page_title::PageTitle;
use crate::components::text_field::TextField;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// What the screen shows beyond the form: why it is shown, the code as typed and what was
/// wrong with it, and the center this tablet already serves, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairingAnswer {
    pub not_set_up: bool,
    pub own_center: Option<String>,
    pub code: String,
    pub code_error: Option<String>,
}

#[component]
pub fn KioskPairPage() -> impl IntoView {
    let locale = crate::pages::page_locale();
    let t = translations(locale);
    let p = &t.kiosk_pairing;
    let answer = use_context::<PairingAnswer>().unwrap_or_else(|| PairingAnswer {
        code: use_query_map()
            .read_untracked()
            .get("code")
            .unwrap_or_default(),
        ..PairingAnswer::default()
    });
    let heading = if answer.not_set_up {
        p.not_set_up_heading.clone()
    } else {
        p.set_up_heading.clone()
    };
    let own_center = answer.own_center.clone();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=p.title.clone()/>
        <div class="kiosk">
            <main id="main" class="kiosk-main">
                <div class="step">
                    <h1>{heading}</h1>
                    <Suspense>
                        {Suspend::new(async move {
                            let center = match own_center {
                                Some(id) => get_center(id).await.ok().flatten(),
                                None => None,
                            };
                            center.map(|c| view! {
                                <p class="lead" data-testid="own-center">{fill(&p.other_center, &[("center", &c.name)])}</p>
                                <p><a class="secondary-button" href=format!("/kiosk/{}?lang={}", c.id, locale.tag())>{p.go_to_own_kiosk.clone()}</a></p>
                            })
                        })}
                    </Suspense>
                    <p class="lead">{p.intro.clone()}</p>
                    <form method="post" action="/kiosk/pair" class="stack pair-form" novalidate>
                        <input type="hidden" name="lang" value=locale.tag()/>
                        <TextField name="code" label=p.code_label.clone() value=answer.code error=answer.code_error
                            hint=p.code_hint.clone() autocomplete="off"/>
                        <button type="submit" class="primary-button">{p.submit.clone()}</button>
                    </form>
                </div>
            </main>
            <footer class="kiosk-footer">
                {crate::i18n::language_line(locale, &crate::api::agency()).map(|line| view! { <p>{line}</p> })}
            </footer>
        </div>
    }
}
