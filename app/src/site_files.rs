//! The addresses of the site's own files as this build named them: with cargo-leptos
//! `hash-files`, `/pkg/frontdesk.<hash>.css`, the hash read once from the `hash.txt` the
//! build writes next to the server's binary (Leptos's own `HashedStylesheet` reads that
//! file on every page).

use std::sync::OnceLock;

static STYLESHEET: OnceLock<String> = OnceLock::new();

/// The style sheet's address; the unhashed name until `init` has run (tests, a build
/// without hashed names).
pub fn stylesheet_href() -> &'static str {
    STYLESHEET
        .get()
        .map(String::as_str)
        .unwrap_or("/pkg/frontdesk.css")
}

/// Learns the style sheet's address: `output_name` in `pkg_dir`, with the hash
/// `hash_file` (next to the running binary) names for it when `hashed`.
#[cfg(feature = "ssr")]
pub fn init(output_name: &str, pkg_dir: &str, hashed: bool, hash_file: &str) {
    let hash = hashed
        .then(|| {
            let path = std::env::current_exe().ok()?.parent()?.join(hash_file);
            let hashes = std::fs::read_to_string(path).ok()?;
            css_hash(&hashes)
        })
        .flatten();
    let name = match hash {
        Some(hash) => format!("{output_name}.{hash}"),
        None => {
            if hashed {
                tracing::warn!("hashed file names are on but {hash_file} names no style sheet");
            }
            output_name.to_owned()
        }
    };
    let _ = STYLESHEET.set(format!("/{pkg_dir}/{name}.css"));
}

/// The style sheet's hash in a `hash.txt` ("css: AbC…" among "js:" and "wasm:" lines).
#[cfg(any(feature = "ssr", test))]
fn css_hash(hashes: &str) -> Option<String> {
    hashes.lines().find_map(|line| {
        let (file, hash) = line.trim().split_once(':')?;
        (file.trim() == "css" && !hash.trim().is_empty()).then(|| hash.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_sheets_hash_is_read_from_the_builds_list() {
        let hashes = "js: rHvQi67cE1R_8v2ybXqdpA\nwasm: gt_CqG-CHfAyvI2psz9D4Q\ncss: kVVT6bjZUD4gNwWvLJRL7g\n";
        assert_eq!(css_hash(hashes).as_deref(), Some("kVVT6bjZUD4gNwWvLJRL7g"));
        assert_eq!(css_hash("js: a\nwasm: b"), None);
        assert_eq!(css_hash("css:   "), None);
    }
}
