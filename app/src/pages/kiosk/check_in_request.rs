//! Sends the check-in from the kiosk to the `check_in` server function.
//!
//! Calls the server function's endpoint with a plain `fetch` and JSON rather than through
//! the generated client: the generic client (codecs, HTTP types, error decoding) costs a
//! few KB of brotli'd WASM on every kiosk tablet, and the kiosk budget has no room for it.
//! The request body is exactly the server function's JSON arguments, so the endpoint stays
//! the one source of truth; the HTTP tests call it the same way. The JSON is written and
//! read by the browser (`json_tree`); the unit tests below hold it to serde's shapes.

use super::json_tree::{member_text, member_u32, JsonBuild, JsonRead};
use crate::api::check_in::CheckInOutcome;
use crate::domain::check_in::{CheckInAnswers, Field, FieldError, Problem};
use crate::domain::free_text::TextError;
use crate::domain::ticket_view::{QrLink, Ticket};
use uuid::Uuid;

/// The `check_in` server function's arguments. The language travels as its tag ("zh-Hans"),
/// which is how the server reads a `Locale`: the kiosk needs no code for the enum.
pub struct CheckInRequest {
    pub center_id: String,
    pub language: String,
    pub key: Uuid,
    pub answers: CheckInAnswers,
    pub visitor: Option<i64>,
}

/// Where the `check_in` server function answers (`/api` + its `endpoint`).
pub const CHECK_IN_URL: &str = "/api/kiosk/check-in";

impl CheckInRequest {
    /// The request as the server function reads it (serde's shape of its arguments).
    pub fn to_json<J: JsonBuild>(&self) -> J {
        let a = &self.answers;
        let texts = |items: Vec<&str>| J::list(items.into_iter().map(J::text).collect());
        J::object(vec![
            ("center_id", J::text(&self.center_id)),
            ("language", J::text(&self.language)),
            ("key", J::text(&self.key.hyphenated().to_string())),
            (
                "answers",
                J::object(vec![
                    ("first_name", J::text(&a.first_name)),
                    ("last_name", J::text(&a.last_name)),
                    (
                        "reasons",
                        texts(a.reasons.iter().map(String::as_str).collect()),
                    ),
                    (
                        "registered",
                        a.registered.map_or_else(J::null, |r| J::text(r.code())),
                    ),
                    (
                        "accommodations",
                        texts(a.accommodations.iter().map(|x| x.code()).collect()),
                    ),
                    ("interpreter_language", J::text(&a.interpreter_language)),
                    ("accommodation_other", J::text(&a.accommodation_other)),
                    ("consent", J::boolean(a.consent)),
                ]),
            ),
            (
                "visitor",
                self.visitor.map_or_else(J::null, |v| J::number(v as f64)),
            ),
        ])
    }
}

/// The server function's answer (serde's shape of `CheckInOutcome`), or `None` for
/// anything else.
pub fn outcome_from<J: JsonRead>(json: &J) -> Option<CheckInOutcome> {
    if let Some(name) = json.text() {
        return match name.as_str() {
            "UnknownCenter" => Some(CheckInOutcome::UnknownCenter),
            "StartOver" => Some(CheckInOutcome::StartOver),
            _ => None,
        };
    }
    if let Some(ticket) = json.member("CheckedIn") {
        return ticket_from(&ticket).map(CheckInOutcome::CheckedIn);
    }
    let errors = json.member("Invalid")?.items()?;
    let read: Vec<FieldError> = errors.iter().filter_map(field_error_from).collect();
    (read.len() == errors.len()).then_some(CheckInOutcome::Invalid(read))
}

fn ticket_from<J: JsonRead>(json: &J) -> Option<Ticket> {
    Some(Ticket {
        number: member_text(json, "number")?,
        people_ahead: member_u32(json, "people_ahead")?,
        wait_minutes: member_u32(json, "wait_minutes")?,
        wait_sentence: member_text(json, "wait_sentence")?,
        follow: link_from(json, "follow")?,
        registration: link_from(json, "registration")?,
        team_note: member_text(json, "team_note")?,
    })
}

/// An optional link: `Some(None)` when it is null.
fn link_from<J: JsonRead>(json: &J, name: &str) -> Option<Option<QrLink>> {
    let link = json.member(name)?;
    if link.is_null() {
        return Some(None);
    }
    Some(Some(QrLink {
        url: member_text(&link, "url")?,
        short: member_text(&link, "short")?,
        qr_svg: member_text(&link, "qr_svg")?,
    }))
}

fn field_error_from<J: JsonRead>(json: &J) -> Option<FieldError> {
    let field = member_text(json, "field")?;
    let field = Field::ALL.into_iter().find(|f| field_name(*f) == field)?;
    let problem = json.member("problem")?;
    Some(FieldError {
        field,
        problem: problem_from(&problem)?,
    })
}

/// A field as serde names it.
fn field_name(field: Field) -> &'static str {
    match field {
        Field::FirstName => "FirstName",
        Field::LastName => "LastName",
        Field::Reasons => "Reasons",
        Field::Registered => "Registered",
        Field::InterpreterLanguage => "InterpreterLanguage",
        Field::AccommodationOther => "AccommodationOther",
        Field::Consent => "Consent",
    }
}

fn problem_from<J: JsonRead>(json: &J) -> Option<Problem> {
    if let Some(text) = json.member("Text") {
        return text_error_from(&text).map(Problem::Text);
    }
    match json.text()?.as_str() {
        "NoReason" => Some(Problem::NoReason),
        "OnlyHandledElsewhere" => Some(Problem::OnlyHandledElsewhere),
        "NotChosen" => Some(Problem::NotChosen),
        "ConsentRequired" => Some(Problem::ConsentRequired),
        _ => None,
    }
}

fn text_error_from<J: JsonRead>(json: &J) -> Option<TextError> {
    if let Some(too_long) = json.member("TooLong") {
        return Some(TextError::TooLong {
            max: member_u32(&too_long, "max")? as usize,
        });
    }
    match json.text()?.as_str() {
        "Empty" => Some(TextError::Empty),
        "ControlCharacters" => Some(TextError::ControlCharacters),
        "InvisibleCharacters" => Some(TextError::InvisibleCharacters),
        _ => None,
    }
}

/// Posts the check-in; `None` when the server could not be reached or did not answer
/// with an outcome (the kiosk then keeps the answers and offers to try again).
#[cfg(feature = "hydrate")]
pub async fn send_check_in(request: &CheckInRequest) -> Option<CheckInOutcome> {
    use super::json_tree::{parse, stringify};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    let body = stringify(&request.to_json::<JsValue>())?;
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    headers.set("accept", "application/json").ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&body));
    let response = JsFuture::from(web_sys::window()?.fetch_with_str_and_init(CHECK_IN_URL, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    outcome_from(&parse(&text)?)
}

/// On the server the wizard never sends anything.
#[cfg(not(feature = "hydrate"))]
pub async fn send_check_in(_request: &CheckInRequest) -> Option<CheckInOutcome> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::accommodation::Accommodation;
    use crate::domain::check_in::Registration;
    use serde_json::{json, Value};

    fn link(n: u8) -> QrLink {
        QrLink {
            url: format!("https://x.example/t/{n}"),
            short: format!("x.example/t/{n}"),
            qr_svg: "<svg>\"</svg>".to_owned(),
        }
    }

    fn ticket(follow: Option<QrLink>, registration: Option<QrLink>) -> Ticket {
        Ticket {
            number: "A-042".to_owned(),
            people_ahead: 3,
            wait_minutes: 12,
            wait_sentence: "Estimated wait: about 12 minutes.".to_owned(),
            follow,
            registration,
            team_note: String::new(),
        }
    }

    /// Every problem the server can name. A new variant stops the build here until it is
    /// added to the list (and so to the test below).
    fn every_problem() -> Vec<Problem> {
        let every = vec![
            Problem::Text(TextError::Empty),
            Problem::Text(TextError::TooLong { max: 50 }),
            Problem::Text(TextError::ControlCharacters),
            Problem::Text(TextError::InvisibleCharacters),
            Problem::NoReason,
            Problem::OnlyHandledElsewhere,
            Problem::NotChosen,
            Problem::ConsentRequired,
        ];
        for problem in &every {
            match problem {
                Problem::Text(
                    TextError::Empty
                    | TextError::TooLong { .. }
                    | TextError::ControlCharacters
                    | TextError::InvisibleCharacters,
                )
                | Problem::NoReason
                | Problem::OnlyHandledElsewhere
                | Problem::NotChosen
                | Problem::ConsentRequired => {}
            }
        }
        every
    }

    /// Every outcome the server can send, as serde writes it, is read back as it was.
    #[test]
    fn every_outcome_is_read_as_serde_wrote_it() {
        let mut outcomes = vec![
            CheckInOutcome::UnknownCenter,
            CheckInOutcome::StartOver,
            CheckInOutcome::CheckedIn(ticket(None, None)),
            CheckInOutcome::CheckedIn(ticket(Some(link(1)), Some(link(2)))),
            CheckInOutcome::Invalid(Vec::new()),
        ];
        for field in Field::ALL {
            outcomes.push(CheckInOutcome::Invalid(
                every_problem()
                    .into_iter()
                    .map(|problem| FieldError { field, problem })
                    .collect(),
            ));
        }
        for outcome in outcomes {
            // A new outcome stops the build here until the reader knows it.
            match outcome {
                CheckInOutcome::CheckedIn(_)
                | CheckInOutcome::Invalid(_)
                | CheckInOutcome::UnknownCenter
                | CheckInOutcome::StartOver => {}
            }
            let written = serde_json::to_value(&outcome).unwrap();
            assert_eq!(outcome_from(&written), Some(outcome), "{written}");
        }
    }

    #[test]
    fn anything_else_is_no_outcome() {
        for strange in [
            json!("Other"),
            json!(null),
            json!(3),
            json!({"CheckedIn": {"number": "A-1"}}),
            json!({"Invalid": [{"field": "Nose", "problem": "NoReason"}]}),
            json!({"Invalid": 5}),
            json!({"Invalid": {"field": "FirstName", "problem": "NoReason"}}),
            json!({"Invalid": [{"field": "FirstName", "problem": {"Text": {"TooLong": {"max": -1}}}}]}),
        ] {
            assert_eq!(outcome_from(&strange), None, "{strange}");
        }
    }

    /// The request the browser builds is read by the server function as it was meant:
    /// its arguments (`CheckIn`, made by `#[server]`) parse from it, field for field.
    #[test]
    fn the_server_function_reads_the_request_as_sent() {
        use crate::api::check_in::CheckIn;
        use crate::domain::locale::Locale;
        let requests = [
            CheckInRequest {
                center_id: "tigard".to_owned(),
                language: "zh-Hans".to_owned(),
                key: Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
                answers: CheckInAnswers {
                    first_name: "Zoë \"Z\" <b>".to_owned(),
                    last_name: "O'Brien".to_owned(),
                    reasons: vec!["job_search".to_owned(), "ui".to_owned()],
                    registered: Some(Registration::NotSure),
                    accommodations: Accommodation::ALL.to_vec(),
                    interpreter_language: "Somali".to_owned(),
                    accommodation_other: "a chair".to_owned(),
                    consent: true,
                },
                visitor: Some(4_000_000_017),
            },
            CheckInRequest {
                center_id: String::new(),
                language: "ar".to_owned(),
                key: Uuid::nil(),
                answers: CheckInAnswers::default(),
                visitor: None,
            },
        ];
        for request in requests {
            let built: Value = request.to_json();
            let read: CheckIn = serde_json::from_value(built.clone()).expect("the arguments parse");
            assert_eq!(read.center_id, request.center_id, "{built}");
            assert_eq!(
                read.language,
                Locale::from_tag(&request.language),
                "{built}"
            );
            assert_ne!(
                read.language,
                Locale::En,
                "the language is not the default: {built}"
            );
            assert_eq!(read.key, request.key, "{built}");
            assert_eq!(read.answers, request.answers, "{built}");
            assert_eq!(read.visitor, request.visitor, "{built}");
        }
    }
}
