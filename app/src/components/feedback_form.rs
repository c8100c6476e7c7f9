//! "How was your visit?": five faces and an optional comment, as a plain form that posts
//! (no script), on the phone page of a finished visit and on the kiosk.

use crate::components::text_field::textarea_text;
use crate::domain::feedback::{FeedbackProblem, COMMENT_MAX_CHARS, RATINGS};
use crate::i18n::{translations, Locale};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A refused answer, shown again as it was typed with a message beside each field (in
/// context when the post handler renders the page again).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedbackReply {
    pub rating: String,
    pub comment: String,
    pub problems: Vec<FeedbackProblem>,
    /// A refusal of the whole answer ("too many tries, wait …").
    pub notice: Option<String>,
}

#[component]
pub fn FeedbackForm(
    action: String,
    locale: Locale,
    /// Fields the post carries besides the answer (the language, the kiosk's display).
    hidden: Vec<(&'static str, String)>,
    /// A way back (address and words) beside the Send button, where the screen is short.
    #[prop(optional)]
    back: Option<(String, String)>,
) -> impl IntoView {
    let f = &translations(locale).feedback;
    let reply = use_context::<FeedbackReply>().unwrap_or_default();
    let rating_error = reply
        .problems
        .iter()
        .find(|p| **p == FeedbackProblem::NoRating)
        .map(|p| f.problem(*p));
    let comment_error = reply
        .problems
        .iter()
        .find(|p| matches!(p, FeedbackProblem::Comment(_)))
        .map(|p| f.problem(*p));
    let comment_described = match comment_error {
        Some(_) => "feedback-comment-hint feedback-comment-error",
        None => "feedback-comment-hint",
    };
    let rating_described = rating_error.as_ref().map(|_| "feedback-rating-error");
    view! {
        {reply.notice.clone().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
        <form method="post" action=action class="feedback-form" novalidate>
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
            <fieldset class="feedback-faces" aria-describedby=rating_described>
                <legend class="feedback-question">{f.question.clone()}</legend>
                {rating_error.map(|e| view! { <p class="field-error" id="feedback-rating-error">{e}</p> })}
                <div class="face-row">
                    {RATINGS.into_iter().map(|rating| view! {
                        <label class="face-choice" data-rating=rating>
                            <input type="radio" name="rating" value=rating
                                checked=reply.rating == rating.to_string()/>
                            {face(rating)}
                            <span class="face-label">{f.rating(rating).to_owned()}</span>
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label class="field-label" for="feedback-comment">{f.comment_label.clone()}</label>
                <p class="field-hint" id="feedback-comment-hint">{f.comment_hint.clone()}</p>
                {comment_error.as_ref().map(|e| view! { <p class="field-error" id="feedback-comment-error">{e.clone()}</p> })}
                <textarea id="feedback-comment" name="comment" class="text-input feedback-comment" rows="2"
                    maxlength=COMMENT_MAX_CHARS
                    aria-invalid=comment_error.is_some().then_some("true")
                    aria-describedby=comment_described>{textarea_text(&reply.comment)}</textarea>
            </div>
            <div class="feedback-actions">
                <button type="submit" class="primary-button">{f.send.clone()}</button>
                {back.map(|(href, label)| view! { <a class="secondary-button" href=href data-key-back>{label}</a> })}
            </div>
        </form>
    }
}

/// A face drawn as SVG (no emoji font needed): the mouth curves from a frown at 1 to a
/// smile at 5. Its words are beside it, so the picture is hidden from screen readers.
fn face(rating: u8) -> impl IntoView {
    // The mouth's control point: below the corners smiles, above them frowns.
    let curve = 22 + 5 * u32::from(rating.clamp(1, 5) - 1);
    view! {
        <svg class="face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
            <circle cx="24" cy="24" r="21" class="face-disc"/>
            <circle cx="17" cy="19" r="2.6" class="face-feature-dot"/>
            <circle cx="31" cy="19" r="2.6" class="face-feature-dot"/>
            <path d=format!("M14 32 Q24 {curve} 34 32") class="face-mouth"/>
        </svg>
    }
}
