//! The bounds that keep claimdiff's cost in proportion to its input, in one place, and the
//! notes a report gives when one of them cut work.
//!
//! Every stage looks at a bounded amount of text or claims per unit of input: a sentence is
//! read in pieces of at most [`SENTENCE_BYTES`], a claim is set against at most
//! [`PAIR_REACH`] claims of its subject in the other text (or before it in its own), at most
//! [`KEEP_PER_CLAIM`] candidate pairs of a claim are kept while scoring, and sentence alignment
//! runs in blocks of at most [`ALIGN_BLOCK`] sentences. News articles stay far below every
//! bound; a long or repetitive text (a live blog, a scraped page of boilerplate, a table
//! flattened into one line) reaches them, and then its report says so ([`notes`]).

use std::collections::BTreeMap;

use crate::claim::Claim;
use crate::document::Document;

/// The longest stretch of text read as one sentence. A longer "sentence" (a line without
/// sentence ends) is cut at a space into pieces of at most this many bytes.
pub const SENTENCE_BYTES: usize = 1_200;

/// How many claims of one subject a claim is set against: in another text the nearest to its
/// own position, in its own text the ones just before it.
pub const PAIR_REACH: usize = 256;

/// How many scored candidate pairs of one claim are kept for the assignment.
pub const KEEP_PER_CLAIM: usize = 32;

/// The most sentences aligned in one search; longer texts are aligned block by block between
/// sentences that both texts have exactly once.
pub const ALIGN_BLOCK: usize = 2_000;

/// The most pairs of a version's sentences scored by word similarity in one search for
/// reworded or moved sentences; beyond it, each sentence is scored only against the
/// [`SCORED_BAND`] sentences on either side of its own relative position in the other version.
pub const SCORED_PAIRS: usize = 40_000;

/// How many sentences on either side of its relative position a sentence is scored against
/// once a search would score more than [`SCORED_PAIRS`] pairs.
pub const SCORED_BAND: usize = 32;

/// The at most [`PAIR_REACH`] entries of `block` (claim positions, ascending) nearest to
/// position `at`: the whole block when it is no longer, so an article is never cut.
///
/// ```
/// use claimdiff::limits::{nearest, PAIR_REACH};
/// let block: Vec<usize> = (0..1000).map(|k| 2 * k).collect();
/// let near = nearest(&block, 1000);
/// assert_eq!(near.len(), PAIR_REACH);
/// assert!(near.contains(&1000));
/// assert_eq!(nearest(&block[..10], 1000), &block[..10]);
/// ```
pub fn nearest(block: &[usize], at: usize) -> &[usize] {
    let from = block
        .partition_point(|&j| j < at)
        .saturating_sub(PAIR_REACH / 2)
        .min(block.len().saturating_sub(PAIR_REACH));
    &block[from..(from + PAIR_REACH).min(block.len())]
}

/// What the bounds cut in these documents, one line each, in document order: sentences read
/// in pieces and, when the claims were `compared`, subjects stated more often than
/// [`PAIR_REACH`], versions longer than [`ALIGN_BLOCK`] sentences and versions long enough
/// for [`SCORED_PAIRS`] to bound the search for reworded sentences. `versions`: every
/// document is a version of the others (`diff`); otherwise documents that name one `article`
/// are. `claims` are the documents' claims, in any order.
pub fn notes(
    documents: &[Document],
    claims: &[Claim],
    compared: bool,
    versions: bool,
) -> Vec<String> {
    let mut articles: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in documents {
        if let Some(article) = &doc.article {
            *articles.entry(article.as_str()).or_default() += 1;
        }
    }
    let aligned =
        |doc: &Document| versions || doc.article.as_deref().is_some_and(|a| articles[a] > 1);
    // The versions a document is aligned with: all of them in `diff`, else its article's.
    fn group_of(doc: &Document, versions: bool) -> &str {
        if versions {
            ""
        } else {
            doc.article.as_deref().unwrap_or("")
        }
    }
    let group = |doc| group_of(doc, versions);
    // Per group, the two longest versions' sentence counts: a version's longest other version
    // is the group's longest, or the second longest when it is the longest itself.
    let mut longest: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for doc in documents.iter().filter(|d| aligned(d)) {
        let n = doc.sentences().len();
        let top = longest.entry(group(doc)).or_default();
        if n > top.0 {
            *top = (n, top.0);
        } else if n > top.1 {
            top.1 = n;
        }
    }
    let mut per_doc: BTreeMap<&str, BTreeMap<(&str, &str), usize>> = BTreeMap::new();
    for c in claims {
        *per_doc
            .entry(c.doc())
            .or_default()
            .entry((c.kind.as_str(), c.subject.as_str()))
            .or_default() += 1;
    }
    let mut out = Vec::new();
    for doc in documents {
        let sentences = doc.sentences();
        let cut = sentences.iter().filter(|s| s.cut()).count();
        if cut > 0 {
            out.push(format!(
                "{}: {cut} pieces of sentences longer than {SENTENCE_BYTES} bytes, each read on its own",
                doc.id
            ));
        }
        if compared && aligned(doc) && sentences.len() > ALIGN_BLOCK {
            out.push(format!(
                "{}: {} sentences; aligned with its versions in blocks of at most {ALIGN_BLOCK}, \
                 between sentences both tell once",
                doc.id,
                sentences.len()
            ));
        }
        if compared && aligned(doc) {
            let (first, second) = longest[group(doc)];
            let other = if sentences.len() == first {
                second
            } else {
                first
            };
            if sentences.len().saturating_mul(other) > SCORED_PAIRS {
                out.push(format!(
                    "{}: {} sentences; a reworded or moved sentence is looked for among the {} \
                     nearest its place in a version of {other} sentences once more than \
                     {SCORED_PAIRS} pairs would be scored",
                    doc.id,
                    sentences.len(),
                    2 * SCORED_BAND + 1,
                ));
            }
        }
        let Some(subjects) = per_doc.get(doc.id.as_str()).filter(|_| compared) else {
            continue;
        };
        let mut crowded: Vec<(usize, &str, &str)> = subjects
            .iter()
            .filter(|(_, &n)| n > PAIR_REACH)
            .map(|(&(kind, subject), &n)| (n, kind, subject))
            .collect();
        crowded.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)).then(x.2.cmp(y.2)));
        for (n, kind, subject) in crowded {
            out.push(format!(
                "{}: {n} {kind} claims of {subject}; each compared with the nearest {PAIR_REACH}",
                doc.id
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{diff, Config, Defaults, Document, Format, Published};

    fn version(id: &str, sentences: usize, word: &str) -> Document {
        let text: String = (0..sentences)
            .map(|k| format!("Satz {k} handelt von {word} Nummer {k}. "))
            .collect();
        let defaults = Defaults {
            published: Published::parse("2025-03-27"),
            lang: None,
        };
        Document::from_text(id, text, Format::Text, &Default::default(), &defaults).unwrap()
    }

    fn scored_notes(old: usize, new: usize) -> Vec<String> {
        let report = diff(
            version("v1", old, "Äpfeln"),
            version("v2", new, "Birnen"),
            &Config::default(),
        );
        report
            .limit_notes()
            .into_iter()
            .filter(|n| n.contains("reworded or moved"))
            .collect()
    }

    /// Two versions that differ in every sentence leave every pair of them to score: the
    /// report says when the search for rewordings was bounded, and for which versions.
    #[test]
    fn a_bounded_search_for_rewordings_is_noted() {
        let notes = scored_notes(250, 180);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("v1: 250 sentences;"), "{notes:?}");
        assert!(notes[0].contains("a version of 180 sentences"), "{notes:?}");
        assert!(notes[1].starts_with("v2: 180 sentences;"), "{notes:?}");
        assert!(scored_notes(150, 150).is_empty());
    }
}
