//! [ssr] The paired tablet the request being answered comes from. The kiosk gate finds it
//! and runs the handler within `REQUEST_TABLET`, so a page a form handler renders for a
//! kiosk post carries the tablet too, as a page the router renders does: its server
//! functions answer that tablet and its forms name the tablet's visitor.

use crate::db::kiosk_devices::KioskDevice;

tokio::task_local! {
    pub static REQUEST_TABLET: KioskDevice;
}

/// The tablet of the request this task answers, if it came through the kiosk gate.
pub fn request_tablet() -> Option<KioskDevice> {
    REQUEST_TABLET.try_with(Clone::clone).ok()
}
