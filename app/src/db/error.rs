//! [ssr] What a query can fail with: the database's own errors, or stored data the
//! program cannot use. Typed, so a caller can tell them apart and the log says which.

use crate::domain::unknown_code::UnknownCode;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error("stored data: {0}")]
    Data(#[from] DataError),
}

/// Stored data that breaks a rule the program relies on (a bug or a bad manual edit,
/// never a visitor's input).
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error(transparent)]
    UnknownCode(#[from] UnknownCode),
    #[error("center {center_id} has an unknown time zone {zone:?}")]
    UnknownTimeZone { center_id: String, zone: String },
    #[error("no free confirmation code after {draws} draws")]
    CodesExhausted { draws: u32 },
    #[error("a claimed hold had no held seat behind it")]
    HeldSeatMissing,
}

impl From<UnknownCode> for Error {
    fn from(error: UnknownCode) -> Self {
        Error::Data(DataError::UnknownCode(error))
    }
}
