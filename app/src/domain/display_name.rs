//! How a visitor's name appears on staff screens: first name and the first letter of the
//! last name, never the full name (staff screens can be seen from the waiting area).

/// "María G." from "María" and "García"; "王 小." from "王" and "小明".
pub fn short_name(first_name: &str, last_name: &str) -> String {
    match last_name.trim().chars().next() {
        Some(initial) => format!("{} {}.", first_name.trim(), initial.to_uppercase()),
        None => first_name.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_first_name_and_last_initial_in_any_script() {
        assert_eq!(short_name("María", "garcía"), "María G.");
        assert_eq!(short_name("محمد", "علي"), "محمد ع.");
        assert_eq!(short_name("Lan", "Nguyễn"), "Lan N.");
        assert_eq!(short_name("王", "小明"), "王 小.");
        assert_eq!(short_name("Ann", ""), "Ann");
    }
}
