//! Which claims speak of the same thing: versions of one article are aligned sentence by
//! sentence (similar), so an edited number is paired with the number it replaced; texts from
//! different outlets are paired by subject and kind.

use similar::{capture_diff_slices, Algorithm, DiffOp, TextDiff};

use crate::claim::{Claim, Kind};

/// Pairs of sentence indices (old, new) that are the same sentence or a rewording of it.
pub fn align_sentences(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    let norm = |s: &&str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let a: Vec<String> = old.iter().map(norm).collect();
    let b: Vec<String> = new.iter().map(norm).collect();
    let mut pairs = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                pairs.extend((0..len).map(|k| (old_index + k, new_index + k)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                pairs.extend(match_reworded(
                    &a,
                    old_index..old_index + old_len,
                    &b,
                    new_index..new_index + new_len,
                ));
            }
            _ => {}
        }
    }
    // Sentences that moved: deleted in one place, inserted in another.
    let used_a: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let used_b: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    let free_a: Vec<usize> = (0..a.len()).filter(|i| !used_a.contains(i)).collect();
    let free_b: Vec<usize> = (0..b.len()).filter(|i| !used_b.contains(i)).collect();
    for (i, j) in greedy(&a, &free_a, &b, &free_b, 0.6) {
        pairs.push((i, j));
    }
    pairs.sort();
    pairs
}

fn match_reworded(
    a: &[String],
    ra: std::ops::Range<usize>,
    b: &[String],
    rb: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let ia: Vec<usize> = ra.collect();
    let ib: Vec<usize> = rb.collect();
    greedy(a, &ia, b, &ib, 0.4)
}

/// Pairs the most similar sentences first, each at most once, above `threshold`.
fn greedy(
    a: &[String],
    ia: &[usize],
    b: &[String],
    ib: &[usize],
    threshold: f32,
) -> Vec<(usize, usize)> {
    let mut scored = Vec::new();
    for &i in ia {
        for &j in ib {
            let ratio = TextDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_words(&a[i], &b[j])
                .ratio();
            if ratio >= threshold {
                scored.push((ratio, i, j));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (_, i, j) in scored {
        if !out.iter().any(|p| p.0 == i || p.1 == j) {
            out.push((i, j));
        }
    }
    out
}

/// Whether two claims could speak of the same thing at all.
pub fn comparable(a: &Claim, b: &Claim) -> bool {
    let start_and_age = |x: &Claim, y: &Claim| x.event_start && y.kind == Kind::EventAge;
    (a.kind == b.kind || start_and_age(a, b) || start_and_age(b, a))
        && a.subject == b.subject
        && a.subject != "event"
}

/// Pairs claims of two versions: first within aligned sentences, then anywhere by subject
/// and kind. Returns (old index, new index) pairs; unpaired claims are added or removed.
pub fn pair_versions(
    old: &[Claim],
    new: &[Claim],
    sentence_pairs: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut used_old = vec![false; old.len()];
    let mut used_new = vec![false; new.len()];
    for &(si, sj) in sentence_pairs {
        let olds: Vec<usize> = (0..old.len())
            .filter(|&i| old[i].span.sentence == si)
            .collect();
        let news: Vec<usize> = (0..new.len())
            .filter(|&j| new[j].span.sentence == sj)
            .collect();
        // Same kind and subject first, in order; then same kind (a reworded noun).
        for strict in [true, false] {
            for &i in &olds {
                if used_old[i] {
                    continue;
                }
                let hit = news.iter().copied().find(|&j| {
                    !used_new[j]
                        && old[i].kind == new[j].kind
                        && (old[i].subject == new[j].subject
                            || !strict && same_family_in_versions(&old[i], &new[j]))
                });
                if let Some(j) = hit {
                    used_old[i] = true;
                    used_new[j] = true;
                    pairs.push((i, j));
                }
            }
        }
    }
    // Claims that moved to another sentence.
    for i in 0..old.len() {
        if used_old[i] || old[i].subject == "event" {
            continue;
        }
        if let Some(j) = (0..new.len())
            .find(|&j| !used_new[j] && comparable(&old[i], &new[j]) && old[i].text == new[j].text)
        {
            used_old[i] = true;
            used_new[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort();
    pairs
}

/// A noun reworded inside an aligned sentence ("Staaten" for "Länder") keeps its claim paired
/// when both subjects are concept keys of people or both are fallback stems.
fn same_stem_family(a: &Claim, b: &Claim) -> bool {
    let stem = |s: &str| s.contains(':');
    stem(&a.subject) && stem(&b.subject)
}

/// Whether two claims of aligned sentences may be the same fact although their subjects
/// differ: both fall back to stems, or they are time claims of one kind and one of them has
/// no event of its own ("event"), which an edit elsewhere in the sentence can change.
pub fn same_family_in_versions(a: &Claim, b: &Claim) -> bool {
    let time = matches!(a.kind, Kind::Date | Kind::Duration | Kind::EventAge);
    same_stem_family(a, b)
        || (time && a.kind == b.kind && (a.subject == "event" || b.subject == "event"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_sentences_stay_paired() {
        let old = [
            "Fast 30 Länder kamen nach Paris.",
            "Es war das dritte Treffen.",
            "Ein Satz fällt weg.",
        ];
        let new = [
            "Es war das dritte Treffen.",
            "Insgesamt 31 Länder kamen nach Paris.",
            "Ganz neu.",
        ];
        let pairs = align_sentences(&old, &new);
        assert!(pairs.contains(&(0, 1)), "{pairs:?}");
        assert!(pairs.contains(&(1, 0)), "{pairs:?}");
        assert!(!pairs.iter().any(|p| p.0 == 2));
    }
}
