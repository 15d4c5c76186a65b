//! Figures that state no claim, for `extract --mentions`: every number, ordinal, share, sum
//! and time expression the claim scanner passed over. Takes a sentence's tokens and the ones
//! its claims took; gives the rest as found mentions with an empty subject.
//!
//! Web addresses, e-mail addresses and telephone numbers hold digits but no figures: their
//! tokens are passed over. IP addresses and version strings ("192.168.1.2", "2.0.1") are no
//! number in either language's digit grouping, so [`numeral`] reads none in them.

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
    skip_addresses(tokens, taken);
    let mut out = Vec::new();
    for m in time::scan_with(tokens, lexicon, hedges, taken, Reading::Mentions) {
        out.push(Found::from(m));
    }
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let found = figure(tokens, i, lexicon).or_else(|| ordinal(tokens, i, lexicon));
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

/// Marks the tokens of web and e-mail addresses and of telephone numbers as taken: a run of
/// tokens with no space between them that holds "://", "www." or "@", or that opens with
/// "+" and a number of seven digits or more ("+1-222-2222/2222", "+49 30 1234567").
pub(super) fn skip_addresses(tokens: &[Token], taken: &mut [bool]) {
    // One buffer for every run's text: most runs are one word, and a sentence has many.
    let mut text = String::new();
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len() && !tokens[end].space_before {
            end += 1;
        }
        let run = &tokens[start..end];
        // An address needs an "@", the ":" of "://" or a first word "www": most runs have none,
        // and their text is not put together.
        let may_be_address =
            run[0].lower.starts_with("www") || run.iter().any(|t| t.lower.contains(['@', ':']));
        let address = may_be_address && {
            text.clear();
            text.extend(run.iter().map(|t| t.lower.as_str()));
            text.contains("://") || text.starts_with("www.") || text.contains('@')
        };
        let dialled = run.len() > 1 && run[0].is_punct("+") && run[1].is_number();
        if address {
            taken[start..end].fill(true);
        } else if dialled {
            // The number goes on after spaces: "+49 30 1234567"; seven digits or more make
            // it a telephone number, not a rise ("+5%").
            let mut last = end;
            while tokens
                .get(last)
                .is_some_and(|t| t.is_number() && t.space_before)
            {
                last += 1;
            }
            let digits: usize = tokens[start..last]
                .iter()
                .filter(|t| t.is_number())
                .map(|t| t.text.bytes().filter(u8::is_ascii_digit).count())
                .sum();
            if digits >= 7 {
                taken[start..last].fill(true);
                end = last;
            }
        }
        start = end;
    }
}

/// An ordinal at token `i`, whatever it numbers: "dritte", "3.", "11th", "twenty-fifth";
/// a relative one ("penultimate") carries the item it counts from as its unit.
pub(super) fn ordinal(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<Found> {
    let o = numeral::ordinal_at(tokens, i, lexicon)?;
    Some(found(i, o.end, Kind::Ordinal, Some(o.value), o.anchor))
}

/// A number at token `i`, read as an ordinal when the ordinal reaches as far ("one hundred
/// twenty fifth", "two hundredth"); with a percent word or a currency after it, or a currency
/// sign before it, a share or a sum. "percent of 10" and a percent word alone ("a small
/// percent") are shares too.
pub(super) fn figure(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<Found> {
    let next = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let percent_at = |k: usize| -> Option<usize> {
        let two = format!("{} {}", next(k), next(k + 1));
        if lexicon.percent_words.contains(&two.as_str()) {
            return Some(k + 2);
        }
        lexicon.percent_words.contains(&next(k)).then_some(k + 1)
    };
    // "percent of 10", "per cent of twenty-two"; a percent word alone.
    if let Some(after) = percent_at(i) {
        let link = tokens.get(after).filter(|t| t.lower == "of");
        if let Some((value, end)) =
            link.and_then(|_| numeral::number_at(tokens, after + 1, lexicon))
        {
            return Some(found(i, end, Kind::Percent, Some(value), Some("percent")));
        }
        let before_number = i > 0 && numeral::number_at(tokens, i - 1, lexicon).is_some();
        return (!before_number).then(|| found(i, after, Kind::Percent, None, Some("percent")));
    }
    let sign = tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Punct)
        .and_then(|t| lexicon.currency(&t.lower));
    let at = i + usize::from(sign.is_some());
    let (value, end) = numeral::number_at(tokens, at, lexicon)?;
    if let Some(o) = numeral::ordinal_at(tokens, at, lexicon).filter(|o| o.end > end) {
        return Some(found(i, o.end, Kind::Ordinal, Some(o.value), o.anchor));
    }
    if let Some(code) = sign {
        return Some(found(i, end, Kind::Money, Some(value), Some(code)));
    }
    if let Some(after) = percent_at(end) {
        return Some(found(i, after, Kind::Percent, Some(value), Some("percent")));
    }
    if let Some(code) = tokens.get(end).and_then(|t| lexicon.currency(&t.lower)) {
        return Some(found(i, end + 1, Kind::Money, Some(value), Some(code)));
    }
    Some(found(i, end, Kind::Count, Some(value), None))
}

/// Whether a claim reads its figure as the figure reader does: a figure that starts in the
/// free words before the claim and reaches into it ("drei halbe Schweine", "minus five
/// percent", "3 hundred and 21 yuan") disagrees; so does, for a count or an ordinal, another
/// value ("five eighths" is no five of something, "a fifth" no fifth occurrence).
pub(super) fn agrees(
    tokens: &[Token],
    claim: &Found,
    taken: &[bool],
    lexicon: &'static Lexicon,
) -> bool {
    if !matches!(
        claim.kind,
        Kind::Count | Kind::Ordinal | Kind::Percent | Kind::Money
    ) {
        return true;
    }
    let read = |k: usize| figure(tokens, k, lexicon).or_else(|| ordinal(tokens, k, lexicon));
    let free_before = (claim.start.saturating_sub(6)..claim.start)
        .rev()
        .take_while(|&k| !taken[k]);
    for k in free_before {
        if read(k).is_some_and(|f| f.end > claim.start) {
            return false;
        }
    }
    if claim.value.is_none() || !matches!(claim.kind, Kind::Count | Kind::Ordinal) {
        return true;
    }
    let figure = (claim.start..claim.end).find_map(read);
    figure.is_none_or(|f| f.kind == claim.kind && f.value == claim.value)
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
        interval: (kind != Kind::Ordinal)
            .then(|| value.map(Interval::exact))
            .flatten(),
        unit: unit.map(str::to_string),
        expr: None,
        event_start: false,
    }
}
