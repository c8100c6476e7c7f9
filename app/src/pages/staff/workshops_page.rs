//! `/staff/workshops`: upcoming sessions with seats taken and the waitlist, each linking
//! to its roster.

use super::staff_nav::StaffNav;
use crate::api::staff_workshops::staff_workshops;
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::i18n::dates::date_and_time;
use crate::i18n::translations;
use crate::pages::workshops::session_card::title;
use leptos::prelude::*;
use leptos_meta::Html;

#[component]
pub fn StaffWorkshopsPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let s = &t.staff;
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=t.workshops.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok((staff_name, can_manage, sessions)) = staff_workshops().await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                view! {
                    <StaffNav locale staff_name current="workshops" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{t.workshops.heading.clone()}</h1>
                        {can_manage.then(|| view! { <p><a href=format!("/staff/workshops/new?lang={}", locale.tag()) class="secondary-button">{t.session_admin.new_link.clone()}</a></p> })}
                        <StaffTable columns=vec![s.col_time.clone(), s.col_session.clone(), t.workshops.where_label.clone(), t.workshops.seats_label.clone(), s.col_waitlist.clone()]>
                            {sessions.into_iter().map(|w| {
                                let zone: chrono_tz::Tz = w.time_zone.parse().unwrap_or(chrono_tz::UTC);
                                let when = date_and_time(w.starts_at, zone, t.locale);
                                let place = w.center_name.clone().unwrap_or_else(|| t.workshops.virtual_place.clone());
                                let name = title(&w, locale);
                                let seats = if w.cancelled { t.workshops.cancelled_session.clone() } else { format!("{} / {}", w.enrolled, w.capacity) };
                                view! {
                                    <tr>
                                        <td>{when}</td>
                                        <th scope="row"><a href=format!("/staff/workshops/{}?lang={}", w.id, locale.tag())>{name}</a></th>
                                        <td>{place}</td>
                                        <td data-label=t.workshops.seats_label.clone()>{seats}</td>
                                        <td data-label=s.col_waitlist.clone()>{w.waitlisted}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </StaffTable>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}
