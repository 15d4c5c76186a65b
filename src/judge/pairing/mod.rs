//! Pairing two outlets' texts: which figure of one text speaks of the same thing as which
//! figure of the other.
//!
//! 1. **Blocks** propose candidates: each claim of the first text meets the claims of the
//!    second that share its subject (times, shares and sums also by kind), the nearest
//!    [`PAIR_REACH`](limits::PAIR_REACH) of each block.
//! 2. **Vetoes** ([`Veto`]) are rules that keep two figures apart whatever else they share:
//!    different days, occurrences, places or groups, a part or an increment against a total, a
//!    plan against a fact.
//! 3. **Features** ([`Features`]) of a candidate that passes say how likely the pair is; their
//!    score orders the candidates.
//! 4. **Assignment**: one to one, best score first; then a figure that its own text
//!    contradicts is judged against the other text's figure too.
//!
//! [`explain_outlets`] tells, for any two claims, which of these decided.

use std::collections::HashSet;

use super::{
    clashing_pairs, close, finding, finding_subject, judgeable, ratio, verdict_of, voice_in,
    Finding, Judged, Relation, Verdict, Voice,
};
use crate::align::{self, Context};
use crate::claim::{Claim, Interval, Kind};
use crate::config::Config;
use crate::document::Document;
use crate::extract::lexicon::{cognate_spelling, cognates, COGNATE_PREFIX};
use crate::limits::{self, KEEP_PER_CLAIM};

pub mod model;

/// Same subject, or a share or sum whose subject one text names and the other leaves to the
/// kind itself ("2,5 Prozent" of nothing named against "inflation … 2.3 percent"), or a span
/// of time that one text ties to no event ("für zwölf Jahre" against "a term of 11 years").
///
/// A streak that one text leaves unnamed ("zum fünften Mal in Folge") or names in words no
/// concept key knows ("die fünfte Senkung in Folge"), and one the other text names ("den
/// sechsten Sieg in Serie", "its fourth consecutive reduction"), count the same run of events.
fn loose_subjects(x: &Claim, y: &Claim) -> bool {
    let generic_kind = |c: &Claim| c.subject == c.kind.as_str();
    let unnamed_span = matches!(x.kind, Kind::Duration | Kind::Date)
        && (generic(&x.subject) || generic(&y.subject));
    let unnamed_streak = x.kind == Kind::Ordinal
        && is_streak(x)
        && is_streak(y)
        && (unnamed(&x.subject) || unnamed(&y.subject));
    x.subject == y.subject
        || (x.lang != y.lang && cognates(&x.subject, &y.subject))
        || unnamed_span
        || unnamed_streak
        || (matches!(x.kind, Kind::Percent | Kind::Money) && (generic_kind(x) || generic_kind(y)))
}

/// A subject no concept key names: "event", or a per-language stem ("de:senkung"), which
/// never meets the other language's stem ("en:reduction").
fn unnamed(subject: &str) -> bool {
    subject == "event" || subject.contains(':')
}

/// Whether an ordinal counts a run of events ("zum dritten Mal in Folge", "their third
/// straight win", "a fourth consecutive cut"): a series marker of its language in the
/// mention or in the few words after it.
fn is_streak(c: &Claim) -> bool {
    if c.kind != Kind::Ordinal {
        return false;
    }
    let sentence = c.sentence_text().to_lowercase();
    let mention = c.text().to_lowercase();
    let Some(at) = sentence.find(&mention) else {
        return false;
    };
    let mut end = (at + mention.len() + 40).min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    let window = &sentence[at..end];
    crate::extract::lexicon::Lexicon::of(c.lang)
        .series_markers
        .iter()
        .any(|m| window.contains(m))
}

/// Subjects too generic to pair across texts on their own.
fn generic(subject: &str) -> bool {
    subject == "event" || subject == "statement" || subject == "report"
}

/// Compares two texts from different outlets (or of unknown relation): claims paired one to
/// one by subject, kind and surroundings, agreement first, so a figure that one text repeats
/// correctly is never set against a different figure of the same subject.
pub fn compare_outlets(
    a_doc: &Document,
    a: &[Claim],
    b_doc: &Document,
    b: &[Claim],
    config: &Config,
) -> Vec<Finding> {
    let (ca, cb) = (align::contexts(a, config), align::contexts(b, config));
    compare_outlets_with(a_doc, a, &ca, b_doc, b, &cb, config)
}

/// [`compare_outlets`] with the claims' contexts already read ([`align::contexts`]).
pub fn compare_outlets_with(
    a_doc: &Document,
    a: &[Claim],
    ca: &[Context],
    b_doc: &Document,
    b: &[Claim],
    cb: &[Context],
    config: &Config,
) -> Vec<Finding> {
    compare_outlets_judged(a_doc, a, ca, b_doc, b, cb, config)
        .into_iter()
        .map(Judged::into_finding)
        .collect()
}

/// [`compare_outlets_with`], its findings borrowing the texts' claims.
pub(crate) fn compare_outlets_judged<'t>(
    a_doc: &'t Document,
    a: &'t [Claim],
    ca: &'t [Context],
    b_doc: &'t Document,
    b: &'t [Claim],
    cb: &'t [Context],
    config: &'t Config,
) -> Vec<Judged<'t>> {
    let pairing = Pairing::new(Side::new(a_doc, a, ca), Side::new(b_doc, b, cb), config);
    pairing.run().iter().map(|c| pairing.finding(c)).collect()
}

/// Why claim `i` of text `a` and claim `j` of text `b` were or were not paired when the two
/// outlets' texts were compared: the rule that keeps them apart, or what spoke for the pair,
/// its score, and which pair took either claim instead. For readers of a report and for the
/// scorers of the gold sets, which print it for every finding they miss.
#[allow(clippy::too_many_arguments)]
pub fn explain_outlets(
    a_doc: &Document,
    a: &[Claim],
    ca: &[Context],
    b_doc: &Document,
    b: &[Claim],
    cb: &[Context],
    (i, j): (usize, usize),
    config: &Config,
) -> String {
    let pairing = Pairing::new(Side::new(a_doc, a, ca), Side::new(b_doc, b, cb), config);
    let what = |c: &Claim| format!("{} {}", c.kind.as_str(), c.subject);
    let claims = format!("[{} ~ {}] ", what(&a[i]), what(&b[j]));
    let candidate = match pairing.assess(i, j) {
        Err(Veto::Implausible) => {
            // What the model read, without its gate.
            let mut open = Pairing::new(Side::new(a_doc, a, ca), Side::new(b_doc, b, cb), config);
            open.gate = false;
            let why = open.assess(i, j).map_or(String::new(), |c| {
                format!(
                    " (one thing by its estimate {:.0} %, below {:.0} %; {})",
                    c.features.same_thing * 100.0,
                    model::THRESHOLD * 100.0,
                    c.features.describe()
                )
            });
            return format!("{claims}not paired: {}{why}", Veto::Implausible.describe());
        }
        Err(veto) => return format!("{claims}not paired: {}", veto.describe()),
        Ok(c) => c,
    };
    let taken = pairing.run();
    let said = |c: &Ranked| {
        format!(
            "{} ~ {} ({}, score {:.2})",
            a[c.i()].text(),
            b[c.j()].text(),
            c.verdict().as_str(),
            c.score
        )
    };
    let mut out = format!(
        "{claims}{} as {}, score {:.2} ({})",
        if pairing.proposes(i, j) {
            "candidate"
        } else {
            "never proposed (outside the nearest claims of its subject)"
        },
        candidate.verdict.as_str(),
        candidate.score(),
        candidate.features.describe()
    );
    if taken.iter().any(|c| (c.i(), c.j()) == (i, j)) {
        out.push_str("; paired");
        return out;
    }
    for c in &taken {
        if c.i() == i || c.j() == j {
            out.push_str("; lost to ");
            out.push_str(&said(c));
        }
    }
    let mut kept = Vec::new();
    pairing.kept(i, &mut Vec::new(), &mut Vec::new(), &mut kept);
    if !kept.iter().any(|c| c.j() == j) {
        out.push_str("; cut from the best candidates of its claim");
    }
    out
}

/// A candidate pair as the model reads it: claim `i` of `a`, claim `j` of `b`, the verdict
/// and the model's inputs ([`model::FEATURES`]).
pub struct Row {
    pub i: usize,
    pub j: usize,
    pub verdict: Verdict,
    pub inputs: [f64; model::N],
}

/// Every clash the blocks propose and the rules allow, with the model's inputs and without
/// its gate: the rows `scripts/fit-pairing.py` fits the model on.
pub fn clash_rows(
    a_doc: &Document,
    a: &[Claim],
    ca: &[Context],
    b_doc: &Document,
    b: &[Claim],
    cb: &[Context],
    config: &Config,
) -> Vec<Row> {
    let mut pairing = Pairing::new(Side::new(a_doc, a, ca), Side::new(b_doc, b, cb), config);
    pairing.gate = false;
    let mut rows = Vec::new();
    let mut near = Vec::new();
    for i in 0..a.len() {
        if !pairing.pairable(i) {
            continue;
        }
        pairing.blocks.near(&a[i], pairing.position(i), &mut near);
        for &j in &near {
            if let Ok(c) = pairing.assess(i, j) {
                if c.verdict.is_alarm() {
                    rows.push(Row {
                        i,
                        j,
                        verdict: c.verdict,
                        inputs: pairing.inputs(
                            i,
                            j,
                            c.features.similarity,
                            c.features.leads,
                            c.features.quoted,
                            c.verdict,
                        ),
                    });
                }
            }
        }
    }
    rows
}

/// One text as the pairing reads it: its claims, their contexts and what is counted once
/// per text.
struct Side<'t> {
    doc: &'t Document,
    claims: &'t [Claim],
    cx: &'t [Context],
    voices: Vec<Voice<'t>>,
    /// How many claims of the text could speak of the same thing as each claim, in the same
    /// voice ([`rivals`]).
    rivals: Vec<usize>,
    /// The date of the lead sentence when it names exactly one: whether it is a single day.
    /// The one date a lead names is the day of the story's event, in any language.
    lead: Option<bool>,
    places: HashSet<&'t str>,
    /// The names the text's shares are of ([`Context::holder`]).
    holders: HashSet<&'t str>,
    streaks: usize,
}

impl<'t> Side<'t> {
    fn new(doc: &'t Document, claims: &'t [Claim], cx: &'t [Context]) -> Side<'t> {
        let voices: Vec<Voice<'t>> = claims.iter().zip(cx).map(|(c, x)| voice_in(c, x)).collect();
        let rivals = rivals(claims, &voices);
        let mut dates = claims
            .iter()
            .filter(|o| o.kind == Kind::Date && o.span.sentence == 0);
        let lead = match (dates.next(), dates.next()) {
            (Some(d), None) => Some(d.days.is_some_and(|d| d.end.is_none())),
            _ => None,
        };
        Side {
            doc,
            claims,
            cx,
            voices,
            rivals,
            lead,
            places: places_of(cx),
            holders: cx.iter().filter_map(|c| c.holder.as_deref()).collect(),
            // A story tells of one run of events at most: the only streak of each text is one
            // run.
            streaks: claims.iter().filter(|c| is_streak(c)).count(),
        }
    }

    /// Whether claim `k` stands in the lead sentence of a text whose lead names one date.
    fn lead_day(&self, k: usize) -> bool {
        self.claims[k].span.sentence == 0 && self.lead.is_some()
    }
}

/// The pairing of two outlets' texts, `b` published later or at the same time.
struct Pairing<'t, 'c> {
    a: Side<'t>,
    b: Side<'t>,
    blocks: Blocks<'t>,
    b_is_later: bool,
    /// How far apart the texts were published, in days up to three, as a share of three
    /// days; 0 where a time is missing.
    apart: f64,
    same_lang: bool,
    one_streak: bool,
    /// Whether the model's estimate keeps unlikely clashes out (off only to read the rows the
    /// model is fitted on).
    gate: bool,
    config: &'c Config,
}

/// Why two claims are never paired: rules, not weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Veto {
    /// A claim not judged across outlets: unresolved, a statement's date, or a subject that
    /// only its own language names.
    Unpairable,
    /// Different kinds or subjects.
    NotComparable,
    /// A figure its own text gives as said before and since replaced ("zuvor war von 212
    /// Fällen die Rede", "up from 31").
    Superseded,
    /// The sentences date their figures to different days (not for a running tally, which is
    /// counted again on later days).
    OtherDay,
    /// Different occurrences of an event, or different places.
    OtherOccurrenceOrPlace,
    /// An increment against a total, a part against a whole, a rate against a total.
    IncrementPartOrRate,
    /// A plan or expectation against a fact.
    PlanAgainstFact,
    /// Casualty counts of different groups of people.
    OtherGroups,
    /// The values cannot be compared (sums in different currencies).
    NoVerdict,
    /// A date that names no event, in sentences that do not say it is the same one.
    UnnamedDate,
    /// A clash with nothing to show that both figures speak of one thing.
    Implausible,
    /// A single day against a period of more than a week ("gestern" / "since April"), or
    /// against a date more than a month away. Outlets that disagree on one event's day are off
    /// by a day or a few, not by months; two periods may be one deadline told twice.
    OtherTimeScale,
    /// Shares of different names ("Hofer 48,3 Prozent" / "Van der Bellen 51.9%"), each known
    /// to both texts ([`other_holder`]).
    OtherHolder,
    /// The later text dates its figure after the earlier text was published, while the
    /// earlier text's figure is of its own past: the later text tells of something the
    /// earlier one could not have known.
    AfterEarlierText,
}

impl Veto {
    fn describe(self) -> &'static str {
        match self {
            Veto::Unpairable => "a claim that is not compared across outlets",
            Veto::NotComparable => "different kinds or subjects",
            Veto::Superseded => "its own text gives one figure as said before and since replaced",
            Veto::OtherDay => "the figures belong to different days",
            Veto::OtherOccurrenceOrPlace => "different occurrences or places",
            Veto::IncrementPartOrRate => "an increment, a part or a rate against a total",
            Veto::PlanAgainstFact => "a plan against a fact",
            Veto::OtherGroups => "counts of different groups of people",
            Veto::NoVerdict => "values that cannot be compared",
            Veto::UnnamedDate => "a date of no named event, in sentences that differ",
            Veto::OtherHolder => "shares of different names",
            Veto::OtherTimeScale => {
                "a day against a period, or against a date more than a month away"
            }
            Veto::AfterEarlierText => {
                "the later text's day comes after the earlier text was published, \
                 so it tells of something the earlier text could not know"
            }
            Veto::Implausible => {
                "a clash that the fitted model (judge::pairing::model) finds unlikely to be \
                 of one thing"
            }
        }
    }
}

/// What speaks for a pair of claims, each a reason a reader can follow.
#[derive(Debug, Clone, Copy)]
struct Features {
    verdict: Verdict,
    /// One figure is a quoted speaker's, the other the narrator's or another speaker's.
    quoted: bool,
    /// How alike the two sentences are ([`Context::similarity`]), 0 to 1.
    similarity: f64,
    /// The smaller value over the larger, 0.5 where there is none.
    closeness: f64,
    /// Both claims name the same subject.
    named: bool,
    /// How precise the vaguer of the two figures is ([`precision`]), 0 to 1.
    precision: f64,
    /// Both figures are their lead's day of the story ([`Side::lead_day`]).
    leads: bool,
    /// The model's estimate that the two figures speak of one thing, 0 to 1; 1 for pairs that
    /// do not clash (the model judges only clashes).
    same_thing: f64,
}

impl Features {
    /// The score of a pair: the higher, the likelier the pair. Agreement goes first, so a
    /// figure that one text repeats correctly is never set against a different figure of the
    /// same subject; a quoted speaker's clash with the narrator goes last.
    fn score(&self) -> f64 {
        // Two figures that overlap speak for a pair as much as they are precise: "28" and
        // "at least four" overlap, as would 28 and any figure above four.
        let base = match self.verdict {
            Verdict::Agree => 3.0,
            _ if self.quoted => 0.5,
            Verdict::Compatible => 1.0 + self.precision,
            _ => 1.0,
        };
        // A share or sum whose subject both texts name ("turnout") goes before one paired
        // with a figure that names none ("up from 58 percent").
        let named = if self.named { 0.5 } else { 0.0 };
        base + self.similarity + self.closeness * 0.5 + named
    }

    fn describe(&self) -> String {
        let mut out = format!(
            "sentences {:.0} % alike, values {:.0} % close",
            self.similarity * 100.0,
            self.closeness * 100.0
        );
        if self.named {
            out.push_str(", same subject");
        }
        if self.quoted {
            out.push_str(", a quote against another voice");
        }
        if self.verdict.is_alarm() {
            out.push_str(&format!(
                ", one thing by the model's estimate {:.0} %",
                self.same_thing * 100.0
            ));
        }
        out
    }
}

/// How precise a figure is, from 1 (one value, one day) to 0 (open-ended, "at least four";
/// a whole year): one minus the width of its interval over its upper end; of a time, one over
/// its days.
fn precision(c: &Claim) -> f64 {
    if let Some(days) = c.days {
        return 1.0 / days.days() as f64;
    }
    match c.interval {
        None => 1.0,
        Some(Interval { hi: None, .. }) => 0.0,
        Some(Interval { lo, hi: Some(hi) }) if hi > 0.0 => (1.0 - (hi - lo) / hi).clamp(0.0, 1.0),
        Some(_) => 1.0,
    }
}

/// A pair of claims from two texts that may speak of the same thing.
struct Candidate {
    i: usize,
    j: usize,
    verdict: Verdict,
    features: Features,
}

impl Candidate {
    fn score(&self) -> f64 {
        self.features.score()
    }

    /// What the assignment keeps of a candidate.
    fn ranked(&self) -> Ranked {
        debug_assert!(self.j < 1 << (32 - VERDICT_BITS));
        Ranked {
            score: self.score(),
            i: self.i as u32,
            j_verdict: (self.j as u32) << VERDICT_BITS | self.verdict as u32,
        }
    }
}

/// Bits of [`Ranked::j_verdict`] that hold the verdict (its place in [`Verdict::ALL`]).
const VERDICT_BITS: u32 = 3;

/// A candidate as the assignment reads it: a text of a long report has up to
/// [`KEEP_PER_CLAIM`] of them per claim, so it keeps only what orders and judges the pair, in
/// 16 bytes: the verdict shares a word with `j` (a text of at most 64 MB has far fewer than
/// 2^29 claims).
#[derive(Clone, Copy)]
struct Ranked {
    score: f64,
    i: u32,
    /// `j`, shifted up by [`VERDICT_BITS`], and the verdict's index below it.
    j_verdict: u32,
}

impl Ranked {
    fn i(&self) -> usize {
        self.i as usize
    }

    fn j(&self) -> usize {
        (self.j_verdict >> VERDICT_BITS) as usize
    }

    fn verdict(&self) -> Verdict {
        Verdict::ALL[(self.j_verdict & ((1 << VERDICT_BITS) - 1)) as usize]
    }

    /// Best first; ties by position, so the pairing does not depend on anything else.
    fn order(x: &Ranked, y: &Ranked) -> std::cmp::Ordering {
        y.score
            .total_cmp(&x.score)
            .then(x.i.cmp(&y.i))
            // One candidate per pair, so `j` with its verdict orders as `j` alone.
            .then(x.j_verdict.cmp(&y.j_verdict))
    }
}

impl Ranked {
    /// No candidate: what a claim of `b` holds before any claim of `a` is offered to it.
    const NONE: Ranked = Ranked {
        score: f64::NEG_INFINITY,
        i: u32::MAX,
        j_verdict: u32::MAX,
    };

    fn is_none(&self) -> bool {
        self.i == u32::MAX
    }
}

/// A claim's place in its list of candidates ([`Pairing::kept`]) is kept in a byte.
const _: () = assert!(KEEP_PER_CLAIM <= u8::MAX as usize);

impl<'t, 'c> Pairing<'t, 'c> {
    fn new(a: Side<'t>, b: Side<'t>, config: &'c Config) -> Pairing<'t, 'c> {
        let b_is_later = match (a.doc.published, b.doc.published) {
            (Some(x), Some(y)) => y.sort_key() > x.sort_key(),
            _ => false,
        };
        let apart = match (a.doc.published, b.doc.published) {
            (Some(x), Some(y)) => {
                let hours = (y.sort_key() - x.sort_key()).num_minutes().abs() as f64 / 60.0;
                (hours / 72.0).min(1.0)
            }
            _ => 0.0,
        };
        Pairing {
            apart,
            same_lang: a.doc.lang == b.doc.lang,
            one_streak: a.streaks == 1 && b.streaks == 1,
            gate: true,
            blocks: Blocks::of(b.claims),
            b_is_later,
            a,
            b,
            config,
        }
    }

    /// Spans `x` of `a` and `y` of `b` that both run up to the time of writing, as of the
    /// later text: the earlier text's span longer by the whole units between the two.
    fn grown_spans(&self, x: &Claim, y: &Claim) -> (Option<Claim>, Option<Claim>) {
        let (Some(from), Some(to)) = (self.a.doc.published, self.b.doc.published) else {
            return (None, None);
        };
        let hours = (to.sort_key() - from.sort_key()).num_hours();
        let grow = |c: &Claim| -> Option<Claim> {
            let unit_days = crate::claim::TimeUnit::parse(c.unit.as_deref()?)?.days();
            // Whole units only: a span told in days grows by the days between, not by hours.
            let grown = (hours.abs() as f64 / 24.0 / unit_days).floor();
            if grown < 1.0 || c.kind != Kind::Duration {
                return None;
            }
            let mut c = c.clone();
            c.value = c.value.map(|v| v + grown);
            c.interval = c.interval.map(|i| crate::claim::Interval {
                lo: i.lo + grown,
                hi: i.hi.map(|hi| hi + grown),
            });
            Some(c)
        };
        if hours > 0 {
            (grow(x), None)
        } else {
            (None, grow(y))
        }
    }

    /// Where claim `i` of `a` would stand in `b`, were the texts told in the same order.
    fn position(&self, i: usize) -> usize {
        i * self.b.claims.len() / self.a.claims.len().max(1)
    }

    /// Whether the blocks propose claim `j` of `b` for claim `i` of `a`.
    fn proposes(&self, i: usize, j: usize) -> bool {
        let mut near = Vec::new();
        self.blocks
            .near(&self.a.claims[i], self.position(i), &mut near);
        near.contains(&j)
    }

    /// Whether claim `i` of `a` is paired across outlets at all.
    fn pairable(&self, i: usize) -> bool {
        let x = &self.a.claims[i];
        judgeable(x)
            && !matches!(x.subject.as_str(), "statement" | "report")
            && !(x.subject.contains(':')
                && !self.same_lang
                && !is_streak(x)
                && cognate_spelling(&x.subject).is_none())
    }

    /// The rules that keep claim `i` of `a` and claim `j` of `b` apart, or what speaks for
    /// pairing them.
    fn assess(&self, i: usize, j: usize) -> Result<Candidate, Veto> {
        let (a, b) = (&self.a, &self.b);
        let (x, y) = (&a.claims[i], &b.claims[j]);
        let (cx, cy) = (&a.cx[i], &b.cx[j]);
        if !self.pairable(i) || !judgeable(y) {
            return Err(Veto::Unpairable);
        }
        if !(align::comparable(x, y) || (x.kind == y.kind && loose_subjects(x, y))) {
            return Err(Veto::NotComparable);
        }
        // Two lead sentences that each name one day tell the story's event, though they may
        // name different days for it (a contradiction of its own): their figures are paired.
        // A period ("im September") is what a figure is of, and keeps them apart.
        let leads_story = x.span.sentence == 0
            && y.span.sentence == 0
            && a.lead == Some(true)
            && b.lead == Some(true);
        // A running tally told on a later day is the same tally grown (or shrunk): its day
        // says when it was counted, not which event it counts.
        let tally = self.config.is_running_tally(finding_subject(x, y));
        if cx.superseded || cy.superseded {
            return Err(Veto::Superseded);
        }
        if cx.other_day(cy) && !leads_story && !tally {
            return Err(Veto::OtherDay);
        }
        if self.after_earlier_text(x, y) {
            return Err(Veto::AfterEarlierText);
        }
        if x.kind == Kind::Date && other_time_scale(x, y) {
            return Err(Veto::OtherTimeScale);
        }
        if other_holder((cx, &a.holders), (cy, &b.holders)) {
            return Err(Veto::OtherHolder);
        }
        if other_occurrence_or_place((cx, &a.places), (cy, &b.places)) {
            return Err(Veto::OtherOccurrenceOrPlace);
        }
        if cx.increment != cy.increment || cx.part != cy.part || cx.rate != cy.rate {
            return Err(Veto::IncrementPartOrRate);
        }
        if x.kind == Kind::Count && cx.plan_against_fact(cy) {
            return Err(Veto::PlanAgainstFact);
        }
        if other_groups(x, y) {
            return Err(Veto::OtherGroups);
        }
        let (vx, vy) = (&a.voices[i], &b.voices[j]);
        // Two spans that run up to the time of writing ("seit 16 Tagen", "have been trapped
        // for 17 days") are set against each other as of the later text.
        let (gx, gy) = match cx.ongoing && cy.ongoing && x.unit == y.unit {
            true => self.grown_spans(x, y),
            false => (None, None),
        };
        let verdict = verdict_of(
            gx.as_ref().unwrap_or(x),
            gy.as_ref().unwrap_or(y),
            vx,
            vy,
            Relation::Outlets,
            self.b_is_later,
            self.config,
        )
        .ok_or(Veto::NoVerdict)?;
        let similarity = cx.similarity(cy, self.same_lang);
        // "am Sonntag" dates some event; only a near-identical sentence says which, and only a
        // single day is the day of an event ("im September" is the period a figure is of).
        let single_days =
            x.days.is_some_and(|d| d.end.is_none()) && y.days.is_some_and(|d| d.end.is_none());
        let leads = single_days && a.lead_day(i) && b.lead_day(j);
        if x.kind == Kind::Date
            && (generic(&x.subject) || generic(&y.subject))
            && !(self.same_lang && similarity >= 0.3 && (single_days || !verdict.is_alarm()))
            && !leads
        {
            return Err(Veto::UnnamedDate);
        }
        let inputs = self.inputs(i, j, similarity, leads, vx != vy, verdict);
        let same_thing = if verdict.is_alarm() {
            model::same_thing(&inputs)
        } else {
            1.0
        };
        if self.gate && verdict.is_alarm() && same_thing < model::THRESHOLD {
            return Err(Veto::Implausible);
        }
        Ok(Candidate {
            i,
            j,
            verdict,
            features: Features {
                verdict,
                quoted: vx != vy,
                similarity,
                closeness: ratio(x, y).map_or(0.5, |r| 1.0 / r),
                named: x.subject == y.subject,
                precision: precision(x).min(precision(y)),
                leads,
                same_thing,
            },
        })
    }

    /// The model's inputs for claims `i` of `a` and `j` of `b` ([`model::FEATURES`]).
    fn inputs(
        &self,
        i: usize,
        j: usize,
        similarity: f64,
        leads: bool,
        quoted: bool,
        verdict: Verdict,
    ) -> [f64; model::N] {
        let (x, y) = (&self.a.claims[i], &self.b.claims[j]);
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let r = ratio(x, y);
        let place = match (&self.a.cx[i].place, &self.b.cx[j].place) {
            (Some(p), Some(q)) if p == q => 1.0,
            _ => 0.0,
        };
        let at = |k: usize, n: usize| k as f64 / n.max(1) as f64;
        let kind = |k: &[Kind]| flag(k.contains(&x.kind));
        let unique = self.a.rivals[i] == 1 && self.b.rivals[j] == 1;
        let within_3 = r.is_none_or(|r| r <= 3.0);
        let tally = self.config.is_running_tally(finding_subject(x, y));
        model::inputs(model::Inputs {
            similarity,
            closeness: r.map_or(0.5, |r| 1.0 / r),
            close: flag(close(x, y)),
            within_3: flag(within_3),
            named: flag(x.subject == y.subject && !unnamed(&x.subject)),
            unique: flag(unique),
            tally: flag(tally),
            same_lang: flag(self.same_lang),
            precision: precision(x).min(precision(y)),
            quoted: flag(quoted),
            leads: flag(leads),
            streaks: flag(self.one_streak && is_streak(x) && is_streak(y)),
            count: kind(&[Kind::Count]),
            date: kind(&[Kind::Date]),
            span: kind(&[Kind::Duration, Kind::EventAge]),
            share: kind(&[Kind::Percent, Kind::Money]),
            ordinal: kind(&[Kind::Ordinal]),
            distance: (at(i, self.a.claims.len()) - at(j, self.b.claims.len())).abs(),
            both_lead: flag(x.span.sentence == 0 && y.span.sentence == 0),
            place,
            unique_within_3: flag(unique && within_3),
            close_alike: flag(close(x, y) && similarity >= 0.1),
            close_across: flag(close(x, y) && !self.same_lang),
            tally_near: flag(tally && (within_3 || similarity >= 0.3)),
            rise: flag(verdict == Verdict::Update),
            rise_apart: flag(verdict == Verdict::Update) * self.apart,
            crowd: 1.0 - 1.0 / ((self.a.rivals[i].max(1) * self.b.rivals[j].max(1)) as f64).sqrt(),
            rule_of_thumb: flag(match x.kind {
                Kind::Count | Kind::Percent | Kind::Money | Kind::Duration => {
                    (unique && within_3)
                        || (close(x, y) && (similarity >= 0.1 || !self.same_lang))
                        || (tally && (within_3 || similarity >= 0.3))
                }
                _ => {
                    unique
                        || similarity >= 0.15
                        || leads
                        || (self.one_streak && is_streak(x) && is_streak(y))
                }
            }),
        })
    }

    /// Whether `y`, of the later text, is dated after the earlier text's publication day while
    /// `x` lies on or before it ([`Veto::AfterEarlierText`]).
    fn after_earlier_text(&self, x: &Claim, y: &Claim) -> bool {
        let Some(published) = self.a.doc.published.as_ref().filter(|_| self.b_is_later) else {
            return false;
        };
        match (x.days, y.days) {
            (Some(dx), Some(dy)) => {
                dy.start > published.day && dx.end.unwrap_or(dx.start) <= published.day
            }
            _ => false,
        }
    }

    /// The candidates of claim `i` of `a` kept for the assignment, best first ([`Ranked::order`]),
    /// into `out`; `near` and `mine` are room to work in.
    fn kept(
        &self,
        i: usize,
        near: &mut Vec<usize>,
        mine: &mut Vec<Candidate>,
        out: &mut Vec<Ranked>,
    ) {
        out.clear();
        if !self.pairable(i) {
            return;
        }
        let at = self.position(i);
        self.blocks.near(&self.a.claims[i], at, near);
        mine.clear();
        mine.extend(near.iter().filter_map(|&j| self.assess(i, j).ok()));
        // The best few of each claim are enough for the assignment: a claim's weaker
        // candidates are never taken while its stronger ones are free. Among equals, the
        // nearest to its own position (a text repeating a paragraph).
        if mine.len() > KEEP_PER_CLAIM {
            mine.sort_by(|x, y| {
                y.score()
                    .total_cmp(&x.score())
                    .then(x.j.abs_diff(at).cmp(&y.j.abs_diff(at)))
                    .then(x.j.cmp(&y.j))
            });
            mine.truncate(KEEP_PER_CLAIM);
        }
        out.extend(mine.drain(..).map(|c| c.ranked()));
        out.sort_unstable_by(Ranked::order);
    }

    /// The pairs taken, in the order of [`Ranked::order`]: one to one, best first; then, in the
    /// same order, a figure left over where its own text contradicts itself.
    ///
    /// Best first is the greedy assignment: of all candidates, in order, each whose claims are
    /// both free is taken. Its result is the one assignment in which no two claims would rather
    /// have each other than what they got, and that is what is built here, without holding
    /// every candidate: each claim of `a` is offered to its candidates in its own order of
    /// preference, and a claim of `b` keeps the best offer so far; a claim it lets go is offered
    /// to its next candidate. A claim's candidates are worked out again when it is let go, so
    /// memory holds one claim's candidates and one offer per claim of `b`, not up to
    /// [`KEEP_PER_CLAIM`] candidates per claim of `a`.
    fn run(&self) -> Vec<Ranked> {
        let (a, b) = (&self.a, &self.b);
        let (mut near, mut mine, mut list) = (Vec::new(), Vec::new(), Vec::new());
        let mut held = vec![Ranked::NONE; b.claims.len()];
        let mut tried = vec![0u8; a.claims.len()];
        for first in 0..a.claims.len() {
            let mut i = first;
            loop {
                self.kept(i, &mut near, &mut mine, &mut list);
                let mut let_go = None;
                while let Some(c) = list.get(usize::from(tried[i])) {
                    tried[i] += 1;
                    let slot = &mut held[c.j()];
                    if slot.is_none() || Ranked::order(c, slot).is_lt() {
                        let before = std::mem::replace(slot, *c);
                        let_go = (!before.is_none()).then(|| before.i());
                        break;
                    }
                }
                match let_go {
                    Some(k) => i = k,
                    None => break,
                }
            }
        }
        drop(tried);
        let mut partner_of_a = vec![None; a.claims.len()];
        let mut partner_of_b = vec![None; b.claims.len()];
        let mut taken: Vec<Ranked> = held.into_iter().filter(|c| !c.is_none()).collect();
        taken.sort_unstable_by(Ranked::order);
        for c in &taken {
            partner_of_a[c.i()] = Some(c.j());
            partner_of_b[c.j()] = Some(c.i());
        }
        // A text that contradicts itself ("31 seats", later "33 seats") sides with the other
        // text on one figure and clashes with it on the other: the figure left over is judged
        // against the other text's figure too. The same rules as for one text alone
        // (`within`).
        let clashes = |side: &Side| -> HashSet<(usize, usize)> {
            clashing_pairs(side.claims, side.cx, self.config)
                .into_iter()
                .filter(|(_, _, f)| f.verdict == Verdict::Contradiction)
                .map(|(k, l, _)| (k, l))
                .collect()
        };
        let (clash_a, clash_b) = (clashes(a), clashes(b));
        let clashes_within =
            |set: &HashSet<(usize, usize)>, k: usize, l: usize| set.contains(&(k.min(l), k.max(l)));
        // Only a claim of `a` that clashes within its text, or whose partner in `b` does, can
        // have such a candidate: only their candidates are worked out again.
        let clashing = |set: &HashSet<(usize, usize)>| -> HashSet<usize> {
            set.iter().flat_map(|&(k, l)| [k, l]).collect()
        };
        let (in_clash_a, in_clash_b) = (clashing(&clash_a), clashing(&clash_b));
        let mut extra = Vec::new();
        for i in 0..a.claims.len() {
            let free = partner_of_a[i].is_none();
            if !((free && in_clash_a.contains(&i))
                || partner_of_a[i].is_some_and(|pj| in_clash_b.contains(&pj)))
            {
                continue;
            }
            self.kept(i, &mut near, &mut mine, &mut list);
            for c in &list {
                let j = c.j();
                if !c.verdict().is_alarm() || partner_of_a[i] == Some(j) {
                    continue;
                }
                let left_in_b = partner_of_b[j].is_none()
                    && partner_of_a[i].is_some_and(|pj| clashes_within(&clash_b, pj, j));
                let left_in_a =
                    free && partner_of_b[j].is_some_and(|pi| clashes_within(&clash_a, pi, i));
                if left_in_a || left_in_b {
                    extra.push(*c);
                }
            }
        }
        extra.sort_unstable_by(Ranked::order);
        taken.extend(extra);
        taken
    }

    /// The finding a taken candidate makes.
    fn finding(&self, c: &Ranked) -> Judged<'t> {
        finding(
            c.verdict(),
            &self.a.claims[c.i()],
            &self.b.claims[c.j()],
            &self.a.voices[c.i()],
            &self.b.voices[c.j()],
            Relation::Outlets,
        )
    }
}

/// Whether a single day stands against a period or a date far from it
/// ([`Veto::OtherTimeScale`]).
fn other_time_scale(x: &Claim, y: &Claim) -> bool {
    const PERIOD_DAYS: i64 = 7;
    const APART_DAYS: i64 = 31;
    let (Some(p), Some(q)) = (x.days, y.days) else {
        return false;
    };
    let (sp, sq) = (p.days(), q.days());
    if sp != 1 && sq != 1 {
        // Two periods ("bis Ende 2026" / "bis Ende 2027") may well be one deadline told twice.
        return false;
    }
    let gap = (q.start - p.last())
        .num_days()
        .max((p.start - q.last()).num_days());
    sp.max(sq) > PERIOD_DAYS || gap > APART_DAYS
}

/// Whether two casualty counts name different groups of people ("einen Polizisten" injured
/// against "28 Menschen" injured): one group's tally is not the other's.
fn other_groups(x: &Claim, y: &Claim) -> bool {
    let group = |c: &Claim| {
        if c.kind != Kind::Count || !c.subject.starts_with("people_") {
            return None;
        }
        let lexicon = crate::extract::lexicon::Lexicon::of(c.lang);
        let head = c.subject_text.to_lowercase();
        lexicon
            .concept(&head)
            .filter(|k| crate::extract::lexicon::PERSON_KEYS.contains(k))
    };
    matches!((group(x), group(y)), (Some(a), Some(b)) if a != b)
}

/// Whether two shares are of different names ("Hofer 48,3 Prozent" / "Van der Bellen won
/// 51.9%"). Outlets name one party in different words and languages ("Allianz" /
/// "Alliance"), so, as with places, two names set shares apart only when a text that names one
/// also gives a share of the other.
fn other_holder(
    (x, holders_x): (&Context, &HashSet<&str>),
    (y, holders_y): (&Context, &HashSet<&str>),
) -> bool {
    matches!((&x.holder, &y.holder), (Some(p), Some(q))
        if p != q && (holders_x.contains(q.as_str()) || holders_y.contains(p.as_str())))
}

/// The places a text names near its figures.
fn places_of(cx: &[Context]) -> HashSet<&str> {
    cx.iter().filter_map(|c| c.place.as_deref()).collect()
}

/// Whether two figures of two outlets' texts belong to different occurrences (ordinals in
/// their sentences differ) or places. Outlets name one place in different words ("in
/// Mannheim", "in der Arena"): two places set figures apart only when a text that names one
/// also knows the other ("17 Verletzte in Hamburg" where the other text has Hamburg too).
fn other_occurrence_or_place(
    (x, places_x): (&Context, &HashSet<&str>),
    (y, places_y): (&Context, &HashSet<&str>),
) -> bool {
    let ordinals = matches!((x.ordinal, y.ordinal), (Some(p), Some(q)) if p != q);
    let places = x.lang == y.lang
        && matches!((&x.place, &y.place), (Some(p), Some(q))
            if p != q && (places_x.contains(q.as_str()) || places_y.contains(p.as_str())));
    ordinals || places
}

/// For each claim, how many claims of its text are [`align::comparable`] with it (itself
/// included) in the same voice: one means it is the text's only figure of that subject.
fn rivals(claims: &[Claim], voices: &[Voice]) -> Vec<usize> {
    let mut by_kind: foldhash::HashMap<(&Voice, &str, Kind), usize> = Default::default();
    // Dates that start an event, which an event age ("im vierten Jahr") is comparable with.
    let mut starts: foldhash::HashMap<(&Voice, &str), usize> = Default::default();
    for (c, v) in claims.iter().zip(voices) {
        *by_kind.entry((v, &c.subject, c.kind)).or_default() += 1;
        if c.event_start && c.kind != Kind::EventAge {
            *starts.entry((v, &c.subject)).or_default() += 1;
        }
    }
    let count = |v, s, k| by_kind.get(&(v, s, k)).copied().unwrap_or(0);
    claims
        .iter()
        .zip(voices)
        .map(|(c, v)| {
            let s = c.subject.as_str();
            if s == "event" {
                return 0;
            }
            let mut n = count(v, s, c.kind);
            if c.kind == Kind::EventAge {
                n += starts.get(&(v, s)).copied().unwrap_or(0);
            } else if c.event_start {
                n += count(v, s, Kind::EventAge);
            }
            n
        })
        .collect()
}

/// One text's claims indexed by what another text's claim may be paired with: its subject,
/// or for times, shares and sums its kind ([`loose_subjects`]).
struct Blocks<'c> {
    by_subject: crate::judge::SubjectIndex<'c>,
    /// Per-language stems by the first letters of their [`cognate_spelling`].
    by_cognate: foldhash::HashMap<String, Vec<usize>>,
    /// Dates, durations, shares and sums by kind.
    by_kind: foldhash::HashMap<Kind, Vec<usize>>,
    /// The same, of those whose subject is generic or the kind itself.
    loose_by_kind: foldhash::HashMap<Kind, Vec<usize>>,
}

impl<'c> Blocks<'c> {
    fn of(claims: &'c [Claim]) -> Blocks<'c> {
        let mut blocks = Blocks {
            by_subject: crate::judge::SubjectIndex::of(claims, |_| true),
            by_cognate: Default::default(),
            by_kind: Default::default(),
            loose_by_kind: Default::default(),
        };
        for (j, c) in claims.iter().enumerate() {
            if let Some(prefix) = cognate_prefix(&c.subject) {
                blocks.by_cognate.entry(prefix).or_default().push(j);
            }
            if loose_kind(c.kind) {
                blocks.by_kind.entry(c.kind).or_default().push(j);
                if loose_subject(c) {
                    blocks.loose_by_kind.entry(c.kind).or_default().push(j);
                }
            }
        }
        blocks
    }

    /// The claims `x` may be paired with, at most [`PAIR_REACH`](limits::PAIR_REACH) of each block, those nearest
    /// to position `at`, in text order, into `out`.
    fn near(&self, x: &Claim, at: usize, out: &mut Vec<usize>) {
        out.clear();
        let mut take = |block: &[usize]| out.extend(limits::nearest(block, at));
        take(self.by_subject.get(x.subject.as_str()).unwrap_or_default());
        if let Some(prefix) = cognate_prefix(&x.subject) {
            take(
                self.by_cognate
                    .get(&prefix)
                    .map_or(&[][..], |b| b.as_slice()),
            );
        }
        if loose_kind(x.kind) {
            let block = match loose_subject(x) {
                true => &self.by_kind,
                false => &self.loose_by_kind,
            };
            take(block.get(&x.kind).map_or(&[], Vec::as_slice));
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The first letters of a per-language stem's [`cognate_spelling`], which its cognates share.
fn cognate_prefix(subject: &str) -> Option<String> {
    let spelling = cognate_spelling(subject)?;
    Some(spelling.chars().take(COGNATE_PREFIX).collect())
}

/// Kinds whose claims may pair across subjects ([`loose_subjects`]).
fn loose_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Date | Kind::Duration | Kind::Percent | Kind::Money | Kind::Ordinal
    )
}

/// A time with a generic subject, a share or sum whose subject is its kind, or an unnamed
/// streak.
fn loose_subject(c: &Claim) -> bool {
    match c.kind {
        Kind::Date | Kind::Duration => generic(&c.subject),
        Kind::Ordinal => unnamed(&c.subject) && is_streak(c),
        _ => c.subject == c.kind.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Lang;

    /// The offers of [`Pairing::run`] give what the greedy assignment over every kept
    /// candidate gives: best first, each pair whose claims are both free.
    #[test]
    fn offers_give_the_greedy_assignment() {
        // Figures of a few subjects, several told more than once and some differently, so
        // that claims compete for the same partners.
        let mut seed = 7u32;
        let mut next = |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % n
        };
        let places = ["Hamburg", "Köln", "Bonn"];
        let mut text = |sentences: usize| -> String {
            (0..sentences)
                .map(|_| match next(3) {
                    0 => format!(
                        "In {} wurden {} Menschen verletzt.",
                        places[next(3) as usize],
                        10 + next(6)
                    ),
                    1 => format!(
                        "Die Feuerwehr war mit {} Einsatzkräften vor Ort.",
                        100 + 10 * next(4)
                    ),
                    _ => format!("Es war das {}. Treffen in diesem Jahr.", 2 + next(3)),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (ta, tb) = (text(120), text(100));
        let a = Document::sample("a", "2025-03-27", Lang::De, &ta);
        let b = Document::sample("b", "2025-03-28", Lang::De, &tb);
        let config = Config::default();
        let (claims_a, claims_b) = (
            crate::extract::extract(&a, &config),
            crate::extract::extract(&b, &config),
        );
        let (cx_a, cx_b) = (
            align::contexts(&claims_a, &config),
            align::contexts(&claims_b, &config),
        );
        let pairing = Pairing::new(
            Side::new(&a, &claims_a, &cx_a),
            Side::new(&b, &claims_b, &cx_b),
            &config,
        );
        let (mut all, mut list) = (Vec::new(), Vec::new());
        for i in 0..claims_a.len() {
            pairing.kept(i, &mut Vec::new(), &mut Vec::new(), &mut list);
            all.extend(list.iter().copied());
        }
        all.sort_unstable_by(Ranked::order);
        let (mut used_a, mut used_b) = (vec![false; claims_a.len()], vec![false; claims_b.len()]);
        let mut greedy = Vec::new();
        for c in &all {
            if !used_a[c.i()] && !used_b[c.j()] {
                used_a[c.i()] = true;
                used_b[c.j()] = true;
                greedy.push((c.i(), c.j()));
            }
        }
        assert!(
            greedy.len() > 50 && all.len() > 4 * greedy.len(),
            "{} of {}",
            greedy.len(),
            all.len()
        );
        let taken: Vec<(usize, usize)> = pairing.run().iter().map(|c| (c.i(), c.j())).collect();
        assert_eq!(taken[..greedy.len()], greedy[..]);
    }

    #[test]
    fn ranked_keeps_j_and_verdict_apart() {
        for (k, &verdict) in Verdict::ALL.iter().enumerate() {
            assert_eq!(verdict as usize, k, "Verdict::ALL is in declaration order");
            let j = (1 << (32 - VERDICT_BITS)) - 1 - k;
            let ranked = Ranked {
                score: 0.5,
                i: 7,
                j_verdict: (j as u32) << VERDICT_BITS | verdict as u32,
            };
            assert_eq!((ranked.i(), ranked.j(), ranked.verdict()), (7, j, verdict));
        }
        assert!(Verdict::ALL.len() <= 1 << VERDICT_BITS);
    }
}
