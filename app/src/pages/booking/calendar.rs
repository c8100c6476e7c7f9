//! The day picker: month tables in which days with free times are links. A table with a
//! caption and weekday headers is what screen readers announce best as a calendar, and
//! links work by keyboard and without JavaScript.

use super::query::BookingQuery;
use crate::domain::month_grid::{next_month, weeks};
use crate::i18n::dates::{long_date, month_and_year, weekday};
use crate::i18n::translations;
use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Months from `first` through `last`, with `free` (times per visitor-zone day). A day's
/// link goes to `path`: the times step of a new booking, or the reschedule page of the
/// booking being moved (so choosing another day never starts a second booking).
#[component]
pub fn DayPicker(
    query: BookingQuery,
    path: String,
    first: NaiveDate,
    last: NaiveDate,
    free: BTreeMap<NaiveDate, usize>,
    chosen: Option<NaiveDate>,
) -> impl IntoView {
    let mut months = Vec::new();
    let mut month = first.with_day(1).unwrap_or(first);
    while month <= last {
        months.push(month);
        month = next_month(month);
    }
    months
        .into_iter()
        .map(|month| view! { <Month query=query.clone() path=path.clone() month free=free.clone() chosen/> })
        .collect_view()
}

#[component]
fn Month(
    query: BookingQuery,
    path: String,
    month: NaiveDate,
    free: BTreeMap<NaiveDate, usize>,
    chosen: Option<NaiveDate>,
) -> impl IntoView {
    let caption = month_and_year(month, query.locale);
    // Sunday first, as calendars in the US are.
    let headers = [Sun, Mon, Tue, Wed, Thu, Fri, Sat].map(|d| {
        (
            weekday(d, false, query.locale),
            weekday(d, true, query.locale),
        )
    });
    view! {
        <table class="calendar">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    {headers.into_iter().map(|(name, short)| {
                        view! { <th scope="col" abbr=name>{short}</th> }
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {weeks(month.year(), month.month()).into_iter().map(|week| view! {
                    <tr>
                        {week.into_iter().map(|cell| view! {
                            <td>{cell.map(|day| day_cell(&query, &path, day, free.get(&day).copied().unwrap_or(0), chosen == Some(day)))}</td>
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn day_cell(
    query: &BookingQuery,
    path: &str,
    day: NaiveDate,
    free: usize,
    chosen: bool,
) -> AnyView {
    let t = translations(query.locale);
    if free == 0 {
        return view! { <span class="day no-times">{day.day()}</span> }.into_any();
    }
    let date = long_date(day, t.locale);
    let count = t.booking.free_times_count.count(free);
    let mut label = format!("{date}: {count}");
    if chosen {
        label = format!("{label} ({})", t.booking.chosen_day);
    }
    let href = format!("{}#times", query.with_day(day).href(path));
    view! {
        <a class="day has-times" class:chosen=chosen href=href aria-label=label
            aria-current=chosen.then_some("date")>{day.day()}</a>
    }
    .into_any()
}
