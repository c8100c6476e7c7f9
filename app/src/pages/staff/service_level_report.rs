//! The service level part of `/staff/reports`: the share of walk-ins called within their
//! center's target wait, per day or week and per reason. A walk-in who left uncalled after
//! the target had passed, or was still waiting when the day ended, counts as not called in
//! time; one still waiting today does not count yet.

use crate::api::reports::Report;
use crate::domain::service_level::ServiceLevel;
use crate::i18n::dates::long_date;
use crate::i18n::{fill, Translations};
use leptos::prelude::*;

#[component]
pub fn ServiceLevelReport(t: &'static Translations, report: Report) -> impl IntoView {
    let r = &t.reports;
    let names = crate::domain::visit_reason::ReasonNames::new(&report.visit_reasons, t.locale);
    let share = move |level: &ServiceLevel| {
        level
            .percent()
            .map(|p| fill(&r.percent, &[("value", &p.to_string())]))
            .unwrap_or_else(|| r.none.clone())
    };
    let mut total = ServiceLevel::default();
    for row in &report.rows {
        total.merge(row.service_level);
    }
    let targets = report
        .targets
        .iter()
        .map(|(center, minutes)| {
            fill(
                &r.target_of,
                &[("center", center), ("minutes", &minutes.to_string())],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let cells = move |level: &ServiceLevel| {
        view! {
            <td>{level.counted}</td>
            <td>{level.within}</td>
            <td>{share(level)}</td>
        }
    };
    let head = move |first: String| {
        view! {
            <thead><tr>
                <th scope="col">{first}</th>
                <th scope="col">{r.col_walk_ins.clone()}</th>
                <th scope="col">{r.col_within_target.clone()}</th>
                <th scope="col">{r.col_service_level.clone()}</th>
            </tr></thead>
        }
    };
    view! {
        // No landmarks of their own: each table's scrolling region already carries the name.
        <div class="service-level">
            <h2 id="service-level-heading">{r.service_level_heading.clone()}</h2>
            <p>{r.service_level_intro.clone()}</p>
            <p data-testid="targets">{targets}</p>
            <div class="report-pair">
                <div class="table-scroll" role="region" aria-label=r.service_level_heading.clone() tabindex="0">
                    <table class="queue-table report-table" data-testid="service-level-table">
                        {head(r.col_period.clone())}
                        <tbody>
                            {report.rows.iter().map(|row| view! {
                                <tr>
                                    <th scope="row">{long_date(row.start, t.locale)}</th>
                                    {cells(&row.service_level)}
                                </tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot><tr>
                            <th scope="row">{r.totals.clone()}</th>
                            {cells(&total)}
                        </tr></tfoot>
                    </table>
                </div>
                <div>
                    <h3 id="service-reasons-heading">{r.service_by_reason_heading.clone()}</h3>
                    <div class="table-scroll" role="region" aria-label=r.service_by_reason_heading.clone() tabindex="0">
                        <table class="queue-table report-table" data-testid="service-reasons-table">
                            {head(r.col_reason.clone())}
                            <tbody>
                                {report.service_reasons.iter().map(|(reason, level)| view! {
                                    <tr>
                                        <th scope="row">{names.label(reason).to_owned()}</th>
                                        {cells(level)}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            </div>
        </div>
    }
}
