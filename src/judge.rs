//! Findings: paired claims judged by their intervals (SPEC §4), each with a reason a desk
//! editor understands that names both figures.
//!
//! Takes the claims of two texts (versions, outlets) or of one, pairs them (versions through
//! [`align::pair_versions`], outlets one to one by subject, kind and [`align::Context`]) and
//! gives [`Finding`]s: agree, compatible, contradiction, update, correction, added, removed.
//! A figure in a direct quote is never set against the narrator's as a contradiction. For
//! three or more versions, [`timelines`] follows every changed figure.

use std::collections::HashSet;

use serde::Serialize;

use crate::align::{self, Context};
use crate::claim::{Claim, Interval, Kind, Number, Qualifier};
use crate::config::Config;
use crate::document::Document;
use crate::limits::{self, PAIR_REACH};

mod pairing;
pub(crate) use pairing::compare_outlets_judged;
pub use pairing::{clash_rows, compare_outlets, compare_outlets_with, explain_outlets, model, Row};

/// What a pair of claims amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Contradiction,
    Correction,
    Update,
    Added,
    Removed,
    Compatible,
    Agree,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Contradiction => "contradiction",
            Verdict::Update => "update",
            Verdict::Correction => "correction",
            Verdict::Added => "added",
            Verdict::Removed => "removed",
        }
    }

    /// Findings an editor must look at; agree and compatible are context.
    pub fn is_alarm(self) -> bool {
        matches!(
            self,
            Verdict::Contradiction | Verdict::Correction | Verdict::Update
        )
    }

    pub const ALL: [Verdict; 7] = [
        Verdict::Contradiction,
        Verdict::Correction,
        Verdict::Update,
        Verdict::Added,
        Verdict::Removed,
        Verdict::Compatible,
        Verdict::Agree,
    ];
}

impl std::str::FromStr for Verdict {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown finding {s:?}"))
    }
}

/// One finding: what two claims (or one added/removed claim) amount to, and why
/// ([`Finding::reason`]).
#[derive(Debug, Clone)]
pub struct Finding {
    pub verdict: Verdict,
    pub kind: Kind,
    pub subject: String,
    pub a: Option<Claim>,
    pub b: Option<Claim>,
    why: Why,
}

impl Finding {
    /// Why the claims amount to the verdict, in words that name both figures. Written when
    /// asked for, from the claims: a report of millions of findings does not hold millions of
    /// sentences until it is written.
    pub fn reason(&self) -> String {
        let mut out = String::new();
        self.why
            .reason_into(&mut out, self.verdict, self.a.as_ref(), self.b.as_ref());
        out
    }
}

/// What a finding's reason reads beside its verdict and claims: how the texts relate and
/// whether each claim stands in a quote (whose speaker is the claim's attribution).
#[derive(Debug, Clone, Copy)]
struct Why {
    relation: Relation,
    quoted: (bool, bool),
}

impl Why {
    /// Writes the reason at the end of `out`.
    fn reason_into(
        &self,
        out: &mut String,
        verdict: Verdict,
        a: Option<&Claim>,
        b: Option<&Claim>,
    ) {
        match (a, b) {
            (Some(a), Some(b)) => reason_into(
                out,
                verdict,
                a,
                b,
                &voice_quoted(a, self.quoted.0),
                &voice_quoted(b, self.quoted.1),
                self.relation,
            ),
            (Some(a), None) => {
                out.push_str("dropped claim: ");
                figure_into(out, a);
            }
            (None, Some(b)) => {
                out.push_str("new claim: ");
                figure_into(out, b);
            }
            (None, None) => {}
        }
    }
}

/// A finding whose claims are borrowed from the texts judged: what judging gives, before a
/// caller keeps it as a [`Finding`] (which owns copies of its claims). A corpus run writes
/// rows straight from these, without copying a claim per finding.
#[derive(Debug, Clone)]
pub struct Judged<'c> {
    pub verdict: Verdict,
    pub kind: Kind,
    pub subject: &'c str,
    pub a: Option<&'c Claim>,
    pub b: Option<&'c Claim>,
    why: Why,
}

impl Judged<'_> {
    /// Why the claims amount to the verdict ([`Finding::reason`]).
    pub fn reason(&self) -> String {
        let mut out = String::new();
        self.reason_into(&mut out);
        out
    }

    /// [`Judged::reason`], written at the end of `out` (a corpus run writes millions of
    /// reasons, each into the same buffer).
    pub fn reason_into(&self, out: &mut String) {
        self.why.reason_into(out, self.verdict, self.a, self.b);
    }

    /// The finding, with copies of its claims.
    pub fn into_finding(self) -> Finding {
        Finding {
            verdict: self.verdict,
            kind: self.kind,
            subject: self.subject.to_string(),
            a: self.a.cloned(),
            b: self.b.cloned(),
            why: self.why,
        }
    }
}

/// Findings kept from judged pairs.
fn kept(judged: Vec<Judged>) -> Vec<Finding> {
    judged.into_iter().map(Judged::into_finding).collect()
}

/// How two documents relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// `b` is a later version of the article `a`.
    Versions,
    /// Different outlets (or unknown order).
    Outlets,
    /// Claims of one document against each other.
    Same,
}

/// How a claim's interval reads in words.
pub fn describe(c: &Claim) -> String {
    let mut out = String::new();
    describe_into(&mut out, c);
    out
}

/// [`describe`], written at the end of `out` (findings are made by the million in a corpus;
/// the words are written once, not pieced together from short strings).
fn describe_into(out: &mut String, c: &Claim) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    if let Some(days) = c.days {
        let _ = match days.end {
            Some(end) if c.kind == Kind::EventAge => {
                write!(out, "a start between {} and {}", days.start, end)
            }
            Some(end) => write!(out, "{} to {}", days.start, end),
            None => write!(out, "{}", days.start),
        };
        return;
    }
    let n = Number;
    if c.kind == Kind::Ordinal {
        let _ = write!(out, "number {}", n(c.value.unwrap_or(0.0)));
        return;
    }
    let Some(i) = c.interval else {
        out.push_str(&c.text());
        return;
    };
    // Spans of time and shares are read without the whole-number step of counts
    // ([`reader_interval`]).
    let span = |words: &str| {
        matches!(c.kind, Kind::Duration | Kind::Percent) && c.value.is_some() && !words.is_empty()
    };
    let hedge = match c.qualifier {
        Qualifier::MoreThan => "more than",
        Qualifier::Almost => "just under",
        Qualifier::LessThan => "less than",
        _ => "",
    };
    let _ = match (c.qualifier, i.hi) {
        _ if span(hedge) => write!(out, "{hedge} {}", n(c.value.unwrap_or(i.lo))),
        (Qualifier::Exact, _) => write!(out, "{}", n(i.lo)),
        (_, None) => write!(out, "{} or more", n(i.lo)),
        (Qualifier::Almost, Some(hi)) => write!(
            out,
            "fewer than {} ({} to {})",
            n(c.value.unwrap_or(hi + 1.0)),
            n(i.lo),
            n(hi)
        ),
        (Qualifier::Approx, Some(hi)) => write!(
            out,
            "about {} ({} to {})",
            n(c.value.unwrap_or(i.lo)),
            n(i.lo),
            n(hi)
        ),
        (_, Some(hi)) if i.lo == 0.0 => write!(out, "at most {}", n(hi)),
        (_, Some(hi)) => write!(out, "{} to {}", n(i.lo), n(hi)),
    };
    match c.kind {
        Kind::Percent => out.push_str(" %"),
        Kind::Money => {
            out.push(' ');
            out.push_str(c.unit.as_deref().unwrap_or(""));
        }
        Kind::Duration => {
            out.push(' ');
            out.push_str(c.unit.as_deref().unwrap_or(""));
            out.push('s');
        }
        _ => {}
    }
}

/// A subject key as a reason names it, written at the end of `out`: "people_killed" reads
/// "people killed", a stem key "word:stadion" reads "'stadion…'".
fn readable_subject_into(out: &mut String, subject: &str) {
    match subject.split_once(':') {
        Some((_, stem)) => {
            out.push('\'');
            out.push_str(stem);
            out.push_str("…'");
        }
        None => {
            for (k, part) in subject.split('_').enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(part);
            }
        }
    }
}

fn compare_values(a: &Claim, b: &Claim) -> Option<(bool, bool, std::cmp::Ordering)> {
    if let (Some(x), Some(y)) = (a.days, b.days) {
        let same = x == y;
        return Some((same, x.overlaps(&y), x.start.cmp(&y.start)));
    }
    if a.kind == Kind::Ordinal || b.kind == Kind::Ordinal {
        let (x, y) = (a.value?, b.value?);
        return Some((x == y, x == y, x.total_cmp(&y)));
    }
    if a.unit != b.unit && (a.kind == Kind::Duration || a.kind == Kind::Money) {
        return None;
    }
    let (x, y) = (reader_interval(a)?, reader_interval(b)?);
    Some((x.same(&y), x.overlaps(&y), x.lo.total_cmp(&y.lo)))
}

/// The values a reader takes a figure to allow when setting two against each other.
///
/// A figure said plainly is the values that round to it: a span of time in whole units to
/// its unit ("five years" for a trial of five years and two months), a share to its last
/// digit ("66,1 Prozent" takes in 66.06, "33 percent" 32.9), a count or sum written with
/// decimals or a word of scale to the step of its last digit ("10,6 Millionen" takes in
/// 10,644,118, "vier Millionen" 4.09 million). A whole count or sum written out in full is
/// exact ("4,200", "350"). Spans of time and shares run on where counts step, so their hedges
/// bound them without the step of one: "more than four years" takes in four and a half, as
/// "nearly five years" does, and "more than 65%" takes in 65.82. Two different figures said
/// plainly to the same digit never meet.
fn reader_interval(c: &Claim) -> Option<Interval> {
    // Just inside a bound: "four years" and "five years" do not share their half.
    const EDGE: f64 = 1e-6;
    let interval = c.interval?;
    let Some(n) = c.value else {
        return Some(interval);
    };
    let continuous = matches!(c.kind, Kind::Duration | Kind::Percent);
    let step = match c.qualifier {
        Qualifier::Exact | Qualifier::Approx | Qualifier::Range => match c.kind {
            Kind::Duration if n.fract() == 0.0 => 1.0,
            _ => last_digit_step(c, n),
        },
        _ => 0.0,
    };
    let half = step / 2.0 * (1.0 - EDGE);
    Some(match c.qualifier {
        Qualifier::Exact if half > 0.0 => Interval {
            lo: n - half,
            hi: Some(n + half),
        },
        Qualifier::Approx | Qualifier::Range if continuous => Interval {
            lo: interval.lo - half,
            hi: interval.hi.map(|hi| hi + half),
        },
        Qualifier::MoreThan if continuous => Interval {
            lo: n + EDGE,
            hi: None,
        },
        Qualifier::Almost if continuous => Interval {
            lo: interval.lo,
            hi: Some(n - EDGE),
        },
        Qualifier::LessThan if continuous => Interval {
            lo: 0.0,
            hi: Some(n - EDGE),
        },
        _ => interval,
    })
}

/// The step of the last digit a figure is written to, 0 where it is written out in full.
fn last_digit_step(c: &Claim, value: f64) -> f64 {
    if !matches!(
        c.kind,
        Kind::Percent | Kind::Money | Kind::Count | Kind::Duration
    ) {
        return 0.0;
    }
    // A whole count or sum below a million has neither decimals nor a word of scale.
    if matches!(c.kind, Kind::Count | Kind::Money) && value.fract() == 0.0 && value < 1e6 {
        return 0.0;
    }
    // The first number written in digits, with its marks, read as extraction reads it.
    let digits = c
        .text()
        .find(|ch: char| ch.is_ascii_digit())
        .map_or("", |start| {
            let rest = &c.text()[start..];
            let end = rest
                .find(|ch: char| !(ch.is_ascii_digit() || ch == ',' || ch == '.'))
                .unwrap_or(rest.len());
            rest[..end].trim_end_matches([',', '.'])
        });
    let written = crate::extract::quantity::parse_digits(digits, c.lang);
    // Where the marks were read as a decimal mark, the digits after the last one are decimals.
    let plain = digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'));
    let decimals = match written {
        Some(w) if w != plain => {
            digits.rfind([',', '.']).map_or(0, |k| digits.len() - k - 1) as i32
        }
        _ => 0,
    };
    let step = 10f64.powi(-decimals);
    match written {
        Some(w) if w > 0.0 => {
            let scale = value / w;
            match c.kind {
                Kind::Percent => step,
                // A word of scale ("Millionen", "bn") after the digits.
                _ if scale > 1.5 => scale * step,
                _ if decimals > 0 => step,
                _ => 0.0,
            }
        }
        // A number in words with a word of scale ("vier Millionen"): its first digit.
        None if value >= 1e6 && c.kind != Kind::Percent => 10f64.powi(value.log10().floor() as i32),
        _ => 0.0,
    }
}

/// Who stands behind a figure: the narrator, or a speaker quoted directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Voice<'c> {
    Narrator,
    Speaker(&'c str),
}

fn voice(c: &Claim) -> Voice<'_> {
    voice_quoted(c, align::is_quoted(c))
}

/// The voice of a claim whose context is read already.
fn voice_in<'c>(c: &'c Claim, cx: &align::Context) -> Voice<'c> {
    voice_quoted(c, cx.quoted)
}

/// Whether a voice is a quoted speaker's ([`voice_quoted`] the other way).
fn quoted(v: &Voice) -> bool {
    matches!(v, Voice::Speaker(_))
}

fn voice_quoted(c: &Claim, quoted: bool) -> Voice<'_> {
    match &c.attribution {
        _ if !quoted => Voice::Narrator,
        Some(who) => Voice::Speaker(who),
        None => Voice::Speaker("a quoted speaker"),
    }
}

/// Judges two comparable claims; `None` when they cannot be compared (unresolved dates).
pub fn judge(
    a: &Claim,
    b: &Claim,
    relation: Relation,
    b_is_later: bool,
    config: &Config,
) -> Option<Finding> {
    judge_voiced(a, b, voice(a), voice(b), relation, b_is_later, config).map(Judged::into_finding)
}

/// [`judge`] with the voices of both claims known.
fn judge_voiced<'c>(
    a: &'c Claim,
    b: &'c Claim,
    va: Voice,
    vb: Voice,
    relation: Relation,
    b_is_later: bool,
    config: &Config,
) -> Option<Judged<'c>> {
    let verdict = verdict_of(a, b, &va, &vb, relation, b_is_later, config)?;
    Some(finding(verdict, a, b, &va, &vb, relation))
}

/// The subject a finding on two claims names: the more specific one ("people" reworded as
/// "people_evacuated"); shares and sums whose subjects differ are named by their kind.
fn finding_subject<'c>(a: &'c Claim, b: &'c Claim) -> &'c str {
    if b.subject.starts_with("people_") {
        &b.subject
    } else if a.subject != b.subject && matches!(a.kind, Kind::Percent | Kind::Money) {
        a.kind.as_str()
    } else {
        &a.subject
    }
}

/// What two claims amount to (SPEC §4); `None` when they cannot be compared (unresolved
/// dates, sums in different currencies).
fn verdict_of(
    a: &Claim,
    b: &Claim,
    va: &Voice,
    vb: &Voice,
    relation: Relation,
    b_is_later: bool,
    config: &Config,
) -> Option<Verdict> {
    let (same, overlap, order) = compare_values(a, b)?;
    let tally = config.is_running_tally(finding_subject(a, b));
    // The same relative phrase ("two years ago") read from two publication days names the
    // same loose time, not two different days.
    let same_phrase = a.days.is_some() && a.value.is_some() && same_words(&a.text(), &b.text());
    // A later version that says the same hedge with another figure of a running tally ("at
    // least 14 killed", then "at least 17") has moved the tally, though the two hedged
    // intervals overlap. Other figures stay quiet while they overlap ("around 70,000 homes",
    // then "about 75,000").
    let restated = relation == Relation::Versions
        && tally
        && a.qualifier == b.qualifier
        && !matches!(
            a.qualifier,
            Qualifier::Exact | Qualifier::Vague | Qualifier::Range
        )
        && a.value.zip(b.value).is_some_and(|(x, y)| x != y);
    Some(if same {
        Verdict::Agree
    } else if restated && va == vb && !same_phrase {
        match a.value < b.value {
            true => Verdict::Update,
            false => Verdict::Correction,
        }
    } else if overlap || va != vb || same_phrase {
        // A speaker's figure against the narrator's (or another speaker's) is reported as what
        // it is, never as the text contradicting itself.
        Verdict::Compatible
    } else {
        match relation {
            Relation::Versions if tally => {
                if order == std::cmp::Ordering::Less {
                    Verdict::Update
                } else {
                    Verdict::Correction
                }
            }
            Relation::Versions => Verdict::Correction,
            Relation::Outlets if tally && b_is_later && order == std::cmp::Ordering::Less => {
                Verdict::Update
            }
            _ => Verdict::Contradiction,
        }
    })
}

/// Whether two wordings are the same words, case aside.
fn same_words(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // What lower-casing both would say, without copying them.
        return a.eq_ignore_ascii_case(b);
    }
    a.to_lowercase() == b.to_lowercase()
}

/// The finding a verdict on two claims makes, with its reason.
fn finding<'c>(
    verdict: Verdict,
    a: &'c Claim,
    b: &'c Claim,
    va: &Voice,
    vb: &Voice,
    relation: Relation,
) -> Judged<'c> {
    Judged {
        verdict,
        kind: a.kind,
        subject: finding_subject(a, b),
        a: Some(a),
        b: Some(b),
        why: Why {
            relation,
            quoted: (quoted(va), quoted(vb)),
        },
    }
}

/// The figure as said and what it means: "'fast 30 Ländern' (fewer than 30, 27 to 29)".
fn figure(c: &Claim) -> String {
    let mut out = String::with_capacity(2 * c.text().len() + 32);
    figure_into(&mut out, c);
    out
}

/// [`figure`], written at the end of `out`.
fn figure_into(out: &mut String, c: &Claim) {
    out.push('\'');
    out.push_str(&c.text());
    out.push_str("' (");
    let open = out.len();
    describe_into(out, c);
    if out[open..] == *c.text() {
        out.truncate(open - 2);
        return;
    }
    // One level of parentheses reads better: "fewer than 30 (27 to 29)" → "fewer than 30, 27 to 29".
    // A search for two bytes, not a substring searcher set up per figure.
    let paren = out.as_bytes()[open..].windows(2).position(|w| w == b" (");
    if let Some(at) = paren.map(|k| open + k) {
        out.replace_range(at..at + 2, ", ");
        if let Some(close) = out[at + 2..].find(')').map(|k| at + 2 + k) {
            out.remove(close);
        }
    }
    out.push(')');
}

/// Writes why two claims amount to `verdict` at the end of `out`. Most findings of a corpus
/// are agreements: theirs is written piece by piece into `out`, the rest with `write!`.
fn reason_into(
    out: &mut String,
    verdict: Verdict,
    a: &Claim,
    b: &Claim,
    va: &Voice,
    vb: &Voice,
    relation: Relation,
) {
    use std::fmt::Write;
    if verdict == Verdict::Agree {
        // "'12 Tote' (12) and '12 Tote' (12) give the same people killed".
        let start = out.len();
        figure_into(out, a);
        let end = out.len();
        out.push_str(" and ");
        if same_figure(a, b) {
            out.extend_from_within(start..end);
        } else {
            figure_into(out, b);
        }
        out.push_str(" give the same ");
        what_into(out, a, b);
        return;
    }
    let mut what = String::new();
    what_into(&mut what, a, b);
    let fa = figure(a);
    // A figure stated again in the same words means the same: written once.
    let fb = if same_figure(a, b) {
        std::borrow::Cow::Borrowed(fa.as_str())
    } else {
        std::borrow::Cow::Owned(figure(b))
    };
    // Writing to a String cannot fail.
    let other = if relation == Relation::Same {
        "the same text"
    } else {
        "the other text"
    };
    if verdict == Verdict::Compatible
        && a.days.is_some()
        && a.value.is_some()
        && same_words(&a.text(), &b.text())
        && a.days != b.days
    {
        let _ = write!(
            out,
            "{fa} and {fb} are the same loose phrase read from different publication days, not two different dates"
        );
        return;
    }
    if !matches!(verdict, Verdict::Agree) && va != vb {
        let who = |v: &Voice| match *v {
            Voice::Narrator => "the narrator".to_string(),
            Voice::Speaker(s) => s.to_string(),
        };
        let _ = write!(
            out,
            "{fa} is {}'s figure and {fb} is {}'s: a quote against another voice, not a contradiction of fact",
            who(va),
            who(vb)
        );
        return;
    }
    let _ = match verdict {
        Verdict::Agree => Ok(()),
        Verdict::Compatible => write!(out, "{fa} and {fb} overlap, so both can be true of the {what}"),
        Verdict::Contradiction => write!(
            out,
            "'{}' means {}, but {other} says '{}', which means {}; both cannot be true of the same {what}",
            a.text(),
            describe(a),
            b.text(),
            describe(b)
        ),
        Verdict::Update => {
            write!(out, "the later text raises the {what} from {fa} to {fb}; a running tally that rises is an update")
        }
        Verdict::Correction if config_free_tally(a, b) => {
            write!(out, "the later text lowers the {what} from {fa} to {fb}; a running tally that falls is a correction")
        }
        Verdict::Correction => {
            write!(out, "the later text changes the {what} from {fa} to {fb}; a fixed fact that changes is a correction")
        }
        Verdict::Added => write!(out, "new claim: {fb}"),
        Verdict::Removed => write!(out, "dropped claim: {fa}"),
    };
}

/// What two claims' figures are of, as a reason names it: "people killed", "sum", "share
/// (turnout)".
fn what_into(out: &mut String, a: &Claim, b: &Claim) {
    match a.kind {
        // A sum or share is "of" its subject; the figure itself is what clashes.
        Kind::Money if a.subject == "money" => out.push_str("sum"),
        Kind::Percent if a.subject == "percent" => out.push_str("share"),
        Kind::Money | Kind::Percent => {
            out.push_str(if a.kind == Kind::Money {
                "sum ("
            } else {
                "share ("
            });
            readable_subject_into(out, &a.subject);
            out.push(')');
        }
        _ => readable_subject_into(
            out,
            if b.subject.starts_with("people_") {
                &b.subject
            } else {
                &a.subject
            },
        ),
    }
}

/// Whether [`figure`] reads the same of two claims: all it reads of them is equal.
fn same_figure(a: &Claim, b: &Claim) -> bool {
    a.text() == b.text()
        && a.days == b.days
        && a.kind == b.kind
        && a.value.map(f64::to_bits) == b.value.map(f64::to_bits)
        && a.interval.map(|i| (i.lo.to_bits(), i.hi.map(f64::to_bits)))
            == b.interval.map(|i| (i.lo.to_bits(), i.hi.map(f64::to_bits)))
        && a.qualifier == b.qualifier
        && a.unit == b.unit
}

/// Whether the later figure is lower (a falling tally) rather than merely different.
fn config_free_tally(a: &Claim, b: &Claim) -> bool {
    a.kind == Kind::Count
        && b.subject.starts_with("people_")
        && matches!(
            compare_values(a, b),
            Some((_, _, std::cmp::Ordering::Greater))
        )
}

fn single(verdict: Verdict, claim: &Claim) -> Judged<'_> {
    let (a, b) = match verdict {
        Verdict::Removed => (Some(claim), None),
        _ => (None, Some(claim)),
    };
    Judged {
        verdict,
        kind: claim.kind,
        subject: &claim.subject,
        a,
        b,
        why: Why {
            relation: Relation::Versions,
            quoted: (false, false),
        },
    }
}

/// Whether a claim may be judged: resolved dates only.
fn judgeable(c: &Claim) -> bool {
    c.unresolved.is_none()
}

/// Compares two versions of one article (`new` later than `old`).
pub fn diff_versions(
    old: &Document,
    old_claims: &[Claim],
    new: &Document,
    new_claims: &[Claim],
    config: &Config,
) -> Vec<Finding> {
    let (cx_old, cx_new) = (
        align::contexts(old_claims, config),
        align::contexts(new_claims, config),
    );
    diff_versions_with(old, old_claims, &cx_old, new, new_claims, &cx_new, config)
}

/// [`diff_versions`] with the claims' contexts already read ([`align::contexts`]), so that a
/// text compared several times is read once.
pub fn diff_versions_with(
    old: &Document,
    old_claims: &[Claim],
    cx_old: &[Context],
    new: &Document,
    new_claims: &[Claim],
    cx_new: &[Context],
    config: &Config,
) -> Vec<Finding> {
    with_texts(
        (old, old_claims, cx_old),
        (new, new_claims, cx_new),
        |a, b| diff_texts(a, b, config),
    )
}

/// Runs `f` on two documents read as [`Text`]s, each split into sentences once.
fn with_texts<R>(
    (old, old_claims, cx_old): (&Document, &[Claim], &[Context]),
    (new, new_claims, cx_new): (&Document, &[Claim], &[Context]),
    f: impl FnOnce(&Text, &Text) -> R,
) -> R {
    let (s_old, s_new) = (sentences(old), sentences(new));
    f(
        &Text {
            doc: old,
            claims: old_claims,
            cx: cx_old,
            sentences: &s_old,
        },
        &Text {
            doc: new,
            claims: new_claims,
            cx: cx_new,
            sentences: &s_new,
        },
    )
}

/// A document with everything a comparison reads from it, read once: its claims, their
/// contexts ([`align::contexts`]) and its sentences ([`sentences`]).
#[derive(Clone, Copy)]
pub struct Text<'a> {
    pub doc: &'a Document,
    pub claims: &'a [Claim],
    pub cx: &'a [Context],
    pub sentences: &'a [&'a str],
}

/// The sentences of a document, as the versions of it are aligned.
pub fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences()
        .iter()
        .map(|s| &doc.text()[s.start()..s.end()])
        .collect()
}

/// [`diff_versions_with`] for texts read already, so a version compared with the one before
/// and the one after is split once.
pub fn diff_texts(old: &Text, new: &Text, config: &Config) -> Vec<Finding> {
    kept(diff_judged(old, new, &text_pairs(old, new), config))
}

/// [`diff_texts`], its findings borrowing the texts' claims.
pub(crate) fn diff_texts_judged<'a>(
    old: &Text<'a>,
    new: &Text<'a>,
    config: &Config,
) -> Vec<Judged<'a>> {
    diff_judged(old, new, &text_pairs(old, new), config)
}

/// [`diff_texts`] with the claims paired already ([`version_pairs_of`]), so the pairing of two
/// versions serves both their findings and the timelines.
pub fn diff_paired(
    old: &Text,
    new: &Text,
    pairs: &[(usize, usize)],
    config: &Config,
) -> Vec<Finding> {
    kept(diff_judged(old, new, pairs, config))
}

/// [`diff_paired`], its findings borrowing the texts' claims.
fn diff_judged<'a>(
    old: &Text<'a>,
    new: &Text<'a>,
    pairs: &[(usize, usize)],
    config: &Config,
) -> Vec<Judged<'a>> {
    let (old_claims, new_claims) = (old.claims, new.claims);
    let mut findings = Vec::new();
    let mut paired_old = vec![false; old_claims.len()];
    let mut paired_new = vec![false; new_claims.len()];
    for &(i, j) in pairs {
        paired_old[i] = true;
        paired_new[j] = true;
        let (a, b) = (&old_claims[i], &new_claims[j]);
        if !judgeable(a) || !judgeable(b) {
            continue;
        }
        let (va, vb) = (voice_in(a, &old.cx[i]), voice_in(b, &new.cx[j]));
        if let Some(f) = judge_voiced(a, b, va, vb, Relation::Versions, true, config) {
            findings.push(f);
        }
    }
    // A claim left unpaired is added or removed unless the other version states the same
    // figure of its subject elsewhere; of a subject stated more often than `PAIR_REACH` times,
    // the nearest are asked.
    // Most versions leave no claim unpaired: the indexes are built only for those that do.
    let by_old = std::cell::OnceCell::new();
    let by_new = std::cell::OnceCell::new();
    let said_in = |c: &Claim, at: usize, others: &[Claim], index: &SubjectIndex| {
        index.get(c.subject.as_str()).is_some_and(|block| {
            limits::nearest(block, at).iter().any(|&k| {
                let o = &others[k];
                align::comparable(c, o) && compare_values(c, o).is_some_and(|v| v.0)
            })
        })
    };
    let scale = |i: usize, from: &[Claim], to: &[Claim]| i * to.len() / from.len().max(1);
    for (i, c) in old_claims.iter().enumerate() {
        let at = scale(i, old_claims, new_claims);
        if !paired_old[i]
            && !said_in(
                c,
                at,
                new_claims,
                by_new.get_or_init(|| by_subject(new_claims)),
            )
        {
            findings.push(single(Verdict::Removed, c));
        }
    }
    for (j, c) in new_claims.iter().enumerate() {
        let at = scale(j, new_claims, old_claims);
        if !paired_new[j]
            && !said_in(
                c,
                at,
                old_claims,
                by_old.get_or_init(|| by_subject(old_claims)),
            )
        {
            findings.push(single(Verdict::Added, c));
        }
    }
    findings
}

fn by_subject(claims: &[Claim]) -> SubjectIndex<'_> {
    SubjectIndex::of(claims, |_| true)
}

/// A text's claims grouped by subject, positions ascending in each group, in two flat lists:
/// the claims' positions ordered by subject and then position, and where each subject's group
/// starts. A text of a million subjects keeps two numbers per claim, not a vector and a table
/// entry per subject; a subject is found by binary search.
pub(crate) struct SubjectIndex<'c> {
    claims: &'c [Claim],
    /// Positions of the claims indexed, by subject, then position.
    order: Vec<usize>,
    /// Where each subject's group starts in `order`, and `order.len()` last.
    starts: Vec<usize>,
}

impl<'c> SubjectIndex<'c> {
    /// The claims that `keep` lets in, grouped by subject.
    pub(crate) fn of(claims: &'c [Claim], keep: impl Fn(&Claim) -> bool) -> SubjectIndex<'c> {
        let mut order: Vec<usize> = (0..claims.len()).filter(|&k| keep(&claims[k])).collect();
        order.sort_unstable_by(|&x, &y| {
            claims[x]
                .subject
                .as_str()
                .cmp(claims[y].subject.as_str())
                .then(x.cmp(&y))
        });
        let mut starts: Vec<usize> = (0..order.len())
            .filter(|&n| n == 0 || claims[order[n - 1]].subject != claims[order[n]].subject)
            .collect();
        starts.push(order.len());
        SubjectIndex {
            claims,
            order,
            starts,
        }
    }

    /// How many subjects.
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The positions of group `g`'s claims, ascending.
    fn group(&self, g: usize) -> &[usize] {
        &self.order[self.starts[g]..self.starts[g + 1]]
    }

    /// The subject of group `g`.
    fn subject(&self, g: usize) -> &str {
        &self.claims[self.order[self.starts[g]]].subject
    }

    /// The positions of the claims of `subject`, ascending.
    pub(crate) fn get(&self, subject: &str) -> Option<&[usize]> {
        let g = self.starts[..self.len()]
            .partition_point(|&s| self.claims[self.order[s]].subject.as_str() < subject);
        (g < self.len() && self.subject(g) == subject).then(|| self.group(g))
    }

    /// Which group position `n` of `order` falls in.
    fn group_at(&self, n: usize) -> usize {
        self.starts.partition_point(|&s| s <= n) - 1
    }
}

/// The claim pairs (old index, new index) of two versions: sentences aligned first, so an
/// edited number meets the number it replaced.
///
/// Symmetric: which claims pair does not depend on which text is called old, because ties
/// (a repeated sentence, two figures left for one) are broken in one canonical direction.
pub fn version_pairs(
    old: &Document,
    old_claims: &[Claim],
    new: &Document,
    new_claims: &[Claim],
    config: &Config,
) -> Vec<(usize, usize)> {
    let (cx_old, cx_new) = (
        align::contexts(old_claims, config),
        align::contexts(new_claims, config),
    );
    version_pairs_with(old, old_claims, &cx_old, new, new_claims, &cx_new)
}

/// [`version_pairs`] with the claims' contexts already read ([`align::contexts`]).
pub fn version_pairs_with(
    old: &Document,
    old_claims: &[Claim],
    cx_old: &[Context],
    new: &Document,
    new_claims: &[Claim],
    cx_new: &[Context],
) -> Vec<(usize, usize)> {
    with_texts(
        (old, old_claims, cx_old),
        (new, new_claims, cx_new),
        text_pairs,
    )
}

/// [`version_pairs_with`] for texts read already.
pub fn version_pairs_of(old: &Text, new: &Text) -> Vec<(usize, usize)> {
    text_pairs(old, new)
}

fn text_pairs(old: &Text, new: &Text) -> Vec<(usize, usize)> {
    if (new.doc.text(), new.doc.id.as_str()) < (old.doc.text(), old.doc.id.as_str()) {
        let mut pairs: Vec<(usize, usize)> = directed_pairs(new, old)
            .into_iter()
            .map(|(j, i)| (i, j))
            .collect();
        pairs.sort();
        return pairs;
    }
    directed_pairs(old, new)
}

fn directed_pairs(old: &Text, new: &Text) -> Vec<(usize, usize)> {
    let sentence_pairs = align::align_sentences(old.sentences, new.sentences);
    align::pair_versions(old.claims, new.claims, &sentence_pairs, old.cx, new.cx)
}

/// Two claims of one text that are probably the same fact told twice: a concept subject
/// counted in two sentences, with close figures, neither an increment ("zwei weitere Tote"),
/// a part ("neun von ihnen") nor tied to another day or occurrence.
fn same_fact_in_one_text(a: &Claim, b: &Claim, ca: &align::Context, cb: &align::Context) -> bool {
    if a.span.sentence == b.span.sentence || a.kind != Kind::Count || a.subject.contains(':') {
        return false;
    }
    if TIME_KEYS.contains(&a.subject.as_str())
        || ca.increment
        || cb.increment
        || ca.part
        || cb.part
        || ca.rate != cb.rate
        || ca.other_event(cb)
        || ca.plan_against_fact(cb)
        // "drei Tote ... Beim schwersten Brand waren im Jahr 1987 vier Menschen gestorben": a
        // figure the text sets in a year of its own is history beside its figures of now.
        || ca.year != cb.year
        // "Zuvor war von 212 Fällen die Rede": the text's own superseded figure.
        || ca.superseded
        || cb.superseded
    {
        return false;
    }
    close(a, b)
}

/// Counted time units ("acht Jahre Haft", "zwölf Monaten") name many different spans in one
/// text: a demand and a sentence, a term and a deadline.
const TIME_KEYS: &[&str] = &["year", "month", "week", "day"];

fn mid(c: &Claim) -> Option<f64> {
    c.interval.map(|i| i.hi.map_or(i.lo, |h| (i.lo + h) / 2.0))
}

fn ratio(a: &Claim, b: &Claim) -> Option<f64> {
    match (mid(a), mid(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => Some(x.max(y) / x.min(y)),
        _ => None,
    }
}

fn close(a: &Claim, b: &Claim) -> bool {
    ratio(a, b).is_some_and(|r| r <= 1.5)
}

/// How many earlier claims of its subject a claim is checked against inside one text. An
/// article states one figure a handful of times; a text stating figures thousands of times
/// would otherwise cost time and findings in the square of that.
const WITHIN_REACH: usize = PAIR_REACH;

/// Contradictions inside one text (and quotes that differ from the narrator).
pub fn within(claims: &[Claim], config: &Config) -> Vec<Finding> {
    within_with(claims, &align::contexts(claims, config), config)
}

/// [`within`] with the claims' contexts already read ([`align::contexts`]).
pub fn within_with(claims: &[Claim], cx: &[Context], config: &Config) -> Vec<Finding> {
    kept(within_judged(claims, cx, config))
}

/// [`within_with`], its findings borrowing the claims.
pub(crate) fn within_judged<'c>(
    claims: &'c [Claim],
    cx: &[Context],
    config: &Config,
) -> Vec<Judged<'c>> {
    // Each pair of wordings is reported once ("17 Menschen" against "20 Menschen"): a pair
    // whose wordings are reported already is not judged again.
    let mut reported: HashSet<(&str, &str)> = HashSet::new();
    let mut memo = ListMemo::default();
    let mut out = Vec::new();
    for_each_candidate(claims, Some(cx), |group, i, j| {
        let wordings = (claims[i].text(), claims[j].text());
        if reported.contains(&wordings) {
            return;
        }
        if let Some(f) = within_pair(claims, cx, group, i, j, config, &mut memo) {
            reported.insert(wordings);
            out.push(f);
        }
    });
    out
}

/// The pairs (i < j) of one text's claims that may clash, ordered by the later claim, then the
/// earlier, each with the claims of its subject.
/// Only counts of one subject can clash, so claims are grouped by subject first and pairs are
/// formed inside a group. With `retold` (the claims' contexts), a claim that tells a statement
/// of the group again ([`Statement`]) is no earlier claim of a pair: it would be judged as the
/// first telling was, and a paragraph repeated hundreds of times would otherwise push the rest
/// of the text out of [`WITHIN_REACH`].
fn for_each_candidate<'c>(
    claims: &'c [Claim],
    retold: Option<&[Context]>,
    mut each: impl FnMut(&[usize], usize, usize),
) {
    let groups = SubjectIndex::of(claims, |c| c.kind == Kind::Count);
    // Per group, the positions in it of the claims that may be the earlier of a pair, one
    // group after the other, and where each group's run starts.
    let mut earlier: Vec<usize> = Vec::new();
    let mut earlier_starts: Vec<usize> = Vec::with_capacity(groups.len() + 1);
    let mut told = foldhash::HashSet::default();
    for g in 0..groups.len() {
        earlier_starts.push(earlier.len());
        let group = groups.group(g);
        match retold {
            None => earlier.extend(0..group.len()),
            Some(cx) => {
                told.clear();
                earlier.extend((0..group.len()).filter(|&n| {
                    let k = group[n];
                    Statement::of(&claims[k], &cx[k]).is_none_or(|s| told.insert(s))
                }));
            }
        }
    }
    earlier_starts.push(earlier.len());
    // Where each claim stands in `groups.order`.
    let mut at: Vec<usize> = vec![usize::MAX; claims.len()];
    for (n, &j) in groups.order.iter().enumerate() {
        at[j] = n;
    }
    for (j, &place) in at.iter().enumerate() {
        if place == usize::MAX {
            continue;
        }
        let g = groups.group_at(place);
        let (group, n) = (groups.group(g), place - groups.starts[g]);
        let earlier = &earlier[earlier_starts[g]..earlier_starts[g + 1]];
        let before = earlier.partition_point(|&m| m < n);
        for &m in &earlier[before.saturating_sub(WITHIN_REACH)..before] {
            each(group, group[m], j);
        }
    }
}

/// All that [`within_pair`] reads of a claim and its context but where it stands: two claims
/// with one statement are judged alike against any later claim outside their sentences.
#[derive(PartialEq, Eq, Hash)]
struct Statement<'c> {
    sentence: &'c str,
    text: &'c str,
    kind: Kind,
    subject: &'c str,
    qualifier: Qualifier,
    value: Option<u64>,
    unit: Option<&'c str>,
    days: Option<crate::claim::DayRange>,
    unresolved: bool,
    attribution: Option<&'c str>,
    event_start: bool,
    future: bool,
    figure: FigureKey<'c>,
}

impl<'c> Statement<'c> {
    /// `None` for a claim whose context names a day range that does not overlap itself, which
    /// [`lists_figures`] would not treat as the claim's own.
    fn of(c: &'c Claim, cx: &'c Context) -> Option<Statement<'c>> {
        cx.day
            .is_none_or(|d| d.start <= d.last())
            .then(|| Statement {
                sentence: &c.sentence_text(),
                text: &c.text(),
                kind: c.kind,
                subject: &c.subject,
                qualifier: c.qualifier,
                value: c.value.map(f64::to_bits),
                unit: c.unit.as_deref(),
                days: c.days,
                unresolved: c.unresolved.is_some(),
                attribution: c.attribution.as_deref(),
                event_start: c.event_start,
                future: cx.future,
                figure: FigureKey::of(c, cx),
            })
    }
}

/// The pairs (i < j) of one text's claims that clash, with their findings, ordered by the
/// later claim.
fn clashing_pairs<'c>(
    claims: &'c [Claim],
    cx: &[align::Context],
    config: &Config,
) -> Vec<(usize, usize, Judged<'c>)> {
    let mut memo = ListMemo::default();
    let mut out = Vec::new();
    for_each_candidate(claims, None, |group, i, j| {
        if let Some(f) = within_pair(claims, cx, group, i, j, config, &mut memo) {
            out.push((i, j, f));
        }
    });
    out
}

/// The finding two claims of one subject in one text amount to, if it is an alarm or a quote
/// that differs from the narrator.
#[allow(clippy::too_many_arguments)]
fn within_pair<'c, 'x>(
    claims: &'c [Claim],
    cx: &'x [align::Context],
    group: &[usize],
    i: usize,
    j: usize,
    config: &Config,
    memo: &mut ListMemo<'x>,
) -> Option<Judged<'c>> {
    let (a, b) = (&claims[i], &claims[j]);
    if !align::comparable(a, b) || !same_fact_in_one_text(a, b, &cx[i], &cx[j]) {
        return None;
    }
    let (va, vb) = (voice_in(a, &cx[i]), voice_in(b, &cx[j]));
    if va == vb
        && a.attribution.is_some()
        && b.attribution.is_some()
        && a.attribution != b.attribution
    {
        return None;
    }
    let disjoint = compare_values(a, b).is_some_and(|(_, overlap, _)| !overlap);
    if !disjoint {
        return None;
    }
    if va == vb && memo.lists_figures(claims, cx, group, i, j) {
        return None;
    }
    let quote_differs = va != vb;
    let f = judge_voiced(a, b, va, vb, Relation::Same, false, config)?;
    // A quoted figure that differs from the narrator's is reported as a quote (a compatible
    // finding naming the speaker), never as the text contradicting itself.
    let quote_differs = f.verdict == Verdict::Compatible && quote_differs;
    (f.verdict == Verdict::Contradiction || quote_differs).then_some(f)
}

/// Answers of [`lists_figures`] for large groups: a text that states a subject's figures
/// hundreds of times asks the same question of the whole group for every pair. The answer
/// depends only on the group and on what the two claims' figures and surroundings are, so
/// that is the key.
///
/// A cache, not a record: it forgets every answer once it holds `capacity` of them. A text
/// that repeats itself asks few distinct questions and keeps its answers; a long text of ever
/// new figures (a corpus of articles run together) asks each question about once, and would
/// otherwise keep an answer for every pair it judged.
struct ListMemo<'c> {
    answers: foldhash::HashMap<(usize, FigureKey<'c>, FigureKey<'c>), bool>,
    capacity: usize,
}

/// How many answers a [`ListMemo`] keeps at most (about 4 MB).
const MEMO_ANSWERS: usize = 1 << 14;

impl Default for ListMemo<'_> {
    fn default() -> Self {
        ListMemo::with_capacity(MEMO_ANSWERS)
    }
}

/// All of a claim that [`lists_figures`] reads of it.
#[derive(PartialEq, Eq, Hash)]
struct FigureKey<'c> {
    figure: Option<(u64, Option<u64>)>,
    increment: bool,
    part: bool,
    rate: bool,
    whole: bool,
    quoted: bool,
    day: Option<crate::claim::DayRange>,
    ordinal: Option<u32>,
    place: Option<&'c str>,
    lang: Option<crate::Lang>,
}

impl<'c> FigureKey<'c> {
    fn of(c: &Claim, cx: &'c Context) -> FigureKey<'c> {
        FigureKey {
            figure: c.interval.map(|v| (v.lo.to_bits(), v.hi.map(f64::to_bits))),
            increment: cx.increment,
            part: cx.part,
            rate: cx.rate,
            whole: cx.whole,
            quoted: cx.quoted,
            day: cx.day,
            ordinal: cx.ordinal,
            place: cx.place.as_deref(),
            lang: cx.lang,
        }
    }
}

/// Groups this small are scanned for every pair; a memo costs more than it saves.
const MEMO_FROM: usize = 64;

impl<'c> ListMemo<'c> {
    fn with_capacity(capacity: usize) -> ListMemo<'c> {
        ListMemo {
            answers: Default::default(),
            capacity,
        }
    }

    fn lists_figures(
        &mut self,
        claims: &[Claim],
        cx: &'c [align::Context],
        group: &[usize],
        i: usize,
        j: usize,
    ) -> bool {
        // The key stands for the claim only if its day range is one (another claim with the same
        // key then is as near to it as it is to itself).
        let proper = |c: &Context| c.day.is_none_or(|d| d.start <= d.last());
        if group.len() < MEMO_FROM || !proper(&cx[i]) || !proper(&cx[j]) {
            return lists_figures(claims, cx, group, i, j);
        }
        let key = (
            group[0],
            FigureKey::of(&claims[i], &cx[i]),
            FigureKey::of(&claims[j], &cx[j]),
        );
        if self.answers.len() >= self.capacity && !self.answers.contains_key(&key) {
            self.answers.clear();
        }
        *self
            .answers
            .entry(key)
            .or_insert_with(|| lists_figures(claims, cx, group, i, j))
    }
}

/// Whether a text lists different facts of one subject rather than telling one fact twice: it
/// gives three or more different figures for the subject that nothing in their surroundings
/// (day, occurrence, place) sets apart from the two figures at hand ("17 Verletzte in Hamburg",
/// "23 in Köln", "41 in Bonn" are three incidents, not one incident told three ways). The
/// size of a whole ("the 90-seat chamber") is no item of such a list.
fn lists_figures(
    claims: &[Claim],
    cx: &[align::Context],
    group: &[usize],
    i: usize,
    j: usize,
) -> bool {
    let mut figures: Vec<(f64, Option<f64>)> = Vec::new();
    for &k in group {
        let c = &claims[k];
        let (ck, ci, cj) = (&cx[k], &cx[i], &cx[j]);
        if ck.increment || ck.part || ck.rate || ck.whole || ck.quoted != cx[i].quoted {
            continue;
        }
        if k != i && k != j && (ck.other_event(ci) || ck.other_event(cj)) {
            continue;
        }
        if let Some(v) = c.interval.map(|v| (v.lo, v.hi)) {
            if !figures.contains(&v) {
                figures.push(v);
                if figures.len() >= 3 {
                    return true;
                }
            }
        }
    }
    false
}
/// One figure followed through the versions of an article: what each version says of it
/// (`None` where a version does not state it).
///
/// ```
/// use claimdiff::{versions, Config, Defaults, Document, Format, Published};
/// let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
/// let v = |id: &str, text: &str| Document::from_text(id, text.into(), Format::Text, &Default::default(), &defaults).unwrap();
/// let report = versions(vec![
///     v("v1", "Vertreter aus fast 30 Ländern kamen."),
///     v("v2", "Vertreter aus 31 Ländern kamen."),
///     v("v3", "Vertreter aus 31 Ländern kamen nach Paris."),
/// ], &Config::default());
/// assert_eq!(report.timelines[0].line(), "fast 30 Ländern → 31 Ländern → 31 Ländern");
/// ```
#[derive(Debug, Clone)]
pub struct Timeline {
    pub kind: Kind,
    pub subject: String,
    pub points: Vec<Option<Claim>>,
}

impl Timeline {
    /// The figure as each version says it: "fast 30 Ländern → 31 Ländern → —".
    pub fn line(&self) -> String {
        self.points
            .iter()
            .map(|p| p.as_ref().map_or("—".to_string(), |c| c.text().to_string()))
            .collect::<Vec<_>>()
            .join(" → ")
    }
}

/// The timelines of three or more versions (given in order): claims chained through the
/// version-to-version pairing, kept when the figure changes at least once.
pub fn timelines(docs: &[&Document], claims: &[&[Claim]], config: &Config) -> Vec<Timeline> {
    if docs.len() < 3 {
        return Vec::new();
    }
    let links: Vec<Vec<(usize, usize)>> = (0..docs.len() - 1)
        .map(|k| version_pairs(docs[k], claims[k], docs[k + 1], claims[k + 1], config))
        .collect();
    timelines_of(claims, &links)
}

/// [`timelines`] from the version-to-version pairing already made: `links[k]` pairs the claims
/// of version `k` with those of version `k + 1` ([`version_pairs`]).
pub fn timelines_of(claims: &[&[Claim]], links: &[Vec<(usize, usize)>]) -> Vec<Timeline> {
    let versions = claims.len();
    if versions < 3 {
        return Vec::new();
    }
    // Each claim's successor in the next version, and whether one in the previous leads to
    // it: looked up, not searched, so a version of many claims costs no more per claim.
    let mut next: Vec<Vec<Option<usize>>> = claims.iter().map(|c| vec![None; c.len()]).collect();
    let mut led: Vec<Vec<bool>> = claims.iter().map(|c| vec![false; c.len()]).collect();
    for (k, pairs) in links.iter().enumerate() {
        // The first pair of a claim counts, as a search in pair order would find it.
        for &(i, j) in pairs.iter().rev() {
            next[k][i] = Some(j);
            led[k + 1][j] = true;
        }
    }
    let mut out = Vec::new();
    let mut chain: Vec<Option<usize>> = Vec::with_capacity(versions);
    for k in 0..versions {
        for start in 0..claims[k].len() {
            // A chain starts where no earlier version's claim leads to this one.
            if led[k][start] {
                continue;
            }
            chain.clear();
            chain.resize(versions, None);
            let (mut version, mut at) = (k, start);
            chain[version] = Some(at);
            while version + 1 < versions {
                let Some(following) = next[version][at] else {
                    break;
                };
                version += 1;
                at = following;
                chain[version] = Some(at);
            }
            let said: Vec<&Claim> = chain
                .iter()
                .enumerate()
                .filter_map(|(v, at)| at.map(|at| &claims[v][at]))
                .collect();
            let changes = said
                .windows(2)
                .any(|w| compare_values(w[0], w[1]).is_some_and(|(same, _, _)| !same));
            if said.len() >= 2 && changes {
                let first = said[0];
                let subject = said
                    .iter()
                    .map(|c| &c.subject)
                    .find(|s| s.starts_with("people_"))
                    .unwrap_or(&first.subject)
                    .clone();
                let points = chain
                    .iter()
                    .enumerate()
                    .map(|(v, at)| at.map(|at| claims[v][at].clone()))
                    .collect();
                out.push(Timeline {
                    kind: first.kind,
                    subject: subject.to_string(),
                    points,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Lang;

    /// A test text; ids starting with "en" are English, all others German.
    fn doc(id: &str, published: &str, text: &str) -> Document {
        let lang = if id.starts_with("en") {
            Lang::En
        } else {
            Lang::De
        };
        Document::sample(id, published, lang, text)
    }

    /// The alarms (contradiction, update, correction) of comparing texts as outlets, as
    /// (verdict, first mention, second mention).
    fn alarms(docs: Vec<Document>) -> Vec<(&'static str, String, String)> {
        crate::compare(docs, &Config::default())
            .findings
            .iter()
            .filter(|f| f.verdict.is_alarm())
            .map(|f| {
                let text =
                    |c: &Option<Claim>| c.as_ref().map_or(String::new(), |c| c.text().to_string());
                (f.verdict.as_str(), text(&f.a), text(&f.b))
            })
            .collect()
    }

    /// Spans of time are rounded and hedged without the whole-number step of counts.
    #[test]
    fn spans_of_time_meet_where_a_reader_would_round() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "The trial lasted nearly five years.",
                "The trial lasted five years.",
                false,
            ),
            (
                "The trial lasted five years.",
                "The trial lasted over five years.",
                false,
            ),
            (
                "The trial lasted more than four years.",
                "The trial lasted nearly five years.",
                false,
            ),
            (
                "The trial lasted four years.",
                "The trial lasted five years.",
                true,
            ),
            (
                "The trial lasted three years.",
                "The trial lasted more than four years.",
                true,
            ),
            (
                "The trial lasted nearly three years.",
                "The trial lasted three years.",
                false,
            ),
        ];
        assert_clashes(cases, "en-a", "en-b");
    }

    /// Compares each pair of texts as two outlets of one hour (`a` and `b` name the documents
    /// and so their languages) and asserts whether they clash.
    fn assert_clashes(cases: &[(&str, &str, bool)], a: &str, b: &str) {
        for &(x, y, clash) in cases {
            let got = alarms(vec![
                doc(a, "2025-06-12T10:00:00+01:00", x),
                doc(b, "2025-06-12T10:00:00+01:00", y),
            ]);
            assert_eq!(!got.is_empty(), clash, "{x} / {y}: {got:?}");
        }
    }

    /// A figure said to fewer digits is the other rounded; figures written out in full are
    /// exact.
    #[test]
    fn a_rounded_figure_meets_the_figure_it_rounds() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "Macron gewann mit 66,1 Prozent.",
                "Macron won 66.06 percent.",
                false,
            ),
            (
                "Die Wahlbeteiligung lag bei 74,6 Prozent.",
                "Turnout was 74.56 percent.",
                false,
            ),
            (
                "Die Union kam auf 33 Prozent.",
                "The Union won 32.9 percent.",
                false,
            ),
            (
                "Le Pen erhielt 10,6 Millionen Stimmen.",
                "Le Pen won 10,644,118 votes.",
                false,
            ),
            (
                "Van der Bellen kam auf 51,7 Prozent.",
                "Van der Bellen won 53.8 percent.",
                true,
            ),
            (
                "An Bord waren 4.234 Menschen.",
                "There were 4,200 people aboard.",
                true,
            ),
            (
                "Vertreter aus 30 Ländern kamen.",
                "Delegates from 31 countries came.",
                true,
            ),
            // Shares run on: a hedge bounds them without the step of a count.
            (
                "Die Wahlbeteiligung lag bei knapp 75 Prozent.",
                "Turnout was 74.56 percent.",
                false,
            ),
            (
                "Sie kam auf mehr als 50 Prozent.",
                "She won 48.7 percent.",
                true,
            ),
        ];
        assert_clashes(cases, "de-a", "en-b");
    }

    /// A figure its own text gives as said before and since replaced is set against nothing.
    #[test]
    fn a_superseded_figure_is_no_claim_of_now() {
        let got = alarms(vec![
            doc(
                "de-a",
                "2017-06-15T10:00:00+02:00",
                "Nach dem Brand im Hochhaus suchen die Retter weiter. Die Zahl der Toten ist auf \
                 mindestens 17 gestiegen. Zuvor war von 12 Toten die Rede gewesen.",
            ),
            doc(
                "en-b",
                "2017-06-16T10:00:00+01:00",
                "Rescuers are still searching the tower. At least 17 people have died. The \
                 penalty fare will go up from £50 to £70.",
            ),
        ]);
        assert_eq!(got, vec![]);
    }

    /// A span that runs up to the time of writing grows with the time between two texts.
    #[test]
    fn a_span_of_now_grows_between_two_texts() {
        let first = || {
            doc(
                "en-a",
                "2018-07-07T10:00:00+00:00",
                "The boys have been trapped in the cave for 15 days.",
            )
        };
        let later = |text: &str| doc("de-b", "2018-07-09T12:00:00+02:00", text);
        let quiet = alarms(vec![
            first(),
            later("Die Jungen sitzen seit 17 Tagen in der Höhle fest."),
        ]);
        assert_eq!(quiet, vec![]);
        let clash = alarms(vec![
            first(),
            later("Die Jungen sitzen seit 20 Tagen in der Höhle fest."),
        ]);
        assert_eq!(clash.len(), 1, "{clash:?}");
    }

    #[test]
    fn a_named_share_pairs_before_an_unnamed_one() {
        let got = alarms(vec![
            doc(
                "en-a",
                "2025-06-12T10:00:00+01:00",
                "Turnout was 61.4 percent, up from 58 percent four years ago.",
            ),
            doc(
                "en-b",
                "2025-06-12T14:00:00+01:00",
                "Turnout was 59.5 percent.",
            ),
        ]);
        let want = (
            "contradiction",
            "61.4 percent".into(),
            "59.5 percent".into(),
        );
        assert_eq!(got, vec![want]);
    }

    #[test]
    fn outlets_pair_by_subject_across_languages() {
        let cases: &[(&str, &str, &[&str])] = &[
            // A hedge that excludes the other figure.
            (
                "Vertreter aus fast 30 Ländern kamen nach Paris.",
                "Delegates from 31 countries came to Paris.",
                &["contradiction"],
            ),
            // A hedge that includes it.
            (
                "Vertreter aus rund 30 Ländern kamen nach Paris.",
                "Delegates from 31 countries came to Paris.",
                &[],
            ),
            // The same number of something else.
            (
                "Drei Menschen werden vermisst.",
                "Three people were killed.",
                &[],
            ),
            // A tally that rises in the later text is an update.
            (
                "Ein Mensch wurde getötet.",
                "Two people were killed.",
                &["update"],
            ),
        ];
        for (de, en, want) in cases {
            let got = alarms(vec![
                doc("de", "2025-03-27T10:00:00+01:00", de),
                doc("en", "2025-03-27T18:00:00+01:00", en),
            ]);
            let verdicts: Vec<&str> = got.iter().map(|g| g.0).collect();
            assert_eq!(&verdicts, want, "{de} / {en}: {got:?}");
        }
    }

    #[test]
    fn a_quote_is_not_the_narrator() {
        let text = "Delegates from 31 countries attended. \"Thirty-five nations are ready to help,\" Starmer said.";
        assert_eq!(alarms(vec![doc("en", "2025-03-27", text)]), vec![]);
        let report = crate::compare(vec![doc("en", "2025-03-27", text)], &Config::default());
        let reasons: Vec<String> = report.findings.iter().map(|f| f.reason()).collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("narrator") && r.contains("'Thirty-five nations'")),
            "{reasons:?}"
        );
        let a = doc(
            "en-a",
            "2025-03-27",
            "Delegates from 31 countries attended.",
        );
        let b = doc(
            "en-b",
            "2025-03-27",
            "\"Thirty-five nations are ready to help,\" Starmer said.",
        );
        let report = crate::compare(vec![a, b], &Config::default());
        let f = &report.findings[0];
        assert_eq!(f.verdict, Verdict::Compatible);
        assert!(
            f.reason().contains("Starmer's") && f.reason().contains("narrator"),
            "{}",
            f.reason()
        );
    }

    #[test]
    fn different_events_sharing_a_noun_are_not_paired() {
        // The meeting on Monday and a second meeting planned for April.
        let a = doc(
            "a",
            "2025-03-27",
            "Das Treffen am Montag war das erste dieser Art.",
        );
        let b = doc(
            "b",
            "2025-03-27",
            "Ein zweites Treffen ist für April geplant.",
        );
        assert_eq!(alarms(vec![a, b]), vec![]);
        // A figure of September against a figure of October.
        let a = doc(
            "a",
            "2025-10-30",
            "Im September lag die Inflation bei 2,4 Prozent.",
        );
        let b = doc(
            "b",
            "2025-10-30",
            "Im Oktober lag die Inflation bei 2,5 Prozent.",
        );
        assert_eq!(alarms(vec![a, b]), vec![]);
        // The same month: a clash.
        let a = doc(
            "a",
            "2025-10-30",
            "Im Oktober lag die Inflation bei 2,3 Prozent.",
        );
        let b = doc(
            "b",
            "2025-10-30",
            "Im Oktober lag die Inflation bei 2,5 Prozent.",
        );
        assert_eq!(alarms(vec![a, b]).len(), 1);
    }

    #[test]
    fn within_one_text_parts_and_increments_are_not_clashes() {
        let quiet = [
            "27 Menschen wurden verletzt. Neun von ihnen schwer verletzt.",
            "Drei Menschen sind ums Leben gekommen. Am Nachmittag wurden zwei weitere Tote geborgen.",
            "Bei dem Unglück wurden 48 Menschen verletzt. Vor einem Jahr waren 900 Menschen verletzt worden.",
        ];
        for text in quiet {
            assert_eq!(alarms(vec![doc("a", "2025-03-27", text)]), vec![], "{text}");
        }
        let clash =
            "Im Bus saßen 43 Menschen. Von den 48 Menschen an Bord kamen viele aus München.";
        assert_eq!(alarms(vec![doc("a", "2025-03-27", clash)]).len(), 1);
    }

    #[test]
    fn within_one_text_only_one_fact_told_twice_clashes() {
        // (text, contradictions expected); ids starting with "en" are English.
        let cases: &[(&str, &str, usize)] = &[
            // Different places: different incidents.
            (
                "de",
                "In Hamburg wurden 17 Menschen verletzt. In Köln wurden 19 Menschen verletzt.",
                0,
            ),
            (
                "de",
                "Bei Hof wurden 40 Menschen verletzt. In der Region Hannover wurden 45 Menschen verletzt.",
                0,
            ),
            (
                "en",
                "In Leeds, 17 people were injured. Near York, 19 people were injured.",
                0,
            ),
            // Many different figures of one subject: a list, not one fact told many ways.
            (
                "de",
                "Im Norden wurden 17 Menschen verletzt. Im Süden wurden 19 Menschen verletzt. Im Westen wurden 20 Menschen verletzt.",
                0,
            ),
            (
                "en",
                "Police said 17 people were injured in the north. In the south, 19 people were injured. In the west, 20 people were injured.",
                0,
            ),
            // A part of a group named before.
            (
                "de",
                "Im Bus saßen 43 Menschen, die meisten Urlauber. Aus München kamen davon 38 Menschen.",
                0,
            ),
            // One fact told twice, in one place.
            (
                "de",
                "Im Bus saßen 43 Menschen. Von den 48 Menschen an Bord kamen viele aus München.",
                1,
            ),
            (
                "en",
                "In Leeds, 17 people were injured. Officials in Leeds later said 23 people were injured.",
                1,
            ),
            // One place told three times with two figures: one clash, once.
            (
                "de",
                "In Hamburg wurden 17 Menschen verletzt. In Hamburg wurden 20 Menschen verletzt. In Hamburg wurden 20 Menschen verletzt.",
                1,
            ),
        ];
        for (lang, text, want) in cases {
            let got = alarms(vec![doc(lang, "2025-03-27", text)]);
            assert_eq!(got.len(), *want, "{text}: {got:?}");
            assert!(got.iter().all(|g| g.0 == "contradiction"), "{got:?}");
        }
    }

    #[test]
    fn remembered_list_answers_are_the_answers() {
        // A long text telling figures of one subject in different places, quoted and not, as
        // increments and not: the remembered answer for each pair is the one read afresh.
        let block = [
            "In Hamburg wurden 17 Menschen verletzt.",
            "In Hamburg wurden 20 Menschen verletzt.",
            "„In Hamburg wurden 17 Menschen verletzt“, sagte er.",
            "„In Hamburg wurden 20 Menschen verletzt“, sagte er.",
            "„In Hamburg wurden 29 Menschen verletzt“, sagte er.",
            "In Bonn wurden 40 weitere Menschen verletzt.",
            "In Bonn wurden 40 Menschen verletzt.",
            "Insgesamt wurden 20 Menschen verletzt.",
            "In Köln wurden 17 Menschen verletzt.",
        ]
        .join(" ");
        let text = vec![block; 10].join(" ");
        let d = doc("a", "2025-03-27", &text);
        let config = Config::default();
        let claims = crate::extract::extract(&d, &config);
        let cx = align::contexts(&claims, &config);
        let group: Vec<usize> = (0..claims.len())
            .filter(|&k| claims[k].kind == Kind::Count && claims[k].subject == claims[0].subject)
            .collect();
        assert!(group.len() >= MEMO_FROM, "{} claims", group.len());
        // A memo that keeps every answer, and one that keeps three and forgets them.
        let (mut memo, mut forgetful) = (ListMemo::default(), ListMemo::with_capacity(3));
        let mut answers = HashSet::new();
        for (n, &j) in group.iter().enumerate() {
            for &i in &group[..n] {
                let fresh = lists_figures(&claims, &cx, &group, i, j);
                assert_eq!(memo.lists_figures(&claims, &cx, &group, i, j), fresh);
                assert_eq!(forgetful.lists_figures(&claims, &cx, &group, i, j), fresh);
                assert!(forgetful.answers.len() <= 3);
                answers.insert(fresh);
            }
        }
        assert_eq!(answers.len(), 2, "both answers occur");
        assert!(memo.answers.len() > 3, "{} answers", memo.answers.len());
    }

    #[test]
    fn versions_pair_a_figure_with_the_one_that_replaced_it() {
        let v1 = doc("v1", "2025-03-27", "Zwei Menschen sind ums Leben gekommen, teilte das Landratsamt mit. Elf werden vermisst.");
        let v2 = doc(
            "v2",
            "2025-03-28",
            "Die Behörden bestätigten am Mittag vier Tote. Neun Menschen werden vermisst.",
        );
        let report = crate::versions(vec![v1, v2], &Config::default());
        let alarms: Vec<(&str, &str, &str)> = report
            .findings
            .iter()
            .filter(|f| f.verdict.is_alarm())
            .map(|f| {
                (
                    f.verdict.as_str(),
                    f.a.as_ref().unwrap().text(),
                    f.b.as_ref().unwrap().text(),
                )
            })
            .collect();
        assert!(
            alarms.contains(&("update", "Zwei Menschen", "vier Tote")),
            "{alarms:?}"
        );
        let reason = &report
            .findings
            .iter()
            .find(|f| f.verdict == Verdict::Update)
            .unwrap()
            .reason();
        assert!(
            reason.contains("'Zwei Menschen'") && reason.contains("'vier Tote'"),
            "{reason}"
        );
    }

    #[test]
    fn running_tallies_come_from_the_config() {
        let mut config = Config::default();
        let v1 = doc("v1", "2025-03-27", "Das Feuer zerstörte 40 Häuser.");
        let v2 = doc("v2", "2025-03-28", "Das Feuer zerstörte 60 Häuser.");
        let verdict = |config: &Config| {
            crate::versions(vec![v1.clone(), v2.clone()], config)
                .findings
                .iter()
                .find(|f| f.verdict.is_alarm())
                .map(|f| f.verdict)
        };
        assert_eq!(verdict(&config), Some(Verdict::Correction));
        config.running_tallies.push("house".into());
        assert_eq!(verdict(&config), Some(Verdict::Update));
    }
}
