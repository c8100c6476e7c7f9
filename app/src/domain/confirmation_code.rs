//! Confirmation codes a person can read aloud over the phone or type on a kiosk: letters
//! and digits without the look-alikes 0/O and 1/I, shown as two groups of four.

/// 32 symbols (5 bits each): A–Z without I and O, and 2–9.
pub const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Symbols in a code: 40 bits, so guessing a valid code is hopeless, while a code still
/// fits on a sticky note.
pub const LENGTH: usize = 8;

/// The code made from `random` bytes (one symbol per byte, using its low 5 bits, which
/// keeps every symbol equally likely).
pub fn from_random(random: [u8; LENGTH]) -> String {
    random
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

/// How a code is shown and read out: `K7PQ-4X9M`.
pub fn display(code: &str) -> String {
    if code.len() == LENGTH {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

/// A typed code in stored form: upper case, without spaces and hyphens. `None` when it
/// cannot be a code (wrong length or a symbol that no code has).
pub fn normalize(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
    valid.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_look_alike_symbols_and_every_byte_maps_into_the_alphabet() {
        for confusing in [b'0', b'O', b'1', b'I'] {
            assert!(!ALPHABET.contains(&confusing));
        }
        let mut seen = std::collections::BTreeSet::new();
        for b in 0..=255u8 {
            let code = from_random([b; LENGTH]);
            assert_eq!(normalize(&code).as_deref(), Some(code.as_str()));
            seen.insert(code);
        }
        assert_eq!(seen.len(), 32, "all symbols are reachable, equally often");
    }

    #[test]
    fn typed_codes_are_forgiving_about_case_spaces_and_hyphens() {
        assert_eq!(normalize(" k7pq-4x9m ").as_deref(), Some("K7PQ4X9M"));
        assert_eq!(normalize("K7PQ 4X9M").as_deref(), Some("K7PQ4X9M"));
        assert_eq!(display("K7PQ4X9M"), "K7PQ-4X9M");
    }

    #[test]
    fn impossible_codes_are_refused() {
        assert_eq!(normalize("K7PQ4X9"), None, "too short");
        assert_eq!(normalize("K7PQ4X9MM"), None, "too long");
        assert_eq!(normalize("K7PQ4X0M"), None, "0 is never used");
        assert_eq!(normalize("K7PQ4XIM"), None, "I is never used");
        assert_eq!(normalize(""), None);
    }
}
