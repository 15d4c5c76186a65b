//! JSONL manifests: one document per line, with its text inline or a path relative to the
//! manifest's own folder.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::{Defaults, Document, Format, Meta, MAX_FILE_BYTES};
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

/// Puts an error about one record under the manifest's name and line, keeping the name of a
/// file the record points to ("m.jsonl:3: texts/a.txt: the file is empty") and not repeating
/// the line ("m.jsonl:3: the record has neither ...").
fn in_record(manifest: &Path, line: usize, where_: &str, e: Error) -> Error {
    let message = e.to_string();
    let problem = message
        .strip_prefix(&format!("{where_}: "))
        .unwrap_or(&message)
        .to_string();
    Error::Record {
        path: manifest.to_path_buf(),
        line,
        problem,
    }
}

/// Reads a whole manifest; the first bad line stops it with an error naming the line.
/// A line longer than [`MAX_FILE_BYTES`] is refused before it is read whole.
pub fn read_manifest(path: &Path, defaults: &Defaults) -> Result<Vec<Document>> {
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, &e))?;
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut docs = Vec::new();
    let mut reader = std::io::BufReader::new(file);
    let mut bytes = Vec::new();
    for line_no in 1.. {
        let record_error = |problem: String| Error::Record {
            path: path.to_path_buf(),
            line: line_no,
            problem,
        };
        bytes.clear();
        let read = (&mut reader)
            .take(MAX_FILE_BYTES + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| record_error(format!("cannot read the line: {e}")))?;
        if read == 0 {
            break;
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(record_error(format!(
                "the line is longer than {} MB; give long texts as `path` records",
                MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        let line = std::str::from_utf8(&bytes).map_err(|e| {
            record_error(format!(
                "not valid UTF-8 (byte {} of the line); if it is Latin-1, convert it first, e.g. `iconv -f latin1 -t utf-8`",
                e.valid_up_to()
            ))
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = parse_line(path, line_no, line)?;
        let where_ = format!("{}:{line_no}", path.display());
        let doc = record
            .into_document(&base, defaults, &where_)
            .map_err(|e| in_record(path, line_no, &where_, e))?;
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(Error::input(path, "the manifest holds no documents"));
    }
    Ok(docs)
}
