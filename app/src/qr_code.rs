//! [ssr] QR codes drawn on the server as inline SVG (with the `qrcode` crate): the kiosk
//! shows them without a byte of QR code in its WASM.

use qrcode::render::svg;
use qrcode::QrCode;

/// `text` as an `<svg>` element that scales to its box (sized by CSS), black on white with
/// the quiet zone scanners need. None when `text` is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let drawn = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // The renderer writes a standalone document: inline, the XML declaration must go.
    let start = drawn.find("<svg")?;
    Some(drawn[start..].to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_becomes_an_inline_svg_element() {
        let svg = super::qr_svg("https://frontdesk.example.org/t/AbCdEfGhIjKlMnOpQrSt-_")
            .expect("a short link fits");
        assert!(svg.starts_with("<svg"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("viewBox"));
    }

    #[test]
    fn text_too_long_for_any_qr_code_gives_none() {
        assert_eq!(super::qr_svg(&"x".repeat(8000)), None);
    }
}
