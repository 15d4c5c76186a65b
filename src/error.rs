//! The one error type of the library: every variant names the input and the problem.

use std::path::PathBuf;

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read at all.
    #[error("{path}: {problem}")]
    Read { path: PathBuf, problem: String },
    /// A file was read but its content is not usable (encoding, emptiness, size).
    #[error("{path}: {problem}")]
    Input { path: PathBuf, problem: String },
    /// One record (a manifest line, a CSV row) is malformed.
    #[error("{path}:{line}: {problem}")]
    Record {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    /// A command-line value or option is not usable.
    #[error("{0}")]
    Usage(String),
    /// Writing a report failed.
    #[error("{path}: {problem}")]
    Write { path: PathBuf, problem: String },
}

impl Error {
    pub(crate) fn input(path: impl Into<PathBuf>, problem: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            problem: problem.into(),
        }
    }

    pub(crate) fn read(path: impl Into<PathBuf>, err: &std::io::Error) -> Self {
        let problem = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
            _ => err.to_string(),
        };
        Error::Read {
            path: path.into(),
            problem,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
