//! `/staff/login`: a plain HTML form that posts to the sign-in server function.

use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = crate::pages::page_locale();
    let t = &translations(locale).staff;
    let query = use_query_map().read_untracked();
    let wait = query.get("wait").and_then(|s| s.parse::<u32>().ok());
    let message = match (wait, query.get("failed").is_some()) {
        (Some(seconds), _) => Some(fill(&t.sign_in_wait, &[("seconds", &seconds.to_string())])),
        (None, true) => Some(t.sign_in_failed.clone()),
        (None, false) => None,
    };
    let failed = message.is_some();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <Title text=t.sign_in_heading.clone()/>
        <main id="main" class="page staff narrow">
            <h1>{t.sign_in_heading.clone()}</h1>
            <form method="post" action="/api/staff/sign-in" class="stack">
                {message.map(|m| view! { <p class="field-error" role="alert" id="sign-in-error">{m}</p> })}
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
