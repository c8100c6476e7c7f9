//! Where the agency sends people for what Frontdesk does not do itself (registration, job
//! listings, online training), at the foot of the pages participants use from home; only
//! the links the agency has set.

use crate::domain::agency::Agency;
use crate::i18n::{fill, translations, Locale};
use leptos::prelude::*;

#[component]
pub fn HandoffLinks(locale: Locale, agency: Agency) -> impl IntoView {
    let c = &translations(locale).common;
    let links: Vec<(String, String)> = [
        (
            agency.registration_url.clone(),
            fill(&c.handoff_registration, &[("agency", &agency.public_name)]),
        ),
        (agency.job_listings_url.clone(), c.handoff_jobs.clone()),
        (agency.training_url.clone(), c.handoff_training.clone()),
    ]
    .into_iter()
    .filter(|(url, _)| !url.is_empty())
    .collect();
    (!links.is_empty()).then(|| {
        view! {
            <nav class="handoff-links" aria-labelledby="handoff-heading" data-testid="handoff-links">
                <h2 id="handoff-heading">{c.handoff_heading.clone()}</h2>
                <ul>
                    {links.into_iter().map(|(url, label)| view! {
                        <li><a href=url rel="noopener">{label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
}
