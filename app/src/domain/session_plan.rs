//! A workshop session, or a weekly series of them, as staff plan it: the form's fields
//! checked all at once (every problem beside its field, in form order), and the instants
//! it names, read as wall-clock times in the session's own zone, so a series at 10:00
//! stays at 10:00 across a daylight-saving change.

use super::availability::local_instant;
use super::booking_form::PREFERRED_LANGUAGES;
use super::workshop::Topic;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The most seats a session may have, and the most weekly dates a series may have.
pub const MAX_CAPACITY: u32 = 500;
pub const MAX_WEEKS: u32 = 12;
const TITLE_MAX_CHARS: usize = 120;
const DESCRIPTION_MAX_CHARS: usize = 2000;

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionFields {
    pub topic: String,
    pub title: String,
    pub description: String,
    pub employer: String,
    /// A center id, or "virtual".
    pub place: String,
    pub meeting_link: String,
    /// `YYYY-MM-DD`, as an `<input type="date">` sends it.
    pub date: String,
    /// `HH:MM`, as an `<input type="time">` sends it.
    pub start: String,
    pub end: String,
    /// How many weekly dates: 1 for a single session.
    pub weeks: String,
    pub capacity: String,
    pub language: String,
    pub facilitator: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanField {
    Topic,
    Title,
    Description,
    Employer,
    Place,
    MeetingLink,
    Date,
    Start,
    End,
    Weeks,
    Capacity,
    Language,
    Facilitator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanProblem {
    Required,
    TooLong,
    /// Not a choice the form offers.
    Unknown,
    /// A meeting link must be a web address (https://…).
    NotALink,
    NotADate,
    NotATime,
    EndNotAfterStart,
    /// The date and time have passed.
    Past,
    /// The clocks skip this time that day (spring forward).
    TimeSkipped,
    /// A whole number from `min` to `max`.
    OutOfRange {
        min: u32,
        max: u32,
    },
}

/// When one session starts and ends.
pub type TimeRange = (DateTime<Utc>, DateTime<Utc>);

/// A checked plan, or every problem of the form in form order.
pub type PlanResult = Result<SessionPlan, Vec<(PlanField, PlanProblem)>>;

/// A checked plan: one session per entry of `times`.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionPlan {
    pub topic: Topic,
    pub title: String,
    pub description: String,
    pub employer: Option<String>,
    /// `None`: virtual.
    pub center_id: Option<String>,
    pub meeting_link: Option<String>,
    pub times: Vec<TimeRange>,
    pub capacity: i32,
    pub language: String,
    pub facilitator: String,
}

/// Where a session can be: the centers with their zones. Virtual sessions keep the
/// agency's home zone, `home`.
pub struct Places<'a> {
    pub centers: &'a [(String, Tz)],
    pub home: Tz,
}

/// Checks `fields`; `now` refuses a first date that has passed.
pub fn plan(fields: &SessionFields, places: &Places, now: DateTime<Utc>) -> PlanResult {
    let mut problems = Vec::new();
    let mut check = |field: PlanField, result: Result<(), PlanProblem>| {
        if let Err(problem) = result {
            problems.push((field, problem));
        }
    };

    let topic = Topic::from_code(fields.topic.trim());
    check(
        PlanField::Topic,
        topic.map(|_| ()).ok_or(PlanProblem::Unknown),
    );
    let title = text(&fields.title, TITLE_MAX_CHARS, false);
    check(PlanField::Title, title.as_ref().map(|_| ()).map_err(|p| *p));
    let description = text(&fields.description, DESCRIPTION_MAX_CHARS, false);
    check(
        PlanField::Description,
        description.as_ref().map(|_| ()).map_err(|p| *p),
    );
    // A hiring event is known by its employer.
    let hiring = topic == Some(Topic::HiringEvent);
    let employer = text(&fields.employer, TITLE_MAX_CHARS, hiring);
    check(
        PlanField::Employer,
        employer.as_ref().map(|_| ()).map_err(|p| *p),
    );

    let place = fields.place.trim();
    let virtual_session = place == "virtual";
    let zone = if virtual_session {
        Some(places.home)
    } else {
        places
            .centers
            .iter()
            .find(|(id, _)| id == place)
            .map(|(_, tz)| *tz)
    };
    check(
        PlanField::Place,
        match (place.is_empty(), zone) {
            (true, _) => Err(PlanProblem::Required),
            (false, None) => Err(PlanProblem::Unknown),
            (false, Some(_)) => Ok(()),
        },
    );
    let link = meeting_link(&fields.meeting_link, virtual_session);
    check(
        PlanField::MeetingLink,
        link.as_ref().map(|_| ()).map_err(|p| *p),
    );

    let date = required(&fields.date)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| PlanProblem::NotADate));
    check(PlanField::Date, date.map(|_| ()));
    let start = clock(&fields.start);
    check(PlanField::Start, start.map(|_| ()));
    let end = clock(&fields.end).and_then(|end| match start {
        Ok(start) if end <= start => Err(PlanProblem::EndNotAfterStart),
        _ => Ok(end),
    });
    check(PlanField::End, end.map(|_| ()));
    let weeks = whole_number(&fields.weeks, 1, MAX_WEEKS, Some(1));
    check(PlanField::Weeks, weeks.map(|_| ()));
    let capacity = whole_number(&fields.capacity, 1, MAX_CAPACITY, None);
    check(PlanField::Capacity, capacity.map(|_| ()));
    let language = fields.language.trim();
    check(
        PlanField::Language,
        if PREFERRED_LANGUAGES
            .iter()
            .any(|(code, _)| *code == language)
        {
            Ok(())
        } else {
            Err(PlanProblem::Unknown)
        },
    );
    let facilitator = text(&fields.facilitator, TITLE_MAX_CHARS, false);
    check(
        PlanField::Facilitator,
        facilitator.as_ref().map(|_| ()).map_err(|p| *p),
    );

    // The instants, once the parts they are made of are sound.
    if let (Ok(date), Ok(start), Ok(end), Ok(weeks), Some(zone)) = (date, start, end, weeks, zone) {
        match occurrences(date, start, end, weeks, zone) {
            Err(problem) => check(PlanField::Start, Err(problem)),
            Ok(times) if times[0].0 <= now => check(PlanField::Date, Err(PlanProblem::Past)),
            Ok(times) => {
                if problems.is_empty() {
                    return Ok(SessionPlan {
                        topic: topic.unwrap_or(Topic::Orientation),
                        title: title.unwrap_or_default().unwrap_or_default(),
                        description: description.unwrap_or_default().unwrap_or_default(),
                        employer: employer.unwrap_or_default(),
                        center_id: (!virtual_session).then(|| place.to_owned()),
                        meeting_link: link.unwrap_or_default(),
                        times,
                        capacity: capacity.unwrap_or(1) as i32,
                        language: language.to_owned(),
                        facilitator: facilitator.unwrap_or_default().unwrap_or_default(),
                    });
                }
            }
        }
    }
    problems.sort_by_key(|(field, _)| *field as u8);
    Err(problems)
}

/// The weekly dates of a series: the same wall-clock times in `zone`, `weeks` weeks in a
/// row. A time the clocks skip on any of the dates is refused rather than moved.
pub fn occurrences(
    first: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    weeks: u32,
    zone: Tz,
) -> Result<Vec<TimeRange>, PlanProblem> {
    (0..weeks)
        .map(|week| {
            let day = first + Duration::weeks(i64::from(week));
            let from = local_instant(zone, day.and_time(start)).ok_or(PlanProblem::TimeSkipped)?;
            let to = local_instant(zone, day.and_time(end)).ok_or(PlanProblem::TimeSkipped)?;
            Ok((from, to))
        })
        .collect()
}

fn required(raw: &str) -> Result<&str, PlanProblem> {
    match raw.trim() {
        "" => Err(PlanProblem::Required),
        value => Ok(value),
    }
}

/// Free text, trimmed: `Ok(None)` when left empty and not `needed`.
fn text(raw: &str, max: usize, needed: bool) -> Result<Option<String>, PlanProblem> {
    match raw.trim() {
        "" if needed => Err(PlanProblem::Required),
        "" => Ok(None),
        value if value.chars().count() > max => Err(PlanProblem::TooLong),
        value => Ok(Some(value.to_owned())),
    }
}

fn clock(raw: &str) -> Result<NaiveTime, PlanProblem> {
    let value = required(raw)?;
    NaiveTime::parse_from_str(value, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S"))
        .map_err(|_| PlanProblem::NotATime)
}

/// A changed number of seats, in the range a new session may have.
pub fn parse_capacity(raw: &str) -> Option<i32> {
    whole_number(raw, 1, MAX_CAPACITY, None)
        .ok()
        .and_then(|n| i32::try_from(n).ok())
}

fn whole_number(raw: &str, min: u32, max: u32, default: Option<u32>) -> Result<u32, PlanProblem> {
    let value = match (raw.trim(), default) {
        ("", Some(default)) => return Ok(default),
        (value, _) => required(value)?,
    };
    value
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(PlanProblem::OutOfRange { min, max })
}

/// A meeting link is needed for a virtual session and must be a web address; an in-person
/// session may leave it empty.
fn meeting_link(raw: &str, needed: bool) -> Result<Option<String>, PlanProblem> {
    let value = raw.trim();
    if value.is_empty() {
        return if needed {
            Err(PlanProblem::Required)
        } else {
            Ok(None)
        };
    }
    super::web_address::parse_web_address(value)
        .map(Some)
        .ok_or(PlanProblem::NotALink)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::America::Los_Angeles;

    fn places() -> Vec<(String, Tz)> {
        vec![("portland".to_owned(), Los_Angeles)]
    }

    fn fields() -> SessionFields {
        SessionFields {
            topic: "resumes".into(),
            place: "portland".into(),
            date: "2027-03-08".into(),
            start: "10:00".into(),
            end: "11:30".into(),
            capacity: "20".into(),
            language: "en".into(),
            ..SessionFields::default()
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap()
    }

    fn check(fields: &SessionFields) -> PlanResult {
        let centers = places();
        plan(
            fields,
            &Places {
                centers: &centers,
                home: Los_Angeles,
            },
            now(),
        )
    }

    #[test]
    fn a_single_session_at_a_center_is_read_in_the_centers_zone() {
        let plan = check(&fields()).unwrap();
        assert_eq!(plan.center_id.as_deref(), Some("portland"));
        assert_eq!(plan.meeting_link, None);
        assert_eq!(
            plan.times,
            vec![(
                Utc.with_ymd_and_hms(2027, 3, 8, 18, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 3, 8, 19, 30, 0).unwrap()
            )]
        );
        assert_eq!(plan.capacity, 20);
        assert_eq!(plan.title, "");
    }

    #[test]
    fn a_weekly_series_keeps_its_wall_clock_time_across_the_spring_change() {
        let plan = check(&SessionFields {
            weeks: "3".into(),
            ..fields()
        })
        .unwrap();
        let starts: Vec<_> = plan.times.iter().map(|(s, _)| *s).collect();
        // 10:00 PST is 18:00 UTC; after 2027-03-14, 10:00 PDT is 17:00 UTC.
        assert_eq!(
            starts,
            vec![
                Utc.with_ymd_and_hms(2027, 3, 8, 18, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 3, 15, 17, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 3, 22, 17, 0, 0).unwrap(),
            ]
        );
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused_not_moved() {
        let problems = check(&SessionFields {
            date: "2027-03-14".into(),
            start: "02:30".into(),
            end: "03:30".into(),
            ..fields()
        })
        .unwrap_err();
        assert_eq!(problems, vec![(PlanField::Start, PlanProblem::TimeSkipped)]);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_form_order() {
        let problems = check(&SessionFields {
            topic: "knitting".into(),
            place: "".into(),
            date: "next tuesday".into(),
            start: "10:00".into(),
            end: "09:00".into(),
            weeks: "13".into(),
            capacity: "0".into(),
            language: "xx".into(),
            ..SessionFields::default()
        })
        .unwrap_err();
        assert_eq!(
            problems,
            vec![
                (PlanField::Topic, PlanProblem::Unknown),
                (PlanField::Place, PlanProblem::Required),
                (PlanField::Date, PlanProblem::NotADate),
                (PlanField::End, PlanProblem::EndNotAfterStart),
                (
                    PlanField::Weeks,
                    PlanProblem::OutOfRange { min: 1, max: 12 }
                ),
                (
                    PlanField::Capacity,
                    PlanProblem::OutOfRange { min: 1, max: 500 }
                ),
                (PlanField::Language, PlanProblem::Unknown),
            ]
        );
    }

    #[test]
    fn a_virtual_session_needs_a_web_link_and_uses_the_home_zone() {
        let virtual_fields = SessionFields {
            place: "virtual".into(),
            ..fields()
        };
        assert_eq!(
            check(&virtual_fields).unwrap_err(),
            vec![(PlanField::MeetingLink, PlanProblem::Required)]
        );
        for bad in ["meet.example.org/abc", "https://", "https://a b", "ftp://x"] {
            assert_eq!(
                check(&SessionFields {
                    meeting_link: bad.into(),
                    ..virtual_fields.clone()
                })
                .unwrap_err(),
                vec![(PlanField::MeetingLink, PlanProblem::NotALink)],
                "{bad}"
            );
        }
        let plan = check(&SessionFields {
            meeting_link: " https://meet.example.org/abc ".into(),
            ..virtual_fields
        })
        .unwrap();
        assert_eq!(plan.center_id, None);
        assert_eq!(
            plan.meeting_link.as_deref(),
            Some("https://meet.example.org/abc")
        );
        assert_eq!(
            plan.times[0].0,
            Utc.with_ymd_and_hms(2027, 3, 8, 18, 0, 0).unwrap()
        );
    }

    #[test]
    fn a_hiring_event_needs_its_employer() {
        let hiring = SessionFields {
            topic: "hiring_event".into(),
            ..fields()
        };
        assert_eq!(
            check(&hiring).unwrap_err(),
            vec![(PlanField::Employer, PlanProblem::Required)]
        );
        let plan = check(&SessionFields {
            employer: "Fred Meyer".into(),
            ..hiring
        })
        .unwrap();
        assert_eq!(plan.employer.as_deref(), Some("Fred Meyer"));
    }

    #[test]
    fn a_date_that_has_passed_and_an_unknown_center_are_refused() {
        assert_eq!(
            check(&SessionFields {
                date: "2027-02-26".into(),
                ..fields()
            })
            .unwrap_err(),
            vec![(PlanField::Date, PlanProblem::Past)]
        );
        assert_eq!(
            check(&SessionFields {
                place: "atlantis".into(),
                ..fields()
            })
            .unwrap_err(),
            vec![(PlanField::Place, PlanProblem::Unknown)]
        );
    }

    #[test]
    fn a_changed_capacity_is_a_whole_number_of_seats_within_range() {
        assert_eq!(parse_capacity(" 25 "), Some(25));
        for bad in ["", "0", "-3", "501", "2.5", "ten"] {
            assert_eq!(parse_capacity(bad), None, "{bad}");
        }
    }
}
