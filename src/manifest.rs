//! JSONL manifests: one document per line, with its text inline or a path relative to the
//! manifest's own folder.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::{Defaults, Document, Format, Meta};
use crate::error::{Error, Result};

/// One manifest line as written.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    #[serde(flatten)]
    pub meta: Meta,
    pub text: Option<String>,
    pub path: Option<PathBuf>,
}

impl Record {
    /// Turns the record into a document; `base` is the manifest's folder.
    pub fn into_document(self, base: &Path, defaults: &Defaults, where_: &str) -> Result<Document> {
        match (self.text, self.path) {
            (Some(text), _) => {
                let id = self.meta.id.clone().unwrap_or_else(|| where_.to_string());
                let format = if text.trim_start().starts_with('<') {
                    Format::Html
                } else {
                    Format::Text
                };
                Document::from_text(&id, text, format, &self.meta, defaults)
            }
            (None, Some(path)) => {
                let full = if path.is_absolute() {
                    path.clone()
                } else {
                    base.join(&path)
                };
                let mut doc = Document::read_with(&full, &self.meta, defaults)?;
                if self.meta.id.is_none() {
                    doc.id = path.to_string_lossy().into_owned();
                }
                Ok(doc)
            }
            (None, None) => Err(Error::Usage(format!(
                "{where_}: the record has neither `text` nor `path`"
            ))),
        }
    }
}

/// Parses one manifest line.
pub fn parse_line(manifest: &Path, line_no: usize, line: &str) -> Result<Record> {
    serde_json::from_str(line).map_err(|e| Error::Record {
        path: manifest.to_path_buf(),
        line: line_no,
        problem: format!("not a manifest record: {e}"),
    })
}

/// Reads a whole manifest; the first bad line stops it with an error naming the line.
pub fn read_manifest(path: &Path, defaults: &Defaults) -> Result<Vec<Document>> {
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, &e))?;
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line_no = i + 1;
        let line = line.map_err(|e| Error::Record {
            path: path.to_path_buf(),
            line: line_no,
            problem: format!("cannot read the line: {e}"),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = parse_line(path, line_no, &line)?;
        let where_ = format!("{}:{line_no}", path.display());
        let doc = record
            .into_document(&base, defaults, &where_)
            .map_err(|e| match e {
                Error::Usage(problem) | Error::Input { problem, .. } => Error::Record {
                    path: path.to_path_buf(),
                    line: line_no,
                    problem,
                },
                other => other,
            })?;
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(Error::input(path, "the manifest holds no documents"));
    }
    Ok(docs)
}
