//! `/staff/reports?from=…&to=…&center=…&period=day|week`: visits and waits, visits by
//! reason and language, appointments, and workshops, as tables, with the visits also as a
//! bar chart drawn on the server (SVG, no script) and the visit counts as CSV.

use super::feedback_report::FeedbackReport;
use super::service_level_report::ServiceLevelReport;
use super::staff_nav::StaffNav;
use crate::api::reports::{staff_report, PeriodRow};
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::page_title::PageTitle;
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::domain::report::{bar_heights, fill_rate};
use crate::i18n::dates::long_date;
use crate::i18n::{fill, translations, ReportsStrings, Translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

const CHART_HEIGHT: u32 = 160;
const BAR_WIDTH: u32 = 28;
const BAR_GAP: u32 = 8;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let r = &t.reports;
    let query = use_query_map().read_untracked();
    let args = (
        query.get("from"),
        query.get("to"),
        query.get("center"),
        query.get("period"),
    );
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=r.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let (from, to, center, period) = args.clone();
                let Ok(report) = staff_report(from, to, center, period).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let csv = format!(
                    "/staff/reports.csv?from={}&to={}&center={}&period={}",
                    report.from, report.to, report.center, report.period
                );
                let feedback = report.clone();
                let service = report.clone();
                let feedback_csv = csv.replace("/staff/reports.csv", "/staff/feedback.csv");
                let weekly = report.period == "week";
                let rows = report.rows.clone();
                let totals = rows.iter().fold(PeriodRow::default(), |mut sum, row| {
                    sum.visits += row.visits;
                    sum.booked += row.booked;
                    sum.cancelled += row.cancelled;
                    sum.arrived += row.arrived;
                    sum.no_show += row.no_show;
                    sum.sessions += row.sessions;
                    sum.seats += row.seats;
                    sum.enrolled += row.enrolled;
                    sum.attended += row.attended;
                    sum.workshop_no_show += row.workshop_no_show;
                    sum
                });
                let names = crate::domain::visit_reason::ReasonNames::new(&report.visit_reasons, locale);
                let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_else(|| r.none.clone());
                let fill_text = |taken: u64, offered: u64| {
                    fill_rate(taken, offered)
                        .map(|p| fill(&r.percent, &[("value", &p.to_string())]))
                        .unwrap_or_else(|| r.none.clone())
                };
                view! {
                    <StaffNav locale staff_name=report.staff_name.clone() current="reports" center_id=report.center.clone()/>
                    <main id="main" class="page staff reports">
                        <h1>{r.heading.clone()}</h1>
                        <FilterForm action="/staff/reports" locale button=r.show.clone() wide=true>
                            <label for="from" class="field-label">{r.from_label.clone()}</label>
                            <input id="from" name="from" type="date" class="text-input" value=report.from.to_string()/>
                            <label for="to" class="field-label">{r.to_label.clone()}</label>
                            <input id="to" name="to" type="date" class="text-input" value=report.to.to_string()/>
                            <CenterSelect label=r.center_label.clone() centers=report.centers.clone() chosen=report.center.clone() all=r.all_centers.clone()/>
                            <label for="period" class="field-label">{r.period_label.clone()}</label>
                            <select id="period" name="period" class="select">
                                <option value="day" selected=!weekly>{r.period_day.clone()}</option>
                                <option value="week" selected=weekly>{r.period_week.clone()}</option>
                            </select>
                        </FilterForm>
                        <p><a href=csv download="frontdesk-visits.csv">{r.csv_link.clone()}</a></p>

                        <h2>{r.visits_heading.clone()}</h2>
                        {chart(t, &rows, weekly)}
                        <div class="table-scroll" role="region" aria-label=r.visits_heading.clone() tabindex="0">
                            <table class="queue-table report-table" data-testid="visits-table">
                                <thead><tr>
                                    <th scope="col">{r.col_period.clone()}</th>
                                    <th scope="col">{r.col_visits.clone()}</th>
                                    <th scope="col">{r.col_median.clone()}</th>
                                    <th scope="col">{r.col_p90.clone()}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.iter().map(|row| view! {
                                        <tr>
                                            <th scope="row">{long_date(row.start, t.locale)}</th>
                                            <td>{row.visits}</td>
                                            <td>{number(row.median_wait)}</td>
                                            <td>{number(row.p90_wait)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                                <tfoot><tr><th scope="row">{r.totals.clone()}</th><td data-testid="visits-total">{totals.visits}</td><td></td><td></td></tr></tfoot>
                            </table>
                        </div>

                        <ServiceLevelReport t report=service/>

                        <div class="report-pair">
                            <section aria-labelledby="reasons-heading">
                                <h2 id="reasons-heading">{r.reasons_heading.clone()}</h2>
                                <table class="queue-table report-table">
                                    <thead><tr><th scope="col">{r.col_reason.clone()}</th><th scope="col">{r.col_visits.clone()}</th></tr></thead>
                                    <tbody>
                                        {report.reasons.iter().map(|(reason, n)| view! {
                                            <tr><th scope="row">{names.label(reason).to_owned()}</th><td>{*n}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                            <section aria-labelledby="languages-heading">
                                <h2 id="languages-heading">{r.languages_heading.clone()}</h2>
                                <table class="queue-table report-table">
                                    <thead><tr><th scope="col">{r.col_language.clone()}</th><th scope="col">{r.col_visits.clone()}</th></tr></thead>
                                    <tbody>
                                        {report.languages.iter().map(|(code, n)| view! {
                                            <tr><th scope="row">{language_name(code)}</th><td>{*n}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                        </div>

                        <h2>{r.bookings_heading.clone()}</h2>
                        <div class="table-scroll" role="region" aria-label=r.bookings_heading.clone() tabindex="0">
                            <table class="queue-table report-table">
                                <thead><tr>
                                    <th scope="col">{r.col_period.clone()}</th>
                                    <th scope="col">{r.col_booked.clone()}</th>
                                    <th scope="col">{r.col_cancelled.clone()}</th>
                                    <th scope="col">{r.col_arrived.clone()}</th>
                                    <th scope="col">{r.col_no_show.clone()}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.iter().map(|row| view! {
                                        <tr>
                                            <th scope="row">{long_date(row.start, t.locale)}</th>
                                            <td>{row.booked}</td><td>{row.cancelled}</td><td>{row.arrived}</td><td>{row.no_show}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                                <tfoot><tr>
                                    <th scope="row">{r.totals.clone()}</th>
                                    <td>{totals.booked}</td><td>{totals.cancelled}</td><td>{totals.arrived}</td><td>{totals.no_show}</td>
                                </tr></tfoot>
                            </table>
                        </div>

                        <h2>{r.workshops_heading.clone()}</h2>
                        <div class="table-scroll" role="region" aria-label=r.workshops_heading.clone() tabindex="0">
                            <table class="queue-table report-table" data-testid="workshops-table">
                                <thead><tr>
                                    <th scope="col">{r.col_period.clone()}</th>
                                    <th scope="col">{r.col_sessions.clone()}</th>
                                    <th scope="col">{r.col_seats.clone()}</th>
                                    <th scope="col">{r.col_enrolled.clone()}</th>
                                    <th scope="col">{r.col_fill.clone()}</th>
                                    <th scope="col">{r.col_attended.clone()}</th>
                                    <th scope="col">{r.col_no_show.clone()}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.iter().map(|row| view! {
                                        <tr>
                                            <th scope="row">{long_date(row.start, t.locale)}</th>
                                            <td>{row.sessions}</td><td>{row.seats}</td><td>{row.enrolled}</td>
                                            <td>{fill_text(row.enrolled, row.seats)}</td>
                                            <td>{row.attended}</td><td>{row.workshop_no_show}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                                <tfoot><tr>
                                    <th scope="row">{r.totals.clone()}</th>
                                    <td>{totals.sessions}</td><td>{totals.seats}</td><td>{totals.enrolled}</td>
                                    <td>{fill_text(totals.enrolled, totals.seats)}</td>
                                    <td>{totals.attended}</td><td>{totals.workshop_no_show}</td>
                                </tr></tfoot>
                            </table>
                        </div>

                        <FeedbackReport t report=feedback csv=feedback_csv/>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

pub(super) fn language_name(code: &str) -> String {
    PREFERRED_LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| (*name).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// Visits per day or week as bars. The picture is one image with a label that reads the
/// numbers out; the table below it is the same data for anyone who prefers a table.
fn chart(t: &'static Translations, rows: &[PeriodRow], weekly: bool) -> impl IntoView {
    let r: &ReportsStrings = &t.reports;
    let values: Vec<u64> = rows.iter().map(|row| row.visits).collect();
    let heights = bar_heights(&values, CHART_HEIGHT);
    let step = BAR_WIDTH + BAR_GAP;
    let width = (step * rows.len() as u32).max(step);
    let spoken: Vec<String> = rows
        .iter()
        .map(|row| format!("{} {}", row.start.format("%m/%d"), row.visits))
        .collect();
    let label = fill(
        &r.chart_label,
        &[
            (
                "period",
                &if weekly {
                    &r.period_week
                } else {
                    &r.period_day
                }
                .to_lowercase(),
            ),
            (
                "from",
                &rows
                    .first()
                    .map(|r| r.start.to_string())
                    .unwrap_or_default(),
            ),
            (
                "to",
                &rows.last().map(|r| r.start.to_string()).unwrap_or_default(),
            ),
            ("values", &spoken.join(", ")),
        ],
    );
    let total_height = CHART_HEIGHT + 40;
    view! {
        <svg class="report-chart" role="img" aria-label=label width=width height=total_height
            viewBox=format!("0 0 {width} {total_height}") data-testid="visits-chart">
            {rows.iter().zip(heights).enumerate().map(|(i, (row, h))| {
                let x = i as u32 * step;
                let y = CHART_HEIGHT - h + 16;
                view! {
                    <g>
                        <rect x=x y=y width=BAR_WIDTH height=h class="bar"/>
                        <text x=x + BAR_WIDTH / 2 y=y - 4 text-anchor="middle" class="bar-value">{row.visits}</text>
                        <text x=x + BAR_WIDTH / 2 y=CHART_HEIGHT + 34 text-anchor="middle" class="bar-label">{row.start.format("%d").to_string()}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
