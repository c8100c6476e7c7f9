//! Shared UI pieces, one per file.

pub mod live_updater;
pub mod needs_fields;
pub mod text_field;
