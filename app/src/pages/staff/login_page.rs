//! `/staff/login`: a plain HTML form that posts to `/staff/login` (`forms::sign_in`). A
//! refused attempt comes back here with the email kept and the reason beside the form.

use crate::components::page_title::PageTitle;
use crate::i18n::translations;
use leptos::prelude::*;
use leptos_meta::Html;

/// What a refused sign-in sends back to the form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoginAnswer {
    pub email: String,
    pub message: Option<String>,
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = &translations(locale).staff;
    let answer = use_context::<LoginAnswer>().unwrap_or_default();
    let failed = answer.message.is_some();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=t.sign_in_heading.clone()/>
        <main id="main" class="page staff narrow">
            <h1>{t.sign_in_heading.clone()}</h1>
            <form method="post" action="/staff/login" class="stack">
                <input type="hidden" name="lang" value=locale.tag()/>
                {answer.message.map(|m| view! { <p class="field-error" role="alert" id="sign-in-error">{m}</p> })}
                <label for="email" class="field-label">{t.email_label.clone()}</label>
                <input id="email" name="email" type="email" class="text-input" autocomplete="username" required
                    value=answer.email aria-describedby=failed.then_some("sign-in-error")/>
                <label for="password" class="field-label">{t.password_label.clone()}</label>
                <input id="password" name="password" type="password" class="text-input" autocomplete="current-password" required/>
                <button type="submit" class="primary-button">{t.sign_in.clone()}</button>
            </form>
        </main>
    }
}
