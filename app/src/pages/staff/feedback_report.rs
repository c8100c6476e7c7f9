//! The visitor feedback part of `/staff/reports`: how many answered and how, per day or
//! week, reason and language, as a bar chart of the five faces drawn on the server and as
//! tables, the counts as CSV, and the newest comments.

use crate::api::reports::{CommentRow, PeriodRow, Report, MAX_COMMENTS};
use crate::domain::feedback::{tenths_text, Ratings, RATINGS};
use crate::domain::report::bar_heights;
use crate::i18n::dates::long_date;
use crate::i18n::{fill, Translations};
use leptos::prelude::*;

const BAR_MAX_WIDTH: u32 = 320;
const ROW_HEIGHT: u32 = 36;
const LABEL_WIDTH: u32 = 150;

#[component]
pub fn FeedbackReport(t: &'static Translations, report: Report, csv: String) -> impl IntoView {
    let r = &t.reports;
    let f = &t.feedback;
    let names = crate::domain::visit_reason::ReasonNames::new(&report.visit_reasons, t.locale);
    let mut all = Ratings::default();
    for row in &report.rows {
        all.merge(&row.feedback);
    }
    let average = move |ratings: &Ratings| {
        ratings
            .average_tenths()
            .map(tenths_text)
            .unwrap_or_else(|| r.none.clone())
    };
    let reason_name = |code: &str| {
        if code.is_empty() {
            r.kiosk_answers.clone()
        } else {
            names.label(code).to_owned()
        }
    };
    let center_name = |id: &str| {
        report
            .centers
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let group_table = |heading_id: &'static str,
                       heading: String,
                       first_col: String,
                       groups: Vec<(String, Ratings)>| {
        view! {
            <section aria-labelledby=heading_id>
                <h3 id=heading_id>{heading}</h3>
                <table class="queue-table report-table">
                    <thead><tr>
                        <th scope="col">{first_col}</th>
                        <th scope="col">{r.col_answers.clone()}</th>
                        <th scope="col">{r.col_average.clone()}</th>
                    </tr></thead>
                    <tbody>
                        {groups.into_iter().map(|(name, ratings)| view! {
                            <tr><th scope="row">{name}</th><td>{ratings.total()}</td><td>{average(&ratings)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    };
    let by_reason: Vec<(String, Ratings)> = report
        .feedback_reasons
        .iter()
        .map(|(code, ratings)| (reason_name(code), *ratings))
        .collect();
    let by_language: Vec<(String, Ratings)> = report
        .feedback_languages
        .iter()
        .map(|(code, ratings)| (super::reports_page::language_name(code), *ratings))
        .collect();
    let comments: Vec<(CommentRow, String)> = report
        .comments
        .iter()
        .map(|c| (c.clone(), center_name(&c.center_id)))
        .collect();
    view! {
        <div class="feedback-report" data-testid="feedback-report">
            <h2 id="feedback-heading">{r.feedback_heading.clone()}</h2>
            <p><a href=csv download="frontdesk-feedback.csv">{r.feedback_csv_link.clone()}</a></p>
            {faces_chart(t, &report, &all)}
            <div class="table-scroll" role="region" aria-label=r.feedback_heading.clone() tabindex="0">
                <table class="queue-table report-table" data-testid="feedback-table">
                    <thead><tr>
                        <th scope="col">{r.col_period.clone()}</th>
                        <th scope="col">{r.col_answers.clone()}</th>
                        <th scope="col">{r.col_average.clone()}</th>
                        {RATINGS.into_iter().map(|rating| view! { <th scope="col">{f.rating(rating).to_owned()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {report.rows.iter().map(|row: &PeriodRow| view! {
                            <tr>
                                <th scope="row">{long_date(row.start, t.locale)}</th>
                                <td>{row.feedback.total()}</td>
                                <td>{average(&row.feedback)}</td>
                                {row.feedback.counts.into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{r.totals.clone()}</th>
                        <td data-testid="feedback-total">{all.total()}</td>
                        <td data-testid="feedback-average">{average(&all)}</td>
                        {all.counts.into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}
                    </tr></tfoot>
                </table>
            </div>
            <div class="report-pair">
                {group_table("feedback-reasons-heading", r.feedback_by_reason.clone(), r.col_reason.clone(), by_reason)}
                {group_table("feedback-languages-heading", r.feedback_by_language.clone(), r.col_language.clone(), by_language)}
            </div>
            <h3>{r.comments_heading.clone()}</h3>
            {if comments.is_empty() {
                view! { <p>{r.comments_none.clone()}</p> }.into_any()
            } else {
                view! {
                    <p>{fill(&r.comments_note, &[("max", &MAX_COMMENTS.to_string())])}</p>
                    <div class="table-scroll" role="region" aria-label=r.comments_heading.clone() tabindex="0">
                        <table class="queue-table report-table feedback-comments" data-testid="feedback-comments">
                            <thead><tr>
                                <th scope="col">{r.col_date.clone()}</th>
                                <th scope="col">{r.col_center.clone()}</th>
                                <th scope="col">{r.col_rating.clone()}</th>
                                <th scope="col">{r.col_language.clone()}</th>
                                <th scope="col">{r.col_comment.clone()}</th>
                            </tr></thead>
                            <tbody>
                                {comments.into_iter().map(|(c, center)| view! {
                                    <tr>
                                        <td>{long_date(c.day, t.locale)}</td>
                                        <td>{center}</td>
                                        <td>{format!("{} ({})", f.rating(c.rating), c.rating)}</td>
                                        <td>{super::reports_page::language_name(&c.language)}</td>
                                        // The visitor's own words, in their own direction.
                                        <td dir="auto">{c.comment}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </div>
    }
}

/// How many gave each face over the whole range, as horizontal bars. One image with a
/// label that reads the numbers out; the table holds the same counts.
fn faces_chart(t: &'static Translations, report: &Report, all: &Ratings) -> impl IntoView {
    let f = &t.feedback;
    let widths = bar_heights(&all.counts, BAR_MAX_WIDTH);
    let spoken: Vec<String> = RATINGS
        .into_iter()
        .zip(all.counts)
        .map(|(rating, n)| format!("{} {n}", f.rating(rating)))
        .collect();
    let label = fill(
        &t.reports.feedback_chart_label,
        &[
            ("from", &report.from.to_string()),
            ("to", &report.to.to_string()),
            ("values", &spoken.join(", ")),
        ],
    );
    let width = LABEL_WIDTH + BAR_MAX_WIDTH + 60;
    let height = ROW_HEIGHT * RATINGS.len() as u32;
    view! {
        <svg class="report-chart feedback-chart" role="img" aria-label=label width=width height=height
            viewBox=format!("0 0 {width} {height}") data-testid="feedback-chart">
            {RATINGS.into_iter().rev().zip(widths.into_iter().rev()).zip(all.counts.into_iter().rev()).enumerate()
                .map(|(i, ((rating, w), n))| {
                    let y = i as u32 * ROW_HEIGHT;
                    view! {
                        <g>
                            <text x=LABEL_WIDTH - 8 y=y + ROW_HEIGHT / 2 + 6 text-anchor="end" class="bar-label">{f.rating(rating).to_owned()}</text>
                            <rect x=LABEL_WIDTH y=y + 6 width=w height=ROW_HEIGHT - 12 class="bar"/>
                            <text x=LABEL_WIDTH + w + 6 y=y + ROW_HEIGHT / 2 + 6 class="bar-value">{n}</text>
                        </g>
                    }
                }).collect_view()}
        </svg>
    }
}
