//! The fitted model that says how likely two clashing figures of two outlets' texts speak of
//! one thing: a logistic regression over what a reader would look at (how alike the
//! sentences are, how close the values, whether each is its text's only figure of the
//! subject, ...).
//!
//! The weights are fitted by `scripts/fit-pairing.py` on the gold of the fixture stories, the
//! first six blind sets and the first four real-coverage sets (the rows come from
//! `cargo test --release --test stories -- --ignored pairing_rows`). The eighth blind set and
//! the sixth real-coverage set are held out to measure it. A set joins the fitted ones only
//! after a newer one has taken its place as held out and its first score is on record. Refit
//! after changing an input.
//!
//! A refit on thirteen sets (the seventh blind and fifth real-coverage sets added) was tried
//! when the eighth blind and sixth real sets arrived: on those held-out sets it found 124 of
//! 313 findings in 304 reports at this threshold, against 125 in 285 with these weights, and
//! no threshold from 0.20 to 0.35 did better on both, so these weights stay.
//!
//! A clash the model gives less than [`THRESHOLD`] is not reported
//! ([`Veto::Implausible`](super::Veto)); among clashes, the likelier pair goes first.

/// What the model reads of a candidate pair. Flags are 0 or 1.
pub(crate) struct Inputs {
    /// How alike the two sentences are, 0 to 1.
    pub similarity: f64,
    /// The smaller value over the larger, 0.5 where there is none.
    pub closeness: f64,
    /// The values are within a factor of 1.5.
    pub close: f64,
    /// The values are within a factor of 3.
    pub within_3: f64,
    /// Both claims name the same subject key (not a per-language stem or "event").
    pub named: f64,
    /// Each claim is its text's only figure of the subject, in its voice.
    pub unique: f64,
    /// The subject is a running tally (dead, injured, arrested, ...).
    pub tally: f64,
    /// Both texts are in one language.
    pub same_lang: f64,
    /// How precise the vaguer figure is, 0 (open-ended) to 1.
    pub precision: f64,
    /// One figure is a quoted speaker's, the other another voice's.
    pub quoted: f64,
    /// Both are the one day their text's lead names.
    pub leads: f64,
    /// Both are their text's only streak ("third in a row").
    pub streaks: f64,
    /// The kind: a count, a date, a span of time (duration, event age), a share or sum, an
    /// ordinal.
    pub count: f64,
    pub date: f64,
    pub span: f64,
    pub share: f64,
    pub ordinal: f64,
    /// How far apart the two stand in their texts, as shares of each text, 0 to 1.
    pub distance: f64,
    /// Both stand in their text's first sentence.
    pub both_lead: f64,
    /// Both sentences name the same place.
    pub place: f64,
    /// Interactions a reader weighs together: each is its text's only figure of the subject
    /// and the values are within a factor of 3; close values in sentences that share words;
    /// close values across languages (which share few words); a running tally within a
    /// factor of 3 or told in similar words.
    pub unique_within_3: f64,
    pub close_alike: f64,
    pub close_across: f64,
    pub tally_near: f64,
    /// The later text raises a running tally (the clash is an update), and that times how
    /// far apart the texts were published (up to three days): a toll told a day later is
    /// likelier the same toll grown than one told the same hour.
    pub rise: f64,
    pub rise_apart: f64,
    /// How crowded the subject is in the two texts: 0 where each is its text's only figure of
    /// the subject, towards 1 the more figures of it the two texts give (1 - 1/sqrt(n·m)). In a
    /// crowd (tallies of several regions, shares of several candidates) close values and
    /// like sentences say less.
    pub crowd: f64,
    /// The rule of thumb the model replaced: each is its text's only figure of the subject
    /// (counts and sums: within a factor of 3), close values in sentences that share words
    /// or across languages, a running tally near the other, or (other kinds) sentences that
    /// share words, the leads' days, the texts' only streaks.
    pub rule_of_thumb: f64,
}

/// The inputs' names, in the order of the weights.
pub const FEATURES: [&str; N] = [
    "similarity",
    "closeness",
    "close",
    "within_3",
    "named",
    "unique",
    "tally",
    "same_lang",
    "precision",
    "quoted",
    "leads",
    "streaks",
    "count",
    "date",
    "span",
    "share",
    "ordinal",
    "distance",
    "both_lead",
    "place",
    "unique_within_3",
    "close_alike",
    "close_across",
    "tally_near",
    "rule_of_thumb",
    "rise",
    "rise_apart",
    "crowd",
];

/// How many inputs the model reads.
pub const N: usize = 28;

/// The inputs as the vector the weights apply to.
pub(crate) fn inputs(x: Inputs) -> [f64; N] {
    [
        x.similarity,
        x.closeness,
        x.close,
        x.within_3,
        x.named,
        x.unique,
        x.tally,
        x.same_lang,
        x.precision,
        x.quoted,
        x.leads,
        x.streaks,
        x.count,
        x.date,
        x.span,
        x.share,
        x.ordinal,
        x.distance,
        x.both_lead,
        x.place,
        x.unique_within_3,
        x.close_alike,
        x.close_across,
        x.tally_near,
        x.rule_of_thumb,
        x.rise,
        x.rise_apart,
        x.crowd,
    ]
}

/// The estimate that a clash of figures with these inputs speaks of one thing.
pub(crate) fn same_thing(inputs: &[f64; N]) -> f64 {
    let z = BIAS + inputs.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Below this estimate a clash is not reported. Chosen on the end-to-end scores of the sets
/// the model is fitted on, not on the held-out sets: with the eleven sets, 0.25 found 524 of
/// their 938 gold findings in 827 reports, 0.30 509 in 784 and 0.35 494 in 736 (the model
/// fitted on seven sets, at 0.30: 517 in 828). 0.25 finds the most at the precision of before.
pub const THRESHOLD: f64 = 0.25;

// Written by scripts/fit-pairing.py.
const BIAS: f64 = -2.9397;
const WEIGHTS: [f64; N] = [
    1.5181,  // similarity
    3.6642,  // closeness
    -0.1196, // close
    0.3436,  // within_3
    1.3649,  // named
    -0.0821, // unique
    0.0059,  // tally
    -0.3214, // same_lang
    -0.5895, // precision
    0.0000,  // quoted
    -0.5372, // leads
    1.8305,  // streaks
    -0.0924, // count
    0.2087,  // date
    -0.1485, // span
    -1.2829, // share
    1.3152,  // ordinal
    -3.7693, // distance
    1.0134,  // both_lead
    -0.3984, // place
    0.4789,  // unique_within_3
    0.5128,  // close_alike
    -0.1372, // close_across
    -0.3814, // tally_near
    0.8536,  // rule_of_thumb
    1.5644,  // rise
    0.0153,  // rise_apart
    -3.5172, // crowd
];
