//! `json` (one document with documents, claims and findings) and `jsonl` (one record a line:
//! claims for `extract`, findings for `diff` and `compare`).

use std::io::{self, Write};

use serde::Serialize;

use super::{Command, FindingRecord, Report, Side};
use crate::claim::{Claim, ClaimRecord};
use crate::judge::Finding;

#[derive(Serialize)]
struct DocumentRecord<'a> {
    id: &'a str,
    lang: &'static str,
    published: Option<String>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    article: Option<&'a str>,
    version: Option<&'a str>,
}

#[derive(Serialize)]
struct Whole<'a> {
    documents: Vec<DocumentRecord<'a>>,
    #[serde(skip_serializing_if = "Records::is_empty")]
    claims: Records<'a, Claim, ClaimRecord<'a>>,
    findings: Records<'a, Finding, FindingRecord<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    timelines: Vec<TimelineRecord<'a>>,
    summary: std::collections::BTreeMap<&'static str, usize>,
    notes: Vec<String>,
}

/// Items written as records one at a time, as the array is written: a report of millions of
/// findings is not copied into records first.
struct Records<'a, T, R>(&'a [T], fn(&'a T) -> R);

impl<T, R> Records<'_, T, R> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, T, R: Serialize> Serialize for Records<'a, T, R> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

/// A figure through the versions: what each version says (`null` where it says nothing).
#[derive(Serialize)]
struct TimelineRecord<'a> {
    kind: &'static str,
    subject: &'a str,
    points: Vec<Option<Side<'a>>>,
}

pub(super) fn write(report: &Report, lines: bool, out: &mut dyn Write) -> io::Result<()> {
    if lines {
        if report.command == Command::Extract {
            for c in &report.claims {
                serde_json::to_writer(&mut *out, &ClaimRecord::from(c))?;
                out.write_all(b"\n")?;
            }
        } else {
            for f in &report.findings {
                serde_json::to_writer(&mut *out, &FindingRecord::from(f))?;
                out.write_all(b"\n")?;
            }
        }
        return Ok(());
    }
    let whole = Whole {
        documents: report
            .documents
            .iter()
            .map(|d| DocumentRecord {
                id: &d.id,
                lang: d.lang.code(),
                published: d.published.map(|p| p.to_string()),
                outlet: d.outlet.as_deref(),
                title: d.title.as_deref(),
                article: d.article.as_deref(),
                version: d.version.as_deref(),
            })
            .collect(),
        claims: Records(
            match report.command {
                Command::Extract => &report.claims,
                _ => &[],
            },
            ClaimRecord::from,
        ),
        findings: Records(&report.findings, FindingRecord::from),
        timelines: report
            .timelines
            .iter()
            .map(|t| TimelineRecord {
                kind: t.kind.as_str(),
                subject: &t.subject,
                points: t
                    .points
                    .iter()
                    .map(|p| p.as_ref().map(Side::from))
                    .collect(),
            })
            .collect(),
        summary: report
            .tally()
            .into_iter()
            .map(|(v, n)| (v.as_str(), n))
            .collect(),
        notes: report.notes(),
    };
    serde_json::to_writer_pretty(&mut *out, &whole)?;
    out.write_all(b"\n")
}
