//! The filter form at the top of staff pages (which center, which day…): a GET form, so
//! the choice is in the address and the page can be bookmarked or reloaded.

use crate::domain::center::CenterInfo;
use crate::i18n::Locale;
use leptos::prelude::*;

/// The form: the page's language, the given fields, and a button that shows the choice.
/// `wide` lays many fields out in rows (reports, calendar).
#[component]
pub fn FilterForm(
    action: &'static str,
    locale: Locale,
    button: String,
    #[prop(optional)] wide: bool,
    children: Children,
) -> impl IntoView {
    let class = if wide {
        "inline-form center-picker report-filters"
    } else {
        "inline-form center-picker"
    };
    view! {
        <form method="get" action=action class=class>
            <input type="hidden" name="lang" value=locale.tag()/>
            {children()}
            <button type="submit" class="secondary-button">{button}</button>
        </form>
    }
}

/// The choice of center: every center, `chosen` selected; with `all`, a first choice that
/// means every center (sent as an empty value).
#[component]
pub fn CenterSelect(
    label: String,
    centers: Vec<CenterInfo>,
    chosen: String,
    #[prop(optional)] all: Option<String>,
) -> impl IntoView {
    view! {
        <label for="center" class="field-label">{label}</label>
        <select id="center" name="center" class="select">
            {all.map(|all| view! { <option value="">{all}</option> })}
            {centers.into_iter().map(|c| {
                let selected = c.id == chosen;
                view! { <option value=c.id selected=selected>{c.name}</option> }
            }).collect_view()}
        </select>
    }
}
