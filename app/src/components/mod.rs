//! Shared UI pieces, one per file.

pub mod live_updater;
