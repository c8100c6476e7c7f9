//! `/staff/audit`: who read which person's contact details, and when. Managers only.

use super::staff_nav::StaffNav;
use crate::api::calendar::contact_audit;
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::i18n::dates::date_and_time;
use crate::i18n::translations;
use leptos::prelude::*;
use leptos_meta::Html;

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let c = &t.calendar;
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=c.audit_heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok((staff_name, reads)) = contact_audit().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{c.audit_heading.clone()}</h1>
                            <p data-testid="audit-refused">{c.audit_managers_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let zone = chrono_tz::America::Los_Angeles;
                view! {
                    <StaffNav locale staff_name current="audit" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{c.audit_heading.clone()}</h1>
                        <p>{c.audit_intro.clone()}</p>
                        <p><a href="/staff/audit.csv" download data-testid="audit-csv">{c.audit_csv.clone()}</a></p>
                        <StaffTable columns=vec![c.col_read_at.clone(), c.col_reader.clone(), c.col_person.clone()] testid="audit">
                            {reads.into_iter().map(|r| view! {
                                <tr>
                                    <td>{date_and_time(r.read_at, zone, t.locale)}</td>
                                    <td>{r.staff_name}</td>
                                    <th scope="row"><a href=format!("/staff/calendar/{}?lang={}", r.appointment_id, locale.tag())>{r.person}</a></th>
                                </tr>
                            }).collect_view()}
                        </StaffTable>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}
