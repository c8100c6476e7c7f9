//! The latest setup changes, as the centers and agency settings pages list them: when, who,
//! what, and the change in plain words.

use crate::api::center_setup::SetupLogLine;
use crate::components::staff_table::StaffTable;
use crate::i18n::dates::date_and_time;
use crate::i18n::{translations, Locale};
use leptos::prelude::*;

#[component]
pub fn SetupLog(heading: String, log: Vec<SetupLogLine>, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let s = &t.center_setup;
    view! {
        <h2>{heading}</h2>
        {if log.is_empty() {
            view! { <p>{s.log_none.clone()}</p> }.into_any()
        } else {
            view! {
                <StaffTable columns=vec![s.col_when.clone(), s.col_who.clone(), s.col_subject.clone(), s.col_change.clone()] testid="setup-log">
                    {log.into_iter().map(|line| view! {
                        <tr>
                            <td>{date_and_time(line.changed_at, chrono_tz::UTC, t.locale)}" UTC"</td>
                            <td>{line.staff_name}</td>
                            <td>{line.subject}</td>
                            <td>{line.summary}</td>
                        </tr>
                    }).collect_view()}
                </StaffTable>
            }.into_any()
        }}
    }
}
