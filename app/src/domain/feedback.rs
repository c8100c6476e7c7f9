//! "How was your visit?": a rating of one to five faces and an optional comment, and the
//! arithmetic of the feedback report (count, average, distribution).

use super::free_text::{parse_optional, TextError};
use serde::{Deserialize, Serialize};

/// Longest comment: a few sentences, enough to say what went wrong or well.
pub const COMMENT_MAX_CHARS: usize = 500;

/// The five faces, worst first, as the form offers them.
pub const RATINGS: [u8; 5] = [1, 2, 3, 4, 5];

/// Where an answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackSource {
    /// The visitor's phone page, after staff marked the visit done.
    Phone,
    /// The kiosk's welcome screen, by anyone, without a visit.
    Kiosk,
}

impl FeedbackSource {
    pub fn code(self) -> &'static str {
        match self {
            FeedbackSource::Phone => "phone",
            FeedbackSource::Kiosk => "kiosk",
        }
    }
}

/// Why an answer was refused, each shown beside its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackProblem {
    /// No face was chosen (or something that is not one of the five was sent).
    NoRating,
    Comment(TextError),
}

/// A checked answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackAnswer {
    pub rating: u8,
    pub comment: Option<String>,
}

/// Checks a posted rating ("1" to "5") and comment. Both problems are reported at once.
/// The comment's line breaks and tabs (a textarea sends CRLF) become single spaces: it is
/// read in one line in the report.
pub fn parse_feedback(rating: &str, comment: &str) -> Result<FeedbackAnswer, Vec<FeedbackProblem>> {
    let rating = rating
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|r| RATINGS.contains(r));
    let one_line = comment
        .split(['\r', '\n', '\t'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let comment = parse_optional(&one_line, COMMENT_MAX_CHARS);
    match (rating, comment) {
        (Some(rating), Ok(comment)) => Ok(FeedbackAnswer { rating, comment }),
        (rating, comment) => {
            let mut problems = Vec::new();
            if rating.is_none() {
                problems.push(FeedbackProblem::NoRating);
            }
            if let Err(error) = comment {
                problems.push(FeedbackProblem::Comment(error));
            }
            Err(problems)
        }
    }
}

/// Answers counted per face: `counts[0]` gave one face, `counts[4]` five.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    pub counts: [u64; 5],
}

impl Ratings {
    /// Counts `n` more answers of `rating`; a rating outside one to five is ignored.
    pub fn add(&mut self, rating: u8, n: u64) {
        if let Some(slot) = usize::from(rating)
            .checked_sub(1)
            .and_then(|i| self.counts.get_mut(i))
        {
            *slot += n;
        }
    }

    pub fn merge(&mut self, other: &Ratings) {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The mean rating in tenths (42 is 4.2), rounded; none without answers. Tenths keep
    /// the report's arithmetic in whole numbers.
    pub fn average_tenths(&self) -> Option<u32> {
        let total = self.total();
        (total > 0).then(|| {
            let sum: u64 = self
                .counts
                .iter()
                .zip(1u64..)
                .map(|(count, face)| count * face)
                .sum();
            ((sum * 10 + total / 2) / total) as u32
        })
    }
}

/// "4.2" for 42 tenths.
pub fn tenths_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_is_one_of_the_five_faces() {
        assert_eq!(
            parse_feedback("4", ""),
            Ok(FeedbackAnswer {
                rating: 4,
                comment: None
            })
        );
        for bad in ["", "0", "6", "-1", "4.5", "five", "255", "256"] {
            assert_eq!(
                parse_feedback(bad, ""),
                Err(vec![FeedbackProblem::NoRating]),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_comment_is_optional_trimmed_and_bounded() {
        assert_eq!(
            parse_feedback("5", "  Very kind staff  ")
                .unwrap()
                .comment
                .as_deref(),
            Some("Very kind staff")
        );
        assert_eq!(parse_feedback("5", "   ").unwrap().comment, None);
        // What a textarea sends for Enter, twice.
        assert_eq!(
            parse_feedback("5", "Kind staff.\r\n\r\nShort wait.\tThanks")
                .unwrap()
                .comment
                .as_deref(),
            Some("Kind staff. Short wait. Thanks")
        );
        assert_eq!(parse_feedback("5", "\r\n").unwrap().comment, None);
        let long = "a".repeat(COMMENT_MAX_CHARS + 1);
        assert_eq!(
            parse_feedback("", &long),
            Err(vec![
                FeedbackProblem::NoRating,
                FeedbackProblem::Comment(TextError::TooLong {
                    max: COMMENT_MAX_CHARS
                })
            ])
        );
        // Length counts characters, not bytes: 500 Arabic letters fit.
        assert!(parse_feedback("3", &"ش".repeat(COMMENT_MAX_CHARS)).is_ok());
        assert_eq!(
            parse_feedback("3", "bad\u{0007}bell"),
            Err(vec![FeedbackProblem::Comment(TextError::ControlCharacters)])
        );
    }

    #[test]
    fn ratings_count_average_and_ignore_what_is_not_a_face() {
        let mut ratings = Ratings::default();
        assert_eq!(ratings.average_tenths(), None);
        ratings.add(5, 3);
        ratings.add(4, 1);
        ratings.add(1, 1);
        ratings.add(0, 9);
        ratings.add(6, 9);
        assert_eq!(ratings.counts, [1, 0, 0, 1, 3]);
        assert_eq!(ratings.total(), 5);
        // (1 + 4 + 15) / 5 = 4.0
        assert_eq!(ratings.average_tenths(), Some(40));
        let mut more = Ratings::default();
        more.add(2, 1);
        ratings.merge(&more);
        // 22 / 6 = 3.67
        assert_eq!(ratings.average_tenths(), Some(37));
        assert_eq!(tenths_text(37), "3.7");
        assert_eq!(tenths_text(50), "5.0");
    }
}
