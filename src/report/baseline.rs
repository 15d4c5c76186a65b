//! Baselines: findings a desk has looked at and accepted, so CI fails only on new ones.
//!
//! Takes a [`Report`] and gives a [`Baseline`] file (`--write-baseline`), or takes a baseline
//! and removes the findings it accepts from a report (`--baseline`). A finding is known by its
//! [`fingerprint`]: the verdict, the claim kind, the subject, both mentions and the normalized
//! text of their sentences — never offsets, lines or file names, so an edit elsewhere in the
//! text that moves lines, or a renamed file, keeps an accepted finding accepted.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Report;
use crate::claim::Claim;
use crate::error::{Error, Result};
use crate::judge::Finding;

/// The version of the fingerprint recipe; a new recipe gets a new number.
pub const FINGERPRINT_VERSION: u32 = 1;

/// Lower-cased, with every run of whitespace made one space and control characters dropped.
fn normalize(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| !c.is_control())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// FNV-1a over 128 bits: stable across platforms, releases and runs (unlike std's hasher).
fn fnv1a128(bytes: &[u8]) -> u128 {
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in bytes {
        h ^= *b as u128;
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    h
}

/// The stable identity of a finding.
///
/// ```
/// use claimdiff::{compare, Config, Defaults, Document, Format, Published};
/// use claimdiff::report::baseline::fingerprint;
/// let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
/// let doc = |id: &str, text: &str| Document::from_text(id, text.into(), Format::Text, &Default::default(), &defaults).unwrap();
/// let before = compare(vec![doc("a.md", "Vertreter aus fast 30 Ländern kamen."), doc("b.md", "Delegates from 31 countries attended.")], &Config::default());
/// let after = compare(vec![doc("a.md", "Neu.\n\nVertreter aus fast 30 Ländern kamen."), doc("b.md", "Delegates from 31 countries attended.")], &Config::default());
/// assert_ne!(before.findings[0].a.as_ref().unwrap().span.line, after.findings[0].a.as_ref().unwrap().span.line);
/// assert_eq!(fingerprint(&before.findings[0]), fingerprint(&after.findings[0]));
/// ```
pub fn fingerprint(f: &Finding) -> String {
    let side = |c: &Option<Claim>| match c {
        Some(c) => format!(
            "{}\u{1f}{}",
            normalize(&c.text()),
            normalize(&c.sentence_text())
        ),
        None => String::new(),
    };
    let key = [
        FINGERPRINT_VERSION.to_string(),
        f.verdict.as_str().to_string(),
        f.kind.as_str().to_string(),
        f.subject.clone(),
        side(&f.a),
        side(&f.b),
    ]
    .join("\u{1e}");
    format!("{:032x}", fnv1a128(key.as_bytes()))
}

/// One accepted finding, with enough words beside its fingerprint for a reviewer of the
/// baseline file to see what was accepted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Accepted {
    pub fingerprint: String,
    pub finding: String,
    pub kind: String,
    pub subject: String,
    #[serde(default)]
    pub a: Option<String>,
    #[serde(default)]
    pub b: Option<String>,
}

/// A baseline file: the accepted findings, sorted by fingerprint so its diffs stay small.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The fingerprint recipe the file was written with.
    pub version: u32,
    pub accepted: Vec<Accepted>,
}

impl Baseline {
    /// A baseline accepting every finding of a report.
    pub fn of(report: &Report) -> Baseline {
        let accepted: BTreeSet<Accepted> = report
            .findings
            .iter()
            .map(|f| Accepted {
                fingerprint: fingerprint(f),
                finding: f.verdict.as_str().to_string(),
                kind: f.kind.as_str().to_string(),
                subject: f.subject.clone(),
                a: f.a.as_ref().map(|c| c.text().to_string()),
                b: f.b.as_ref().map(|c| c.text().to_string()),
            })
            .collect();
        Baseline {
            version: FINGERPRINT_VERSION,
            accepted: accepted.into_iter().collect(),
        }
    }

    /// The file's text (pretty JSON, one accepted finding per block).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline is plain data");
        s.push('\n');
        s
    }

    /// Reads a baseline file; errors name the file and the problem.
    pub fn read(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, &e))?;
        Baseline::parse(path, &text)
    }

    /// Parses a baseline file's text.
    pub fn parse(path: &Path, text: &str) -> Result<Baseline> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| Error::Record {
            path: path.to_path_buf(),
            line: e.line().max(1),
            problem: format!("not a claimdiff baseline: {e}"),
        })?;
        if baseline.version != FINGERPRINT_VERSION {
            return Err(Error::input(
                path,
                format!("baseline version {} is not {FINGERPRINT_VERSION}; write it again with --write-baseline", baseline.version),
            ));
        }
        Ok(baseline)
    }

    /// Removes the findings this baseline accepts from a report, counting them in
    /// [`Report::suppressed`].
    pub fn apply(&self, report: &mut Report) {
        let accepted: BTreeSet<&str> = self
            .accepted
            .iter()
            .map(|a| a.fingerprint.as_str())
            .collect();
        let before = report.findings.len();
        report
            .findings
            .retain(|f| !accepted.contains(fingerprint(f).as_str()));
        report.suppressed += before - report.findings.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_ignores_case_and_spacing_only() {
        assert_eq!(normalize("  Fast 30\n  Ländern\t"), "fast 30 ländern");
        assert_ne!(normalize("fast 30 Ländern"), normalize("fast 31 Ländern"));
    }

    #[test]
    fn the_hash_is_stable() {
        // Pinned: a changed hash would silently un-accept every baseline in use.
        assert_eq!(
            format!("{:032x}", fnv1a128(b"")),
            "6c62272e07bb014262b821756295c58d"
        );
        assert_eq!(
            format!("{:032x}", fnv1a128(b"a")),
            "d228cb696f1a8caf78912b704e4a8964"
        );
    }

    #[test]
    fn a_bad_file_names_itself() {
        let err = Baseline::parse(
            Path::new("base.json"),
            "{\"version\": 1,\n \"accepted\": 3}",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("base.json:2"), "{err}");
        let err = Baseline::parse(Path::new("base.json"), "{\"version\": 9, \"accepted\": []}")
            .unwrap_err();
        assert!(err.to_string().contains("version 9"), "{err}");
    }
}
