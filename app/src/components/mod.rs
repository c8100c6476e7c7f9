//! Shared UI pieces, one per file.

pub mod erase_details;
pub mod feedback_form;
pub mod filter_form;
pub mod island_props;
pub mod live_updater;
pub mod needs_fields;
pub mod page_title;
pub mod staff_table;
pub mod stranded_choice;
pub mod text_field;
