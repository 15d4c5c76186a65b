//! Figures that state no claim, for `extract --mentions`: every number, ordinal, share, sum
//! and time expression the claim scanner passed over. Takes a sentence's tokens and the ones
//! its claims took; gives the rest as found mentions with an empty subject.

use super::lexicon::Lexicon;
use super::token::{Token, TokenKind};
use super::{numeral, time, Found, Reading};
use crate::claim::{Interval, Kind, Qualifier};
use crate::config::Hedges;

/// The time expressions, then the numbers and ordinals, in the tokens no claim took; marks
/// the tokens they take.
pub(super) fn rest(
    tokens: &[Token],
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    taken: &mut [bool],
) -> Vec<Found> {
    let mut out = Vec::new();
    for m in time::scan_with(tokens, lexicon, hedges, taken, Reading::Mentions) {
        out.push(Found {
            start: m.start,
            end: m.end,
            kind: m.kind,
            subject: String::new(),
            subject_text: String::new(),
            qualifier: m.qualifier,
            value: m.value,
            interval: m.interval,
            unit: m.unit.map(|u| u.as_str().to_string()),
            expr: m.expr,
            event_start: false,
        });
    }
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let found = ordinal(tokens, i, lexicon).or_else(|| figure(tokens, i, lexicon));
        match found.filter(|f| !taken[f.start..f.end].contains(&true)) {
            Some(f) => {
                taken[f.start..f.end].fill(true);
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// An ordinal at token `i`, whatever it numbers: "dritte", "3.", "11th", "twenty-fifth".
fn ordinal(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<Found> {
    let (n, end) = numeral::ordinal_at(tokens, i, lexicon)?;
    Some(found(i, end, Kind::Ordinal, Some(n), None))
}

/// A number at token `i`, with a percent word or a currency after it, or a currency sign
/// before it: a count, a share or a sum.
fn figure(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<Found> {
    let sign = tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Punct)
        .and_then(|t| lexicon.currency(&t.lower));
    let at = i + usize::from(sign.is_some());
    let (value, end) = numeral::number_at(tokens, at, lexicon)?;
    if let Some(code) = sign {
        return Some(found(i, end, Kind::Money, Some(value), Some(code)));
    }
    let next = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    if lexicon.percent_words.contains(&next(end)) {
        return Some(found(i, end + 1, Kind::Percent, Some(value), Some("percent")));
    }
    let two = format!("{} {}", next(end), next(end + 1));
    if lexicon.percent_words.contains(&two.as_str()) {
        return Some(found(i, end + 2, Kind::Percent, Some(value), Some("percent")));
    }
    if let Some(code) = tokens.get(end).and_then(|t| lexicon.currency(&t.lower)) {
        return Some(found(i, end + 1, Kind::Money, Some(value), Some(code)));
    }
    Some(found(i, end, Kind::Count, Some(value), None))
}

fn found(start: usize, end: usize, kind: Kind, value: Option<f64>, unit: Option<&str>) -> Found {
    Found {
        start,
        end,
        kind,
        subject: String::new(),
        subject_text: String::new(),
        qualifier: Qualifier::Exact,
        value,
        interval: (kind != Kind::Ordinal).then(|| value.map(Interval::exact)).flatten(),
        unit: unit.map(str::to_string),
        expr: None,
        event_start: false,
    }
}
