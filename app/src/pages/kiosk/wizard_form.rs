//! What every screen of the check-in wizard shares as a form: where it posts, the answers
//! given on other screens in hidden fields (so that a post without the browser code has
//! them all and the server keeps nothing between screens), a refusal beside its field,
//! and Back for a kiosk without JavaScript.

use super::check_in_steps::{field_name, Step};
use super::display::{KioskDisplay, KioskFormFields};
use super::wizard_answers::Tapped;
use crate::domain::check_in::{CheckInAnswers, Field};
use leptos::prelude::*;

/// What the screens' forms carry, the same on every screen.
#[derive(Clone)]
pub(super) struct Carried {
    /// `/kiosk/{center}/check-in`.
    pub action: String,
    pub display: KioskDisplay,
    pub key: String,
    pub answers: CheckInAnswers,
    /// The screen shown, whose answer is refused and why.
    pub error: Option<(Field, String)>,
}

/// The text answers, each typed on one screen and carried hidden on the others.
const TYPED: [Field; 4] = [
    Field::FirstName,
    Field::LastName,
    Field::InterpreterLanguage,
    Field::AccommodationOther,
];

impl Carried {
    fn typed(&self, field: Field) -> &str {
        let a = &self.answers;
        match field {
            Field::FirstName => &a.first_name,
            Field::LastName => &a.last_name,
            Field::InterpreterLanguage => &a.interpreter_language,
            _ => &a.accommodation_other,
        }
    }

    /// The value typed for `field`, to show in its own input again.
    pub fn value(&self, field: Field) -> String {
        self.typed(field).to_owned()
    }

    /// The refusal of `field`'s answer, if it is the one refused.
    pub fn error_of(&self, field: Field) -> Option<String> {
        self.error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, message)| message.clone())
    }

    /// An input's `aria-describedby`: its hint and its refusal, or nothing at all (an
    /// empty list names nothing, which is invalid HTML).
    pub fn described_by(&self, field: Field, hint: Option<&str>) -> Option<String> {
        let error = self.error_of(field).map(|_| error_id(field));
        let ids: Vec<String> = hint.map(str::to_owned).into_iter().chain(error).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// The form for screen `step`: posts to the wizard with the display choices, the
    /// key, the screen's name and every answer not asked on it, around `children`.
    pub fn form(&self, step: Step, shown: Step, children: impl IntoView) -> impl IntoView {
        let a = &self.answers;
        let hidden = |name: &'static str, value: String| {
            view! { <input type="hidden" name=name value=value/> }
        };
        let typed_elsewhere: Vec<_> = TYPED
            .into_iter()
            .filter(|f| !step.fields().contains(f) && !self.typed(*f).is_empty())
            .map(|f| hidden(field_name(f), self.value(f)))
            .collect();
        let reasons: Vec<_> = a
            .reasons
            .iter()
            .map(|code| hidden("reasons", code.clone()))
            .collect();
        let accommodations: Vec<_> = a
            .accommodations
            .iter()
            .map(|x| hidden("accommodations", x.code().to_owned()))
            .collect();
        view! {
            <form class="step" data-step=step.code() hidden=step != shown method="post" action=self.action.clone()>
                <KioskFormFields display=self.display/>
                {hidden("key", self.key.clone())}
                {hidden("step", step.code().into())}
                {typed_elsewhere}
                {reasons}
                {a.registered.map(|r| hidden("registered", r.code().into()))}
                {accommodations}
                {children}
            </form>
        }
    }
}

/// The id of `field`'s refusal.
pub(super) fn error_id(field: Field) -> String {
    format!("{}-error", field_name(field))
}

/// The refusal of `field`, announced, for the place after the element it is about (where
/// the browser code puts its own).
pub(super) fn refusal(carried: &Carried, field: Field) -> Option<impl IntoView> {
    carried.error_of(field).map(|message| {
        view! { <p id=error_id(field) class="field-error" role="alert">{message}</p> }
    })
}

/// A screen's way on (`forward`, its main button) and Back, side by side.
pub(super) fn moves(forward: impl IntoView, back_label: String) -> impl IntoView {
    view! { <div class="step-moves">{forward}{back_button(back_label)}</div> }
}

/// Next: the screen's answers are checked and the next screen shown.
pub(super) fn next_button(label: String) -> impl IntoView {
    view! { <button type="submit" class="primary-button" name="go" value=Tapped::Next.value()>{label}</button> }
}

/// Back, as a form post: shown only until the browser code runs (its own Back sits in the
/// wizard's top bar), after the screen's own buttons so that Enter never means Back.
pub(super) fn back_button(label: String) -> impl IntoView {
    view! {
        <button type="submit" class="secondary-button form-back" name="go" value=Tapped::Back.value()>
            <span class="arrow-back" aria-hidden="true">"←"</span>" "{label}
        </button>
    }
}
