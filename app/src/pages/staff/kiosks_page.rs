//! `/staff/kiosks`: managers pair kiosk tablets with a center (a one-time code, shown
//! once, typed on the tablet) and revoke lost or replaced ones.

use super::staff_nav::StaffNav;
use crate::api::kiosks::{kiosk_tablets, Tablet};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::components::text_field::TextField;
use crate::domain::kiosk_pairing::{display, CODE_MINUTES};
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, translations, Translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// What a post on this page answers with: the new tablet form as typed, or the code made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewTabletAnswer {
    pub center: String,
    pub name: String,
    pub center_error: Option<String>,
    pub name_error: Option<String>,
    pub code: Option<PairingCodeShown>,
}

/// A pairing code just made, shown once.
#[derive(Debug, Clone, PartialEq)]
pub struct PairingCodeShown {
    pub code: String,
    pub name: String,
    pub center_name: String,
    /// Where the tablet types it.
    pub pair_url: String,
}

#[component]
pub fn KiosksPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let k = &t.kiosk_tablets;
    let answer = use_context::<NewTabletAnswer>().unwrap_or_default();
    let revoked = use_query_map().read_untracked().get("notice").as_deref() == Some("revoked");
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=k.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(data) = kiosk_tablets().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{k.heading.clone()}</h1>
                            <p data-testid="managers-only">{k.managers_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let answer = answer.clone();
                let chosen = if answer.center.is_empty() { data.centers.first().map(|c| c.0.clone()).unwrap_or_default() } else { answer.center.clone() };
                view! {
                    <StaffNav locale staff_name=data.staff_name current="kiosks" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{k.heading.clone()}</h1>
                        <p>{k.intro.clone()}</p>
                        {revoked.then(|| view! { <p class="notice" role="status">{k.notice_revoked.clone()}</p> })}
                        {answer.code.clone().map(|shown| view! {
                            <section class="notice pairing-code" role="status" aria-labelledby="code-heading">
                                <h2 id="code-heading">{fill(&k.code_heading, &[("name", &shown.name), ("center", &shown.center_name)])}</h2>
                                <p class="pairing-code-value" data-testid="pairing-code">{display(&shown.code)}</p>
                                <p>{fill(&k.code_body, &[("address", &shown.pair_url), ("minutes", &CODE_MINUTES.to_string())])}</p>
                            </section>
                        })}
                        {if data.tablets.is_empty() {
                            view! { <p>{k.none.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <StaffTable columns=vec![k.col_name.clone(), k.col_center.clone(), k.col_paired.clone(), k.col_last_used.clone(), k.col_state.clone()] testid="tablets">
                                    {data.tablets.into_iter().map(|tablet| row(t, locale.tag(), tablet)).collect_view()}
                                </StaffTable>
                            }.into_any()
                        }}
                        <h2>{k.new_heading.clone()}</h2>
                        <form method="post" action="/staff/kiosks" class="staff-form" novalidate>
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <div class="field">
                                <label for="center" class="field-label">{k.center_label.clone()}</label>
                                {answer.center_error.clone().map(|e| view! { <p class="field-error" id="center-error">{e}</p> })}
                                <select id="center" name="center" class="select" aria-describedby=answer.center_error.is_some().then_some("center-error")>
                                    {data.centers.into_iter().map(|(id, name)| {
                                        let selected = id == chosen;
                                        view! { <option value=id selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <TextField name="name" label=k.name_label.clone() value=answer.name.clone() error=answer.name_error.clone()
                                hint=k.name_hint.clone() autocomplete="off"/>
                            <button type="submit" class="primary-button">{k.create.clone()}</button>
                        </form>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn row(t: &'static Translations, lang: &'static str, tablet: Tablet) -> impl IntoView {
    let k = &t.kiosk_tablets;
    let zone = chrono_tz::America::Los_Angeles;
    let when = |at| date_and_time(at, zone, t.locale);
    let last_used = tablet
        .last_used_at
        .map_or_else(|| k.never_used.clone(), when);
    let described = fill(&k.revoke_described, &[("name", &tablet.name)]);
    view! {
        <tr data-revoked=tablet.revoked_at.is_some().to_string()>
            <th scope="row">{tablet.name.clone()}</th>
            <td>{tablet.center_name.clone()}</td>
            <td data-label=k.col_paired.clone()>{when(tablet.paired_at)}</td>
            <td data-label=k.col_last_used.clone()>{last_used}</td>
            <td>
                {match tablet.revoked_at {
                    Some(at) => view! { <span>{format!("{} {}", k.revoked, when(at))}</span> }.into_any(),
                    None => view! {
                        <span>{k.working.clone()}" "</span>
                        <form method="post" action=format!("/staff/kiosks/{}/revoke", tablet.id) class="inline-form">
                            <input type="hidden" name="lang" value=lang/>
                            <button type="submit" class="danger-button" aria-label=described>{k.revoke_button.clone()}</button>
                        </form>
                    }.into_any(),
                }}
            </td>
        </tr>
    }
}
