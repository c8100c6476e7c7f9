//! `/staff/accounts`: an admin invites colleagues, resets passwords and disables accounts.
//! Invitations and resets email the colleague a link to choose their own password; no
//! password passes through the admin's hands.

use super::staff_nav::StaffNav;
use crate::api::accounts::{staff_accounts, Account};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::components::text_field::TextField;
use crate::domain::roles::Role;
use crate::i18n::{fill, translations, AccountsStrings};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// What a post on this page answers with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccountsAnswer {
    pub name: String,
    pub email: String,
    pub role: String,
    pub name_error: Option<String>,
    pub email_error: Option<String>,
    pub role_error: Option<String>,
    /// To whom a password link was just emailed.
    pub link_sent: Option<LinkSent>,
    pub message: Option<String>,
}

/// A password link emailed to a colleague: their name, address, and the link's hours.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkSent {
    pub name: String,
    pub email: String,
    pub hours: i64,
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let a = &t.accounts;
    let answer = use_context::<AccountsAnswer>().unwrap_or_default();
    let notice = use_query_map()
        .read_untracked()
        .get("notice")
        .and_then(|n| match n.as_str() {
            "disabled" => Some(a.notice_disabled.clone()),
            "enabled" => Some(a.notice_enabled.clone()),
            _ => None,
        });
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=a.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok((staff_name, me, accounts)) = staff_accounts().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{a.heading.clone()}</h1>
                            <p data-testid="admins-only">{a.admins_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let answer = answer.clone();
                let link_sent = answer.link_sent.clone().map(|sent| {
                    let hours = sent.hours.to_string();
                    fill(&a.link_sent, &[("name", &sent.name), ("email", &sent.email), ("hours", &hours)])
                });
                view! {
                    <StaffNav locale staff_name current="accounts" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{a.heading.clone()}</h1>
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        {link_sent.map(|m| view! { <p class="notice" role="status" data-testid="link-sent">{m}</p> })}
                        {answer.message.clone().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                        <StaffTable columns=vec![a.col_name.clone(), a.col_email.clone(), a.col_role.clone(), a.col_state.clone(), a.col_actions.clone()] testid="accounts">
                            {accounts.into_iter().map(|account| row(a, locale.tag(), me, account)).collect_view()}
                        </StaffTable>
                        <h2>{a.invite_heading.clone()}</h2>
                        <form method="post" action="/staff/accounts" class="staff-form" novalidate>
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <TextField name="name" label=a.name_label.clone() value=answer.name.clone() error=answer.name_error.clone() autocomplete="off"/>
                            <TextField name="email" kind="email" label=a.email_label.clone() value=answer.email.clone() error=answer.email_error.clone() autocomplete="off"/>
                            <div class="field">
                                <label for="role" class="field-label">{a.role_label.clone()}</label>
                                {answer.role_error.clone().map(|e| view! { <p class="field-error" id="role-error">{e}</p> })}
                                <select id="role" name="role" class="select" aria-describedby=answer.role_error.is_some().then_some("role-error")>
                                    {Role::ALL.into_iter().map(|r| view! {
                                        <option value=r.code() selected=r.code() == answer.role>{a.role(r).to_owned()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="primary-button">{a.invite_button.clone()}</button>
                        </form>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn row(
    a: &'static AccountsStrings,
    lang: &'static str,
    me: i64,
    account: Account,
) -> impl IntoView {
    let name = account.name.clone();
    let post = |action: &'static str,
                label: String,
                described: String,
                extra: Option<&'static str>| {
        view! {
            <form method="post" action=format!("/staff/accounts/{}/{action}", account.id) class="inline-form">
                <input type="hidden" name="lang" value=lang/>
                {extra.map(|value| view! { <input type="hidden" name="disabled" value=value/> })}
                <button type="submit" class="secondary-button" aria-label=described>{label}</button>
            </form>
        }
    };
    let toggle = if account.disabled {
        post(
            "state",
            a.enable.clone(),
            fill(&a.enable_label, &[("name", &name)]),
            Some("no"),
        )
    } else {
        post(
            "state",
            a.disable.clone(),
            fill(&a.disable_label, &[("name", &name)]),
            Some("yes"),
        )
    };
    view! {
        <tr data-disabled=account.disabled.to_string()>
            <th scope="row">{account.name.clone()}</th>
            <td>{account.email.clone()}</td>
            <td>{a.role(account.role).to_owned()}</td>
            <td>{if account.disabled { a.disabled.clone() } else { a.active.clone() }}</td>
            <td class="actions">
                {post("reset", a.reset.clone(), fill(&a.reset_label, &[("name", &name)]), None)}
                {(account.id != me).then_some(toggle)}
            </td>
        </tr>
    }
    .into_any()
}
