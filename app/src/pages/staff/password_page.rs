//! `/staff/password/{token}`: where an invited colleague, or one whose password an admin
//! reset, chooses their password from the emailed link, and is then signed in. A plain
//! form: it works before (or without) any WASM.

use crate::api::accounts::password_link;
use crate::components::page_title::PageTitle;
use crate::components::text_field::TextField;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_params_map;

/// A refused post, shown again. The passwords themselves are not sent back into the
/// page: a password never travels back to the browser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasswordAnswer {
    pub password_error: Option<String>,
    pub repeat_error: Option<String>,
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let a = &translations(locale).accounts;
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let answer = use_context::<PasswordAnswer>().unwrap_or_default();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=a.password_title.clone()/>
        <main id="main" class="page staff narrow">
            <h1>{a.password_title.clone()}</h1>
            <Suspense>
                {Suspend::new(async move {
                    let Ok(Some((name, email))) = password_link(token.clone()).await else {
                        return view! { <p class="notice notice-error" role="alert" data-testid="link-unusable">{a.link_unusable.clone()}</p> }.into_any();
                    };
                    view! {
                        <p>{fill(&a.password_intro, &[("name", &name), ("email", &email)])}</p>
                        <form method="post" action=format!("/staff/password/{token}") class="staff-form" novalidate>
                            <input type="hidden" name="lang" value=locale.tag()/>
                            // For password managers: the account the new password belongs to.
                            <input type="email" name="username" value=email autocomplete="username" hidden/>
                            <TextField name="password" label=a.password_label.clone() value=String::new()
                                error=answer.password_error.clone() kind="password" autocomplete="new-password"
                                hint=a.password_hint.clone()/>
                            <TextField name="repeat" label=a.repeat_label.clone() value=String::new()
                                error=answer.repeat_error.clone() kind="password" autocomplete="new-password"/>
                            <button type="submit" class="primary-button">{a.password_button.clone()}</button>
                        </form>
                    }.into_any()
                })}
            </Suspense>
        </main>
    }
}
