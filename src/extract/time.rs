//! Time expressions in a sentence: weekdays, relative days, absolute dates, months and their
//! parts, periods, "ago", durations and event ages. Gives unanchored [`TimeExpr`]s; `resolve`
//! anchors them to the publication day.

use super::lexicon::{Lexicon, Tense};
use super::quantity::{number_at, phrase_at, quantity_at, Quantity};
use super::token::{Token, TokenKind};
use crate::claim::{Interval, Kind, Qualifier, TimeUnit};
use crate::config::Hedges;
use crate::resolve::TimeExpr;

/// A time expression found in a sentence.
#[derive(Debug, Clone)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub qualifier: Qualifier,
    pub value: Option<f64>,
    /// For dates and event ages.
    pub expr: Option<TimeExpr>,
    /// For durations: the interval in `unit`.
    pub interval: Option<Interval>,
    pub unit: Option<TimeUnit>,
    /// The token of the event word an event age names ("Kriegsjahr" → Krieg), if inside.
    pub event_token: Option<usize>,
}

/// Whether the clause around token `i` speaks of the future.
pub fn clause_tense(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Tense {
    let is_boundary = |t: &Token| {
        t.kind == TokenKind::Punct
            && matches!(
                t.text,
                "," | ";" | ":" | "\"" | "„" | "“" | "”" | "(" | ")" | "–"
            )
    };
    let mut a = i;
    while a > 0 && !is_boundary(&tokens[a - 1]) {
        a -= 1;
    }
    let mut b = i;
    while b < tokens.len() && !is_boundary(&tokens[b]) {
        b += 1;
    }
    if tokens[a..b]
        .iter()
        .any(|t| lexicon.future_markers.contains(&t.lower.as_str()))
    {
        Tense::Future
    } else {
        Tense::Past
    }
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Number || t.text.len() != 4 {
        return None;
    }
    t.text.parse().ok().filter(|y| (1900..=2100).contains(y))
}

fn day_number(t: &Token) -> Option<u32> {
    if t.kind != TokenKind::Number || t.text.len() > 2 {
        return None;
    }
    t.text.parse().ok().filter(|d| (1..=31).contains(d))
}

/// "27. März [2025]" (German) or "27 March [2025]" / "March 27[, 2025]" (English) at `i`.
fn absolute_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
) -> Option<(TimeExpr, usize)> {
    let t = tokens.get(i)?;
    let de = lexicon.lang == crate::Lang::De;
    // "27.03.2025", "27.3.", "2025-03-27"
    if t.kind == TokenKind::Number && t.text.contains('.') && de
        || t.kind == TokenKind::Number && t.text.matches('.').count() == 2
    {
        let parts: Vec<&str> = t.text.split('.').collect();
        if parts.len() >= 2 && parts.len() <= 3 && parts[0].len() <= 2 && parts[1].len() <= 2 {
            let day: u32 = parts[0].parse().ok()?;
            let month: u32 = parts[1].parse().ok()?;
            let mut end = i + 1;
            let mut year = parts.get(2).and_then(|y| y.parse::<i32>().ok());
            if year.is_none() {
                if tokens
                    .get(end)
                    .is_some_and(|t| t.is_punct(".") && !t.space_before)
                {
                    end += 1;
                    if let Some(y) = year_at(tokens, end) {
                        year = Some(y);
                        end += 1;
                    }
                } else {
                    return None; // "3.5" is a number, not a date
                }
            }
            if (1..=12).contains(&month) && (1..=31).contains(&day) {
                return Some((
                    TimeExpr::Absolute {
                        year,
                        month,
                        day,
                        tense,
                    },
                    end,
                ));
            }
        }
        return None;
    }
    if t.kind == TokenKind::Number
        && t.text.len() == 4
        && tokens.get(i + 1).is_some_and(|t| t.is_punct("-"))
    {
        let y = year_at(tokens, i)?;
        let m: u32 = tokens
            .get(i + 2)
            .filter(|t| t.is_number())?
            .text
            .parse()
            .ok()?;
        if !tokens.get(i + 3).is_some_and(|t| t.is_punct("-")) {
            return None;
        }
        let d: u32 = tokens
            .get(i + 4)
            .filter(|t| t.is_number())?
            .text
            .parse()
            .ok()?;
        return Some((
            TimeExpr::Absolute {
                year: Some(y),
                month: m,
                day: d,
                tense,
            },
            i + 5,
        ));
    }
    if let Some(day) = day_number(t) {
        let mut j = i + 1;
        if de {
            if !tokens.get(j).is_some_and(|t| t.is_punct(".")) {
                return None;
            }
            j += 1;
        }
        let month = tokens.get(j).and_then(|m| month_word(m, lexicon))?;
        let mut end = j + 1;
        if tokens.get(end).is_some_and(|t| t.is_punct(".")) && tokens[j].text.len() <= 4 {
            end += 1;
        }
        let year = year_at(tokens, end);
        if year.is_some() {
            end += 1;
        }
        return Some((
            TimeExpr::Absolute {
                year,
                month,
                day,
                tense,
            },
            end,
        ));
    }
    if !de {
        let month = month_word(t, lexicon)?;
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.is_punct(".")) {
            j += 1;
        }
        let day = tokens.get(j).and_then(day_number).or_else(|| {
            tokens
                .get(j)
                .and_then(|t| (lexicon.ordinal)(&t.lower))
                .filter(|d| (1..=31).contains(d))
        })?;
        let mut end = j + 1;
        let mut year = None;
        if tokens.get(end).is_some_and(|t| t.is_punct(",")) && year_at(tokens, end + 1).is_some() {
            year = year_at(tokens, end + 1);
            end += 2;
        } else if let Some(y) = year_at(tokens, end) {
            year = Some(y);
            end += 1;
        }
        return Some((
            TimeExpr::Absolute {
                year,
                month,
                day,
                tense,
            },
            end,
        ));
    }
    None
}

/// A month name; English month names must be capitalized ("may" is a verb).
fn month_word(t: &Token, lexicon: &'static Lexicon) -> Option<u32> {
    if t.kind != TokenKind::Word {
        return None;
    }
    if lexicon.lang == crate::Lang::En && !t.is_capitalized() {
        return None;
    }
    lexicon.month(&t.lower)
}

/// Scans a sentence's tokens for time expressions; `taken` marks tokens already used.
pub fn scan(
    tokens: &[Token],
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    taken: &mut [bool],
) -> Vec<TimeMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if let Some(m) = mention_at(tokens, i, lexicon, hedges) {
            for flag in &mut taken[m.start..m.end] {
                *flag = true;
            }
            i = m.end;
            out.push(m);
        } else {
            i += 1;
        }
    }
    out
}

fn date(
    start: usize,
    end: usize,
    expr: TimeExpr,
    qualifier: Qualifier,
    value: Option<f64>,
) -> TimeMention {
    TimeMention {
        start,
        end,
        kind: Kind::Date,
        qualifier,
        value,
        expr: Some(expr),
        interval: None,
        unit: None,
        event_token: None,
    }
}

/// Extends a mention's start over a preposition that belongs to it ("am", "on", "seit").
fn lead_in(tokens: &[Token], i: usize, words: &[&str]) -> usize {
    if i > 0 && words.contains(&tokens[i - 1].lower.as_str()) {
        i - 1
    } else {
        i
    }
}

const LEAD_INS: &[&str] = &[
    "am", "on", "seit", "since", "bis", "until", "vom", "ab", "zum", "by", "from", "in", "im",
];

fn mention_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
) -> Option<TimeMention> {
    let t = &tokens[i];
    let tense = clause_tense(tokens, i, lexicon);

    // Weekdays, alone or opening a compound ("Mittwochabend"), with a direction word before.
    if t.kind == TokenKind::Word && t.is_capitalized() {
        if let Some(day) = lexicon
            .weekday(&t.lower)
            .or_else(|| lexicon.weekday_prefix(&t.lower))
        {
            // Habitual plurals ("mittwochs", "on Wednesdays") and names are not dates.
            if t.lower.ends_with('s') && lexicon.weekday(&t.lower).is_none() {
                return None;
            }
            let mut start = i;
            let mut day_tense = tense;
            let mut strict = false;
            if i > 0 {
                if let Some((_, d)) = lexicon
                    .direction_words
                    .iter()
                    .find(|(w, _)| *w == tokens[i - 1].lower)
                {
                    day_tense = *d;
                    strict = matches!(
                        tokens[i - 1].lower.as_str(),
                        "vergangenen"
                            | "vergangene"
                            | "letzten"
                            | "letzte"
                            | "vorigen"
                            | "vorige"
                            | "last"
                            | "past"
                            | "previous"
                            | "kommenden"
                            | "kommende"
                            | "nächsten"
                            | "nächste"
                            | "next"
                            | "coming"
                    );
                    if matches!(tokens[i - 1].lower.as_str(), "bereits" | "schon") {
                        strict = false;
                    }
                    start = i - 1;
                }
            }
            start = lead_in(tokens, start, LEAD_INS);
            if start > 0 && matches!(tokens[start - 1].lower.as_str(), "zu" | "into") {
                start -= 1; // "in der Nacht zu Mittwoch"
            }
            return Some(date(
                start,
                i + 1,
                TimeExpr::Weekday {
                    day,
                    tense: day_tense,
                    strict,
                },
                Qualifier::Exact,
                None,
            ));
        }
    }

    // Relative days: "gestern", "tomorrow". German "Morgen" capitalized is the morning.
    if t.kind == TokenKind::Word {
        if let Some((_, offset)) = lexicon.relative_days.iter().find(|(w, _)| *w == t.lower) {
            if !(t.lower == "morgen" && t.is_capitalized()) {
                return Some(date(
                    i,
                    i + 1,
                    TimeExpr::Offset(*offset),
                    Qualifier::Exact,
                    None,
                ));
            }
        }
    }

    // "zwischen dem 10. und 14. März", "between March 10 and 14", "vom 10. bis 14. März".
    if let Some(m) = date_range_at(tokens, i, lexicon, tense) {
        return Some(m);
    }

    // Absolute dates.
    if let Some((expr, end)) = absolute_at(tokens, i, lexicon, tense) {
        let start = lead_in(tokens, i, LEAD_INS);
        return Some(date(start, end, expr, Qualifier::Exact, None));
    }

    // "Anfang März", "early March", "mid-March", "im März 2024".
    if let Some((part_word, part)) = lexicon
        .month_parts
        .iter()
        .find(|(w, _)| t.lower == *w || t.lower.strip_prefix(w).is_some_and(|r| r.starts_with('-')))
    {
        let (month, mut end) = if t.lower.len() > part_word.len() {
            (lexicon.month(&t.lower[part_word.len() + 1..])?, i + 1)
        } else {
            (
                tokens.get(i + 1).and_then(|m| month_word(m, lexicon))?,
                i + 2,
            )
        };
        let year = year_at(tokens, end);
        if year.is_some() {
            end += 1;
        }
        return Some(date(
            i,
            end,
            TimeExpr::Month {
                year,
                month,
                part: Some(*part),
                tense,
            },
            Qualifier::Approx,
            None,
        ));
    }
    if matches!(t.lower.as_str(), "im" | "in") {
        if let Some(month) = tokens.get(i + 1).and_then(|m| month_word(m, lexicon)) {
            let mut end = i + 2;
            let year = year_at(tokens, end);
            if year.is_some() {
                end += 1;
            }
            return Some(date(
                i,
                end,
                TimeExpr::Month {
                    year,
                    month,
                    part: None,
                    tense,
                },
                Qualifier::Exact,
                None,
            ));
        }
    }

    // "letzte Woche", "im vergangenen Jahr", "last year", "this week", "next month".
    if let Some((_, dir)) = lexicon.direction_words.iter().find(|(w, _)| *w == t.lower) {
        if let Some(unit) = tokens.get(i + 1).and_then(|u| lexicon.time_unit(&u.lower)) {
            let this = lexicon.lang == crate::Lang::En && t.lower == "this";
            let offset = if this {
                0
            } else if *dir == Tense::Past {
                -1
            } else {
                1
            };
            if !matches!(t.lower.as_str(), "bereits" | "schon" | "past") {
                let start = lead_in(tokens, i, &["im", "in", "am"]);
                return Some(date(
                    start,
                    i + 2,
                    TimeExpr::Period { unit, offset },
                    Qualifier::Exact,
                    None,
                ));
            }
        }
    }
    if lexicon.this_words.contains(&t.lower.as_str()) {
        if let Some(unit) = tokens.get(i + 1).and_then(|u| lexicon.time_unit(&u.lower)) {
            if unit != TimeUnit::Day {
                return Some(date(
                    lead_in(tokens, i, &["in"]),
                    i + 2,
                    TimeExpr::Period { unit, offset: 0 },
                    Qualifier::Exact,
                    None,
                ));
            }
        }
    }

    // Event ages: "im vierten Jahr", "in its fourth year", "im dritten Kriegsjahr",
    // "der dritte Jahrestag", "the second anniversary".
    if let Some(n) = (lexicon.ordinal)(&t.lower) {
        let next = tokens.get(i + 1)?;
        let compound_unit = lexicon.time_units.iter().find(|(w, _)| {
            next.lower.len() > w.len() + 2 && next.lower.ends_with(w) && *w == "jahr"
        });
        let (unit, event_token) = match (lexicon.time_unit(&next.lower), compound_unit) {
            (Some(u), _) => (Some(u), None),
            (None, Some((_, u))) => (Some(*u), Some(i + 1)),
            _ => (None, None),
        };
        let preceded_by_in = i >= 1
            && matches!(
                tokens[i - 1].lower.as_str(),
                "im" | "its" | "their" | "his" | "her"
            );
        if let Some(unit) = unit {
            if preceded_by_in {
                let start = if i >= 2 && tokens[i - 2].lower == "in" {
                    i - 2
                } else {
                    i - 1
                };
                let start = if start >= 1 && tokens[start - 1].lower == "now" {
                    start - 1
                } else {
                    start
                };
                return Some(TimeMention {
                    start,
                    end: i + 2,
                    kind: Kind::EventAge,
                    qualifier: Qualifier::Exact,
                    value: Some(n as f64),
                    expr: Some(TimeExpr::NthUnit { n, unit }),
                    interval: None,
                    unit: Some(unit),
                    event_token,
                });
            }
        }
        if lexicon.anniversary_words.contains(&next.lower.as_str()) {
            let start = lead_in(tokens, i, &["der", "den", "the", "dem", "zum"]);
            return Some(TimeMention {
                start,
                end: i + 2,
                kind: Kind::EventAge,
                qualifier: Qualifier::Exact,
                value: Some(n as f64),
                expr: Some(TimeExpr::Elapsed {
                    n,
                    unit: TimeUnit::Year,
                }),
                interval: None,
                unit: Some(TimeUnit::Year),
                event_token: None,
            });
        }
    }

    // Durations and "ago": "seit drei Jahren", "for six days", "vor drei Tagen", "two weeks ago".
    let opener_end = lexicon
        .duration_openers
        .iter()
        .filter_map(|o| phrase_at(tokens, i, o))
        .max();
    if let Some(after) = opener_end {
        let first_word = after - 1;
        if let Some(q) = quantity_at(tokens, after, lexicon, hedges)
            .or_else(|| quantity_at(tokens, first_word, lexicon, hedges).filter(|q| q.start >= i))
        {
            if let Some(unit) = tokens.get(q.end).and_then(|u| lexicon.time_unit(&u.lower)) {
                return Some(duration(i, q.end + 1, &q, unit));
            }
        }
        // "seit 2022": a date claim for the year.
        if let Some(y) = year_at(tokens, after) {
            return Some(date(
                i,
                after + 1,
                TimeExpr::Year(y),
                Qualifier::Exact,
                None,
            ));
        }
    }
    if lexicon.ago_before.contains(&t.lower.as_str()) {
        if let Some((n, end, _, _)) = number_at(tokens, i + 1, lexicon) {
            if let Some(unit) = tokens.get(end).and_then(|u| lexicon.time_unit(&u.lower)) {
                if n.fract() == 0.0 && n > 0.0 {
                    return Some(date(
                        i,
                        end + 1,
                        TimeExpr::Ago { n: n as u32, unit },
                        Qualifier::Exact,
                        Some(n),
                    ));
                }
            }
        }
    }
    if !lexicon.ago_after.is_empty() {
        if let Some(q) = quantity_at(tokens, i, lexicon, hedges) {
            if let Some(unit) = tokens.get(q.end).and_then(|u| lexicon.time_unit(&u.lower)) {
                if tokens
                    .get(q.end + 1)
                    .is_some_and(|a| lexicon.ago_after.contains(&a.lower.as_str()))
                {
                    let n = q.value.unwrap_or(1.0);
                    if n.fract() == 0.0 && n > 0.0 && q.qualifier == Qualifier::Exact {
                        return Some(date(
                            q.start,
                            q.end + 2,
                            TimeExpr::Ago { n: n as u32, unit },
                            Qualifier::Exact,
                            Some(n),
                        ));
                    }
                }
                if tokens
                    .get(q.end + 1)
                    .is_some_and(|a| lexicon.duration_closers.contains(&a.lower.as_str()))
                    && !q.weak
                {
                    return Some(duration(q.start, q.end + 2, &q, unit));
                }
            }
        }
    } else if let Some(q) = quantity_at(tokens, i, lexicon, hedges) {
        if let Some(unit) = tokens.get(q.end).and_then(|u| lexicon.time_unit(&u.lower)) {
            if tokens
                .get(q.end + 1)
                .is_some_and(|a| lexicon.duration_closers.contains(&a.lower.as_str()))
                && !q.weak
            {
                return Some(duration(q.start, q.end + 2, &q, unit));
            }
        }
    }
    // "nach drei Jahren Krieg", "after three years of war".
    if matches!(t.lower.as_str(), "nach" | "after") {
        if let Some((n, end, _, _)) = number_at(tokens, i + 1, lexicon) {
            if let Some(unit) = tokens.get(end).and_then(|u| lexicon.time_unit(&u.lower)) {
                let mut k = end + 1;
                if tokens.get(k).is_some_and(|t| t.lower == "of") {
                    k += 1;
                }
                if let Some(event) = tokens.get(k).filter(|e| {
                    lexicon
                        .concept(&e.lower)
                        .is_some_and(|c| c == "war" || c == "attack")
                }) {
                    let _ = event;
                    if n.fract() == 0.0 && n > 0.0 {
                        return Some(TimeMention {
                            start: i,
                            end: k + 1,
                            kind: Kind::EventAge,
                            qualifier: Qualifier::Exact,
                            value: Some(n),
                            expr: Some(TimeExpr::Elapsed { n: n as u32, unit }),
                            interval: None,
                            unit: Some(unit),
                            event_token: Some(k),
                        });
                    }
                }
            }
        }
    }
    None
}

fn duration(start: usize, end: usize, q: &Quantity, unit: TimeUnit) -> TimeMention {
    TimeMention {
        start,
        end,
        kind: Kind::Duration,
        qualifier: q.qualifier,
        value: q.value,
        expr: None,
        interval: Some(q.interval),
        unit: Some(unit),
        event_token: None,
    }
}

fn date_range_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
) -> Option<TimeMention> {
    let t = &tokens[i];
    let de = lexicon.lang == crate::Lang::De;
    let (mut j, link_words): (usize, &[&str]) = match t.lower.as_str() {
        "zwischen" | "between" => (i + 1, &["und", "and"]),
        "vom" | "from" => (i + 1, &["bis", "to", "until"]),
        _ => (i, &["bis", "to", "-", "–"]),
    };
    if tokens
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_str(), "dem" | "the"))
    {
        j += 1;
    }
    if de {
        let d1 = tokens.get(j).and_then(day_number)?;
        if !tokens.get(j + 1).is_some_and(|t| t.is_punct(".")) {
            return None;
        }
        let link = tokens.get(j + 2)?;
        if !link_words.contains(&link.lower.as_str()) {
            return None;
        }
        let mut k = j + 3;
        if tokens.get(k).is_some_and(|t| t.lower == "zum") {
            k += 1;
        }
        let (second, end) = absolute_at(tokens, k, lexicon, tense)?;
        let TimeExpr::Absolute { year, month, .. } = second.clone() else {
            return None;
        };
        let first = TimeExpr::Absolute {
            year,
            month,
            day: d1,
            tense,
        };
        return Some(date(
            i,
            end,
            TimeExpr::Between(Box::new(first), Box::new(second)),
            Qualifier::Range,
            None,
        ));
    }
    // English: "between March 10 and 14", "March 10 to 14", "from 10 to 14 March".
    let (first, after) = absolute_at(tokens, j, lexicon, tense)?;
    let link = tokens.get(after)?;
    if !link_words.contains(&link.lower.as_str()) {
        return None;
    }
    let TimeExpr::Absolute { year, month, .. } = first.clone() else {
        return None;
    };
    if let Some((second, end)) = absolute_at(tokens, after + 1, lexicon, tense) {
        return Some(date(
            i,
            end,
            TimeExpr::Between(Box::new(first), Box::new(second)),
            Qualifier::Range,
            None,
        ));
    }
    let d2 = tokens.get(after + 1).and_then(day_number)?;
    let second = TimeExpr::Absolute {
        year,
        month,
        day: d2,
        tense,
    };
    Some(date(
        i,
        after + 2,
        TimeExpr::Between(Box::new(first), Box::new(second)),
        Qualifier::Range,
        None,
    ))
}
