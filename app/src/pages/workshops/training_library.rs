//! "Learn online, any time": the workshops pages point to the agency's online training
//! library (Metrix Learning), with the tip from the agency's own guide that the library
//! shows only once the participant's account names the agency's area ("Portland Metro").
//! Both come from the agency settings; with no address set, nothing is shown.

use crate::domain::agency::Agency;
use crate::i18n::{fill, translations, Locale};
use leptos::prelude::*;

/// At home a link; on the kiosk, which must not leave for another site, the address as
/// text to type on a phone or computer.
#[component]
pub fn TrainingLibrary(
    locale: Locale,
    agency: Agency,
    #[prop(optional)] kiosk: bool,
) -> impl IntoView {
    let w = &translations(locale).workshops;
    (!agency.training_url.is_empty()).then(|| {
        let tip = (!agency.training_area.is_empty()).then(|| {
            fill(
                &w.training_area_tip,
                &[("agency", &agency.public_name), ("area", &agency.training_area)],
            )
        });
        let address = agency.training_url.clone();
        let shown = address
            .split_once("://")
            .map(|(_, rest)| rest.trim_end_matches('/').to_owned())
            .unwrap_or_else(|| address.clone());
        view! {
            <section class="training-library" aria-labelledby="training-heading" data-testid="training-library">
                <h2 id="training-heading">{w.training_heading.clone()}</h2>
                <p>{w.training_text.clone()}</p>
                {if kiosk {
                    view! {
                        <p class="training-address">{fill(&w.training_address, &[("address", &shown)])}</p>
                    }.into_any()
                } else {
                    view! { <p><a href=address rel="noopener">{w.training_link.clone()}</a></p> }.into_any()
                }}
                {tip.map(|tip| view! { <p class="training-tip" data-testid="training-tip">{tip}</p> })}
            </section>
        }
    })
}
