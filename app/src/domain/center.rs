//! The public facts about a center that pages show.

use serde::{Deserialize, Serialize};

/// A center as visitors see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CenterInfo {
    pub id: String,
    pub name: String,
}
