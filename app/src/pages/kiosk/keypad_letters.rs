//! Typing a name on a numeric keypad, as on a phone: 2 once is A, twice B, three times C;
//! 0 is a space and 1 a hyphen or apostrophe. Words ("O'Brien", "Jean-Luc") start with a
//! capital letter. Plain
//! Rust, unit-tested apart from the browser.

/// The characters a digit key types in turn, or `None` for a key that types no letter.
fn letters_on(key: char) -> Option<&'static str> {
    Some(match key {
        '0' => " ",
        '1' => "-'",
        '2' => "abc",
        '3' => "def",
        '4' => "ghi",
        '5' => "jkl",
        '6' => "mno",
        '7' => "pqrs",
        '8' => "tuv",
        '9' => "wxyz",
        _ => return None,
    })
}

/// `text` after `key` is pressed for the `presses`-th time in a row (1 for a first press,
/// which adds a letter; a later press replaces the letter the key typed before). Returns
/// the new text and the character typed, or `None` for a key that types no letter.
pub fn press(text: &str, key: char, presses: usize) -> Option<(String, char)> {
    let letters = letters_on(key)?;
    let count = letters.chars().count();
    let mut base = text.to_owned();
    if presses > 1 {
        base.pop();
    }
    let letter = letters.chars().nth((presses.max(1) - 1) % count)?;
    let word_start = base
        .chars()
        .last()
        .is_none_or(|c| matches!(c, ' ' | '-' | '\''));
    let typed = if word_start {
        letter.to_ascii_uppercase()
    } else {
        letter
    };
    base.push(typed);
    Some((base, typed))
}

#[cfg(test)]
mod tests {
    use super::press;

    /// Types `keys`, a run of presses of one key counting as one letter, as a visitor would
    /// with pauses between letters; `|` marks a pause between two letters on the same key.
    fn type_on_keypad(keys: &str) -> String {
        let mut text = String::new();
        let mut run = 0;
        let mut last = None;
        for key in keys.chars() {
            if key == '|' {
                last = None;
                continue;
            }
            run = if last == Some(key) { run + 1 } else { 1 };
            last = Some(key);
            text = press(&text, key, run).unwrap().0;
        }
        text
    }

    #[test]
    fn a_name_is_typed_letter_by_letter() {
        assert_eq!(type_on_keypad("77766677772"), "Rosa");
        assert_eq!(type_on_keypad("2|2"), "Aa");
        assert_eq!(type_on_keypad("6660"), "O ");
    }

    #[test]
    fn each_word_starts_with_a_capital() {
        assert_eq!(type_on_keypad("6660557"), "O Kp");
        assert_eq!(type_on_keypad("533177733"), "Je-Re");
        assert_eq!(type_on_keypad("66611|22|2"), "O'Ba");
    }

    #[test]
    fn pressing_past_the_last_letter_comes_round_again() {
        assert_eq!(type_on_keypad("2222"), "A");
        assert_eq!(type_on_keypad("77777"), "P");
    }

    #[test]
    fn keys_without_letters_type_nothing() {
        assert_eq!(press("Ro", '*', 1), None);
        assert_eq!(press("Ro", '#', 1), None);
        assert_eq!(press("Ro", 'a', 1), None);
    }
}
