//! What each key does on the kiosk, for visitors who use a keyboard or a numeric keypad
//! instead of the screen. A 12-key keypad (0–9, star, hash) is enough: the numbers move
//! as the arrows on a keypad do (4 back, 6 on, 5 chooses), star goes back, hash asks for
//! help. A 17-key numeric keypad with Num Lock off sends its arrow names instead, which
//! mean the same. Plain Rust, unit-tested apart from the browser.

/// A kiosk action asked for by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Next,
    Previous,
    /// Activates the current item (Enter, 5).
    Choose,
    /// In a text box: the typing is done, go on as Enter would.
    Done,
    SayAgain,
    Pause,
    Back,
    Help,
    Louder,
    Quieter,
}

/// The action of `key` (a `KeyboardEvent.key` value). `in_text_box`: the key goes to a text
/// box, where letters, digits and editing keys type and only moving, leaving and "done"
/// keys are ours.
pub fn key_action(key: &str, shift: bool, in_text_box: bool) -> Option<KeyAction> {
    use KeyAction::*;
    let moving = match key {
        "Tab" if shift => Some(Previous),
        "Tab" => Some(Next),
        "ArrowUp" => Some(Previous),
        "ArrowDown" => Some(Next),
        "Escape" => Some(Back),
        _ => None,
    };
    if in_text_box {
        // Left and right move the caret; a name's letters are typed on the digits.
        return moving.or(match key {
            "#" => Some(Done),
            "*" => Some(Back),
            _ => None,
        });
    }
    moving.or(match key {
        "ArrowRight" | "6" | "2" => Some(Next),
        "ArrowLeft" | "4" | "8" => Some(Previous),
        "Enter" | " " | "5" | "Clear" => Some(Choose),
        "0" | "Insert" => Some(SayAgain),
        "." | "," | "Delete" => Some(Pause),
        "*" | "Backspace" => Some(Back),
        "#" | "/" | "?" | "F1" => Some(Help),
        "+" => Some(Louder),
        "-" => Some(Quieter),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_twelve_key_keypad_reaches_every_action() {
        let actions: Vec<_> = ["6", "4", "5", "0", "*", "#"]
            .iter()
            .map(|k| key_action(k, false, false))
            .collect();
        assert_eq!(
            actions,
            [
                Some(KeyAction::Next),
                Some(KeyAction::Previous),
                Some(KeyAction::Choose),
                Some(KeyAction::SayAgain),
                Some(KeyAction::Back),
                Some(KeyAction::Help),
            ]
        );
    }

    #[test]
    fn a_keyboard_moves_with_tab_and_arrows_and_chooses_with_enter() {
        assert_eq!(key_action("Tab", false, false), Some(KeyAction::Next));
        assert_eq!(key_action("Tab", true, false), Some(KeyAction::Previous));
        assert_eq!(key_action("ArrowDown", false, false), Some(KeyAction::Next));
        assert_eq!(
            key_action("ArrowLeft", false, false),
            Some(KeyAction::Previous)
        );
        assert_eq!(key_action("Enter", false, false), Some(KeyAction::Choose));
        assert_eq!(key_action("Escape", false, false), Some(KeyAction::Back));
        assert_eq!(key_action("F1", false, false), Some(KeyAction::Help));
        assert_eq!(key_action("+", false, false), Some(KeyAction::Louder));
        assert_eq!(key_action("q", false, false), None);
    }

    #[test]
    fn a_text_box_keeps_its_typing_and_editing_keys() {
        for typed in [
            "a",
            "5",
            "0",
            "Backspace",
            "ArrowLeft",
            "ArrowRight",
            "Enter",
            " ",
        ] {
            assert_eq!(key_action(typed, false, true), None, "{typed}");
        }
        assert_eq!(key_action("#", false, true), Some(KeyAction::Done));
        assert_eq!(key_action("Tab", false, true), Some(KeyAction::Next));
        assert_eq!(
            key_action("ArrowUp", false, true),
            Some(KeyAction::Previous)
        );
        assert_eq!(key_action("*", false, true), Some(KeyAction::Back));
    }

    #[test]
    fn num_lock_off_means_the_same_as_the_digits() {
        assert_eq!(
            key_action("Clear", false, false),
            key_action("5", false, false)
        );
        assert_eq!(
            key_action("Insert", false, false),
            key_action("0", false, false)
        );
    }
}
