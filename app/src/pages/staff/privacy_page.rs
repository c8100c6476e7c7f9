//! `/staff/privacy`: "Data we keep", for managers. What personal details Frontdesk keeps,
//! when each is deleted, and when the deletion last ran and runs next.

use super::staff_nav::StaffNav;
use crate::api::privacy::data_we_keep;
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::domain::retention::PURGE_EVERY;
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::Html;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let p = &t.privacy_admin;
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=p.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(data) = data_we_keep().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{p.heading.clone()}</h1>
                            <p data-testid="managers-only">{t.closures.managers_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let days = data.retention_days.to_string();
                let period = |template: &str| fill(template, &[("days", &days)]);
                let rows = [
                    (&p.row_visits, &p.row_visits_fields, period(&p.row_visits_until)),
                    (&p.row_bookings, &p.row_bookings_fields, period(&p.row_bookings_until)),
                    (&p.row_enrolments, &p.row_enrolments_fields, period(&p.row_enrolments_until)),
                    (&p.row_mail, &p.row_mail_fields, period(&p.row_mail_until)),
                    (&p.row_audit, &p.row_audit_fields, period(&p.row_audit_until)),
                    (&p.row_sign_in, &p.row_sign_in_fields, period(&p.row_sign_in_until)),
                    (&p.row_feedback, &p.row_feedback_fields, period(&p.row_feedback_until)),
                    (&p.row_staff, &p.row_staff_fields, p.row_staff_until.clone()),
                ];
                let utc = |at| format!("{} UTC", date_and_time(at, chrono_tz::UTC, t.locale));
                let runs = match &data.last_run {
                    Some(run) => {
                        let next = run.ran_at + chrono::Duration::from_std(PURGE_EVERY).unwrap_or_default();
                        view! {
                            <p data-testid="last-purge">{fill(&p.last_run, &[
                                ("when", &utc(run.ran_at)),
                                ("visits", &run.visits.to_string()),
                                ("bookings", &run.bookings.to_string()),
                                ("enrolments", &run.enrolments.to_string()),
                                ("emails", &run.emails.to_string()),
                                ("audit", &run.audit_names.to_string()),
                                ("comments", &run.comments.to_string()),
                            ])}" "{fill(&p.next_run, &[("when", &utc(next))])}</p>
                        }.into_any()
                    }
                    None => view! { <p data-testid="last-purge">{p.never_run.clone()}</p> }.into_any(),
                };
                view! {
                    <StaffNav locale staff_name=data.staff_name.clone() current="privacy" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{p.heading.clone()}</h1>
                        <p>{period(&p.intro)}</p>
                        {runs}
                        <StaffTable columns=vec![p.col_what.clone(), p.col_kept.clone(), p.col_until.clone()] testid="data-we-keep">
                            {rows.into_iter().map(|(what, fields, until)| view! {
                                <tr>
                                    <th scope="row">{what.clone()}</th>
                                    <td data-label=p.col_kept.clone()>{fields.clone()}</td>
                                    <td data-label=p.col_until.clone()>{until}</td>
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
