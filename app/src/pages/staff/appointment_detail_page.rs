//! `/staff/calendar/{id}`: one appointment — the person's contact details (opening the
//! page is written to the audit log), needs, their history with the center, and a
//! form to change its status, who handles it and a note, with every change listed.

use super::meeting_link_form::{LinkFormText, MeetingLinkForm};
use super::person_history::person_history;
use super::staff_nav::StaffNav;
use crate::api::calendar::{appointment_details, AppointmentInfo};
use crate::components::page_title::PageTitle;
use crate::components::text_field::textarea_text;
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::domain::service::HowHeld;
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, translations, Translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn AppointmentDetailPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let c = &t.calendar;
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or(0);
    let notice = use_query_map()
        .read_untracked()
        .get("notice")
        .and_then(|code| match code.as_str() {
            "link_sent" => Some(c.notice_link_sent.clone()),
            "link_unchanged" => Some(c.notice_link_unchanged.clone()),
            "link_not_changeable" => Some(c.link_not_changeable.clone()),
            _ => None,
        });
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=c.details_heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(a)) = appointment_details(id).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let zone: chrono_tz::Tz = a.time_zone.parse().unwrap_or(chrono_tz::UTC);
                let day = a.starts_at.with_timezone(&zone).date_naive();
                let back = format!("/staff/calendar?lang={}&day={day}", locale.tag());
                view! {
                    <StaffNav locale staff_name=a.staff_name.clone() current="calendar" center_id=String::new()/>
                    <main id="main" class="page staff appointment-detail">
                        <p><a href=back>{c.back.clone()}</a></p>
                        <h1>{format!("{} · {}", c.details_heading, a.name)}</h1>
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        {facts(t, locale, &a, zone)}
                        <h2>{c.change_heading.clone()}</h2>
                        {change_form(t, locale.tag(), &a)}
                        {(a.held == HowHeld::Video).then(|| view! {
                            <MeetingLinkForm action=format!("/staff/calendar/{}/meeting-link", a.id) lang=locale.tag()
                                current=a.meeting_link.clone() editable=a.can_send_links
                                text=LinkFormText {
                                    heading: c.link_heading.clone(),
                                    hint: c.link_hint.clone(),
                                    label: c.link_label.clone(),
                                    button: c.link_button.clone(),
                                    error: c.error_link.clone(),
                                }/>
                        })}
                        <h2>{c.history_heading.clone()}</h2>
                        {person_history(t, locale, &a)}
                        <h2>{c.changes_heading.clone()}</h2>
                        {if a.changes.is_empty() {
                            view! { <p>{c.no_changes.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <ul data-testid="changes">
                                    {a.changes.iter().map(|k| view! { <li>{change_line(t, &a, k, zone)}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn facts(
    t: &'static Translations,
    locale: crate::i18n::Locale,
    a: &AppointmentInfo,
    zone: chrono_tz::Tz,
) -> impl IntoView {
    let c = &t.calendar;
    let language = PREFERRED_LANGUAGES
        .iter()
        .find(|(code, _)| *code == a.language)
        .map(|(_, name)| (*name).to_owned())
        .unwrap_or_else(|| a.language.clone());
    let mut needs: Vec<String> = a
        .accommodations
        .iter()
        .map(|n| t.kiosk.accommodations.label(*n).to_owned())
        .collect();
    needs.extend(
        a.interpreter_language
            .iter()
            .map(|l| fill(&t.staff.interpreter, &[("language", l)])),
    );
    needs.extend(a.accommodation_other.iter().cloned());
    let names = crate::domain::service::ServiceNames::new(&a.services, locale);
    let service = names.label(&a.service);
    view! {
        <dl class="facts">
            <dt>{c.when_label.clone()}</dt>
            <dd>{format!("{} · {} · {service}", date_and_time(a.starts_at, zone, t.locale), a.center_name)}</dd>
            <dt>{t.booking.where_label.clone()}</dt>
            <dd data-testid="held">{crate::pages::booking::held_choice::way_label(&t.booking, a.held).0.to_owned()}</dd>
            <dt>{c.status_label.clone()}</dt>
            <dd data-testid="appointment-status">{c.status(a.status).to_owned()}</dd>
            <dt>{c.code_label.clone()}</dt>
            <dd>{crate::domain::confirmation_code::display(&a.code)}</dd>
            <dt>{c.language_label.clone()}</dt>
            <dd>{language}</dd>
            <dt>{c.needs_label.clone()}</dt>
            <dd>{if needs.is_empty() { t.staff.none.clone() } else { needs.join("; ") }}</dd>
        </dl>
        <section aria-labelledby="contact-heading" class="contact">
            <h2 id="contact-heading">{c.contact_heading.clone()}</h2>
            <dl class="facts">
                <dt>{c.email_label.clone()}</dt>
                <dd><a href=format!("mailto:{}", a.email)>{a.email.clone()}</a></dd>
                <dt>{c.phone_label.clone()}</dt>
                <dd><a href=format!("tel:{}", a.phone)>{a.phone.clone()}</a></dd>
            </dl>
            <p class="field-hint">{c.contact_logged.clone()}</p>
        </section>
    }
}

fn change_form(t: &'static Translations, lang: &'static str, a: &AppointmentInfo) -> impl IntoView {
    let c = &t.calendar;
    let choices: Vec<_> = std::iter::once(a.status)
        .chain(a.status.next().iter().copied())
        .collect();
    let assigned = a.staff_id.map(|s| s.to_string()).unwrap_or_default();
    view! {
        <form method="post" action=format!("/staff/calendar/{}/update", a.id) class="staff-form">
            <input type="hidden" name="lang" value=lang/>
            <div class="field">
                <label for="status" class="field-label">{c.status_label.clone()}</label>
                <select id="status" name="status" class="select">
                    {choices.into_iter().map(|s| view! {
                        <option value=s.code() selected=s == a.status>{c.status(s).to_owned()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="staff_id" class="field-label">{c.assign_label.clone()}</label>
                <select id="staff_id" name="staff_id" class="select">
                    <option value="" selected=assigned.is_empty()>{c.unassigned.clone()}</option>
                    {a.staff_members.iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=id.to_string() == assigned>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="note" class="field-label">{c.note_label.clone()}</label>
                <p class="field-hint" id="note-hint">{c.note_hint.clone()}</p>
                <textarea id="note" name="note" class="text-input" rows="3" maxlength="500" aria-describedby="note-hint">{textarea_text(&a.note)}</textarea>
            </div>
            <button type="submit" class="primary-button">{c.save.clone()}</button>
        </form>
    }
}

fn change_line(
    t: &'static Translations,
    a: &AppointmentInfo,
    k: &crate::api::calendar::AppointmentChange,
    zone: chrono_tz::Tz,
) -> String {
    let c = &t.calendar;
    let readable = |value: &str| match k.what.as_str() {
        "status" => crate::domain::appointment_status::AppointmentStatus::from_code(value)
            .map(|s| c.status(s).to_owned())
            .unwrap_or_default(),
        "staff" => a
            .staff_members
            .iter()
            .find(|(id, _)| id.to_string() == value)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| c.unassigned.clone()),
        _ => value.to_owned(),
    };
    let what = match k.what.as_str() {
        "status" => &c.what_status,
        "staff" => &c.what_staff,
        "meeting_link" => &c.what_meeting_link,
        _ => &c.what_note,
    };
    fill(
        &c.change_line,
        &[
            ("when", &date_and_time(k.changed_at, zone, t.locale)),
            ("who", k.staff_name.as_deref().unwrap_or("?")),
            ("what", what),
            ("old", &readable(&k.old_value)),
            ("new", &readable(&k.new_value)),
        ],
    )
}
