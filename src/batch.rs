//! Corpus mode: a corpus (JSONL manifest, CSV, or a folder tree) in, rows of claims and
//! findings out, article by article.
//!
//! The run has three parts that overlap in time:
//! - a reader that yields one *article group* at a time (all versions of one article, as raw
//!   records), in the order in which articles first appear in the corpus;
//! - `jobs` rayon workers that each turn a group into documents, claims and findings, and
//!   serialise its rows ([`crate::report::csv`] rows or [`ClaimRecord`] / [`FindingRecord`]
//!   lines, the same data `extract` and `compare` write);
//! - a writer that puts the groups' rows out in input order, so the output does not depend on
//!   the number of jobs.
//!
//! At most a bounded window of groups is in flight, so memory stays flat however large the
//! corpus. A manifest need not be sorted by article: a first pass indexes the byte offset of
//! every record per article (about 30 bytes a record), and the second pass reads each group's
//! records at their offsets. Records that cannot be read are reported and skipped; the run goes
//! on.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::claim::{Claim, ClaimRecord, Kind};
use crate::config::Config;
use crate::document::{self, Defaults, Document, Meta, MAX_FILE_BYTES};
use crate::error::{Error, Result};
use crate::judge::{Finding, Verdict};
use crate::manifest::{self, Record};
use crate::report::csv::{Rows, CLAIM_COLUMNS, FINDING_COLUMNS};
use crate::report::FindingRecord;

mod profile;
use profile::Stage;

/// How the corpus is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// One JSON record a line: `id`, `article`, `version`, `published`, `outlet`, `lang`, and
    /// `text` or `path`.
    Jsonl,
    /// The same columns in a CSV file with a header row.
    Csv,
    /// A folder: each folder holding document files is one article, its files the versions.
    Tree,
}

impl InputFormat {
    /// Guesses the layout from the path: a folder is a tree, `.csv` is CSV, anything else JSONL.
    pub fn guess(path: &Path) -> InputFormat {
        if path.is_dir() {
            return InputFormat::Tree;
        }
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("csv") => InputFormat::Csv,
            _ => InputFormat::Jsonl,
        }
    }
}

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    /// A header row, then one row per claim or finding (the columns of `--format csv`).
    Csv,
    /// One JSON record per line (the records of `--format jsonl`).
    Jsonl,
}

impl RowFormat {
    /// The format a file name asks for: `.csv` is CSV, anything else JSONL.
    pub fn guess(path: &Path) -> RowFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("csv") => RowFormat::Csv,
            _ => RowFormat::Jsonl,
        }
    }
}

/// One part of a partition of the corpus by article: `index` of `count`, counted from 0.
///
/// An article belongs to shard `fnv1a64(article) % count`, whatever the machine, the order of
/// the corpus or the number of jobs, so the shards' outputs together hold exactly the rows of
/// an unsharded run.
///
/// ```
/// use claimdiff::batch::Shard;
/// let shards: Vec<Shard> = (0..4).map(|i| format!("{i}/4").parse().unwrap()).collect();
/// assert_eq!(shards.iter().filter(|s| s.holds("kurier-paris")).count(), 1);
/// assert!("4/4".parse::<Shard>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether the article (or, for a document without one, its key) falls in this shard.
    pub fn holds(&self, key: &str) -> bool {
        fnv1a64(key.as_bytes()) % self.count == self.index
    }
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let bad = || format!("--shard {s:?}: write I/N with 0 <= I < N, e.g. 0/4 … 3/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// FNV-1a, 64 bits: a hash fixed by its definition, so shard numbers never change between
/// builds, platforms or Rust versions (the standard library's hasher promises none of that).
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub input: PathBuf,
    pub format: InputFormat,
    /// Worker threads; at least 1.
    pub jobs: usize,
    pub shard: Option<Shard>,
    /// Also compare the latest versions of different outlets within an article group.
    pub outlets: bool,
    pub defaults: Defaults,
    pub config: Config,
    /// Show a progress bar on standard error.
    pub progress: bool,
}

/// Where rows go; any of them may be absent.
#[derive(Default)]
pub struct Sinks {
    pub claims: Option<(RowFormat, Box<dyn Write + Send>)>,
    pub findings: Option<(RowFormat, Box<dyn Write + Send>)>,
    /// One JSON line per record that could not be read.
    pub errors: Option<Box<dyn Write + Send>>,
}

/// A record that could not be read, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordError {
    /// `manifest:line` for manifest and CSV records, the file for tree documents.
    #[serde(rename = "where")]
    pub at: String,
    /// The record's `id`, when it could be read.
    pub id: Option<String>,
    pub problem: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} (id {id}): {}", self.at, self.problem),
            None => write!(f, "{}: {}", self.at, self.problem),
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub articles: usize,
    /// Bytes of the records (or files) read.
    pub bytes: u64,
    pub claims: usize,
    pub claims_by_kind: BTreeMap<&'static str, usize>,
    pub findings: usize,
    /// Findings per verdict (`contradiction`, `update`, …).
    pub findings_by_kind: BTreeMap<&'static str, usize>,
    pub errors: usize,
    pub shard: Option<String>,
    pub seconds: f64,
}

impl Summary {
    /// The findings whose verdict matches a `--fail-on` threshold.
    pub fn count_at_least(&self, fail_on: crate::report::FailOn) -> usize {
        Verdict::ALL
            .iter()
            .filter(|v| fail_on.matches(**v))
            .map(|v| self.findings_by_kind.get(v.as_str()).copied().unwrap_or(0))
            .sum()
    }

    /// A few lines for a person, e.g. on standard error at the end of a run.
    pub fn to_text(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let rate = if self.seconds > 0.0 {
            mb / self.seconds
        } else {
            0.0
        };
        let list = |m: &BTreeMap<&str, usize>| {
            if m.is_empty() {
                return "none".to_string();
            }
            m.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut s = format!(
            "{} documents in {} articles ({mb:.1} MB) in {:.1} s ({rate:.1} MB/s){}\n",
            self.documents,
            self.articles,
            self.seconds,
            self.shard
                .as_ref()
                .map(|s| format!(", shard {s}"))
                .unwrap_or_default()
        );
        s.push_str(&format!(
            "claims: {} ({})\n",
            self.claims,
            list(&self.claims_by_kind)
        ));
        s.push_str(&format!(
            "findings: {} ({})\n",
            self.findings,
            list(&self.findings_by_kind)
        ));
        s.push_str(&format!("errors: {}\n", self.errors));
        s
    }
}

/// The raw records of one article, as read from the corpus.
struct RawGroup {
    records: Vec<RawRecord>,
    /// For CSV rows: where the columns stand.
    csv_header: Option<Arc<CsvHeader>>,
}

impl RawRecord {
    /// The bytes the record holds (a file's are read later, by its worker).
    fn len(&self) -> usize {
        match self {
            RawRecord::Line { bytes, .. } => bytes.len(),
            RawRecord::File { .. } | RawRecord::Failed(_) => 0,
        }
    }

    /// Where the record stands, as errors name it.
    fn place(&self, options: &Options) -> String {
        match self {
            RawRecord::Line { line, .. } => format!("{}:{line}", options.input.display()),
            RawRecord::File { path, .. } => path.display().to_string(),
            RawRecord::Failed(e) => e.at.clone(),
        }
    }
}

enum RawRecord {
    /// A manifest line or CSV row: where it stands and its bytes.
    Line { line: usize, bytes: Vec<u8> },
    /// A document file of a tree, and the article (its folder) it belongs to.
    File { path: PathBuf, article: String },
    /// A record that failed before it could be grouped (found by the index pass).
    Failed(RecordError),
}

/// One group (or a batch of them), processed: its rows already serialised.
#[derive(Default)]
struct GroupOut {
    seq: u64,
    documents: usize,
    /// Groups with at least one document read.
    articles: usize,
    bytes: u64,
    claims: Vec<u8>,
    findings: Vec<u8>,
    claims_by_kind: BTreeMap<&'static str, usize>,
    findings_by_kind: BTreeMap<&'static str, usize>,
    claim_count: usize,
    finding_count: usize,
    errors: Vec<RecordError>,
}

/// Batches in flight per job: enough to keep every worker busy while a slow batch finishes.
const WINDOW_PER_JOB: usize = 4;

/// A worker takes consecutive article groups in batches of about this many records or bytes
/// (whichever comes first; at least one group). An article of a few versions is a fraction of
/// a millisecond's work: handed over one at a time, each cost a job, a result on the channel
/// and a wake-up of the writer and of the reader, some 54,000 context switches on the 50 MB
/// dense corpus at two jobs (8,000 in batches). Larger batches save little more and hold more
/// rows in flight.
const BATCH_RECORDS: usize = 32;
const BATCH_BYTES: usize = 32 << 10;

/// The next batch of groups, in corpus order; empty at the end of the corpus.
fn next_batch(source: &mut Source) -> Result<Vec<RawGroup>> {
    let mut batch = Vec::new();
    let (mut records, mut bytes) = (0, 0);
    while records < BATCH_RECORDS && bytes < BATCH_BYTES {
        let Some(group) = source.next_group()? else {
            break;
        };
        records += group.records.len();
        bytes += group.records.iter().map(RawRecord::len).sum::<usize>();
        batch.push(group);
    }
    Ok(batch)
}

/// Processes the groups of a batch one after the other, their rows in corpus order.
fn process_batch(
    seq: u64,
    batch: Vec<RawGroup>,
    options: &Options,
    wanted: Wanted,
    memos: &Memos,
) -> GroupOut {
    let mut out = GroupOut {
        seq,
        ..GroupOut::default()
    };
    for group in batch {
        process_guarded(group, options, wanted, memos, &mut out);
    }
    out
}

/// Runs corpus mode: reads the corpus, writes rows to the sinks, returns the summary.
///
/// Errors of single records are reported in `sinks.errors` (and counted) and the run goes on;
/// an `Err` means the corpus could not be read at all or an output could not be written.
pub fn run(options: &Options, mut sinks: Sinks) -> Result<Summary> {
    let started = Instant::now();
    // The first pass over a large manifest takes a while: say so.
    let indexing = progress_bar(options.progress, None);
    indexing.set_message("indexing the corpus by article");
    let source = profile::time(Stage::Index, || Source::open(options));
    indexing.finish_and_clear();
    let mut source = source?;
    let bar = progress_bar(options.progress, source.total_bytes());
    bar.set_message("0 docs, 0 errors");
    let jobs = options.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("claimdiff-batch-{i}"))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {jobs} worker threads: {e}")))?;

    if let Some((RowFormat::Csv, out)) = sinks.claims.as_mut() {
        write_header(out, CLAIM_COLUMNS).map_err(|e| write_error("claims", &e))?;
    }
    if let Some((RowFormat::Csv, out)) = sinks.findings.as_mut() {
        write_header(out, FINDING_COLUMNS).map_err(|e| write_error("findings", &e))?;
    }

    let memos = &Memos::new();
    let window = jobs * WINDOW_PER_JOB;
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    let (result_tx, result_rx) = mpsc::channel::<GroupOut>();
    let abort = AtomicBool::new(false);
    let wanted = Wanted {
        claims: sinks.claims.as_ref().map(|s| s.0),
        findings: sinks.findings.as_ref().map(|s| s.0),
    };

    let mut summary = Summary {
        shard: options.shard.map(|s| s.to_string()),
        ..Summary::default()
    };
    let (read_result, write_result) = std::thread::scope(|scope| {
        let writer = scope
            .spawn(|| write_in_order(result_rx, token_rx, &mut sinks, &mut summary, &bar, &abort));
        let read_result = pool.in_place_scope(|s| -> Result<()> {
            for seq in 0.. {
                if abort.load(Ordering::Relaxed) {
                    return Ok(());
                }
                let batch = profile::time(Stage::Read, || next_batch(&mut source))?;
                if batch.is_empty() {
                    return Ok(());
                }
                // Blocks while `window` batches are in flight: this is what keeps memory flat.
                if token_tx.send(()).is_err() {
                    return Ok(());
                }
                let tx = result_tx.clone();
                s.spawn(move |_| {
                    let out = profile::worker(|| process_batch(seq, batch, options, wanted, memos));
                    let _ = tx.send(out);
                });
            }
            Ok(())
        });
        drop(result_tx);
        drop(token_tx);
        (read_result, writer.join())
    });
    let write_result =
        write_result.unwrap_or_else(|_| Err(Error::Usage("the writer thread failed".into())));
    bar.finish_and_clear();
    read_result?;
    write_result?;
    summary.seconds = started.elapsed().as_secs_f64();
    if let Some(table) = profile::report(summary.seconds) {
        eprint!("{table}");
        for (name, (asked, missed)) in [
            ("statements", memos.statements.lookups()),
            ("contexts", memos.contexts.lookups()),
        ] {
            eprintln!("  memo of {name}: {asked} lookups, {missed} read anew");
        }
    }
    Ok(summary)
}

#[derive(Clone, Copy)]
struct Wanted {
    claims: Option<RowFormat>,
    findings: Option<RowFormat>,
}

fn write_header(out: &mut Box<dyn Write + Send>, columns: &[&str]) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    Rows::new(&mut bytes).header(columns);
    out.write_all(&bytes)
}

fn write_error(what: &str, e: &std::io::Error) -> Error {
    Error::Write {
        path: PathBuf::from(what),
        problem: e.to_string(),
    }
}

/// Receives processed groups in any order and writes them in input order.
fn write_in_order(
    results: mpsc::Receiver<GroupOut>,
    tokens: mpsc::Receiver<()>,
    sinks: &mut Sinks,
    summary: &mut Summary,
    bar: &indicatif::ProgressBar,
    abort: &AtomicBool,
) -> Result<()> {
    let mut pending: BTreeMap<u64, GroupOut> = BTreeMap::new();
    let mut next = 0u64;
    let mut failure: Option<Error> = None;
    let mut shown_errors = 0usize;
    for out in results {
        pending.insert(out.seq, out);
        while let Some(out) = pending.remove(&next) {
            next += 1;
            let _ = tokens.recv();
            if failure.is_some() {
                continue;
            }
            if let Err(e) = profile::time(Stage::Write, || {
                write_group(&out, sinks, &mut shown_errors, bar)
            }) {
                abort.store(true, Ordering::Relaxed);
                failure = Some(e);
                continue;
            }
            summary.documents += out.documents;
            summary.articles += out.articles;
            summary.bytes += out.bytes;
            summary.claims += out.claim_count;
            summary.findings += out.finding_count;
            summary.errors += out.errors.len();
            for (k, n) in out.claims_by_kind {
                *summary.claims_by_kind.entry(k).or_default() += n;
            }
            for (k, n) in out.findings_by_kind {
                *summary.findings_by_kind.entry(k).or_default() += n;
            }
            if !bar.is_hidden() {
                bar.inc(out.bytes);
                bar.set_message(format!(
                    "{} docs, {} errors",
                    summary.documents, summary.errors
                ));
            }
        }
    }
    if let Some(e) = failure {
        return Err(e);
    }
    for (what, sink) in [
        ("claims", sinks.claims.as_mut().map(|s| &mut s.1)),
        ("findings", sinks.findings.as_mut().map(|s| &mut s.1)),
        ("errors", sinks.errors.as_mut()),
    ] {
        if let Some(out) = sink {
            profile::time(Stage::Write, || out.flush()).map_err(|e| write_error(what, &e))?;
        }
    }
    Ok(())
}

/// Errors shown on standard error when there is no errors file.
const ERRORS_SHOWN: usize = 20;

fn write_group(
    out: &GroupOut,
    sinks: &mut Sinks,
    shown: &mut usize,
    bar: &indicatif::ProgressBar,
) -> Result<()> {
    if let Some((_, w)) = sinks.claims.as_mut() {
        w.write_all(&out.claims)
            .map_err(|e| write_error("claims", &e))?;
    }
    if let Some((_, w)) = sinks.findings.as_mut() {
        w.write_all(&out.findings)
            .map_err(|e| write_error("findings", &e))?;
    }
    for err in &out.errors {
        match sinks.errors.as_mut() {
            Some(w) => {
                let line = serde_json::to_string(err).map_err(|e| Error::Usage(e.to_string()))?;
                writeln!(w, "{line}").map_err(|e| write_error("errors", &e))?;
            }
            None => {
                *shown += 1;
                if *shown <= ERRORS_SHOWN {
                    bar.suspend(|| eprintln!("claimdiff: {err}"));
                } else if *shown == ERRORS_SHOWN + 1 {
                    bar.suspend(|| {
                        eprintln!(
                            "claimdiff: more errors not shown; use --errors FILE to keep them all"
                        )
                    });
                }
            }
        }
    }
    Ok(())
}

/// [`process`], but a panic on one article (a bug, never meant to happen) is reported as an
/// error of its records instead of ending a run that may have taken hours.
fn process_guarded(
    group: RawGroup,
    options: &Options,
    wanted: Wanted,
    memos: &Memos,
    out: &mut GroupOut,
) {
    let places: Vec<String> = group.records.iter().map(|r| r.place(options)).collect();
    // What the group adds to `out` until it is done: taken back if it fails.
    let (claims, findings, errors, bytes) = (
        out.claims.len(),
        out.findings.len(),
        out.errors.len(),
        out.bytes,
    );
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        process(group, options, wanted, memos, out)
    }));
    if let Err(panic) = done {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        out.claims.truncate(claims);
        out.findings.truncate(findings);
        out.errors.truncate(errors);
        out.bytes = bytes;
        out.errors.extend(places.into_iter().map(|at| RecordError {
            at,
            id: None,
            problem: format!("internal error on this article, please report it: {message}"),
        }));
    }
}

/// Turns one group of raw records into rows, added to `out`'s.
fn process(group: RawGroup, options: &Options, wanted: Wanted, memos: &Memos, out: &mut GroupOut) {
    let mut docs: Vec<Document> = Vec::with_capacity(group.records.len());
    profile::time(Stage::Read, || {
        for record in group.records {
            match read_record(record, group.csv_header.as_deref(), options, &mut out.bytes) {
                Ok(doc) => docs.push(doc),
                Err(e) => out.errors.push(e),
            }
        }
    });
    let config = &options.config;
    let (docs, claims, cx) = read_article(docs, config, memos);
    // Judged even when only claims are written: the summary and `--fail-on` count findings.
    let sentences = vec![Default::default(); docs.len()];
    let findings = profile::time(Stage::Judge, || {
        crate::compare_group_with(&docs, &claims, &cx, &sentences, options.outlets, config)
    });
    let claim_count: usize = claims.iter().map(Vec::len).sum();
    profile::time(Stage::Rows, || {
        match wanted.claims {
            Some(RowFormat::Csv) => {
                // About a hundred bytes a claim row, two hundred and fifty a finding's.
                out.claims.reserve(claim_count * 112);
                let mut rows = Rows::new(&mut out.claims);
                for c in claims.iter().flatten() {
                    rows.claim(c);
                }
            }
            Some(RowFormat::Jsonl) => json_lines(
                &mut out.claims,
                claims.iter().flatten().map(ClaimRecord::from),
            ),
            None => {}
        }
        match wanted.findings {
            Some(RowFormat::Csv) => {
                out.findings.reserve(findings.len() * 256);
                let mut rows = Rows::new(&mut out.findings);
                for f in &findings {
                    rows.judged(f);
                }
            }
            Some(RowFormat::Jsonl) => {
                json_lines(&mut out.findings, findings.iter().map(FindingRecord::from))
            }
            None => {}
        }
    });
    // Counted in arrays, and the map asked once per kind rather than once per row.
    let mut kinds = [0usize; Kind::ALL.len()];
    for c in claims.iter().flatten() {
        kinds[c.kind as usize] += 1;
    }
    let mut verdicts = [0usize; Verdict::ALL.len()];
    for f in &findings {
        verdicts[f.verdict as usize] += 1;
    }
    for k in Kind::ALL.into_iter().filter(|&k| kinds[k as usize] > 0) {
        *out.claims_by_kind.entry(k.as_str()).or_default() += kinds[k as usize];
    }
    for v in Verdict::ALL
        .into_iter()
        .filter(|&v| verdicts[v as usize] > 0)
    {
        *out.findings_by_kind.entry(v.as_str()).or_default() += verdicts[v as usize];
    }
    out.claim_count += claim_count;
    out.finding_count += findings.len();
    out.documents += docs.len();
    out.articles += usize::from(!docs.is_empty());
}

/// One article as `batch` judges it.
#[derive(Debug, Clone)]
pub struct Article {
    /// In publication order; version number, then the order given, break ties.
    pub documents: Vec<Document>,
    /// The claims of each document, in the order of `documents`.
    pub claims: Vec<Vec<Claim>>,
    /// The findings of [`crate::compare_group`].
    pub findings: Vec<Finding>,
}

/// Judges the documents of one article group as `batch` does, for callers that bring their
/// own records (the Python package): puts them in publication order, extracts their claims
/// and compares them with [`crate::compare_group`].
///
/// ```
/// use claimdiff::{batch, Config, Defaults, Document, Format, Published};
/// let text = |id: &str, published: &str, text: &str| {
///     let defaults = Defaults { published: Published::parse(published), lang: None };
///     Document::from_text(id, text.into(), Format::Text, &Default::default(), &defaults).unwrap()
/// };
/// let later = text("v2", "2025-03-28", "Zwei Menschen wurden getötet.");
/// let earlier = text("v1", "2025-03-27", "Ein Mensch wurde getötet.");
/// let article = batch::judge_article(vec![later, earlier], false, &Config::default());
/// assert_eq!(article.documents[0].id, "v1");
/// assert_eq!(article.findings[0].verdict.as_str(), "update");
/// ```
pub fn judge_article(docs: Vec<Document>, outlets: bool, config: &Config) -> Article {
    judge_article_with(
        docs,
        outlets,
        config,
        &Memos::with_budget(ARTICLE_MEMO_BYTES),
    )
}

/// What the workers of a run have read of sentences, shared between them: what each sentence
/// states and its claims' contexts. A sentence told again, in a later version, by another
/// outlet or in another article, is not read again; only its claims' places and days are
/// worked out per document.
struct Memos {
    statements: crate::extract::StatementMemo,
    contexts: crate::align::ContextMemo,
}

/// What a run's memos hold at most, together (the two generations of each; see
/// [`crate::memo`]).
const RUN_MEMO_BYTES: usize = 44 << 20;

/// What the memos of one [`judge_article`] call hold at most.
const ARTICLE_MEMO_BYTES: usize = 16 << 20;

impl Memos {
    fn new() -> Memos {
        Memos::with_budget(RUN_MEMO_BYTES)
    }

    fn with_budget(bytes: usize) -> Memos {
        Memos {
            // A sentence read anew costs several times what its claims' contexts do.
            statements: crate::extract::StatementMemo::new(bytes / 8 * 5),
            contexts: crate::align::ContextMemo::new(bytes / 8 * 3),
        }
    }
}

fn judge_article_with(
    docs: Vec<Document>,
    outlets: bool,
    config: &Config,
    memos: &Memos,
) -> Article {
    let (docs, claims, cx) = read_article(docs, config, memos);
    let sentences = vec![Default::default(); docs.len()];
    let findings = crate::compare_group_with(&docs, &claims, &cx, &sentences, outlets, config)
        .into_iter()
        .map(crate::judge::Judged::into_finding)
        .collect();
    drop(cx);
    Article {
        documents: docs,
        claims,
        findings,
    }
}

/// The documents of an article in publication order, with their claims and the claims'
/// contexts, read through the memos.
fn read_article(
    mut docs: Vec<Document>,
    config: &Config,
    memos: &Memos,
) -> (
    Vec<Document>,
    Vec<Vec<Claim>>,
    Vec<Vec<crate::align::Context>>,
) {
    // Publication order; version number, then corpus order, break ties (the sort is stable).
    docs.sort_by(|a, b| {
        let time = |d: &Document| d.published.map(|p| p.sort_key());
        let num = |d: &Document| {
            d.version
                .as_deref()
                .and_then(|v| v.trim_start_matches(['v', 'V']).parse::<f64>().ok())
        };
        time(a).cmp(&time(b)).then_with(|| match (num(a), num(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => std::cmp::Ordering::Equal,
        })
    });
    profile::time(Stage::Segment, || {
        for d in &docs {
            d.sentences();
        }
    });
    let mut extractor = crate::extract::Extractor::shared(config, &memos.statements);
    let claims: Vec<Vec<Claim>> =
        profile::time(Stage::Extract, || extractor.extract_versions(&docs));
    let mut reader = crate::align::ContextReader::shared(config, &memos.contexts);
    let cx = profile::time(Stage::Contexts, || {
        claims.iter().map(|c| reader.read(c)).collect()
    });
    (docs, claims, cx)
}

fn json_lines<T: Serialize>(buf: &mut Vec<u8>, records: impl Iterator<Item = T>) {
    for r in records {
        if serde_json::to_writer(&mut *buf, &r).is_ok() {
            buf.push(b'\n');
        }
    }
}

/// Reads one raw record into a document; `bytes` counts what was read.
fn read_record(
    record: RawRecord,
    csv_header: Option<&CsvHeader>,
    options: &Options,
    bytes: &mut u64,
) -> std::result::Result<Document, RecordError> {
    let input = &options.input;
    let base = input.parent().unwrap_or(Path::new("."));
    match record {
        RawRecord::Failed(e) => Err(e),
        RawRecord::Line { line, bytes: raw } => {
            *bytes += raw.len() as u64;
            let at = format!("{}:{line}", input.display());
            let record = match csv_header {
                Some(header) => csv_record(&raw, header, &at),
                None => std::str::from_utf8(&raw)
                    .map_err(|e| RecordError {
                        at: at.clone(),
                        id: None,
                        problem: format!("not valid UTF-8 (byte {})", e.valid_up_to()),
                    })
                    .and_then(|text| {
                        manifest::parse_line(input, line, text).map_err(|e| RecordError {
                            at: at.clone(),
                            id: None,
                            problem: problem_of(e),
                        })
                    }),
            }?;
            let id = record.meta.id.clone();
            record
                .into_document(base, &options.defaults, &at)
                .map_err(|e| RecordError {
                    at,
                    id,
                    problem: e.to_string(),
                })
        }
        RawRecord::File { path, article } => {
            let at = path.display().to_string();
            let mut doc = Document::read(&path, &options.defaults).map_err(|e| RecordError {
                at,
                id: None,
                problem: problem_of(e),
            })?;
            *bytes += doc.source.len() as u64;
            if doc.article.is_none() {
                doc.article = Some(article);
            }
            Ok(doc)
        }
    }
}

/// The problem of a library error without the file name the record's `where` already gives.
fn problem_of(e: Error) -> String {
    match e {
        Error::Read { problem, .. }
        | Error::Input { problem, .. }
        | Error::Record { problem, .. }
        | Error::Write { problem, .. } => problem,
        Error::Usage(problem) => problem,
    }
}

/// The columns a corpus CSV may have; others are ignored.
const CSV_COLUMNS: [&str; 9] = [
    "id",
    "article",
    "version",
    "published",
    "outlet",
    "lang",
    "title",
    "text",
    "path",
];

/// Where each of [`CSV_COLUMNS`] stands in the corpus CSV's rows, if it is there.
type CsvHeader = [Option<usize>; 9];

fn csv_record(
    raw: &[u8],
    header: &CsvHeader,
    at: &str,
) -> std::result::Result<Record, RecordError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(raw);
    let mut row = csv::ByteRecord::new();
    match reader.read_byte_record(&mut row) {
        Ok(true) => {}
        Ok(false) => {
            return Err(RecordError {
                at: at.into(),
                id: None,
                problem: "an empty row".into(),
            })
        }
        Err(e) => {
            return Err(RecordError {
                at: at.into(),
                id: None,
                problem: format!("not a CSV row: {e}"),
            })
        }
    }
    let mut cells: [Option<String>; 9] = Default::default();
    for (k, idx) in header.iter().enumerate() {
        let Some(field) = idx.and_then(|i| row.get(i)) else {
            continue;
        };
        if field.is_empty() {
            continue;
        }
        match std::str::from_utf8(field) {
            Ok(s) => cells[k] = Some(s.to_string()),
            Err(e) => {
                let id = cells[0].clone();
                return Err(RecordError {
                    at: at.into(),
                    id,
                    problem: format!(
                        "column `{}` is not valid UTF-8 (byte {})",
                        CSV_COLUMNS[k],
                        e.valid_up_to()
                    ),
                });
            }
        }
    }
    let [id, article, version, published, outlet, lang, title, text, path] = cells;
    Ok(Record {
        meta: Meta {
            id,
            published,
            outlet,
            article,
            version,
            lang,
            title,
        },
        text,
        path: path.map(PathBuf::from),
    })
}

/// Where groups come from.
enum Source {
    Indexed(IndexedSource),
    Tree(TreeSource),
}

impl Source {
    fn open(options: &Options) -> Result<Source> {
        match options.format {
            InputFormat::Jsonl | InputFormat::Csv => {
                Ok(Source::Indexed(IndexedSource::open(options)?))
            }
            InputFormat::Tree => Ok(Source::Tree(TreeSource::open(options)?)),
        }
    }

    fn total_bytes(&self) -> Option<u64> {
        match self {
            Source::Indexed(s) => Some(s.total_bytes),
            Source::Tree(s) => s.total_bytes,
        }
    }

    fn next_group(&mut self) -> Result<Option<RawGroup>> {
        match self {
            Source::Indexed(s) => s.next_group(),
            Source::Tree(s) => s.next_group(),
        }
    }
}

/// Where one record stands in the corpus file.
#[derive(Debug, Clone, Copy)]
struct Slot {
    offset: u64,
    len: u32,
    line: u32,
}

/// A manifest or CSV file with the offsets of its records, grouped by article.
struct IndexedSource {
    file: File,
    path: PathBuf,
    /// Groups in order of first appearance; each a list of record slots.
    groups: std::vec::IntoIter<Vec<Slot>>,
    /// Records that failed in the index pass, given out first, one group each.
    failed: std::vec::IntoIter<RecordError>,
    total_bytes: u64,
    /// The CSV header's column positions; `None` for a JSONL manifest.
    csv_header: Option<Arc<CsvHeader>>,
}

/// The fields the index pass needs from a manifest line.
#[derive(Deserialize)]
struct Key {
    id: Option<String>,
    article: Option<String>,
    path: Option<String>,
}

/// Builds the article groups of a record: articled records share a group, others stand alone.
struct Grouper {
    shard: Option<Shard>,
    by_article: HashMap<String, usize>,
    groups: Vec<Vec<Slot>>,
    failed: Vec<RecordError>,
    total_bytes: u64,
}

impl Grouper {
    fn add(&mut self, article: Option<&str>, fallback: &str, slot: Slot) {
        let key = article.unwrap_or(fallback);
        if self.shard.is_some_and(|s| !s.holds(key)) {
            return;
        }
        self.total_bytes += u64::from(slot.len);
        match article {
            Some(a) => match self.by_article.get(a) {
                Some(&g) => self.groups[g].push(slot),
                None => {
                    self.by_article.insert(a.to_string(), self.groups.len());
                    self.groups.push(vec![slot]);
                }
            },
            None => self.groups.push(vec![slot]),
        }
    }

    /// A record that failed before its article was known belongs to the shard of its line
    /// (not of its `where`, which holds the corpus path as each machine spelt it).
    fn fail(&mut self, line: u64, err: RecordError) {
        if self.shard.is_none_or(|s| s.holds(&line_key(line))) {
            self.failed.push(err);
        }
    }
}

/// The shard key of a record known only by its place.
fn line_key(line: u64) -> String {
    format!("line {line}")
}

/// Largest record read; larger ones are reported and skipped.
const MAX_RECORD_BYTES: u64 = MAX_FILE_BYTES;

impl IndexedSource {
    fn open(options: &Options) -> Result<IndexedSource> {
        let path = options.input.clone();
        let file = File::open(&path).map_err(|e| Error::read(&path, &e))?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(Error::input(
                &path,
                "is a directory; use --input-format tree",
            ));
        }
        let mut grouper = Grouper {
            shard: options.shard,
            by_article: HashMap::new(),
            groups: Vec::new(),
            failed: Vec::new(),
            total_bytes: 0,
        };
        let csv_header = match options.format {
            InputFormat::Csv => Some(Arc::new(index_csv(&path, &file, &mut grouper)?)),
            _ => {
                index_jsonl(&path, &file, &mut grouper)?;
                None
            }
        };
        Ok(IndexedSource {
            file,
            path,
            groups: grouper.groups.into_iter(),
            failed: grouper.failed.into_iter(),
            total_bytes: grouper.total_bytes,
            csv_header,
        })
    }

    fn next_group(&mut self) -> Result<Option<RawGroup>> {
        if let Some(err) = self.failed.next() {
            return Ok(Some(RawGroup {
                records: vec![RawRecord::Failed(err)],
                csv_header: None,
            }));
        }
        let Some(slots) = self.groups.next() else {
            return Ok(None);
        };
        let mut records = Vec::with_capacity(slots.len());
        for slot in slots {
            let mut bytes = vec![0; slot.len as usize];
            self.file
                .seek(SeekFrom::Start(slot.offset))
                .and_then(|_| self.file.read_exact(&mut bytes))
                .map_err(|e| Error::Record {
                    path: self.path.clone(),
                    line: slot.line as usize,
                    problem: format!("cannot read the record: {e}"),
                })?;
            records.push(RawRecord::Line {
                line: slot.line as usize,
                bytes,
            });
        }
        Ok(Some(RawGroup {
            records,
            csv_header: self.csv_header.clone(),
        }))
    }
}

fn index_jsonl(path: &Path, file: &File, grouper: &mut Grouper) -> Result<()> {
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::new();
    let mut offset = 0u64;
    let mut line_no = 0u32;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::read(path, &e))?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let mut start = offset;
        offset += n as u64;
        let mut content = trim_line_end(&line);
        if line_no == 1 && content.starts_with(b"\xef\xbb\xbf") {
            // A byte-order mark, as some exporters write: not part of the first record.
            content = &content[3..];
            start += 3;
        }
        if content.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let at = format!("{}:{line_no}", path.display());
        if content.len() as u64 > MAX_RECORD_BYTES {
            grouper.fail(
                u64::from(line_no),
                RecordError {
                    at,
                    id: None,
                    problem: format!(
                        "the record is {} MB; records up to {} MB are read",
                        content.len() >> 20,
                        MAX_RECORD_BYTES >> 20
                    ),
                },
            );
            continue;
        }
        let slot = Slot {
            offset: start,
            len: content.len() as u32,
            line: line_no,
        };
        match serde_json::from_slice::<Key>(content) {
            Ok(key) => {
                let fallback = key
                    .id
                    .or(key.path)
                    .unwrap_or_else(|| line_key(u64::from(line_no)));
                grouper.add(key.article.as_deref(), &fallback, slot);
            }
            Err(e) => grouper.fail(
                u64::from(line_no),
                RecordError {
                    at,
                    id: None,
                    problem: format!("not a manifest record: {e}"),
                },
            ),
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    while end > 0 && matches!(line[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &line[..end]
}

fn index_csv(path: &Path, file: &File, grouper: &mut Grouper) -> Result<CsvHeader> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 20, file));
    let header = reader
        .byte_headers()
        .map_err(|e| Error::input(path, format!("cannot read the CSV header: {e}")))?
        .clone();
    let mut columns: CsvHeader = [None; 9];
    for (i, name) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(name).trim().to_ascii_lowercase();
        if let Some(k) = CSV_COLUMNS.iter().position(|c| *c == name) {
            columns[k] = Some(i);
        }
    }
    if columns[7].is_none() && columns[8].is_none() {
        return Err(Error::input(
            path,
            "the CSV header names neither a `text` nor a `path` column",
        ));
    }
    let mut row = csv::ByteRecord::new();
    loop {
        let start = reader.position().clone();
        match reader.read_byte_record(&mut row) {
            Ok(false) => return Ok(columns),
            Ok(true) => {
                let pos = row.position().cloned().unwrap_or(start);
                let end = reader.position().byte();
                let line = pos.line() as u32;
                let at = format!("{}:{line}", path.display());
                let len = end - pos.byte();
                if len > MAX_RECORD_BYTES {
                    grouper.fail(
                        u64::from(line),
                        RecordError {
                            at,
                            id: None,
                            problem: format!(
                                "the row is {} MB; rows up to {} MB are read",
                                len >> 20,
                                MAX_RECORD_BYTES >> 20
                            ),
                        },
                    );
                    continue;
                }
                let cell = |k: usize| {
                    columns[k]
                        .and_then(|i| row.get(i))
                        .filter(|f| !f.is_empty())
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                };
                let fallback = cell(0)
                    .or_else(|| cell(8))
                    .unwrap_or_else(|| line_key(u64::from(line)));
                let slot = Slot {
                    offset: pos.byte(),
                    len: len as u32,
                    line,
                };
                grouper.add(cell(1).as_deref(), &fallback, slot);
            }
            Err(e) => {
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return Err(Error::read(path, &std::io::Error::other(e.to_string())));
                }
                let line = e.position().map(|p| p.line()).unwrap_or(start.line());
                grouper.fail(
                    line,
                    RecordError {
                        at: format!("{}:{line}", path.display()),
                        id: None,
                        problem: format!("not a CSV row: {e}"),
                    },
                );
            }
        }
    }
}

/// A folder tree: every folder that holds document files is one article.
struct TreeSource {
    root: PathBuf,
    shard: Option<Shard>,
    /// Folders still to visit, deepest last; a folder's files are one group.
    stack: Vec<PathBuf>,
    /// Files directly in the root wait here: each is an article of its own.
    loose: std::vec::IntoIter<PathBuf>,
    total_bytes: Option<u64>,
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| document::DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Sorted entries of a folder: (subfolders, document files).
fn list_folder(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, &e))?;
    // Hidden entries (`.git`, editors' files) are not part of a corpus.
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|p| p.is_dir());
    Ok((dirs, files.into_iter().filter(|f| is_document(f)).collect()))
}

impl TreeSource {
    fn open(options: &Options) -> Result<TreeSource> {
        let root = options.input.clone();
        let (dirs, files) = list_folder(&root)?;
        let total_bytes = options.progress.then(|| folder_bytes(&root));
        let mut stack = dirs;
        stack.reverse();
        Ok(TreeSource {
            root,
            shard: options.shard,
            stack,
            loose: files.into_iter(),
            total_bytes,
        })
    }

    fn article_of(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    fn next_group(&mut self) -> Result<Option<RawGroup>> {
        loop {
            let (article, files) = if let Some(file) = self.loose.next() {
                (self.article_of(&file), vec![file])
            } else if let Some(dir) = self.stack.pop() {
                let (dirs, files) = match list_folder(&dir) {
                    Ok(listing) => listing,
                    Err(e) => {
                        let err = RecordError {
                            at: dir.display().to_string(),
                            id: None,
                            problem: problem_of(e),
                        };
                        return Ok(Some(RawGroup {
                            records: vec![RawRecord::Failed(err)],
                            csv_header: None,
                        }));
                    }
                };
                self.stack.extend(dirs.into_iter().rev());
                (self.article_of(&dir), files)
            } else {
                return Ok(None);
            };
            if files.is_empty() || self.shard.is_some_and(|s| !s.holds(&article)) {
                continue;
            }
            let records = files
                .into_iter()
                .map(|path| RawRecord::File {
                    path,
                    article: article.clone(),
                })
                .collect();
            return Ok(Some(RawGroup {
                records,
                csv_header: None,
            }));
        }
    }
}

/// The bytes of the document files under a folder, for the progress bar's total.
fn folder_bytes(dir: &Path) -> u64 {
    let Ok((dirs, files)) = list_folder(dir) else {
        return 0;
    };
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum::<u64>()
        + dirs.iter().map(|d| folder_bytes(d)).sum::<u64>()
}

fn progress_bar(show: bool, total: Option<u64>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    if !show {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = match total {
        Some(_) => "{elapsed_precise} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}",
        None => "{elapsed_precise} {spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_article_is_in_exactly_one_shard() {
        for count in 1..7 {
            let shards: Vec<Shard> = (0..count).map(|index| Shard { index, count }).collect();
            for k in 0..500 {
                let key = format!("article-{k}");
                assert_eq!(shards.iter().filter(|s| s.holds(&key)).count(), 1);
            }
        }
        // Spread: no shard of four gets fewer than a sixth of 2000 articles.
        for index in 0..4 {
            let n = (0..2000)
                .filter(|k| Shard { index, count: 4 }.holds(&format!("a{k}")))
                .count();
            assert!(n > 333, "shard {index} holds {n}");
        }
    }

    #[test]
    fn shard_specs_are_read_strictly() {
        assert_eq!("2/5".parse::<Shard>(), Ok(Shard { index: 2, count: 5 }));
        for bad in ["5/5", "1/0", "1", "-1/3", "a/b", "1/3/4"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_are_guessed_from_names() {
        assert_eq!(
            RowFormat::guess(Path::new("out/claims.CSV")),
            RowFormat::Csv
        );
        assert_eq!(
            RowFormat::guess(Path::new("findings.jsonl")),
            RowFormat::Jsonl
        );
        assert_eq!(
            InputFormat::guess(Path::new("corpus.csv")),
            InputFormat::Csv
        );
        assert_eq!(
            InputFormat::guess(Path::new("corpus.ndjson")),
            InputFormat::Jsonl
        );
    }
}
