//! A labelled text input, used by every server-rendered form.

use leptos::prelude::*;

/// A labelled text input with its hint and, when refused, its message, tied together
/// with `aria-describedby` so a screen reader reads the message with the field.
#[component]
pub fn TextField(
    #[prop(into)] name: String,
    label: String,
    value: String,
    error: Option<String>,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// A name: on the kiosk, the digits of a keypad type its letters as on a phone.
    #[prop(optional)]
    letters: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described: Vec<String> = [
        hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <div class="field">
            <label class="field-label" for=name.clone()>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
            {error.as_ref().map(|e| view! { <p class="field-error" id=error_id>{e.clone()}</p> })}
            <input id=name.clone() name=name type=kind class="text-input" value=value inputmode=inputmode
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-required=required.then_some("true")
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=(!described.is_empty()).then(|| described.join(" "))
                data-letters=letters.then_some("")/>
        </div>
    }
}

/// `value` ready to sit between `<textarea>` and `</textarea>`. Leptos writes a textarea's
/// children as they are (it does not escape them, as for `<script>`), so text that
/// someone typed must be escaped here: "</textarea><script>" would otherwise end the field
/// and become markup. The browser reads the entities back as the characters typed.
pub fn textarea_text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::textarea_text;

    #[test]
    fn typed_text_cannot_close_the_textarea() {
        assert_eq!(
            textarea_text("a < b & </textarea><script>x</script>"),
            "a &lt; b &amp; &lt;/textarea>&lt;script>x&lt;/script>"
        );
        assert_eq!(textarea_text("Café\nline two"), "Café\nline two");
    }
}
