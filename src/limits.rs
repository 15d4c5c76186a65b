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
/// [`PAIR_REACH`] and versions longer than [`ALIGN_BLOCK`] sentences. `versions`: every
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
    let mut per_doc: BTreeMap<&str, BTreeMap<(&str, &str), usize>> = BTreeMap::new();
    for c in claims {
        *per_doc
            .entry(c.doc.as_str())
            .or_default()
            .entry((c.kind.as_str(), c.subject.as_str()))
            .or_default() += 1;
    }
    let mut out = Vec::new();
    for doc in documents {
        let sentences = doc.sentences();
        let cut = sentences.iter().filter(|s| s.cut).count();
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
