//! A stored code that names no known value: what reading a status the program does not
//! know gives (the database's check constraints make it a bug, never a visitor's input).

/// `kind` says which set of codes was read (`"appointment status"`…).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {code:?}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

impl UnknownCode {
    /// `code` read by `parse`, or the error that names it as an unknown `kind`.
    pub fn read<T>(
        kind: &'static str,
        code: String,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, UnknownCode> {
        parse(&code).ok_or(UnknownCode { kind, code })
    }
}
