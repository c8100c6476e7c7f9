//! The page's `<title>`. leptos_meta 0.8 writes a `Title`'s text into the head as it is
//! given, unescaped: a center, workshop or agency named
//! `</title><meta http-equiv="refresh" …>` would end the title and put markup of its own
//! into every page that names it (the content security policy stops scripts, not a
//! redirect). So every page names itself through this component, which escapes the text.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle(text: String) -> impl IntoView {
    view! { <Title text=html_escape::encode_text(&text).into_owned()/> }
}
