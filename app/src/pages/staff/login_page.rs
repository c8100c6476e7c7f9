//! `/staff/login`: a plain HTML form that posts to the sign-in server function.

use crate::i18n::translations;
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = crate::pages::page_locale();
    let t = &translations(locale).staff;
    let failed = use_query_map().read_untracked().get("failed").is_some();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <Title text=t.sign_in_heading.clone()/>
        <main id="main" class="page staff narrow">
            <h1>{t.sign_in_heading.clone()}</h1>
            <form method="post" action="/api/staff/sign-in" class="stack">
                {failed.then(|| view! { <p class="field-error" role="alert" id="sign-in-error">{t.sign_in_failed.clone()}</p> })}
                <label for="email" class="field-label">{t.email_label.clone()}</label>
                <input id="email" name="email" type="email" class="text-input" autocomplete="username" required
                    aria-describedby=failed.then_some("sign-in-error")/>
                <label for="password" class="field-label">{t.password_label.clone()}</label>
                <input id="password" name="password" type="password" class="text-input" autocomplete="current-password" required/>
                <button type="submit" class="primary-button">{t.sign_in.clone()}</button>
            </form>
        </main>
    }
}
