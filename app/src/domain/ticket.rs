//! Ticket numbers as visitors see and hear them: a letter, a dash, three digits ("A-042").

use serde::{Deserialize, Serialize};
use std::fmt;

/// Letter that starts every walk-in ticket. Appointments will get their own letter so a
/// visitor can tell the two lines apart.
pub const WALK_IN_PREFIX: char = 'A';

/// A ticket: the letter of its line and its number in that line today at that center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketNumber {
    pub prefix: char,
    pub number: u32,
}

impl fmt::Display for TicketNumber {
    /// Pads to three digits so numbers line up on a screen; a busy day past 999 simply
    /// shows four digits rather than wrapping to a number already called.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:03}", self.prefix, self.number)
    }
}

/// "A-042" as speech should say it: one character at a time ("A, 0, 4, 2"), the dash
/// left out, so no voice reads it as a word or a number.
pub fn spell_out(number: &str) -> String {
    let mut spelled = String::new();
    for c in number.chars().filter(|c| c.is_alphanumeric()) {
        if !spelled.is_empty() {
            spelled.push_str(", ");
        }
        spelled.push(c);
    }
    spelled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_number_is_spelled_character_by_character() {
        assert_eq!(spell_out("A-042"), "A, 0, 4, 2");
        assert_eq!(spell_out(""), "");
    }

    #[test]
    fn tickets_are_padded_to_three_digits() {
        let ticket = |number| {
            TicketNumber {
                prefix: WALK_IN_PREFIX,
                number,
            }
            .to_string()
        };
        assert_eq!(ticket(1), "A-001");
        assert_eq!(ticket(42), "A-042");
        assert_eq!(ticket(999), "A-999");
        assert_eq!(ticket(1000), "A-1000");
    }
}
