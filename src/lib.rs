//! claimdiff finds where news texts disagree on facts.
//!
//! The pipeline, in the order data flows:
//! [`Document`] (ingest) → [`segment::Sentence`] → [`Claim`] ([`extract`], [`resolve`]) →
//! [`Finding`] ([`align`], [`judge`]) → [`Report`] ([`report`]).
//!
//! ```
//! use claimdiff::{compare, Config, Defaults, Document, Format, Published};
//! let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
//! let a = Document::from_text("a.md", "Vertreter aus fast 30 Ländern kamen.".into(), Format::Text, &Default::default(), &defaults).unwrap();
//! let b = Document::from_text("b.md", "Delegates from 31 countries attended.".into(), Format::Text, &Default::default(), &defaults).unwrap();
//! let report = compare(vec![a, b], &Config::default());
//! assert_eq!(report.findings[0].verdict.as_str(), "contradiction");
//! ```

pub mod align;
pub mod batch;
pub mod claim;
pub mod config;
pub mod demo;
pub mod document;
pub mod error;
mod html;
pub mod judge;
pub mod limits;
pub mod manifest;
pub mod memo;
pub mod report;
pub mod resolve;
pub mod segment;
#[cfg(feature = "serve")]
pub mod serve;

#[path = "extract/mod.rs"]
pub mod extract;

pub use claim::{
    Claim, ClaimFields, DayRange, Interval, Kind, Qualifier, SharedStr, Span, TimeUnit,
};
pub use config::Config;
pub use document::{Defaults, Document, Format, Lang, Published};
pub use error::{Error, Result};
pub use judge::{Finding, Relation, Timeline, Verdict};
pub use report::{Command, Report};

/// Extracts the claims of several documents into a report.
pub fn extract_all(docs: Vec<Document>, config: &Config) -> Report {
    let mut extractor = extract::Extractor::new(config);
    let claims = docs
        .iter()
        .flat_map(|d| claims_of(&mut extractor, d, config))
        .collect();
    Report::new(Command::Extract, docs, claims, Vec::new())
}

/// Lists every mention of several documents in a report: their claims and every other
/// number, ordinal, share, sum and time expression ([`extract::mentions`]).
pub fn extract_mentions_all(docs: Vec<Document>, config: &Config) -> Report {
    let mut extractor = extract::Extractor::new(config);
    let claims = docs
        .iter()
        .flat_map(|d| {
            let mut mentions = extractor.mentions(d);
            config.apply_concepts(&mut mentions);
            mentions
        })
        .collect();
    Report::new(Command::Extract, docs, claims, Vec::new())
}

/// Compares two versions of one article: sentences aligned, each number paired with the one
/// it replaced, plus contradictions inside each version.
pub fn diff(old: Document, new: Document, config: &Config) -> Report {
    versions(vec![old, new], config)
}

/// Compares an ordered list of versions of one article: each version against the next
/// (sentences aligned, numbers paired with the ones they replaced), plus contradictions inside
/// each version.
///
/// ```
/// use claimdiff::{versions, Config, Defaults, Document, Format, Published};
/// let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
/// let v = |id: &str, text: &str| Document::from_text(id, text.into(), Format::Text, &Default::default(), &defaults).unwrap();
/// let report = versions(vec![v("v1", "Ein Mensch wurde getötet."), v("v2", "Zwei Menschen wurden getötet.")], &Config::default());
/// assert_eq!(report.findings[0].verdict.as_str(), "update");
/// ```
pub fn versions(docs: Vec<Document>, config: &Config) -> Report {
    let mut extractor = extract::Extractor::new(config);
    let claims: Vec<Vec<Claim>> = docs
        .iter()
        .map(|d| claims_of(&mut extractor, d, config))
        .collect();
    // Each version's contexts and sentences are read once, and each pair of neighbours is
    // paired once, for its findings and for the timelines alike.
    let mut reader = align::ContextReader::new(config);
    let cx: Vec<Vec<align::Context>> = claims.iter().map(|c| reader.read(c)).collect();
    // What the reader and the extractor remember of sentences is not needed for judging.
    drop((reader, extractor));
    let sentences: Vec<Vec<&str>> = docs.iter().map(judge::sentences).collect();
    let text = |i: usize| judge::Text {
        doc: &docs[i],
        claims: &claims[i],
        cx: &cx[i],
        sentences: &sentences[i],
    };
    let mut findings = Vec::new();
    let mut links = Vec::new();
    for i in 0..docs.len() {
        findings.extend(judge::within_with(&claims[i], &cx[i], config));
        if i + 1 < docs.len() {
            let (old, new) = (text(i), text(i + 1));
            let pairs = judge::version_pairs_of(&old, &new);
            findings.extend(judge::diff_paired(&old, &new, &pairs, config));
            links.push(pairs);
        }
    }
    let timelines = judge::timelines_of(
        &claims.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        &links,
    );
    drop((sentences, cx));
    let mut report = Report::new(Command::Diff, docs, flat(claims), findings);
    report.timelines = timelines;
    report
}

/// The claims of every document, one document after the other, in a list of just their
/// number (a list collected from the documents' lists would grow into up to twice that).
fn flat(claims: Vec<Vec<Claim>>) -> Vec<Claim> {
    let mut all = Vec::with_capacity(claims.iter().map(Vec::len).sum());
    for doc in claims {
        all.extend(doc);
    }
    all
}

/// A document's claims, with the extra concepts of `claimdiff.toml` applied.
fn claims_of(extractor: &mut extract::Extractor, doc: &Document, config: &Config) -> Vec<Claim> {
    let mut claims = extractor.extract(doc);
    config.apply_concepts(&mut claims);
    claims
}

/// The timelines of every article that `compare` got three or more versions of.
fn article_timelines(
    docs: &[Document],
    claims: &[Vec<Claim>],
    config: &Config,
) -> Vec<judge::Timeline> {
    let mut articles: Vec<&str> = docs.iter().filter_map(|d| d.article.as_deref()).collect();
    articles.sort();
    articles.dedup();
    let mut out = Vec::new();
    for article in articles {
        let mut members: Vec<usize> = (0..docs.len())
            .filter(|&i| docs[i].article.as_deref() == Some(article))
            .collect();
        members.sort_by(|&x, &y| version_order(&docs[x], &docs[y]));
        let group: Vec<&Document> = members.iter().map(|&i| &docs[i]).collect();
        let group_claims: Vec<&[Claim]> = members.iter().map(|&i| claims[i].as_slice()).collect();
        out.extend(judge::timelines(&group, &group_claims, config));
    }
    out
}

/// Whether two documents are versions of one article (same `article` in their metadata).
fn are_versions(a: &Document, b: &Document) -> bool {
    matches!((&a.article, &b.article), (Some(x), Some(y)) if x == y)
}

/// The order of two versions: by version number, else by publication time.
fn version_order(a: &Document, b: &Document) -> std::cmp::Ordering {
    let num = |d: &Document| {
        d.version
            .as_deref()
            .and_then(|v| v.trim_start_matches(['v', 'V']).parse::<f64>().ok())
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) if x != y => x.total_cmp(&y),
        _ => a
            .published
            .map(|p| p.sort_key())
            .cmp(&b.published.map(|p| p.sort_key())),
    }
}

/// Compares every pair of documents (outlets, or versions when their metadata says so) and
/// each document with itself.
pub fn compare(docs: Vec<Document>, config: &Config) -> Report {
    let mut extractor = extract::Extractor::new(config);
    let claims: Vec<Vec<Claim>> = docs
        .iter()
        .map(|d| claims_of(&mut extractor, d, config))
        .collect();
    // Each text's contexts are read once for all the comparisons it takes part in, and a
    // sentence that texts share once for all of them.
    let mut reader = align::ContextReader::new(config);
    let cx: Vec<Vec<align::Context>> = claims.iter().map(|c| reader.read(c)).collect();
    // What the reader and the extractor remember of sentences is not needed for judging.
    drop((reader, extractor));
    let mut findings = Vec::new();
    for i in 0..docs.len() {
        findings.extend(judge::within_with(&claims[i], &cx[i], config));
        for j in i + 1..docs.len() {
            if are_versions(&docs[i], &docs[j]) {
                let (o, n) = if version_order(&docs[i], &docs[j])
                    .then_with(|| docs[i].id.cmp(&docs[j].id))
                    .is_gt()
                {
                    (j, i)
                } else {
                    (i, j)
                };
                findings.extend(
                    judge::diff_versions_with(
                        &docs[o], &claims[o], &cx[o], &docs[n], &claims[n], &cx[n], config,
                    )
                    .into_iter()
                    .filter(|f| !matches!(f.verdict, Verdict::Added | Verdict::Removed)),
                );
            } else {
                findings.extend(outlet_pair(
                    (&docs[i], &claims[i], &cx[i]),
                    (&docs[j], &claims[j], &cx[j]),
                    config,
                ));
            }
        }
    }
    // The contexts are not needed past judging.
    drop(cx);
    let timelines = article_timelines(&docs, &claims, config);
    let mut report = Report::new(Command::Compare, docs, flat(claims), findings);
    report.timelines = timelines;
    report
}

/// Two outlets' texts judged once, the earlier-published first, so a tally that rises in the
/// later text is an update; the smaller id first when neither is later, so the findings do
/// not depend on the order the files were given.
fn outlet_pair(
    a: (&Document, &[Claim], &[align::Context]),
    b: (&Document, &[Claim], &[align::Context]),
    config: &Config,
) -> Vec<Finding> {
    outlet_pair_judged(a, b, config)
        .into_iter()
        .map(judge::Judged::into_finding)
        .collect()
}

/// [`outlet_pair`], its findings borrowing the texts' claims.
fn outlet_pair_judged<'a>(
    (a, a_claims, ca): (&'a Document, &'a [Claim], &'a [align::Context]),
    (b, b_claims, cb): (&'a Document, &'a [Claim], &'a [align::Context]),
    config: &'a Config,
) -> Vec<judge::Judged<'a>> {
    if published_later(a, b) || (!published_later(b, a) && b.id < a.id) {
        judge::compare_outlets_judged(b, b_claims, cb, a, a_claims, ca, config)
    } else {
        judge::compare_outlets_judged(a, a_claims, ca, b, b_claims, cb, config)
    }
}

/// Why the figures at `a_at` in `a` and `b_at` in `b` (byte ranges of the documents' texts)
/// were or were not paired when the two outlets' texts were compared: the rule that kept them
/// apart, or what spoke for the pair and which pair took either figure instead
/// ([`judge::explain_outlets`]). `None` when no claim stands at one of the ranges.
pub fn explain_outlet_pair(
    a: &Document,
    a_at: std::ops::Range<usize>,
    b: &Document,
    b_at: std::ops::Range<usize>,
    config: &Config,
) -> Option<String> {
    let mut extractor = extract::Extractor::new(config);
    let (a_claims, b_claims) = (
        claims_of(&mut extractor, a, config),
        claims_of(&mut extractor, b, config),
    );
    let at = |claims: &[Claim], range: &std::ops::Range<usize>| {
        claims
            .iter()
            .position(|c| c.text_start < range.end && range.start < c.text_end)
    };
    let (i, j) = (at(&a_claims, &a_at)?, at(&b_claims, &b_at)?);
    let mut reader = align::ContextReader::new(config);
    let (ca, cb) = (reader.read(&a_claims), reader.read(&b_claims));
    // The order `compare` judges them in.
    Some(
        if published_later(a, b) || (!published_later(b, a) && b.id < a.id) {
            judge::explain_outlets(b, &b_claims, &cb, a, &a_claims, &ca, (j, i), config)
        } else {
            judge::explain_outlets(a, &a_claims, &ca, b, &b_claims, &cb, (i, j), config)
        },
    )
}

/// The clashes between two outlets' texts that the pairing model judges, with its inputs,
/// as byte ranges of `a`'s and `b`'s texts: the rows `scripts/fit-pairing.py` fits it on.
#[doc(hidden)]
pub fn outlet_clash_rows(
    a: &Document,
    b: &Document,
    config: &Config,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>, judge::Row)> {
    let mut extractor = extract::Extractor::new(config);
    let (a_claims, b_claims) = (
        claims_of(&mut extractor, a, config),
        claims_of(&mut extractor, b, config),
    );
    let mut reader = align::ContextReader::new(config);
    let (ca, cb) = (reader.read(&a_claims), reader.read(&b_claims));
    let range = |c: &Claim| c.text_start..c.text_end;
    if published_later(a, b) || (!published_later(b, a) && b.id < a.id) {
        judge::clash_rows(b, &b_claims, &cb, a, &a_claims, &ca, config)
            .into_iter()
            .map(|r| (range(&a_claims[r.j]), range(&b_claims[r.i]), r))
            .collect()
    } else {
        judge::clash_rows(a, &a_claims, &ca, b, &b_claims, &cb, config)
            .into_iter()
            .map(|r| (range(&a_claims[r.i]), range(&b_claims[r.j]), r))
            .collect()
    }
}

/// Judges the documents of one article group, given in publication order with their claims:
/// each document against itself, each version against the previous version of the same outlet
/// (documents without an outlet form one chain), and with `outlets` the latest version of each
/// outlet against every other outlet's latest version. This is what `batch` runs per article.
///
/// ```
/// use claimdiff::{compare_group, extract, Config, Defaults, Document, Format, Published};
/// let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
/// let v1 = Document::from_text("v1", "Ein Mensch wurde getötet.".into(), Format::Text, &Default::default(), &defaults).unwrap();
/// let v2 = Document::from_text("v2", "Zwei Menschen wurden getötet.".into(), Format::Text, &Default::default(), &defaults).unwrap();
/// let claims: Vec<_> = [&v1, &v2].iter().map(|d| extract::extract(d, &Config::default())).collect();
/// let findings = compare_group(&[v1, v2], &claims, false, &Config::default());
/// assert_eq!(findings[0].verdict.as_str(), "update");
/// ```
pub fn compare_group(
    docs: &[Document],
    claims: &[Vec<Claim>],
    outlets: bool,
    config: &Config,
) -> Vec<Finding> {
    // Each text's contexts are read once for all the comparisons it takes part in, and a
    // sentence that texts share once for all of them.
    let mut reader = align::ContextReader::new(config);
    let cx: Vec<Vec<align::Context>> = claims.iter().map(|c| reader.read(c)).collect();
    let sentences = vec![Default::default(); docs.len()];
    compare_group_with(docs, claims, &cx, &sentences, outlets, config)
        .into_iter()
        .map(judge::Judged::into_finding)
        .collect()
}

/// A version's sentences, split once for the versions before and after it (see
/// [`compare_group_with`]).
pub(crate) type SplitOnce<'a> = std::cell::OnceCell<Vec<&'a str>>;

/// [`compare_group`] with the claims' contexts read already ([`align::ContextReader`]), its
/// findings borrowing the claims; `sentences` holds one empty [`SplitOnce`] per document.
pub(crate) fn compare_group_with<'a>(
    docs: &'a [Document],
    claims: &'a [Vec<Claim>],
    cx: &'a [Vec<align::Context>],
    sentences: &'a [SplitOnce<'a>],
    outlets: bool,
    config: &'a Config,
) -> Vec<judge::Judged<'a>> {
    let mut findings = Vec::new();
    let text = |i: usize| judge::Text {
        doc: &docs[i],
        claims: &claims[i],
        cx: &cx[i],
        sentences: sentences[i].get_or_init(|| judge::sentences(&docs[i])),
    };
    // The latest version of each outlet, in the order the outlets first appear; looked up by
    // outlet, so an article group of thousands of outlets is not searched for each document.
    let mut latest: Vec<(Option<&str>, usize)> = Vec::new();
    let mut slot: std::collections::HashMap<Option<&str>, usize> = Default::default();
    for (i, doc) in docs.iter().enumerate() {
        let outlet = doc.outlet.as_deref();
        match slot.get(&outlet) {
            Some(&k) => {
                findings.extend(judge::diff_texts_judged(
                    &text(latest[k].1),
                    &text(i),
                    config,
                ));
                latest[k].1 = i;
            }
            None => {
                slot.insert(outlet, latest.len());
                latest.push((outlet, i));
            }
        }
        findings.extend(judge::within_judged(&claims[i], &cx[i], config));
    }
    if outlets {
        for x in 0..latest.len() {
            for y in x + 1..latest.len() {
                let (i, j) = (latest[x].1, latest[y].1);
                findings.extend(outlet_pair_judged(
                    (&docs[i], &claims[i], &cx[i]),
                    (&docs[j], &claims[j], &cx[j]),
                    config,
                ));
            }
        }
    }
    findings
}

/// Whether `a` was published after `b` (unknown times keep the given order).
fn published_later(a: &Document, b: &Document) -> bool {
    matches!((a.published, b.published), (Some(x), Some(y)) if x.sort_key() > y.sort_key())
}
