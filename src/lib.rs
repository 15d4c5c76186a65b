//! claimdiff finds where news texts disagree on facts.
//!
//! The pipeline, in the order data flows:
//! [`Document`] (ingest) → [`segment::Sentence`] → [`Claim`] ([`extract()`], [`resolve`]) →
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
pub mod claim;
pub mod config;
pub mod demo;
pub mod document;
pub mod error;
mod html;
pub mod judge;
pub mod manifest;
pub mod report;
pub mod resolve;
pub mod segment;

#[path = "extract/mod.rs"]
pub mod extract;

pub use claim::{Claim, DayRange, Interval, Kind, Qualifier, Span, TimeUnit};
pub use config::Config;
pub use document::{Defaults, Document, Format, Lang, Published};
pub use error::{Error, Result};
pub use judge::{Finding, Relation, Verdict};
pub use report::{Command, Report};

/// Extracts the claims of several documents into a report.
pub fn extract_all(docs: Vec<Document>, config: &Config) -> Report {
    let claims = docs
        .iter()
        .flat_map(|d| extract::extract(d, config))
        .collect();
    Report::new(Command::Extract, docs, claims, Vec::new())
}

/// Compares two versions of one article: sentences aligned, each number paired with the one
/// it replaced, plus contradictions inside each version.
pub fn diff(old: Document, new: Document, config: &Config) -> Report {
    let old_claims = extract::extract(&old, config);
    let new_claims = extract::extract(&new, config);
    let mut findings = judge::diff_versions(&old, &old_claims, &new, &new_claims, config);
    findings.extend(judge::within(&old_claims, config));
    findings.extend(judge::within(&new_claims, config));
    let mut claims = old_claims;
    claims.extend(new_claims);
    Report::new(Command::Diff, vec![old, new], claims, findings)
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
    let claims: Vec<Vec<Claim>> = docs.iter().map(|d| extract::extract(d, config)).collect();
    let mut findings = Vec::new();
    for i in 0..docs.len() {
        findings.extend(judge::within(&claims[i], config));
        for j in i + 1..docs.len() {
            if are_versions(&docs[i], &docs[j]) {
                let (o, n) = if version_order(&docs[i], &docs[j]).is_gt() {
                    (j, i)
                } else {
                    (i, j)
                };
                findings.extend(
                    judge::diff_versions(&docs[o], &claims[o], &docs[n], &claims[n], config)
                        .into_iter()
                        .filter(|f| !matches!(f.verdict, Verdict::Added | Verdict::Removed)),
                );
            } else {
                let forward =
                    judge::compare_outlets(&docs[i], &claims[i], &docs[j], &claims[j], config);
                let backward =
                    judge::compare_outlets(&docs[j], &claims[j], &docs[i], &claims[i], config);
                let mut merged = forward;
                for f in backward {
                    let dup = merged.iter().any(|g| same_pair(g, &f));
                    if !dup {
                        merged.push(f);
                    }
                }
                findings.extend(merged);
            }
        }
    }
    Report::new(
        Command::Compare,
        docs,
        claims.into_iter().flatten().collect(),
        findings,
    )
}

fn key(c: &Option<Claim>) -> Option<(&str, usize)> {
    c.as_ref().map(|c| (c.doc.as_str(), c.span.start))
}

fn same_pair(f: &Finding, g: &Finding) -> bool {
    (key(&f.a) == key(&g.a) && key(&f.b) == key(&g.b))
        || (key(&f.a) == key(&g.b) && key(&f.b) == key(&g.a))
}
