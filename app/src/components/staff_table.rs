//! The table every staff list is: column headings, then one row per item. On a phone or a
//! portrait tablet (900 px and less) the style sheet turns each row into a card: headings
//! hidden, cells stacked, and a cell with `data-label` names its column.

use leptos::prelude::*;

/// `class` adds to `queue-table` (the card layout's class); `caption` names the table for
/// screen readers when a page has several.
#[component]
pub fn StaffTable(
    columns: Vec<String>,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] caption: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = match class {
        Some(more) => format!("queue-table {more}"),
        None => "queue-table".to_owned(),
    };
    view! {
        <table class=class data-testid=testid>
            {caption.map(|c| view! { <caption class="table-caption">{c}</caption> })}
            <thead><tr>
                {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
            </tr></thead>
            <tbody>{children()}</tbody>
        </table>
    }
}
