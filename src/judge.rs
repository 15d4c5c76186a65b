//! Findings: paired claims judged by their intervals (SPEC §4), each with a reason a desk
//! editor understands.

use serde::Serialize;

use crate::align;
use crate::claim::{Claim, Kind, Number, Qualifier};
use crate::config::Config;
use crate::document::Document;
use crate::segment;

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

/// One finding: what two claims (or one added/removed claim) amount to, and why.
#[derive(Debug, Clone)]
pub struct Finding {
    pub verdict: Verdict,
    pub kind: Kind,
    pub subject: String,
    pub a: Option<Claim>,
    pub b: Option<Claim>,
    pub reason: String,
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
    if let Some(days) = c.days {
        return match days.end {
            Some(end) if c.kind == Kind::EventAge => {
                format!("a start between {} and {}", days.start, end)
            }
            Some(end) => format!("{} to {}", days.start, end),
            None => days.start.to_string(),
        };
    }
    let n = |v: f64| Number(v).to_string();
    if c.kind == Kind::Ordinal {
        return format!("number {}", n(c.value.unwrap_or(0.0)));
    }
    let Some(i) = c.interval else {
        return c.text.clone();
    };
    let unit = match c.kind {
        Kind::Percent => " %".to_string(),
        Kind::Money => format!(" {}", c.unit.as_deref().unwrap_or("")),
        Kind::Duration => format!(" {}s", c.unit.as_deref().unwrap_or("")),
        _ => String::new(),
    };
    match (c.qualifier, i.hi) {
        (Qualifier::Exact, _) => format!("{}{unit}", n(i.lo)),
        (_, None) => format!("{} or more{unit}", n(i.lo)),
        (Qualifier::Almost, Some(hi)) => format!(
            "fewer than {} ({} to {}){unit}",
            n(c.value.unwrap_or(hi + 1.0)),
            n(i.lo),
            n(hi)
        ),
        (Qualifier::Approx, Some(hi)) => format!(
            "about {} ({} to {}){unit}",
            n(c.value.unwrap_or(i.lo)),
            n(i.lo),
            n(hi)
        ),
        (_, Some(hi)) if i.lo == 0.0 => format!("at most {}{unit}", n(hi)),
        (_, Some(hi)) => format!("{} to {}{unit}", n(i.lo), n(hi)),
    }
}

fn readable_subject(subject: &str) -> String {
    match subject.split_once(':') {
        Some((_, stem)) => format!("'{stem}…'"),
        None => subject.replace('_', " "),
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
    let (x, y) = (a.interval?, b.interval?);
    Some((x.same(&y), x.overlaps(&y), x.lo.total_cmp(&y.lo)))
}

/// Judges two comparable claims; `None` when they cannot be compared (unresolved dates).
pub fn judge(
    a: &Claim,
    b: &Claim,
    relation: Relation,
    b_is_later: bool,
    config: &Config,
) -> Option<Finding> {
    let (same, overlap, order) = compare_values(a, b)?;
    let tally = config.is_running_tally(&a.subject);
    let verdict = if same {
        Verdict::Agree
    } else if overlap {
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
    };
    let reason = reason(verdict, a, b);
    Some(Finding {
        verdict,
        kind: a.kind,
        subject: a.subject.clone(),
        a: Some(a.clone()),
        b: Some(b.clone()),
        reason,
    })
}

fn reason(verdict: Verdict, a: &Claim, b: &Claim) -> String {
    let (da, db) = (describe(a), describe(b));
    let what = readable_subject(&a.subject);
    let quoted = match (&a.attribution, &b.attribution) {
        (Some(x), None) => format!(" ('{}' is {x}'s words, the other the narrator's)", a.text),
        (None, Some(y)) => format!(" ('{}' is {y}'s words, the other the narrator's)", b.text),
        _ => String::new(),
    };
    let body = match verdict {
        Verdict::Agree => format!("both say {da} for {what}"),
        Verdict::Compatible => format!(
            "'{}' means {da} and '{}' means {db}; the ranges overlap, so both can be true",
            a.text, b.text
        ),
        Verdict::Contradiction => format!(
            "'{}' means {da}, but '{}' means {db}; both cannot be true of the same {what}",
            a.text, b.text
        ),
        Verdict::Update => format!("the later text raises {what} from {da} to {db}"),
        Verdict::Correction => format!(
            "the later text changes {what} from {da} ('{}') to {db} ('{}')",
            a.text, b.text
        ),
        Verdict::Added => format!("new claim: '{}' ({db})", b.text),
        Verdict::Removed => format!("dropped claim: '{}' ({da})", a.text),
    };
    format!("{body}{quoted}")
}

fn single(verdict: Verdict, claim: &Claim) -> Finding {
    let (a, b) = match verdict {
        Verdict::Removed => (Some(claim.clone()), None),
        _ => (None, Some(claim.clone())),
    };
    let reason = match verdict {
        Verdict::Removed => format!("dropped claim: '{}' ({})", claim.text, describe(claim)),
        _ => format!("new claim: '{}' ({})", claim.text, describe(claim)),
    };
    Finding {
        verdict,
        kind: claim.kind,
        subject: claim.subject.clone(),
        a,
        b,
        reason,
    }
}

/// Whether a claim may be judged: resolved dates, concept subjects for cross-text pairing.
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
    let s_old: Vec<&str> = segment::split(old.text(), old.lang)
        .iter()
        .map(|s| &old.text()[s.start..s.end])
        .collect();
    let s_new: Vec<&str> = segment::split(new.text(), new.lang)
        .iter()
        .map(|s| &new.text()[s.start..s.end])
        .collect();
    let sentence_pairs = align::align_sentences(&s_old, &s_new);
    let pairs = align::pair_versions(old_claims, new_claims, &sentence_pairs);
    let mut findings = Vec::new();
    let mut paired_old = vec![false; old_claims.len()];
    let mut paired_new = vec![false; new_claims.len()];
    for (i, j) in pairs {
        paired_old[i] = true;
        paired_new[j] = true;
        let (a, b) = (&old_claims[i], &new_claims[j]);
        if !judgeable(a) || !judgeable(b) || a.attribution != b.attribution {
            continue;
        }
        if a.subject != b.subject && !align::same_family_in_versions(a, b) {
            continue;
        }
        if let Some(f) = judge(a, b, Relation::Versions, true, config) {
            findings.push(f);
        }
    }
    for (i, c) in old_claims.iter().enumerate() {
        if !paired_old[i]
            && !new_claims
                .iter()
                .any(|n| align::comparable(c, n) && compare_values(c, n).is_some_and(|v| v.0))
        {
            findings.push(single(Verdict::Removed, c));
        }
    }
    for (j, c) in new_claims.iter().enumerate() {
        if !paired_new[j]
            && !old_claims
                .iter()
                .any(|o| align::comparable(o, c) && compare_values(o, c).is_some_and(|v| v.0))
        {
            findings.push(single(Verdict::Added, c));
        }
    }
    findings
}

/// Two claims of one text that are probably the same fact: same subject and kind, close
/// values (a subset such as "5 of the 30 countries" is far off), and neither a quote.
fn same_fact_in_one_text(a: &Claim, b: &Claim) -> bool {
    if a.span.sentence == b.span.sentence || a.attribution.is_some() || b.attribution.is_some() {
        return false;
    }
    if a.subject.contains(':') || !matches!(a.kind, Kind::Count) {
        return false;
    }
    close(a, b)
}

fn close(a: &Claim, b: &Claim) -> bool {
    let mid = |c: &Claim| c.interval.map(|i| i.hi.map_or(i.lo, |h| (i.lo + h) / 2.0));
    match (mid(a), mid(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) <= 1.5,
        _ => false,
    }
}

/// Contradictions inside one text.
pub fn within(claims: &[Claim], config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            let (a, b) = (&claims[i], &claims[j]);
            if !align::comparable(a, b) || !same_fact_in_one_text(a, b) {
                continue;
            }
            if let Some(f) = judge(a, b, Relation::Same, false, config) {
                if f.verdict == Verdict::Contradiction {
                    findings.push(f);
                }
            }
        }
    }
    findings
}

/// Compares two texts from different outlets (or of unknown relation): claims paired by
/// subject and kind. A claim in `a` that agrees with any claim of `b` raises no alarm.
pub fn compare_outlets(
    a_doc: &Document,
    a: &[Claim],
    b_doc: &Document,
    b: &[Claim],
    config: &Config,
) -> Vec<Finding> {
    let b_is_later = match (a_doc.published, b_doc.published) {
        (Some(x), Some(y)) => y.sort_key() > x.sort_key(),
        _ => false,
    };
    let mut findings = Vec::new();
    let mut seen_b = vec![false; b.len()];
    for x in a
        .iter()
        .filter(|c| judgeable(c) && !c.subject.contains(':') && c.subject != "event")
    {
        let candidates: Vec<(usize, Finding)> = b
            .iter()
            .enumerate()
            .filter(|(_, y)| {
                judgeable(y) && align::comparable(x, y) && x.attribution == y.attribution
            })
            .filter_map(|(j, y)| judge(x, y, Relation::Outlets, b_is_later, config).map(|f| (j, f)))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        // The best counterpart: agreement over compatibility over a clash.
        let best = candidates
            .iter()
            .min_by_key(|(j, f)| (rank(f.verdict), *j))
            .map(|(j, f)| (*j, f.clone()));
        if let Some((j, f)) = best {
            if f.verdict.is_alarm() && !close_enough_for_outlets(x, &b[j]) {
                continue;
            }
            if seen_b[j] && !f.verdict.is_alarm() {
                continue;
            }
            seen_b[j] = true;
            findings.push(f);
        }
    }
    findings
}

/// Across outlets, two far-apart counts of one subject are usually different facts (a subset,
/// another group); only close figures are judged as the same fact.
fn close_enough_for_outlets(a: &Claim, b: &Claim) -> bool {
    match a.kind {
        Kind::Count | Kind::Percent | Kind::Money => close(a, b) || config_tally(&a.subject),
        _ => true,
    }
}

fn config_tally(subject: &str) -> bool {
    crate::extract::lexicon::RUNNING_TALLIES.contains(&subject)
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Agree => 0,
        Verdict::Compatible => 1,
        Verdict::Update => 2,
        Verdict::Correction => 3,
        Verdict::Contradiction => 4,
        Verdict::Added | Verdict::Removed => 5,
    }
}
