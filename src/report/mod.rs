//! Reports: one [`Report`] type, written by one module per format.
//!
//! Every format reads the same findings in the same order, so the JSON is the same data as the
//! terminal output. A new format is one file here and one arm in [`OutputFormat`].

mod csv;
mod json;
mod text;

use std::io::{self, Write};

use serde::Serialize;

use crate::claim::{Claim, Number};
use crate::document::Document;
use crate::judge::{Finding, Verdict};

/// Which command made the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Extract,
    Diff,
    Compare,
}

/// Everything a format may show: the documents, their claims and the findings.
#[derive(Debug, Clone)]
pub struct Report {
    pub command: Command,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Builds a report; findings are put in their documented order: by the first claim's
    /// document (as given), its position, then the second claim's.
    pub fn new(
        command: Command,
        documents: Vec<Document>,
        claims: Vec<Claim>,
        mut findings: Vec<Finding>,
    ) -> Report {
        let doc_index = |id: &str| {
            documents
                .iter()
                .position(|d| d.id == id)
                .unwrap_or(usize::MAX)
        };
        let key = |c: &Option<Claim>| {
            c.as_ref()
                .map(|c| (doc_index(&c.doc), c.span.start, c.span.end))
        };
        findings.sort_by(|x, y| {
            let kx = key(&x.a).or(key(&x.b));
            let ky = key(&y.a).or(key(&y.b));
            kx.cmp(&ky)
                .then(key(&x.b).cmp(&key(&y.b)))
                .then(x.verdict.cmp(&y.verdict))
        });
        Report {
            command,
            documents,
            claims,
            findings,
        }
    }

    /// The findings at or above a threshold, for the exit status.
    pub fn count_at_least(&self, fail_on: FailOn) -> usize {
        self.findings
            .iter()
            .filter(|f| fail_on.matches(f.verdict))
            .count()
    }

    /// Count of findings per verdict, in the order of [`Verdict::ALL`].
    pub fn tally(&self) -> Vec<(Verdict, usize)> {
        Verdict::ALL
            .iter()
            .map(|v| (*v, self.findings.iter().filter(|f| f.verdict == *v).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Documents whose relative dates could not be resolved, for the report's notes.
    pub fn unresolved_documents(&self) -> Vec<&str> {
        self.documents
            .iter()
            .filter(|d| d.published.is_none())
            .filter(|d| {
                self.claims
                    .iter()
                    .any(|c| c.doc == d.id && c.unresolved.is_some())
            })
            .map(|d| d.id.as_str())
            .collect()
    }
}

/// Which findings make the run fail (exit status 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Contradiction,
    Correction,
    Update,
    Any,
    Never,
}

impl FailOn {
    pub fn matches(self, v: Verdict) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Contradiction => v == Verdict::Contradiction,
            FailOn::Correction => matches!(v, Verdict::Contradiction | Verdict::Correction),
            FailOn::Update => v.is_alarm(),
            FailOn::Any => v.is_alarm() || matches!(v, Verdict::Added | Verdict::Removed),
        }
    }
}

impl std::str::FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "contradiction" => FailOn::Contradiction,
            "correction" => FailOn::Correction,
            "update" => FailOn::Update,
            "any" => FailOn::Any,
            "never" => FailOn::Never,
            _ => {
                return Err(format!(
                    "unknown --fail-on value {s:?} (contradiction, correction, update, any, never)"
                ))
            }
        })
    }
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Jsonl,
    Csv,
}

/// Options every format may honour.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Colours and styles for a terminal.
    pub color: bool,
    /// Show agree and compatible findings too.
    pub all: bool,
}

/// Writes a report in a format.
pub fn write(
    report: &Report,
    format: OutputFormat,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Text => text::write(report, options, out),
        OutputFormat::Json => json::write(report, false, out),
        OutputFormat::Jsonl => json::write(report, true, out),
        OutputFormat::Csv => csv::write(report, out),
    }
}

/// One side of a finding, as SPEC §5 writes it.
#[derive(Debug, Serialize)]
pub struct Side<'a> {
    pub doc: &'a str,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub lo: Option<Number>,
    pub hi: Option<Number>,
    pub value: Option<Number>,
    pub qualifier: &'static str,
    pub date: Option<chrono::NaiveDate>,
    pub date_end: Option<chrono::NaiveDate>,
    pub attribution: Option<&'a str>,
    pub sentence: &'a str,
}

impl<'a> From<&'a Claim> for Side<'a> {
    fn from(c: &'a Claim) -> Self {
        Side {
            doc: &c.doc,
            line: c.span.line,
            start: c.span.start,
            end: c.span.end,
            text: &c.text,
            lo: c.lo().map(Number),
            hi: c.hi().map(Number),
            value: c.value.map(Number),
            qualifier: c.qualifier.as_str(),
            date: c.days.map(|d| d.start),
            date_end: c.days.and_then(|d| d.end),
            attribution: c.attribution.as_deref(),
            sentence: &c.sentence_text,
        }
    }
}

/// A finding as SPEC §5 writes it.
#[derive(Debug, Serialize)]
pub struct FindingRecord<'a> {
    pub finding: &'static str,
    pub kind: &'static str,
    pub subject: &'a str,
    pub a: Option<Side<'a>>,
    pub b: Option<Side<'a>>,
    pub reason: &'a str,
}

impl<'a> From<&'a Finding> for FindingRecord<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingRecord {
            finding: f.verdict.as_str(),
            kind: f.kind.as_str(),
            subject: &f.subject,
            a: f.a.as_ref().map(Side::from),
            b: f.b.as_ref().map(Side::from),
            reason: &f.reason,
        }
    }
}
