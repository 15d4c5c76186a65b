//! Reports: one [`Report`] type, written by one module per format.
//!
//! Every format reads the same findings in the same order, so the JSON is the same data as the
//! terminal output. A new format is one file here and one arm in [`OutputFormat`].

pub mod baseline;
pub mod csv;
pub(crate) mod html;
mod json;
mod markdown;
mod sarif;
mod text;

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::claim::{Claim, Number};
use crate::document::Document;
use crate::judge::{Finding, Timeline, Verdict};

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
    /// Findings left out because a baseline accepts them (see [`baseline`]).
    pub suppressed: usize,
    /// Figures followed through three or more versions of an article.
    pub timelines: Vec<Timeline>,
    doc_index: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
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
                .map(|c| (doc_index(&c.doc()), c.span.start, c.span.end))
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
            suppressed: 0,
            timelines: Vec::new(),
            doc_index: Default::default(),
        }
    }

    /// The document a claim was read from.
    pub fn document(&self, id: &str) -> Option<&Document> {
        // An index built at first use keeps reports over large corpora linear; it is checked
        // on every use, so documents added afterwards are still found.
        let index = self.doc_index.get_or_init(|| {
            let mut map = std::collections::HashMap::new();
            for (i, d) in self.documents.iter().enumerate() {
                map.entry(d.id.clone()).or_insert(i);
            }
            map
        });
        match index.get(id).and_then(|&i| self.documents.get(i)) {
            Some(d) if d.id == id => Some(d),
            _ => self.documents.iter().find(|d| d.id == id),
        }
    }

    /// The findings a format shows by default: those an editor must look at, plus added and
    /// removed claims; agree and compatible only with `all`.
    pub fn shown<'a>(
        &'a self,
        options: &'a WriteOptions,
    ) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| options.all || is_shown_by_default(f.verdict))
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

    /// Where a bound on the work was reached ([`crate::limits`]), for the report's notes.
    pub fn limit_notes(&self) -> Vec<String> {
        let compared = self.command != Command::Extract;
        let versions = self.command == Command::Diff;
        crate::limits::notes(&self.documents, &self.claims, compared, versions)
    }

    /// Documents whose relative dates could not be resolved, for the report's notes.
    pub fn unresolved_documents(&self) -> Vec<&str> {
        self.documents
            .iter()
            .filter(|d| d.published.is_none())
            .filter(|d| {
                self.claims
                    .iter()
                    .any(|c| *c.doc() == *d.id && c.unresolved.is_some())
            })
            .map(|d| d.id.as_str())
            .collect()
    }

    /// What a reader should know beside the findings, as `json` lists it: documents whose
    /// relative dates stay unresolved, findings a baseline left out, and where a bound on the
    /// work was reached.
    pub fn notes(&self) -> Vec<String> {
        self.unresolved_documents()
            .into_iter()
            .map(|d| format!("{d}: no publication time, so relative dates stay unresolved"))
            .chain((self.suppressed > 0).then(|| {
                format!(
                    "{} findings accepted in the baseline not shown",
                    self.suppressed
                )
            }))
            .chain(self.limit_notes())
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

/// What a finding or timeline is about, in words: "count of people killed", or just "percent"
/// when the subject is the kind itself.
pub fn what(kind: crate::claim::Kind, subject: &str) -> String {
    let subject = subject.replace('_', " ");
    if subject == kind.as_str() {
        subject
    } else {
        format!("{} of {subject}", kind.as_str())
    }
}

/// Whether `text`, `markdown` and `sarif` show a finding without `--all`.
pub fn is_shown_by_default(v: Verdict) -> bool {
    v.is_alarm() || matches!(v, Verdict::Added | Verdict::Removed)
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Terminal: rustc-style snippets and a summary line.
    Text,
    /// A pull-request comment: a summary table and one section per finding.
    Markdown,
    /// One self-contained page: the texts side by side with every claim highlighted.
    Html,
    /// One document with documents, claims or findings, summary and notes.
    Json,
    /// One record a line: claims for `extract`, findings otherwise.
    Jsonl,
    /// One row per finding (or claim), for spreadsheets.
    Csv,
    /// SARIF 2.1.0, for code-scanning views.
    Sarif,
}

impl OutputFormat {
    /// The usual file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Text => "txt",
            OutputFormat::Markdown => "md",
            OutputFormat::Html => "html",
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Csv => "csv",
            OutputFormat::Sarif => "sarif",
        }
    }

    pub const ALL: [OutputFormat; 7] = [
        OutputFormat::Text,
        OutputFormat::Markdown,
        OutputFormat::Html,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Csv,
        OutputFormat::Sarif,
    ];
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
        OutputFormat::Markdown => markdown::write(report, options, out),
        OutputFormat::Html => html::write(report, options, out),
        OutputFormat::Sarif => sarif::write(report, options, out),
    }
}

/// Where a claim's mention stands in its sentence, as a byte range of `sentence_text`.
pub fn mention_in_sentence(report: &Report, c: &Claim) -> Option<Range<usize>> {
    let sentence = c.sentence_text();
    let len = c.text_end.checked_sub(c.text_start)?;
    if let Some(doc) = report.document(&c.doc()) {
        // The sentence is a slice of the document's text that covers the mention; look for it
        // only where it could start, so a repeated sentence or number cannot mislead.
        let text = doc.text();
        let mut from = c.text_end.saturating_sub(sentence.len()).min(text.len());
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let to = (c.text_start + sentence.len()).min(text.len());
        if let Some(window) = text.get(from..to) {
            for (at, _) in window.match_indices(sentence) {
                let start = from + at;
                if start <= c.text_start && c.text_end <= start + sentence.len() {
                    let r = c.text_start - start..c.text_start - start + len;
                    if sentence.get(r.clone()) == Some(c.text()) {
                        return Some(r);
                    }
                }
            }
        }
    }
    sentence.find(&c.text()).map(|at| at..at + c.text().len())
}

/// Words of a sentence with their byte ranges: runs of letters and digits, and each other
/// visible character on its own.
fn words(s: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in s.char_indices() {
        if ch.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start.take() {
            out.push((st..i, &s[st..i]));
        }
        if !ch.is_whitespace() {
            out.push((i..i + ch.len_utf8(), &s[i..i + ch.len_utf8()]));
        }
    }
    if let Some(st) = start {
        out.push((st..s.len(), &s[st..]));
    }
    out
}

/// The words that differ between two versions of one sentence, as byte ranges of each; `None`
/// when the sentences are the same or too different to be versions of each other (a text in
/// another language, another sentence).
///
/// ```
/// use claimdiff::report::changed_words;
/// let (old, new) = changed_words("Aus fast 30 Ländern kamen sie.", "Aus 31 Ländern kamen sie.").unwrap();
/// assert_eq!(old, vec![4..11]);
/// assert_eq!(new, vec![4..6]);
/// ```
pub fn changed_words(old: &str, new: &str) -> Option<(Vec<Range<usize>>, Vec<Range<usize>>)> {
    if old == new {
        return None;
    }
    let (a, b) = (words(old), words(new));
    let (ta, tb): (Vec<&str>, Vec<&str>) = (
        a.iter().map(|w| w.1).collect(),
        b.iter().map(|w| w.1).collect(),
    );
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &ta, &tb);
    let same: usize = ops
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    if (2 * same) < ta.len().max(tb.len()) {
        return None;
    }
    let (mut old_ranges, mut new_ranges) = (Vec::new(), Vec::new());
    let push = |ranges: &mut Vec<Range<usize>>, w: &[(Range<usize>, &str)], idx: Range<usize>| {
        if idx.is_empty() {
            return;
        }
        let r = w[idx.start].0.start..w[idx.end - 1].0.end;
        ranges.push(r);
    };
    for op in ops {
        let (_, old_idx, new_idx) = op.as_tag_tuple();
        if op.tag() != similar::DiffTag::Equal {
            push(&mut old_ranges, &a, old_idx);
            push(&mut new_ranges, &b, new_idx);
        }
    }
    Some((old_ranges, new_ranges))
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
            doc: &c.doc(),
            line: c.span.line,
            start: c.span.start,
            end: c.span.end,
            text: &c.text(),
            lo: c.lo().map(Number),
            hi: c.hi().map(Number),
            value: c.value.map(Number),
            qualifier: c.qualifier.as_str(),
            date: c.days.map(|d| d.start),
            date_end: c.days.and_then(|d| d.end),
            attribution: c.attribution.as_deref(),
            sentence: &c.sentence_text(),
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
    pub reason: String,
}

impl<'a> From<&'a Finding> for FindingRecord<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingRecord {
            finding: f.verdict.as_str(),
            kind: f.kind.as_str(),
            subject: &f.subject,
            a: f.a.as_ref().map(Side::from),
            b: f.b.as_ref().map(Side::from),
            reason: f.reason(),
        }
    }
}

impl<'a> From<&'a crate::judge::Judged<'a>> for FindingRecord<'a> {
    fn from(f: &'a crate::judge::Judged<'a>) -> Self {
        FindingRecord {
            finding: f.verdict.as_str(),
            kind: f.kind.as_str(),
            subject: f.subject,
            a: f.a.map(Side::from),
            b: f.b.map(Side::from),
            reason: f.reason(),
        }
    }
}

/// A sentence with its mention and changed words wrapped in markup, the rest escaped; the
/// mention wins where a changed word overlaps it.
pub(crate) fn mark_sentence(
    sentence: &str,
    mention: Option<Range<usize>>,
    changed: &[Range<usize>],
    escape: &dyn Fn(&str) -> String,
    mention_wrap: (&str, &str),
    changed_wrap: (&str, &str),
) -> String {
    let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
    for r in changed {
        match &mention {
            Some(m) if r.start < m.end && m.start < r.end => {
                if r.start < m.start {
                    pieces.push((r.start..m.start, false));
                }
                if m.end < r.end {
                    pieces.push((m.end..r.end, false));
                }
            }
            _ => pieces.push((r.clone(), false)),
        }
    }
    if let Some(m) = mention {
        pieces.push((m, true));
    }
    pieces.sort_by_key(|(r, _)| r.start);
    let mut out = String::new();
    let mut at = 0;
    for (r, is_mention) in pieces {
        if r.start < at || sentence.get(r.clone()).is_none() {
            continue;
        }
        out.push_str(&escape(&sentence[at..r.start]));
        let (open, close) = if is_mention {
            mention_wrap
        } else {
            changed_wrap
        };
        out.push_str(open);
        out.push_str(&escape(&sentence[r.clone()]));
        out.push_str(close);
        at = r.end;
    }
    out.push_str(&escape(&sentence[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::changed_words;

    #[test]
    fn changed_words_only_between_versions_of_one_sentence() {
        let old = "Bei dem Angriff wurde ein Mensch getötet.";
        let new = "Bei dem Angriff wurden zwei Menschen getötet.";
        let (o, n) = changed_words(old, new).unwrap();
        assert_eq!(
            o.iter().map(|r| &old[r.clone()]).collect::<Vec<_>>(),
            ["wurde ein Mensch"]
        );
        assert_eq!(
            n.iter().map(|r| &new[r.clone()]).collect::<Vec<_>>(),
            ["wurden zwei Menschen"]
        );
        assert_eq!(changed_words(old, old), None, "the same sentence");
        assert_eq!(
            changed_words(old, "One person was killed in the attack."),
            None,
            "another language"
        );
    }
}
