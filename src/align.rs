//! Which claims speak of the same thing: versions of one article are aligned sentence by
//! sentence (similar), so an edited number is paired with the number it replaced, also across
//! merged, split and rewritten sentences; every claim gets a [`Context`] (the words, concept
//! keys and names around it, the day and occurrence its sentence is about, whether it is a
//! quote, an increment or a part), which the judge uses to pair texts from different outlets
//! and to keep figures of different events apart.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

use similar::{capture_diff_slices, Algorithm, DiffOp, TextDiff};

use crate::claim::{Claim, DayRange, Kind, SharedStr};
use crate::config::Config;
use crate::extract::lexicon::{
    among, Lexicon, Markers, AUXILIARIES, INCREMENT_WORDS, PART_OPENERS, PART_WORDS, PERSON_KEYS,
    PLACE_NOUNS, PLACE_PREPOSITIONS, QUOTE_MARKS, RATE_WORDS,
};
use crate::extract::token::{tokenize, Token};
use crate::limits::{nearest, ALIGN_BLOCK, SCORED_BAND, SCORED_PAIRS};
use crate::Lang;

/// Pairs of sentence indices (old, new) that are the same sentence or a rewording of it.
///
/// Symmetric: aligning `new` against `old` gives the same pairs swapped. Which copy of a
/// repeated sentence gets paired is a tie the diff algorithm breaks by direction, so both
/// directions align the texts in one canonical order.
pub fn align_sentences(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    if new < old {
        let mut pairs: Vec<(usize, usize)> = align_directed(new, old)
            .into_iter()
            .map(|(j, i)| (i, j))
            .collect();
        pairs.sort();
        return pairs;
    }
    align_directed(old, new)
}

fn align_directed(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    // Whitespace runs as one space; most sentences have none, and are not copied.
    let a: Vec<Cow<str>> = old.iter().map(|s| one_spaced(s)).collect();
    let b: Vec<Cow<str>> = new.iter().map(|s| one_spaced(s)).collect();
    let a: Vec<&str> = a.iter().map(|s| s.as_ref()).collect();
    let b: Vec<&str> = b.iter().map(|s| s.as_ref()).collect();
    // The diff compares sentences as numbers, one per distinct text: the same equality, without
    // comparing the texts again at every step.
    let mut ids: TextMap<&str, u32> = TextMap::default();
    ids.reserve(a.len() + b.len());
    fn intern<'s>(ids: &mut TextMap<&'s str, u32>, texts: &[&'s str]) -> Vec<u32> {
        texts
            .iter()
            .map(|s| {
                let next = ids.len() as u32;
                *ids.entry(s).or_insert(next)
            })
            .collect()
    }
    let ia = intern(&mut ids, &a);
    let ib = intern(&mut ids, &b);
    let mut pairs = Vec::new();
    for op in diff_ops(&ia, &ib) {
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
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    for &(i, j) in &pairs {
        used_a[i] = true;
        used_b[j] = true;
    }
    let free_a: Vec<usize> = (0..a.len()).filter(|&i| !used_a[i]).collect();
    let free_b: Vec<usize> = (0..b.len()).filter(|&j| !used_b[j]).collect();
    for (i, j) in greedy(&a, &free_a, &b, &free_b, 0.6) {
        pairs.push((i, j));
    }
    pairs.sort();
    pairs
}

/// The diff of two texts' sentences (as ids), found in searches of at most [`ALIGN_BLOCK`]
/// sentences a side.
///
/// Myers costs time in proportion to the texts' length times their difference, so two long
/// texts that differ a lot would cost the square of their length. Texts that fit one search
/// get one; longer ones are cut at anchors, sentences each text tells exactly once, kept in
/// the order both texts have them (the longest increasing run, as patience diff does), and
/// each gap between anchors is searched on its own, a gap too long for one search in blocks
/// of proportional size. The result depends on the texts alone, never on time.
fn diff_ops(a: &[u32], b: &[u32]) -> Vec<DiffOp> {
    if a.len() <= ALIGN_BLOCK && b.len() <= ALIGN_BLOCK {
        return capture_diff_slices(Algorithm::Myers, a, b);
    }
    let mut ops = Vec::new();
    let (mut i0, mut j0) = (0, 0);
    for (i, j) in anchors(a, b).into_iter().chain([(a.len(), b.len())]) {
        gap_ops(a, i0..i, b, j0..j, &mut ops);
        if i < a.len() {
            ops.push(DiffOp::Equal {
                old_index: i,
                new_index: j,
                len: 1,
            });
        }
        (i0, j0) = (i + 1, j + 1);
    }
    ops
}

/// The diff of the stretches `ra` of `a` and `rb` of `b`, in as many searches of at most
/// [`ALIGN_BLOCK`] sentences a side as it takes, each over the same share of both stretches.
fn gap_ops(
    a: &[u32],
    ra: std::ops::Range<usize>,
    b: &[u32],
    rb: std::ops::Range<usize>,
    out: &mut Vec<DiffOp>,
) {
    let (n, m) = (ra.len(), rb.len());
    let blocks = n.max(m).div_ceil(ALIGN_BLOCK).max(1);
    for k in 0..blocks {
        let (a0, a1) = (ra.start + k * n / blocks, ra.start + (k + 1) * n / blocks);
        let (b0, b1) = (rb.start + k * m / blocks, rb.start + (k + 1) * m / blocks);
        for op in capture_diff_slices(Algorithm::Myers, &a[a0..a1], &b[b0..b1]) {
            out.push(shifted(op, a0, b0));
        }
    }
}

/// `op` with its positions moved by `da` in the old text and `db` in the new.
fn shifted(op: DiffOp, da: usize, db: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: old_index + da,
            new_index: new_index + db,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: old_index + da,
            old_len,
            new_index: new_index + db,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: old_index + da,
            new_index: new_index + db,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: old_index + da,
            old_len,
            new_index: new_index + db,
            new_len,
        },
    }
}

/// The sentences (old position, new position) that each text tells exactly once, as many as
/// keep the order of both texts: the longest run increasing in both, found by patience
/// sorting in O(n log n).
fn anchors(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let ids = a
        .iter()
        .chain(b)
        .map(|&id| id as usize + 1)
        .max()
        .unwrap_or(0);
    // Per id: how often and where each text tells it.
    let mut seen: Vec<(u32, usize, u32, usize)> = vec![(0, 0, 0, 0); ids];
    for (i, &id) in a.iter().enumerate() {
        let s = &mut seen[id as usize];
        (s.0, s.1) = (s.0.saturating_add(1), i);
    }
    for (j, &id) in b.iter().enumerate() {
        let s = &mut seen[id as usize];
        (s.2, s.3) = (s.2.saturating_add(1), j);
    }
    let unique: Vec<(usize, usize)> = a
        .iter()
        .filter_map(|&id| {
            let s = seen[id as usize];
            (s.0 == 1 && s.2 == 1).then_some((s.1, s.3))
        })
        .collect();
    // tops[k]: the unique pair ending the best run of length k + 1 found so far, the one with
    // the smallest new position; back[u]: the pair before u in its run.
    let mut tops: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; unique.len()];
    for (u, &(_, j)) in unique.iter().enumerate() {
        let k = tops.partition_point(|&t| unique[t].1 < j);
        back[u] = k.checked_sub(1).map(|k| tops[k]);
        match tops.get_mut(k) {
            Some(top) => *top = u,
            None => tops.push(u),
        }
    }
    let mut run = Vec::with_capacity(tops.len());
    let mut at = tops.last().copied();
    while let Some(u) = at {
        run.push(unique[u]);
        at = back[u];
    }
    run.reverse();
    run
}

/// The text with each whitespace run as one space and none at either end, copied only when
/// it differs.
fn one_spaced(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    // A space may not follow a space, start or end the text; no other ASCII whitespace may
    // occur; and the only lead bytes of other whitespace characters (U+0085, U+00A0, U+1680,
    // U+2000 to U+3000) are checked as characters. Most sentences have none of those bytes,
    // which one pass over all bytes (without stopping early, so it runs on vectors) shows.
    let suspect = |b: u8| matches!(b, b'\t'..=b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3);
    let spaces_ok = !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ");
    if spaces_ok && !bytes.iter().fold(false, |any, &b| any | suspect(b)) {
        return Cow::Borrowed(s);
    }
    let mut after_space = true;
    let mut plain = true;
    for (at, &b) in bytes.iter().enumerate() {
        let ok = match b {
            b' ' => !after_space,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => false,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => !s[at..].chars().next().is_some_and(char::is_whitespace),
            _ => true,
        };
        if !ok {
            plain = false;
            break;
        }
        after_space = b == b' ';
    }
    let plain = plain && !s.ends_with(' ');
    if plain {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn match_reworded(
    a: &[&str],
    ra: std::ops::Range<usize>,
    b: &[&str],
    rb: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let ia: Vec<usize> = ra.collect();
    let ib: Vec<usize> = rb.collect();
    greedy(a, &ia, b, &ib, 0.4)
}

/// Pairs the most similar sentences first, each at most once, above `threshold`.
fn greedy(
    a: &[&str],
    ia: &[usize],
    b: &[&str],
    ib: &[usize],
    threshold: f32,
) -> Vec<(usize, usize)> {
    let banded = ia.len().saturating_mul(ib.len()) > SCORED_PAIRS;
    let mut scored = Vec::new();
    for (k, &i) in ia.iter().enumerate() {
        let near = if banded {
            let centre = k * ib.len() / ia.len();
            &ib[centre.saturating_sub(SCORED_BAND)..(centre + SCORED_BAND + 1).min(ib.len())]
        } else {
            ib
        };
        for &j in near {
            let ratio = TextDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_words(a[i], b[j])
                .ratio();
            if ratio >= threshold {
                scored.push((ratio, i, j));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut out: Vec<(usize, usize)> = Vec::new();
    let (mut taken_a, mut taken_b) = (
        std::collections::HashSet::new(),
        std::collections::HashSet::new(),
    );
    for (_, i, j) in scored {
        if !taken_a.contains(&i) && !taken_b.contains(&j) {
            taken_a.insert(i);
            taken_b.insert(j);
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

/// Pairs claims of two versions: first within aligned sentences, then claims whose sentence
/// was merged, split or rewritten beyond recognition, then claims that moved. Returns (old
/// index, new index) pairs; unpaired claims are added or removed.
pub fn pair_versions(
    old: &[Claim],
    new: &[Claim],
    sentence_pairs: &[(usize, usize)],
    cx_old: &[Context],
    cx_new: &[Context],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut used_old = vec![false; old.len()];
    let mut used_new = vec![false; new.len()];
    let mut take = |i: usize, j: usize, used_old: &mut Vec<bool>, used_new: &mut Vec<bool>| {
        used_old[i] = true;
        used_new[j] = true;
        pairs.push((i, j));
    };
    let by_sentence = |claims: &[Claim]| {
        let mut map: TextMap<usize, Vec<usize>> = TextMap::default();
        for (k, c) in claims.iter().enumerate() {
            map.entry(c.span.sentence).or_default().push(k);
        }
        map
    };
    let (old_by_sentence, new_by_sentence) = (by_sentence(old), by_sentence(new));
    let none = Vec::new();
    for &(si, sj) in sentence_pairs {
        let olds = old_by_sentence.get(&si).unwrap_or(&none);
        let news = new_by_sentence.get(&sj).unwrap_or(&none);
        // Same kind and subject first, in order; then same kind (a reworded noun).
        for strict in [true, false] {
            for &i in olds {
                if used_old[i] {
                    continue;
                }
                let hit = news.iter().copied().find(|&j| {
                    !used_new[j]
                        && old[i].kind == new[j].kind
                        && (old[i].subject == new[j].subject
                            || !strict && same_family(&old[i], &new[j]))
                });
                if let Some(j) = hit {
                    take(i, j, &mut used_old, &mut used_new);
                }
            }
        }
    }
    // What follows pairs claims of the old text left over; most versions leave none.
    if used_old.iter().all(|&used| used) {
        pairs.sort();
        return pairs;
    }
    // A rewritten sentence: the one figure of a subject left on each side is the same figure
    // ("Zwei Menschen sind ums Leben gekommen" → "Die Behörden bestätigten vier Tote").
    // Increments and parts ("zwei weitere Tote", "neun von ihnen") are not totals. Each claim
    // is set against at most `PAIR_REACH` of a subject, those nearest its own position.
    let (alone_old, alone_new) = (Alone::of(old, cx_old), Alone::of(new, cx_new));
    let (mut near, mut back) = (Vec::new(), Vec::new());
    for family in [false, true] {
        let fits = |a: &Claim, b: &Claim| {
            a.kind == b.kind
                && if family {
                    same_people(a, b, true)
                } else {
                    a.subject == b.subject
                }
        };
        for i in 0..old.len() {
            if used_old[i] || !pairable_alone(&old[i], &cx_old[i]) {
                continue;
            }
            alone_new.near(&old[i], family, i * new.len() / old.len(), &mut near);
            near.retain(|&j| !used_new[j] && fits(&old[i], &new[j]));
            let news = &near;
            if let [j] = news[..] {
                alone_old.near(&new[j], family, i, &mut back);
                let rivals = back
                    .iter()
                    .filter(|&&k| !used_old[k] && fits(&old[k], &new[j]))
                    .count();
                if rivals == 1 && !cx_old[i].other_event(&cx_new[j]) {
                    take(i, j, &mut used_old, &mut used_new);
                }
                continue;
            }
            // Several left: the one whose surroundings clearly match best, both ways.
            if let Some(j) = clear_best(news, |j| cx_old[i].similarity(&cx_new[j], true)) {
                alone_old.near(&new[j], family, i, &mut back);
                back.retain(|&k| !used_old[k] && fits(&old[k], &new[j]));
                let best_back = clear_best(&back, |k| cx_old[k].similarity(&cx_new[j], true));
                if best_back == Some(i) && !cx_old[i].other_event(&cx_new[j]) {
                    take(i, j, &mut used_old, &mut used_new);
                }
            }
        }
    }
    // Claims that moved to another sentence: the first free claim of the new text with the
    // same words, subject and a comparable kind, looked up instead of searched for.
    let mut moved = Moved::of(new);
    for i in 0..old.len() {
        if used_old[i] || old[i].subject == "event" {
            continue;
        }
        if let Some(j) = moved.first_free(&old[i], &used_new) {
            take(i, j, &mut used_old, &mut used_new);
        }
    }
    pairs.sort();
    pairs
}

/// The candidate whose score is at least 0.25 and 0.1 above every other, if one is.
fn clear_best(candidates: &[usize], score: impl Fn(usize) -> f64) -> Option<usize> {
    let mut scored: Vec<(f64, usize)> = candidates.iter().map(|&c| (score(c), c)).collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    match scored[..] {
        [(best, c), (second, _), ..] if best >= 0.25 && best - second >= 0.1 => Some(c),
        [(best, c)] if best >= 0.25 => Some(c),
        _ => None,
    }
}

/// The claims of one text that may be paired on their subject alone ([`pairable_alone`]),
/// indexed by what a claim of the other text may be paired with: kind and subject, and for
/// people in general against a casualty tally ([`same_people`]) kind alone.
struct Alone<'c> {
    by_subject: TextMap<(Kind, &'c str), Vec<usize>>,
    tallies: TextMap<Kind, Vec<usize>>,
    groups: TextMap<Kind, Vec<usize>>,
}

impl<'c> Alone<'c> {
    fn of(claims: &'c [Claim], cx: &[Context]) -> Alone<'c> {
        let mut alone = Alone {
            by_subject: TextMap::default(),
            tallies: TextMap::default(),
            groups: TextMap::default(),
        };
        for (k, c) in claims.iter().enumerate() {
            if !pairable_alone(c, &cx[k]) {
                continue;
            }
            let s = c.subject.as_str();
            alone.by_subject.entry((c.kind, s)).or_default().push(k);
            if s.starts_with("people_") {
                alone.tallies.entry(c.kind).or_default().push(k);
            }
            if PERSON_KEYS.contains(&s) {
                alone.groups.entry(c.kind).or_default().push(k);
            }
        }
        alone
    }

    /// The claims that `c` of the other text may be paired with, of its subject (or with
    /// `family`, tallies for people and people for a tally), at most
    /// [`crate::limits::PAIR_REACH`] of each block nearest position `at`, in text order.
    fn near(&self, c: &Claim, family: bool, at: usize, out: &mut Vec<usize>) {
        out.clear();
        let none = Vec::new();
        let s = c.subject.as_str();
        if !family {
            let block = self.by_subject.get(&(c.kind, s)).unwrap_or(&none);
            out.extend(nearest(block, at));
            return;
        }
        if s.starts_with("people_") {
            out.extend(nearest(self.groups.get(&c.kind).unwrap_or(&none), at));
        }
        if PERSON_KEYS.contains(&s) {
            out.extend(nearest(self.tallies.get(&c.kind).unwrap_or(&none), at));
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The new text's claims by wording, subject and kind, each list with the position of its
/// first claim not yet paired, so finding a moved claim costs no search.
struct Moved<'c> {
    by_kind: TextMap<(&'c str, &'c str, Kind), (Vec<usize>, usize)>,
    /// Dates that start an event, which an event age is comparable with ([`comparable`]).
    starts: TextMap<(&'c str, &'c str), (Vec<usize>, usize)>,
}

impl<'c> Moved<'c> {
    fn of(claims: &'c [Claim]) -> Moved<'c> {
        let mut moved = Moved {
            by_kind: TextMap::default(),
            starts: TextMap::default(),
        };
        for (j, c) in claims.iter().enumerate() {
            let (s, t) = (c.subject.as_str(), c.text());
            moved.by_kind.entry((s, t, c.kind)).or_default().0.push(j);
            if c.event_start {
                moved.starts.entry((s, t)).or_default().0.push(j);
            }
        }
        moved
    }

    /// The first claim not `used` that is [`comparable`] with `c` and worded alike.
    fn first_free(&mut self, c: &'c Claim, used: &[bool]) -> Option<usize> {
        let free = |list: Option<&mut (Vec<usize>, usize)>| {
            let (list, next) = list?;
            while list.get(*next).is_some_and(|&j| used[j]) {
                *next += 1;
            }
            list.get(*next).copied()
        };
        let (s, t) = (c.subject.as_str(), c.text());
        let mut first = free(self.by_kind.get_mut(&(s, t, c.kind)));
        if c.event_start {
            first = first
                .into_iter()
                .chain(free(self.by_kind.get_mut(&(s, t, Kind::EventAge))))
                .min();
        }
        if c.kind == Kind::EventAge {
            first = first
                .into_iter()
                .chain(free(self.starts.get_mut(&(s, t))))
                .min();
        }
        first
    }
}

/// Whether a claim left over after sentence alignment may be paired on its subject alone.
fn pairable_alone(c: &Claim, cx: &Context) -> bool {
    !cx.increment
        && !cx.part
        && !cx.rate
        && !matches!(c.subject.as_str(), "event" | "statement" | "report")
        && c.kind != Kind::Duration
}

/// A noun reworded inside an aligned sentence ("Kräften" for "Einsatzkräfte", "Menschen …
/// evacuated" for "Einwohner"): both subjects fallback stems with figures of one order of
/// magnitude, or people in general against a casualty tally of people.
fn same_family(a: &Claim, b: &Claim) -> bool {
    let stem = |s: &str| s.contains(':');
    let near = match (a.interval, b.interval) {
        (Some(x), Some(y)) if x.lo > 0.0 && y.lo > 0.0 => x.lo.max(y.lo) / x.lo.min(y.lo) <= 2.0,
        _ => false,
    };
    (stem(&a.subject) && stem(&b.subject) && near)
        || same_people(a, b, false)
        || same_time_in_versions(a, b)
}

/// Time claims of one kind where one has no event of its own ("event"): the nearest event
/// noun of a sentence decides a time claim's subject, so an edit elsewhere in the sentence
/// ("... und kündigte weitere Proteste an") can turn 'am Samstag' from 'event' into 'protest'.
pub fn same_time_in_versions(a: &Claim, b: &Claim) -> bool {
    let time = matches!(a.kind, Kind::Date | Kind::Duration | Kind::EventAge);
    time && a.kind == b.kind && (a.subject == "event" || b.subject == "event")
}

/// People in general ("Menschen", "residents") against a casualty tally of people, with
/// figures of one order of magnitude; outside an aligned sentence any group of people
/// ("Polizisten") may be the one a tally counts.
fn same_people(a: &Claim, b: &Claim, any_group: bool) -> bool {
    let tally = |s: &str| s.starts_with("people_");
    let group = |s: &str| {
        if any_group {
            PERSON_KEYS.contains(&s)
        } else {
            s == "people"
        }
    };
    let near = match (a.interval, b.interval) {
        (Some(x), Some(y)) if x.lo > 0.0 && y.lo > 0.0 => x.lo.max(y.lo) / x.lo.min(y.lo) <= 3.0,
        _ => false,
    };
    near && ((tally(&a.subject) && group(&b.subject)) || (group(&a.subject) && tally(&b.subject)))
}

/// What surrounds a claim, read once: the words near it, the language-independent keys of its
/// sentence, the day its sentence is about, and whether it is a quote, an increment or a part.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The words and keys [`Context::similarity`] compares, worked out when first asked for.
    surroundings: Surroundings,
    /// The date claim of the sentence nearest to the mention: which day the figure belongs to.
    pub day: Option<DayRange>,
    /// An ordinal in the same sentence ("ein zweites Treffen"): which occurrence of an event.
    pub ordinal: Option<u32>,
    /// The sentence speaks of something planned or expected ("soll", "will", "expected").
    pub future: bool,
    /// The year the sentence sets its figures in, where it names one: a year in so many words
    /// ("im Jahr 1987", "In 2019, ...") or a date of a year or more ("im vergangenen Jahr",
    /// "last year").
    pub year: Option<i32>,
    /// Inside quotation marks.
    pub quoted: bool,
    /// "zwei weitere Tote": an increment, not a total.
    pub increment: bool,
    /// "neun von ihnen": a part of a group named elsewhere.
    pub part: bool,
    /// "8.900 Besucher pro Heimspiel", "an average of 40 a day": a rate, not a total.
    pub rate: bool,
    /// "the 90-seat chamber", "the 27-nation bloc": the size of a whole, said as one adjective,
    /// beside which a text counts its parts ("33 seats").
    pub whole: bool,
    /// The text gives the figure as said before and since replaced ("zuvor war von 212
    /// Fällen die Rede", "up from 31"): not a figure of its own to set against others.
    pub superseded: bool,
    /// Of a span of time: it runs up to the time of writing ("seit 16 Tagen", "have been
    /// trapped for 17 days"), so a text written a day later says a day more.
    pub ongoing: bool,
    /// The place named nearest to the mention ("in Hamburg", "bei Hof", "in the Solomianskyi
    /// district"), lower-cased: where the counted thing happened.
    pub place: Option<SharedStr>,
    /// The language of the text, so places are compared only in one language ("Kiew"/"Kyiv").
    pub lang: Option<Lang>,
    /// Of a share: the name it is of, the nearest name before it in its clause ("Hofer 48,3
    /// Prozent", "the SPD won 20.5 percent"), lower-cased.
    pub holder: Option<SharedStr>,
}

/// What [`Context::similarity`] reads of a claim's sentence. Most contexts are never compared
/// (a version's figures mostly stand in sentences it shares with the version before), so the
/// sets are worked out the first time they are asked for, and then shared by every copy of the
/// context: they are kept in the sentence's slot `slot`, one per claim of the sentence.
#[derive(Debug, Clone, Default)]
struct Surroundings {
    /// The sentence; `None` for a context of no sentence.
    sentence: Option<Arc<SentenceText>>,
    /// The mention's first and last token (a sentence read as one is far shorter than 2^32
    /// tokens).
    first: u32,
    last: u32,
    /// Which of the sentence's claims this is: where its sets are kept.
    slot: u32,
}

/// A sentence as [`Surroundings`] keeps it: its text and language, per token the concept key
/// `claimdiff.toml` gives the word (empty when it adds no concepts), and per claim of the
/// sentence the sets it is compared by, once worked out. The sets of a sentence's claims are
/// one allocation with the sentence, not one per claim.
#[derive(Debug)]
struct SentenceText {
    wording: Wording,
    lang: Lang,
    configured: Vec<Option<Box<str>>>,
    sets: Box<[std::sync::OnceLock<Sets>]>,
}

/// The words of a sentence: where they stand in the text its claims share, when the texts read
/// live as long as what is read of them (a comparison of a few texts); a copy of their own
/// when a reader shares what it reads across documents that come and go (a corpus), so a memo
/// entry does not keep a whole document alive.
enum Wording {
    InText(Arc<crate::claim::Origin>, std::ops::Range<u32>),
    Own(Box<str>),
}

impl Wording {
    fn as_str(&self) -> &str {
        match self {
            Wording::InText(origin, at) => origin.text.get(at.start as usize..at.end as usize),
            Wording::Own(text) => text,
        }
    }
}

impl std::fmt::Debug for Wording {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// The sets two contexts are compared by.
#[derive(Debug, Default)]
struct Sets {
    /// Short stems of the words near the mention (same-language similarity).
    words: WordSet,
    /// Concept keys, names and numbers of the whole sentence (similarity across languages).
    keys: WordSet,
}

/// A set of words in two allocations: its members in order, written one after the other, and
/// where each ends. A text compared with another keeps a set or two per claim, and a tree of
/// strings costs several times the words it holds.
///
/// ```
/// use claimdiff::align::WordSet;
/// let set = WordSet::from_iter(["opfer", "hamburg", "opfer"].map(String::from));
/// assert_eq!(set.iter().collect::<Vec<_>>(), ["hamburg", "opfer"]);
/// assert_eq!(set.len(), 2);
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WordSet {
    joined: Box<str>,
    ends: Box<[u32]>,
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        let words: BTreeSet<String> = words.into_iter().collect();
        let mut joined = String::with_capacity(words.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(words.len());
        for w in &words {
            joined.push_str(w);
            // The words of one sentence: far fewer than 4 GB.
            ends.push(joined.len() as u32);
        }
        WordSet {
            joined: joined.into(),
            ends: ends.into(),
        }
    }
}

impl WordSet {
    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.joined[start as usize..end as usize])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// How many members the two sets share, and how many they hold together.
    fn shared_and_union(&self, other: &WordSet) -> (usize, usize) {
        let (mut a, mut b) = (self.iter().peekable(), other.iter().peekable());
        let mut shared = 0;
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    a.next();
                    b.next();
                }
            }
        }
        (shared, self.len() + other.len() - shared)
    }
}

impl Surroundings {
    fn sets(&self) -> &Sets {
        static NONE: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
        match &self.sentence {
            Some(sentence) => sentence.sets[self.slot as usize]
                .get_or_init(|| sentence.sets_of(self.first as usize, self.last as usize)),
            None => NONE.get_or_init(Sets::default),
        }
    }

    /// Whether two contexts keep their sets in one place: copies of one claim's context.
    fn same_sets(&self, other: &Surroundings) -> bool {
        match (&self.sentence, &other.sentence) {
            (Some(x), Some(y)) => Arc::ptr_eq(x, y) && self.slot == other.slot,
            _ => false,
        }
    }
}

impl SentenceText {
    /// The sentence of claim `c`, with room for the sets of its `claims` claims; `own`: a copy
    /// of its words rather than a place in the text `c` shares ([`Wording`]).
    fn of(parsed: &Parsed, c: &Claim, claims: usize, own: bool, config: &Config) -> SentenceText {
        let lang = c.lang;
        let configured = if config.concepts.is_empty() {
            Vec::new()
        } else {
            parsed
                .tokens
                .iter()
                .map(|t| config.concept(lang, &t.lower).map(Box::from))
                .collect()
        };
        let wording = if own {
            Wording::Own(c.sentence_text().into())
        } else {
            Wording::InText(Arc::clone(&c.source), c.sentence.clone())
        };
        SentenceText {
            wording,
            lang,
            configured,
            sets: (0..claims).map(|_| std::sync::OnceLock::new()).collect(),
        }
    }

    /// The words near the mention (tokens `first..=last`) and the keys of the sentence.
    fn sets_of(&self, first: usize, last: usize) -> Sets {
        let words_of = Words::read(self.wording.as_str(), self.lang);
        let (tokens, concepts) = (&words_of.tokens, &words_of.concepts);
        let mut words = BTreeSet::new();
        let mut keys = BTreeSet::new();
        for (k, t) in tokens.iter().enumerate() {
            if t.is_number() {
                keys.insert(format!("#{}", t.text.replace([',', '.'], "")));
                continue;
            }
            if !t.is_word() || (first..=last).contains(&k) {
                continue;
            }
            let configured = self.configured.get(k).and_then(|c| c.as_deref());
            if let Some(key) = configured.or(concepts[k]) {
                keys.insert(key.to_string());
            } else if t.is_capitalized()
                && k > 0
                && t.text.chars().count() > 2
                && self.lang == crate::Lang::En
            {
                keys.insert(t.lower.to_string());
            } else if t.text.chars().all(|ch| ch.is_uppercase()) && t.text.chars().count() > 1 {
                keys.insert(t.lower.to_string());
            }
            if k + 8 >= first && k <= last + 8 && t.lower.chars().count() >= 4 {
                words.insert(stem(&t.lower));
            }
        }
        // German capitalizes every noun, so only names that also appear capitalized
        // mid-sentence in English can serve as cross-language keys; a German word is a name key
        // when the English side has it too, which the similarity sees either way.
        if self.lang == crate::Lang::De {
            for (_, t) in tokens
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(k, t)| t.is_word() && t.is_capitalized() && concepts[*k].is_none())
            {
                keys.insert(t.lower.to_string());
            }
        }
        Sets {
            words: WordSet::from_iter(words),
            keys: WordSet::from_iter(keys),
        }
    }
}

/// Whether a claim stands inside quotation marks in its sentence.
pub fn is_quoted(c: &Claim) -> bool {
    quoted_at(
        &c.sentence_text(),
        c.sentence_text().find(&c.text()).unwrap_or(0),
    )
}

/// Whether byte `at` of a sentence stands inside quotation marks: after an odd number of them.
fn quoted_at(sentence: &str, at: usize) -> bool {
    sentence[..at]
        .chars()
        .filter(|ch| QUOTE_MARKS.contains(ch))
        .count()
        % 2
        == 1
}

/// The contexts of a document's claims, index for index.
pub fn contexts(claims: &[Claim], config: &Config) -> Vec<Context> {
    ContextReader::new(config).read(claims)
}

/// Reads the contexts of several texts (the versions of one article), sharing the work: a
/// sentence that holds the same claims as one read before (a version repeating a sentence, a
/// paragraph told twice, with [`ContextReader::shared`] a sentence of another article) gets the
/// same contexts without reading it again; only the day each claim's sentence is about, which
/// depends on the publication day, is looked up anew.
pub struct ContextReader<'a> {
    config: &'a Config,
    parsed: TextMap<(Lang, &'a str), Parsed<'a>>,
    memo: Shelf<'a>,
    /// The key being looked up, kept to spare an allocation per sentence.
    key: Vec<u8>,
}

/// The contexts of sentences read once and shared ([`ContextReader::shared`]).
pub type ContextMemo = crate::memo::Memo<SentenceContexts>;

/// The contexts of one sentence's claims, but for the day each is about: for each claim its
/// context and which claim of the sentence names its day.
pub struct SentenceContexts(Vec<(Context, Option<usize>)>);

/// A reader's memo: its own, or one it shares.
enum Shelf<'a> {
    Own(ContextMemo),
    Shared(&'a ContextMemo),
}

/// How much a [`ContextReader`] keeps of its own.
const READER_BYTES: usize = 8 << 20;

/// A map keyed by sentences or words. foldhash is several times faster than the standard
/// library's SipHash on whole sentences and, seeded per process, still hard to flood.
type TextMap<K, V> = foldhash::HashMap<K, V>;

/// Writes into `key` all a sentence's claims' contexts depend on but their days: the sentence,
/// and of each claim its place, kind, wording and value. Offsets are kept relative to the first
/// claim and spans as which claims share one, so the same sentence elsewhere in a text, in
/// another version or in another article has the same key.
fn sentence_key(peers: &[&Claim], key: &mut Vec<u8>) {
    let first = peers[0];
    let text = |key: &mut Vec<u8>, s: &str| {
        key.extend_from_slice(&(s.len() as u64).to_le_bytes());
        key.extend_from_slice(s.as_bytes());
    };
    key.clear();
    key.push(first.lang.index() as u8);
    text(key, &first.sentence_text());
    for c in peers {
        key.push(c.kind as u8);
        text(key, &c.text());
        text(key, &c.subject);
        match c.value {
            Some(v) => {
                key.push(1);
                key.extend_from_slice(&v.to_bits().to_le_bytes());
            }
            None => key.push(0),
        }
        let offset = c.text_start as i64 - first.text_start as i64;
        key.extend_from_slice(&offset.to_le_bytes());
        let same_span_as = peers.iter().position(|o| o.span == c.span).unwrap_or(0);
        key.extend_from_slice(&(same_span_as as u64).to_le_bytes());
    }
}

impl<'a> ContextReader<'a> {
    pub fn new(config: &'a Config) -> ContextReader<'a> {
        ContextReader {
            config,
            parsed: TextMap::default(),
            memo: Shelf::Own(ContextMemo::new(READER_BYTES)),
            key: Vec::new(),
        }
    }

    /// A reader that keeps what it reads in `memo`, shared with other readers (on other
    /// threads) of the same configuration.
    pub fn shared(config: &'a Config, memo: &'a ContextMemo) -> ContextReader<'a> {
        ContextReader {
            config,
            parsed: TextMap::default(),
            memo: Shelf::Shared(memo),
            key: Vec::new(),
        }
    }

    /// The contexts of one text's claims, index for index.
    pub fn read(&mut self, claims: &'a [Claim]) -> Vec<Context> {
        // The claims of each sentence, in their order: a claim's context looks only at its own
        // sentence, so this keeps the work per claim to its sentence, not the whole text.
        // Extraction gives one document's claims sentence by sentence: each run of one sentence
        // is all its claims.
        let in_runs = claims
            .windows(2)
            .all(|w| w[0].same_doc(&w[1]) && w[0].span.sentence <= w[1].span.sentence);
        if in_runs {
            let mut out = Vec::with_capacity(claims.len());
            let mut peers: Vec<&'a Claim> = Vec::new();
            for (k, c) in claims.iter().enumerate() {
                peers.push(c);
                let last = claims
                    .get(k + 1)
                    .is_none_or(|next| next.span.sentence != c.span.sentence);
                if last {
                    out.extend(self.sentence(&peers));
                    peers.clear();
                }
            }
            return out;
        }
        let mut by_sentence: TextMap<(&str, usize), Vec<&'a Claim>> = TextMap::default();
        for c in claims {
            by_sentence
                .entry((c.doc(), c.span.sentence))
                .or_default()
                .push(c);
        }
        let mut out = Vec::with_capacity(claims.len());
        let mut done: TextMap<(&str, usize), (Vec<Context>, usize)> = TextMap::default();
        for c in claims {
            let key = (c.doc(), c.span.sentence);
            let (cxs, next) = done
                .entry(key)
                .or_insert_with(|| (self.sentence(&by_sentence[&key]), 0));
            out.push(cxs[*next].clone());
            *next += 1;
        }
        out
    }

    /// The contexts of the claims of one sentence, in their order.
    fn sentence(&mut self, peers: &[&'a Claim]) -> Vec<Context> {
        let first = peers[0];
        let year = year_of_dates(peers);
        let uniform = peers
            .iter()
            .all(|c| c.lang == first.lang && c.same_sentence_text(first));
        let own = matches!(self.memo, Shelf::Shared(_));
        if !uniform {
            return peers
                .iter()
                .map(|c| {
                    let parsed = parsed_of(&mut self.parsed, c);
                    let text = SentenceText::of(parsed, c, 1, own, self.config);
                    dated(context(c, peers, parsed, &Arc::new(text), 0), peers, year)
                })
                .collect();
        }
        sentence_key(peers, &mut self.key);
        let memo = match &self.memo {
            Shelf::Own(memo) => memo,
            Shelf::Shared(memo) => *memo,
        };
        let config = self.config;
        let read = memo.get_or_insert_with(&self.key, || {
            let parsed = Parsed::read(&first.sentence_text(), first.lang);
            let text = SentenceText::of(&parsed, first, peers.len(), own, config);
            let size = std::mem::size_of::<SentenceText>() + first.sentence_text().len() + 48;
            let text = Arc::new(text);
            let cxs: Vec<(Context, Option<usize>)> = peers
                .iter()
                .enumerate()
                .map(|(slot, c)| context(c, peers, &parsed, &text, slot))
                .collect();
            let size = size + cxs.iter().map(|(cx, _)| cx.weight()).sum::<usize>();
            (SentenceContexts(cxs), size)
        });
        read.0
            .iter()
            .map(|cx| dated(cx.clone(), peers, year))
            .collect()
    }
}

/// A context with the day its sentence is about: that of the claim of the sentence that names
/// it, as its document dates it.
fn dated(
    (mut cx, day_from): (Context, Option<usize>),
    peers: &[&Claim],
    year: Option<i32>,
) -> Context {
    cx.day = day_from.and_then(|k| peers[k].days);
    cx.year = cx.year.or(year);
    cx
}

/// The year a sentence's date of a year or more starts in ("im vergangenen Jahr", "last
/// year"): it sets the sentence in that year, as a year in so many words does. Read once per
/// sentence, as its document dates it.
fn year_of_dates(peers: &[&Claim]) -> Option<i32> {
    use chrono::Datelike;
    peers
        .iter()
        .filter(|p| p.kind == Kind::Date)
        .filter_map(|p| p.days)
        .find(|d| d.days() >= 365)
        .map(|d| d.start.year())
}

/// A claim's sentence parsed, once per sentence text and language.
fn parsed_of<'a, 'm>(
    cache: &'m mut TextMap<(Lang, &'a str), Parsed<'a>>,
    c: &'a Claim,
) -> &'m Parsed<'a> {
    cache
        .entry((c.lang, c.sentence_text()))
        .or_insert_with(|| Parsed::read(&c.sentence_text(), c.lang))
}

/// A sentence as every context of its claims reads it: its tokens, the places it names and
/// the year it names, read once for all its claims.
struct Parsed<'a> {
    tokens: Vec<Token<'a>>,
    places: Vec<(usize, SharedStr)>,
    year: Option<i32>,
}

impl<'a> Parsed<'a> {
    fn read(sentence: &'a str, lang: Lang) -> Parsed<'a> {
        let lexicon = Lexicon::of(lang);
        let tokens = tokenize(sentence);
        let places = places(&tokens, lexicon);
        let year = crate::extract::time::named_year(&tokens, lexicon);
        Parsed {
            tokens,
            places,
            year,
        }
    }
}

/// A sentence's tokens with the lexicon's concept of each word.
struct Words<'a> {
    tokens: Vec<Token<'a>>,
    concepts: Vec<Option<&'static str>>,
}

impl<'a> Words<'a> {
    fn read(sentence: &'a str, lang: crate::Lang) -> Words<'a> {
        let lexicon = Lexicon::of(lang);
        let tokens = tokenize(sentence);
        let concepts = tokens
            .iter()
            .map(|t| t.is_word().then(|| lexicon.concept(&t.lower)).flatten())
            .collect();
        Words { tokens, concepts }
    }
}

fn stem(word: &str) -> String {
    word.chars().take(5).collect()
}

/// The context of claim `c` but for its day, and which of `peers` names the day; `peers` are
/// the claims of its sentence (itself included), in text order, and `sentence_words` the words
/// of its sentence.
fn context(
    c: &Claim,
    peers: &[&Claim],
    parsed: &Parsed,
    text: &Arc<SentenceText>,
    slot: usize,
) -> (Context, Option<usize>) {
    let lexicon = Lexicon::of(c.lang);
    let tokens = &parsed.tokens;
    let sentence = c.sentence_text();
    let at = sentence.find(&c.text()).unwrap_or(0);
    let end = at + c.text().len();
    let mention_words: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens[k].start >= at && tokens[k].end <= end)
        .collect();
    let first = mention_words.first().copied().unwrap_or(0);
    let last = mention_words.last().copied().unwrap_or(0);
    let quoted = quoted_at(sentence, at);
    let after: Vec<&str> = tokens
        .iter()
        .skip(last + 1)
        .take(2)
        .map(|t| t.lower.as_str())
        .collect();
    let inner: Vec<&str> = mention_words
        .iter()
        .skip(1)
        .map(|&k| tokens[k].lower.as_str())
        .collect();
    // "killing 12 and wounding 49 others", "zwölf Tote und fast 50 weitere Verletzte": after a
    // figure of another subject in its sentence, the word sets the figure beside that one; it
    // adds to an earlier figure of its own subject only.
    let beside_another = peers
        .iter()
        .any(|p| p.text_start < c.text_start && p.kind == Kind::Count && p.subject != c.subject);
    let increment = !beside_another
        && inner
            .iter()
            .chain(after.iter().take(1))
            .enumerate()
            .any(|(k, &w)| {
                INCREMENT_WORDS.contains(&w) && !(w == "more" && inner.get(k + 1) == Some(&"than"))
            });
    let tail = after.join(" ");
    let opener = first
        .checked_sub(1)
        .and_then(|k| tokens[..=k].iter().rev().find(|t| t.is_word()));
    let part = PART_WORDS.iter().any(|p| tail.starts_with(p))
        || opener.is_some_and(|t| PART_OPENERS.contains(&t.lower.as_str()));
    // A rate word among the few words around a count or sum ("per cent" is a share).
    let rate = matches!(c.kind, Kind::Count | Kind::Money)
        && tokens[first.saturating_sub(4)..(last + 5).min(tokens.len())]
            .iter()
            .enumerate()
            .any(|(k, t)| {
                RATE_WORDS.contains(&t.lower.as_str())
                    && !(t.lower == "per"
                        && tokens
                            .get(first.saturating_sub(4) + k + 1)
                            .is_some_and(|n| n.lower == "cent"))
            });
    let whole = c.kind == Kind::Count
        && first == last
        && lexicon.count_adjective(&tokens[first].lower).is_some();
    let place = parsed
        .places
        .iter()
        .min_by_key(|&&(k, _)| {
            if k < first {
                first - k
            } else {
                k.saturating_sub(last)
            }
        })
        .map(|(_, name)| name.clone());
    // A vague span ("in den vergangenen Tagen", "in recent weeks") does not anchor a figure.
    let dates_fact = |o: &&Claim| {
        let vague_span = o.value.is_none()
            && o.text()
                .split_whitespace()
                .last()
                .is_some_and(|w| lexicon.time_unit(&w.to_lowercase()).is_some());
        !vague_span
    };
    let near = |k: Kind| {
        peers
            .iter()
            .enumerate()
            .filter(|(_, o)| o.kind == k && o.span != c.span)
            .filter(|(_, o)| dates_fact(o))
            .min_by_key(|(_, o)| o.text_start.abs_diff(c.text_start))
            .map(|(at, _)| at)
    };
    // The day itself depends on the publication day, so it is looked up per document.
    let day_from = if c.kind == Kind::Date {
        None
    } else {
        near(Kind::Date)
    };
    let ordinal = if c.kind == Kind::Ordinal {
        None
    } else {
        near(Kind::Ordinal)
            .and_then(|k| peers[k].value)
            .map(|v| v as u32)
    };
    let future = planned(tokens, first, lexicon);
    let ongoing = c.kind == Kind::Duration && ongoing(tokens, first, lexicon);
    let superseded = superseded(tokens, first, lexicon);
    let cx = Context {
        surroundings: Surroundings {
            sentence: Some(Arc::clone(text)),
            first: first as u32,
            last: last as u32,
            slot: slot as u32,
        },
        day: None,
        ordinal,
        future,
        year: parsed.year,
        quoted,
        increment,
        part,
        rate,
        whole,
        superseded,
        ongoing,
        place,
        lang: Some(c.lang),
        holder: (c.kind == Kind::Percent)
            .then(|| holder(tokens, first, lexicon))
            .flatten()
            .map(SharedStr::from),
    };
    (cx, day_from)
}

/// Whether the figure at tokens `first..=last` is one its text gives as said before and
/// since replaced ([`Lexicon::earlier_words`]).
fn superseded(tokens: &[Token], first: usize, lexicon: &'static Lexicon) -> bool {
    if crate::extract::quantity::replaced_before(tokens, first, lexicon) {
        return true;
    }
    // The words of before may stand in the clause that reports the figure ("had said earlier
    // that divers were looking for 20 people").
    let (start, end) = crate::extract::time::punctuated_clause(tokens, first);
    let clause = &tokens[start..end];
    let has = |list: &[&str]| clause.iter().any(|t| among(list, &t.lower));
    has(lexicon.earlier_words) && has(lexicon.pluperfect_auxiliaries)
}

/// Whether the figure whose mention starts at token `first` is of something planned: a word
/// of planning in its clause ("1,000 prisoners are to be freed", "plans to cut 900 jobs"),
/// not in another clause of its sentence ("the death toll stood at 50 and was expected to
/// rise"); an aside set off by commas is of its clause's plan ("A second trial, with around
/// 800 patients, is due to report next spring"). Plain auxiliaries ("will", "wird", "werden") also make passives and forecasts;
/// only the words of planning mark a planned event.
fn planned(tokens: &[Token], first: usize, lexicon: &'static Lexicon) -> bool {
    let (start, end) = crate::extract::time::conjoined_clause(tokens, first, lexicon);
    tokens[start..end]
        .iter()
        .any(|t| lexicon.marks(Markers::Future, &t.lower) && !among(AUXILIARIES, &t.lower))
}

/// Whether the span of time whose mention starts at token `first` runs up to the time of
/// writing: opened by "seit", or with "have been" in its clause before it.
fn ongoing(tokens: &[Token], first: usize, lexicon: &'static Lexicon) -> bool {
    if tokens
        .get(first)
        .is_some_and(|t| among(lexicon.ongoing_openers, &t.lower))
    {
        return true;
    }
    let (start, _) = crate::extract::time::clause_bounds(tokens, first, lexicon);
    let clause = &tokens[start..first];
    lexicon.ongoing_markers.iter().any(|marker| {
        let n = marker.split(' ').count();
        clause
            .windows(n)
            .any(|w| marker.split(' ').eq(w.iter().map(|t| &*t.lower)))
    })
}

/// The name a figure at token `first` is of: the nearest name among the few words before it
/// in its clause. A name is an acronym ("SPD", "AfD") or a capitalized word inside the
/// sentence that is no common word ([`is_common_word`]) or function word; in German, where
/// every noun is capitalized, not after an article either ("der Kandidat").
fn holder(tokens: &[Token], first: usize, lexicon: &Lexicon) -> Option<String> {
    const REACH: usize = 6;
    for k in (first.saturating_sub(REACH)..first).rev() {
        let t = &tokens[k];
        if t.kind == crate::extract::token::TokenKind::Punct && t.text != "-" {
            return None;
        }
        if !t.is_word() {
            continue;
        }
        let acronym =
            t.text.chars().filter(|c| c.is_uppercase()).count() >= 2 && t.text.chars().count() <= 6;
        let after_article = k > 0 && lexicon.articles.contains(&tokens[k - 1].lower.as_str());
        let name = t.is_capitalized()
            && k > 0
            && !is_common_word(&t.lower, lexicon)
            && lexicon.function_word_count(&t.lower) == 0
            && (lexicon.lang != Lang::De || !after_article);
        if acronym || name {
            return Some(t.lower.to_string());
        }
    }
    None
}

/// The places a sentence names, as (token index, lower-cased name): a capitalized word after a
/// place preposition that is no concept, month or weekday. In German, where every noun is
/// capitalized, a name after an article needs a place noun first ("in der Region Hannover",
/// not "im Bus").
fn places(tokens: &[Token], lexicon: &Lexicon) -> Vec<(usize, SharedStr)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if !PLACE_PREPOSITIONS.contains(&t.lower.as_str()) {
            continue;
        }
        let mut determined = t.lower == "im";
        let mut place_noun = false;
        let mut at = k + 1;
        while let Some(next) = tokens.get(at) {
            let w = next.lower.as_str();
            if lexicon.articles.contains(&w) {
                determined = true;
            } else if PLACE_NOUNS.contains(&w) {
                place_noun = true;
            } else {
                break;
            }
            at += 1;
        }
        let Some(name) = tokens.get(at) else {
            continue;
        };
        let common = is_common_word(&name.lower, lexicon);
        let needs_noun = lexicon.lang == Lang::De && determined;
        if name.is_word() && name.is_capitalized() && !common && (place_noun || !needs_noun) {
            out.push((at, name.lower.as_str().into()));
        }
    }
    out
}

/// Whether a (lower-cased) word that stands capitalized is a common word, not a name: a
/// concept, a month, a weekday or a unit of time.
fn is_common_word(w: &str, lexicon: &Lexicon) -> bool {
    lexicon.concept(w).is_some()
        || lexicon.months.iter().any(|(m, _)| *m == w)
        || lexicon.weekdays.iter().any(|(d, _)| *d == w)
        || lexicon.time_unit(w).is_some()
}

impl Context {
    /// The bytes a context holds, roughly, as a memo weighs it (before its sets are worked
    /// out, which few are).
    fn weight(&self) -> usize {
        std::mem::size_of::<Context>()
            + std::mem::size_of::<std::sync::OnceLock<Sets>>()
            + 32
            + self.place.as_ref().map_or(0, SharedStr::held_bytes)
            + self.holder.as_ref().map_or(0, SharedStr::held_bytes)
    }

    /// Short stems of the words near the mention (same-language similarity).
    pub fn words(&self) -> &WordSet {
        &self.surroundings.sets().words
    }

    /// Concept keys, names and numbers of the whole sentence (similarity across languages).
    pub fn keys(&self) -> &WordSet {
        &self.surroundings.sets().keys
    }

    /// How much two claims' surroundings share, 0 to 1: words when both texts are in one
    /// language, concept keys, names and numbers otherwise.
    pub fn similarity(&self, other: &Context, same_lang: bool) -> f64 {
        // A sentence read once shares its sets with every text that tells it again: a repeated
        // paragraph is answered without walking them.
        let shared = self.surroundings.same_sets(&other.surroundings);
        let jaccard = |a: &WordSet, b: &WordSet| {
            if shared {
                return if a.is_empty() { 0.0 } else { 1.0 };
            }
            match a.shared_and_union(b) {
                (_, 0) => 0.0,
                (both, union) => both as f64 / union as f64,
            }
        };
        let keys = jaccard(self.keys(), other.keys());
        if same_lang {
            keys.max(jaccard(self.words(), other.words()))
        } else {
            keys
        }
    }

    /// Whether a figure for something planned meets a figure for something done: "1,000
    /// prisoners are to be freed" against "exchanged 780 prisoners".
    pub fn plan_against_fact(&self, other: &Context) -> bool {
        self.future != other.future
    }

    /// Whether the surroundings say the two figures belong to different events: different
    /// days, different occurrences ("the second round" / "the third round"), or different
    /// places named in one language ("in Hamburg" / "in Köln").
    pub fn other_event(&self, other: &Context) -> bool {
        self.other_day(other) || self.other_occurrence_or_place(other)
    }

    /// Whether the two figures' sentences are about days that do not overlap.
    pub fn other_day(&self, other: &Context) -> bool {
        matches!((self.day, other.day), (Some(x), Some(y)) if !x.overlaps(&y))
    }

    /// Whether the two figures belong to different occurrences or places.
    pub fn other_occurrence_or_place(&self, other: &Context) -> bool {
        let ordinals = matches!((self.ordinal, other.ordinal), (Some(x), Some(y)) if x != y);
        let places = self.lang == other.lang
            && matches!((&self.place, &other.place), (Some(x), Some(y)) if x != y);
        ordinals || places
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_names_after_a_place_preposition() {
        let cases: &[(Lang, &str, &[&str])] = &[
            (
                Lang::De,
                "In Hamburg wurden 17 Menschen verletzt.",
                &["hamburg"],
            ),
            (
                Lang::De,
                "In der Region Hannover brannte es.",
                &["hannover"],
            ),
            (Lang::De, "Im Landkreis Hof brannte es.", &["hof"]),
            (Lang::De, "Das Feuer brach bei Hof aus.", &["hof"]),
            // German capitalizes every noun: no place without a place noun after an article.
            (Lang::De, "Im Bus saßen 43 Menschen.", &[]),
            (Lang::De, "In der Nacht brannte es.", &[]),
            (Lang::De, "Im März brannte es in Kiel.", &["kiel"]),
            (Lang::En, "Near York, 19 people were injured.", &["york"]),
            (
                Lang::En,
                "In the Solomianskyi district 20 people were hurt.",
                &["solomianskyi"],
            ),
            (
                Lang::En,
                "In March 20 people were hurt in Leeds.",
                &["leeds"],
            ),
            (Lang::En, "At least 20 people were hurt.", &[]),
        ];
        for (lang, sentence, want) in cases {
            let got: Vec<String> = places(&tokenize(sentence), Lexicon::of(*lang))
                .into_iter()
                .map(|(_, name)| name.to_string())
                .collect();
            assert_eq!(&got, want, "{sentence}");
        }
    }

    #[test]
    fn shared_reading_gives_each_text_its_own_contexts() {
        use crate::document::Document;
        let doc =
            |id: &str, published: &str, text: &str| Document::sample(id, published, Lang::De, text);
        // The same sentences in two versions, one told twice, and a weekday that means another
        // day in a version published a week later.
        let lead =
            "Am Sonntag wurden in Hamburg 17 Menschen verletzt, zwei weitere werden vermisst.";
        let docs = [
            doc(
                "v1",
                "2025-03-27",
                &format!("{lead} Es war das dritte Treffen. {lead}"),
            ),
            doc(
                "v2",
                "2025-04-03",
                &format!("{lead} Es war das vierte Treffen."),
            ),
            doc(
                "v3",
                "2025-04-03",
                &format!("Neu: {lead} Es war das vierte Treffen."),
            ),
        ];
        let config = Config::default();
        let claims: Vec<Vec<Claim>> = docs
            .iter()
            .map(|d| crate::extract::extract(d, &config))
            .collect();
        let mut reader = ContextReader::new(&config);
        for text in &claims {
            assert!(!text.is_empty());
            let shared = format!("{:?}", reader.read(text));
            let alone = format!("{:?}", contexts(text, &config));
            assert_eq!(shared, alone);
        }
    }

    #[test]
    fn one_spaced_runs_every_kind_of_whitespace_together() {
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        // Every character whose first byte is one of the lead bytes of whitespace (up to
        // U+3FFF), and a sample of the rest.
        let chars = (0..=0x3fff).chain((0x4000..=0x10ffff).step_by(97));
        for c in chars.filter_map(char::from_u32) {
            for text in [
                format!("a{c}b"),
                format!("{c}a"),
                format!("a {c}"),
                format!("ä{c}{c} ß"),
            ] {
                assert_eq!(one_spaced(&text), reference(&text), "{:?}", c);
            }
        }
        assert!(matches!(
            one_spaced("Ein Satz, wie er steht."),
            Cow::Borrowed(_)
        ));
    }

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
