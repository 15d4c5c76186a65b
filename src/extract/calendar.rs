//! Dates and periods as recognizers list them, beside the news scanners of [`super::time`]:
//! days named by ordinal words ("am neunundzwanzigsten Mai", "the twenty-ninth of May"),
//! numeric dates in both languages' orders ("22.01.2016", "1/22/2016", "2016-01-22"), spans
//! ("vom 12. bis 22. Januar", "zwischen dem 3. und dem 12. September", "nächsten Monat vom 4.
//! bis zum 23.", "from Jan 12 to Jan 22, 2016"), and periods ("diesen September", "the next 3
//! days", "übernächste Woche", "die letzte Woche im Juli", seasons, quarters, decades, weeks).
//! Takes a sentence's tokens and a position; gives a [`TimeExpr`] and the token after it.
//!
//! A claim reading ([`Reading::Claims`]) takes only what news text means as a date and what
//! the judge pairs well: dates (by ordinal words and in digits too), days of one month
//! ("zwischen dem 3. und dem 12. September", "nächsten Monat vom 4. bis zum 23."), months and
//! weeks with a direction word ("diesen September", "übernächste Woche", "die letzte Woche im
//! Juli"), quarters with their year. A mention reading also takes what a recognizer lists
//! though news rarely means it so: a day alone ("the 27th", "am 15."), a date without a year in
//! digits ("4/22"), lowercase English months and weekdays, a weekday with its date ("Sonntag,
//! 10. Mai"), spans of any two ends ("from Oct. 2 to October 22"), seasons, decades, spelled
//! years, n units from publication ("the next 3 days", which a claim reads as a duration) and
//! spans anchored on a number of units ("for 3 days from today").

use chrono::Weekday;

use super::lexicon::{among, Lexicon, Tense};
use super::numeral;
use super::token::Token;
use super::Reading;
use crate::claim::TimeUnit;
use crate::document::Lang;
use crate::resolve::TimeExpr;

/// A time expression and the token after it.
type Read = Option<(TimeExpr, usize)>;

/// What every parser of this module reads with.
#[derive(Clone, Copy)]
struct Cx<'t, 'a> {
    t: &'t [Token<'a>],
    lx: &'static Lexicon,
    tense: Tense,
    /// A mention reading: take what news text rarely means as a date too.
    liberal: bool,
}

/// The longest date, span or period at token `i`, and the token after it.
pub(super) fn at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
    reading: Reading,
) -> Read {
    let cx = Cx {
        t: tokens,
        lx: lexicon,
        tense,
        liberal: reading == Reading::Mentions,
    };
    let read = |k: usize| {
        [span(cx, k), period(cx, k), day(cx, k)]
            .into_iter()
            .flatten()
            .max_by_key(|(_, end)| *end)
    };
    // "in June of nineteen ninety nine": past the lead-in too, which the mention keeps.
    let after_lead_in = (cx.liberal && cx.is(i, lexicon.lead_ins))
        .then(|| read(i + 1))
        .flatten();
    [read(i), after_lead_in]
        .into_iter()
        .flatten()
        .max_by_key(|(_, end)| *end)
}

impl Cx<'_, '_> {
    fn word(&self, k: usize) -> &str {
        self.t.get(k).map_or("", |t| t.lower.as_str())
    }

    fn is(&self, k: usize, list: &[&str]) -> bool {
        self.t.get(k).is_some_and(|t| among(list, &t.lower))
    }

    fn punct(&self, k: usize, p: &str) -> bool {
        self.t.get(k).is_some_and(|t| t.is_punct(p))
    }

    /// Whether token `k` stands right after the one before, with no space between.
    fn glued(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(|t| !t.space_before)
    }

    /// Skips an article ("the", "dem", "den") at `k`.
    fn article(&self, k: usize) -> usize {
        k + usize::from(self.is(k, self.lx.articles))
    }

    /// Skips a punctuation mark `p` at `k`.
    fn skip(&self, k: usize, p: &str) -> usize {
        k + usize::from(self.punct(k, p))
    }

    /// The unit a word names ("week", "Woche", "3year" gives none).
    fn unit(&self, k: usize) -> Option<TimeUnit> {
        self.lx.time_unit(self.word(k))
    }

    /// A direction word and the offset it gives: "this" 0, "next" +1, "last" −1,
    /// "übernächste" +2.
    fn direction(&self, k: usize) -> Option<i32> {
        let w = self.word(k);
        if among(self.lx.after_next, w) {
            return Some(2);
        }
        if among(self.lx.this_words, w) {
            return Some(0);
        }
        let (_, tense, strict) = self.lx.direction_words.iter().find(|(d, _, _)| *d == w)?;
        match (tense, strict) {
            (Tense::Future, false) => Some(0), // "diesen", "this"
            (_, false) => None,                // "bereits", "schon"
            (Tense::Past, true) => Some(-1),
            _ => Some(1),
        }
    }

    /// A month name at `k`, with the period of its abbreviation ("Oct.") skipped. English
    /// names are capitalized; a mention reading takes lowercase ones too, those that are
    /// also verbs ("may", "march") only next to a number.
    fn month(&self, k: usize) -> Option<(u32, usize)> {
        let t = self.t.get(k).filter(|t| t.is_word())?;
        let m = self.lx.month(&t.lower)?;
        if self.lx.lang == Lang::En && !t.is_capitalized() {
            let verb = self.lx.ambiguous_months.contains(&t.lower.as_str());
            let number_near = [k.wrapping_sub(2), k.wrapping_sub(1), k + 1, k + 2]
                .iter()
                .any(|&n| {
                    self.t.get(n).is_some_and(|n| {
                        n.is_number()
                            || (self.lx.ordinal)(&n.lower).is_some()
                            || (self.lx.cardinal)(&n.lower).is_some_and(|v| v >= 1.0)
                            || n.lower == "the"
                    })
                });
            if !self.liberal || verb && !number_near {
                return None;
            }
        }
        let end = k + 1;
        // "Oct. 2": the period of an abbreviation, not one that ends the sentence;
        // "october. 2", "september.15th" in a mention reading.
        let short = t.text.len() <= 4
            || self.liberal
                && self.t.get(end + 1).is_some_and(|n| {
                    n.is_number() || n.text.starts_with(|c: char| c.is_ascii_digit())
                });
        let abbreviated = short && self.punct(end, ".") && end + 1 < self.t.len();
        Some((m, end + usize::from(abbreviated)))
    }

    /// A year at `k`: four digits (1900 to 2100; a mention reading takes 1000 to 2999 and
    /// spelled years, "two thousand and eighteen", "nineteen seventy eight").
    fn year(&self, k: usize) -> Option<(i32, usize)> {
        let t = self.t.get(k)?;
        if t.is_number() && t.text.len() == 4 {
            let y: i32 = t.text.parse().ok()?;
            let range = if self.liberal {
                1000..=2999
            } else {
                1900..=2100
            };
            return range.contains(&y).then_some((y, k + 1));
        }
        if !self.liberal || !t.is_word() {
            return None;
        }
        // "nineteen seventy eight", "nineteen zero one": two pairs of digits.
        if let Some((hi, after)) = self.small(k).filter(|(n, _)| (10..=29).contains(n)) {
            let low = if matches!(self.word(after), "zero" | "oh" | "nought") {
                self.small(after + 1).filter(|(n, _)| *n < 10)
            } else {
                self.small(after).filter(|(n, _)| (10..100).contains(n))
            };
            if let Some((lo, end)) = low {
                return Some((hi as i32 * 100 + lo as i32, end));
            }
        }
        let (v, end) = numeral::number_at(self.t, k, self.lx)?;
        (v.fract() == 0.0 && (1000.0..3000.0).contains(&v)).then_some((v as i32, end))
    }

    /// A number below a hundred in words at `k` ("seventy eight", "nineteen").
    fn small(&self, k: usize) -> Option<(u32, usize)> {
        let t = self.t.get(k).filter(|t| t.is_word())?;
        let v = (self.lx.cardinal)(&t.lower)?;
        if !(0.0..100.0).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        let v = v as u32;
        if v >= 20 && v.is_multiple_of(10) {
            if let Some(u) = self.t.get(k + 1).and_then(|u| (self.lx.cardinal)(&u.lower)) {
                if (1.0..10.0).contains(&u) {
                    return Some((v + u as u32, k + 2));
                }
            }
        }
        Some((v, k + 1))
    }

    /// A day of the month at `k`: digits ("22", German "22." with its period), English
    /// ordinal digits ("22nd"), ordinal words ("zweiten", "twenty second"); in a mention
    /// reading cardinal words too ("twenty two").
    fn day_number(&self, k: usize) -> Option<(u32, usize)> {
        let t = self.t.get(k)?;
        let de = self.lx.lang == Lang::De;
        if t.is_number() {
            if t.text.len() > 2 {
                return None;
            }
            let d: u32 = t.text.parse().ok().filter(|d| (1..=31).contains(d))?;
            if de {
                self.punct(k + 1, ".").then_some(())?;
                return Some((d, k + 2));
            }
            return Some((d, k + 1));
        }
        if !t.is_word() {
            return None;
        }
        if let Some(o) = numeral::ordinal_at(self.t, k, self.lx).filter(|o| o.anchor.is_none()) {
            if o.value.fract() == 0.0 && (1.0..=31.0).contains(&o.value) {
                return Some((o.value as u32, o.end));
            }
        }
        if self.liberal {
            let (n, end) = self.small(k)?;
            return (1..=31).contains(&n).then_some((n, end));
        }
        None
    }

    /// A weekday at `k`: a name (English lowercase in a mention reading) or, in a mention
    /// reading, its abbreviation ("tues", "wed.").
    fn weekday(&self, k: usize) -> Option<(Weekday, usize)> {
        let t = self.t.get(k).filter(|t| t.is_word())?;
        if let Some(d) = self.lx.weekday(&t.lower) {
            if t.is_capitalized() || self.liberal {
                return Some((d, k + 1));
            }
            return None;
        }
        if !self.liberal {
            return None;
        }
        let (_, d) = self
            .lx
            .weekday_abbreviations
            .iter()
            .find(|(a, _)| *a == t.lower)?;
        // "Do" and "So" are German words too: capitalized abbreviations only.
        if self.lx.lang == Lang::De && !t.is_capitalized() {
            return None;
        }
        Some((*d, k + 1))
    }
}

/// A date that names its month: "22. April", "12. Januar 2016", "zweiten Februar 2018",
/// "15 june 2016", "fourth of may", "26th june of 2020", "april 22", "january 12, 2016",
/// "may the eleventh", "jan twenty two, 2018", "october, 1st", glued ones ("april22",
/// "22april", "jan-1", "28-nov", "2019-sep-1", "2019/sep/01"), and numeric ones.
fn date(cx: Cx, i: usize) -> Read {
    [named_date(cx, i), glued_date(cx, i), numeric_date(cx, i)]
        .into_iter()
        .flatten()
        .max_by_key(|(_, end)| *end)
}

fn absolute(cx: Cx, year: Option<i32>, month: u32, day: u32) -> TimeExpr {
    TimeExpr::Absolute {
        year,
        month,
        day,
        tense: cx.tense,
    }
}

/// A year after a date: "2016", ", 2016", "of 2016"; a mention reading takes ", two
/// thousand".
fn year_after(cx: Cx, k: usize) -> (Option<i32>, usize) {
    let mut at = k;
    if cx.punct(at, ",") || cx.word(at) == "of" {
        at += 1;
    }
    match cx.year(at) {
        Some((y, end)) => (Some(y), end),
        None => (None, k),
    }
}

fn named_date(cx: Cx, i: usize) -> Read {
    // Day first: "22. April", "zweiten Februar", "15 june", "fourth of may", "16. nov. 2016".
    if let Some((d, mut k)) = cx.day_number(i) {
        if cx.lx.lang == Lang::En && cx.liberal {
            k = cx.skip(k, ".");
        }
        if cx.word(k) == "of" && cx.lx.lang == Lang::En {
            k += 1;
        }
        if let Some((m, end)) = cx.month(k) {
            let (year, end) = year_after(cx, end);
            return Some((absolute(cx, year, m, d), end));
        }
    }
    if cx.lx.lang == Lang::De {
        return None;
    }
    // Month first: "april 22", "may the eleventh", "october, 1st", "january 12 of 2016".
    let (m, mut k) = cx.month(i)?;
    if cx.punct(k, ",") && cx.liberal {
        k += 1;
    }
    k = cx.article(k);
    let (d, end) = cx.day_number(k)?;
    let (year, end) = year_after(cx, end);
    Some((absolute(cx, year, m, d), end))
}

/// "april22", "22april", "jan-1", "1-jan", "28-nov", "2019-sep-1", "2019/sep/01",
/// "september.15th", "january12,2016": months and days written together.
fn glued_date(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let t = cx.t.get(i).filter(|t| t.is_word())?;
    let lower = t.lower.as_str();
    // "jan/1"
    if let (Some(m), true, Some(d)) = (
        cx.lx.month(lower),
        cx.punct(i + 1, "/") && cx.glued(i + 1),
        cx.t.get(i + 2).filter(|d| d.is_number() && !d.space_before),
    ) {
        let d: u32 = d.text.parse().ok().filter(|d| (1..=31).contains(d))?;
        return Some((absolute(cx, None, m, d), i + 3));
    }
    let parts: Vec<&str> = lower.split('-').filter(|p| !p.is_empty()).collect();
    let month_of = |p: &str| cx.lx.month(p);
    let day_of = |p: &str| {
        p.parse::<u32>()
            .ok()
            .or_else(|| (cx.lx.ordinal)(p))
            .filter(|d| (1..=31).contains(d))
    };
    // "jan-1", "28-nov", "friday-jun-15" (a weekday before).
    let parts: Vec<&str> = match parts.first() {
        Some(p) if cx.lx.weekday(p).is_some() && parts.len() == 3 => parts[1..].to_vec(),
        _ => parts,
    };
    let mut found = match parts.as_slice() {
        // "2019-aug-1"
        [y, m, d] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            Some((Some(y.parse().ok()?), month_of(m)?, day_of(d)?))
        }
        [a, b] => match (month_of(a), day_of(b), day_of(a), month_of(b)) {
            (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => Some((None, m, d)),
            _ => None,
        },
        [one] => {
            // "april22", "22april"
            let split = one.find(|c: char| c.is_ascii_digit())?;
            let (a, b) = one.split_at(split);
            let (m, d) = if split == 0 {
                let letters = one.find(|c: char| c.is_alphabetic())?;
                let (d, m) = one.split_at(letters);
                (month_of(m), day_of(d))
            } else {
                (month_of(a), day_of(b))
            };
            Some((None, m?, d?))
        }
        _ => None,
    };
    let mut end = i + 1;
    // "2019-sep-1": the year and its dash stand before.
    found?;
    if let Some((None, m, d)) = found {
        // "january12,2016"
        if cx.punct(end, ",") && cx.glued(end) {
            if let Some((y, e)) = cx.year(end + 1) {
                found = Some((Some(y), m, d));
                end = e;
            }
        }
    }
    let (year, m, d) = found?;
    Some((absolute(cx, year, m, d), end))
}

/// Numeric dates: "22.01.2016", "13.5.2015", "2015.5.13", "1/22/2016", "21/04/16",
/// "2015/08/12", "9-18-15", "2016-01-22", "2018-7-6", "11/12,2016", "2019-sep-1",
/// "2019/sep/01"; without a year only in a mention reading ("4/22", "22/04", "4-22", "7.6",
/// "22.04" after a preposition).
fn numeric_date(cx: Cx, i: usize) -> Read {
    let t = cx.t.get(i).filter(|t| t.is_number())?;
    // "22.01.2016", "2015.5.13", "4.22": one token with points.
    if t.text.contains('.') && !t.text.contains(',') {
        let parts: Vec<&str> = t.text.split('.').collect();
        let nums: Vec<u32> = parts
            .iter()
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let mut end = i + 1;
        let (year, m, d) = match (parts.as_slice(), nums.as_slice()) {
            ([y, ..], [yy, m, d]) if y.len() == 4 => (Some(*yy as i32), *m, *d),
            (_, [a, b, y]) => (
                Some(full_year(*y, parts[2].len())?),
                order(cx, *a, *b)?.0,
                order(cx, *a, *b)?.1,
            ),
            (_, [a, b]) if cx.liberal => {
                // "4.22" (English month first), "22.04" (German day first), after a
                // preposition: a number otherwise.
                let lead = i > 0 && cx.is(i - 1, cx.lx.lead_ins);
                if !(lead || cx.punct(i + 1, ".") && cx.glued(i + 1)) {
                    return None;
                }
                if cx.punct(i + 1, ".") && cx.glued(i + 1) {
                    end += 1;
                }
                let (m, d) = order(cx, *a, *b)?;
                (None, m, d)
            }
            _ => return None,
        };
        return valid(year, m, d).then(|| (absolute(cx, year, m, d), end));
    }
    // "1/22/2016", "2016-01-22", "9-18-15", "2019/sep/01": parts joined by one mark.
    let mark =
        cx.t.get(i + 1)
            .filter(|p| (p.is_punct("/") || p.is_punct("-")) && (!p.space_before || cx.liberal))?;
    let sep = mark.text;
    let second = i + 2;
    let month_word = cx.t.get(second).filter(|w| w.is_word()).and_then(|w| {
        // "2019-sep-1" reads as one word "sep-1" after the dash.
        let (m, rest) = w.lower.split_once('-').unwrap_or((&w.lower, ""));
        Some((cx.lx.month(m)?, rest.to_string()))
    });
    let a: u32 = t.text.parse().ok()?;
    if let Some((m, rest)) = month_word {
        if !cx.liberal || t.text.len() != 4 {
            return None;
        }
        // "2019-sep-1" (the day inside the word), "2019/sep/01".
        let (d, end) = if !rest.is_empty() {
            (rest.parse().ok()?, second + 1)
        } else {
            let bar = cx.t.get(second + 1).filter(|p| p.text == sep)?;
            let _ = bar;
            (cx.t.get(second + 2)?.text.parse().ok()?, second + 3)
        };
        let y = Some(a as i32);
        return valid(y, m, d).then(|| (absolute(cx, y, m, d), end));
    }
    let b_tok = cx.t.get(second).filter(|b| b.is_number())?;
    if !cx.liberal && (mark.space_before || b_tok.space_before) {
        return None;
    }
    // "11/12,2016": the day and the year after a comma read as one number.
    if let Some((b, y)) = b_tok
        .text
        .split_once(',')
        .filter(|_| cx.liberal && t.text.len() <= 2)
    {
        let (b, y): (u32, u32) = (b.parse().ok()?, y.parse().ok()?);
        let year = Some(full_year(y, b_tok.text.len() - b_tok.text.find(',')? - 1)?);
        let (m, d) = order(cx, a, b)?;
        return valid(year, m, d).then(|| (absolute(cx, year, m, d), second + 1));
    }
    if b_tok.text.len() > 2 {
        return None;
    }
    let b: u32 = b_tok.text.parse().ok()?;
    let third = second + 1;
    let has_third =
        cx.t.get(third)
            .is_some_and(|p| p.text == sep && !p.space_before)
            && cx
                .t
                .get(third + 1)
                .is_some_and(|c| c.is_number() && !c.space_before);
    // "11/12,2016", "11/12,16": the year after a comma.
    let comma_year = !has_third
        && cx.punct(third, ",")
        && cx
            .t
            .get(third + 1)
            .is_some_and(|c| c.is_number() && !c.space_before);
    if t.text.len() == 4 {
        // "2016-01-22", "2015/08/12"; "2016-05" is a month.
        if !has_third {
            return None;
        }
        let c: u32 = cx.t.get(third + 1)?.text.parse().ok()?;
        let y = Some(a as i32);
        return valid(y, b, c).then(|| (absolute(cx, y, b, c), third + 2));
    }
    if t.text.len() > 2 {
        return None;
    }
    if has_third || comma_year {
        let c_tok = cx.t.get(third + 1)?;
        let y = full_year(c_tok.text.parse().ok()?, c_tok.text.len())?;
        let (m, d) = order(cx, a, b)?;
        let y = Some(y);
        return valid(y, m, d).then(|| (absolute(cx, y, m, d), third + 2));
    }
    // "4/22", "22/04", "4-22": a mention reading's guess; a proper fraction is a fraction.
    if !cx.liberal || (sep == "/" && a < b && b <= 10) {
        return None;
    }
    let (m, d) = order(cx, a, b)?;
    valid(None, m, d).then(|| (absolute(cx, None, m, d), second + 1))
}

/// Month and day of two numbers in the language's order: German day first, English month
/// first unless the first cannot be a month ("21/04").
fn order(cx: Cx, a: u32, b: u32) -> Option<(u32, u32)> {
    let (m, d) = match cx.lx.lang {
        Lang::De => (b, a),
        Lang::En if a > 12 => (b, a),
        Lang::En => (a, b),
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A year of two or four digits ("16" is 2016, "99" 1999).
fn full_year(y: u32, digits: usize) -> Option<i32> {
    match digits {
        4 => Some(y as i32),
        2 if y < 50 => Some(2000 + y as i32),
        2 => Some(1900 + y as i32),
        _ => None,
    }
}

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}

/// One day: a date, a weekday before a date ("monday january 12th, 2016", "Dienstag den 12.
/// Januar 2016", "Mittwoch, den 11. November", "saturday the second"), a weekday in a week
/// ("friday next week", "next week on friday", "übernächste Woche Freitag", "Sonntag in 2
/// Wochen"), the n-th weekday of a month, a day of a month ("20th of next month", "the
/// 27th"), and a number of units from a day ("two weeks from now", "1 month 21 days ago").
fn day(cx: Cx, i: usize) -> Read {
    [
        date(cx, i),
        weekday_date(cx, i),
        weekday_of_week(cx, i),
        nth_weekday(cx, i),
        day_of_month(cx, i),
        shifted(cx, i),
        lone_day(cx, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(_, end)| *end)
}

/// A weekday, with "this", "next", "last" or "past" before it, standing as a day of its own
/// in a mention reading ("friday", "tues", "this friday", "past monday").
fn lone_day(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let (offset, at) = match cx.direction(i) {
        Some(o) => (Some(o), i + 1),
        None => (None, i),
    };
    if let Some((day, end)) = cx.weekday(at) {
        let (tense, strict) = match offset {
            Some(o) if o < 0 => (Tense::Past, true),
            Some(0) => (Tense::Present, false),
            Some(_) => (Tense::Future, true),
            None => (cx.tense, false),
        };
        return Some((TimeExpr::Weekday { day, tense, strict }, end));
    }
    // "the next day", "next day", "the day after tmrw" are the relative days of the lexicon
    // or the day after publication.
    let k = cx.article(i);
    if cx.direction(k) == Some(1)
        && cx.unit(k + 1) == Some(TimeUnit::Day)
        && cx.word(k + 1) != "days"
    {
        return Some((TimeExpr::Offset(1), k + 2));
    }
    None
}

/// "monday january 12th, 2016", "Dienstag den 12. Januar 2016", "Mittwoch, den 11.
/// November", "wed, 22 of jan", "saturday the second", "friday 7.6", "this friday (jun-15)":
/// the date names the day; the weekday only confirms it. A mention reading only: claims keep
/// the weekday and the date apart, as the judge pairs them.
fn weekday_date(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let at = i + usize::from(cx.direction(i) == Some(0));
    let (weekday, mut k) = cx.weekday(at)?;
    k = cx.skip(k, ",");
    k = cx.skip(k, "(");
    k = cx.article(k);
    let (expr, end) = date(cx, k).or_else(|| {
        // "saturday the second", "friday the 22nd": a day of a month in which it is that
        // weekday.
        let (d, end) = cx.day_number(k)?;
        let expr = TimeExpr::WeekdayOfMonth {
            day: d,
            weekday,
            tense: cx.tense,
        };
        Some((expr, end))
    })?;
    Some((expr, cx.skip(end, ")")))
}

/// "the week after next", "the month after the next": the unit at `k` and the token after.
fn after_next(cx: Cx, k: usize) -> Option<(TimeUnit, usize)> {
    let unit = cx
        .unit(k)
        .filter(|_| !cx.lx.plural_units.contains(&cx.word(k)))?;
    let next = k + 2 + usize::from(cx.is(k + 2, cx.lx.articles));
    (cx.word(k + 1) == "after" && cx.direction(next) == Some(1)).then_some((unit, next + 1))
}

/// A week named by a direction ("next week", "diese Woche", "übernächste Woche", "the week
/// after next") and its offset from the publication week.
fn week_at(cx: Cx, i: usize) -> Option<(i32, usize)> {
    let k = cx.article(i);
    if let Some((TimeUnit::Week, end)) = after_next(cx, k) {
        return Some((2, end));
    }
    let offset = cx.direction(k)?;
    (cx.unit(k + 1) == Some(TimeUnit::Week) && !cx.lx.plural_units.contains(&cx.word(k + 1)))
        .then_some((offset, k + 2))
}

/// "friday next week", "tuesday of next week", "next week on friday", "this week friday",
/// "diese Woche Dienstag", "übernächste Woche Freitag", "Sonntag in 2 Wochen".
fn weekday_of_week(cx: Cx, i: usize) -> Read {
    // The week first.
    if let Some((week, k)) = week_at(cx, i) {
        let at = k + usize::from(cx.is(k, cx.lx.lead_ins) || cx.word(k) == "on");
        if let Some((day, end)) = cx.weekday(at) {
            return Some((TimeExpr::WeekdayOfWeek { day, week }, end));
        }
    }
    // The weekday first.
    let (day, k) = cx.weekday(i)?;
    let at = k + usize::from(matches!(cx.word(k), "of" | "in"));
    if let Some((week, end)) = week_at(cx, at) {
        return Some((TimeExpr::WeekdayOfWeek { day, week }, end));
    }
    // "Sonntag in 2 Wochen"
    if cx.is(k, cx.lx.later_words) {
        let (n, unit_at) = numeral::number_at(cx.t, k + 1, cx.lx)?;
        if cx.unit(unit_at) == Some(TimeUnit::Week) && n.fract() == 0.0 && n >= 1.0 {
            return Some((
                TimeExpr::WeekdayOfWeek {
                    day,
                    week: n as i32,
                },
                unit_at + 1,
            ));
        }
    }
    None
}

/// A month named on its own or with a direction, for what lies within it: "July", "this
/// month", "next month", "of Sept".
fn month_ref(cx: Cx, i: usize) -> Read {
    let k = i + usize::from(matches!(cx.word(i), "of" | "in" | "im"));
    let k = cx.article(k);
    if let Some(offset) = cx.direction(k) {
        if cx.unit(k + 1) == Some(TimeUnit::Month) {
            return Some((
                TimeExpr::Period {
                    unit: TimeUnit::Month,
                    offset,
                },
                k + 2,
            ));
        }
    }
    let (m, end) = cx.month(k)?;
    let (year, end) = year_after(cx, end);
    Some((
        TimeExpr::Month {
            year,
            month: m,
            part: None,
            tense: cx.tense,
        },
        end,
    ))
}

/// "the first friday of july", "the first friday in this month", "second sunday" (of the
/// publication's month).
fn nth_weekday(cx: Cx, i: usize) -> Read {
    let k = cx.article(i);
    let o = numeral::ordinal_at(cx.t, k, cx.lx).filter(|o| o.anchor.is_none())?;
    let n = o.value as i32;
    if !(1..=5).contains(&n) || o.value.fract() != 0.0 {
        return None;
    }
    let (day, end) = cx.weekday(o.end)?;
    let (of, end) = match month_ref(cx, end) {
        Some(found) => found,
        None if cx.liberal => (
            TimeExpr::Period {
                unit: TimeUnit::Month,
                offset: 0,
            },
            end,
        ),
        None => return None,
    };
    Some((
        TimeExpr::NthWeekday {
            n,
            day,
            of: Box::new(of),
        },
        end,
    ))
}

/// A day of a month said by its number alone: "20th of next month", "the 20th next month",
/// "31st of this month"; in a mention reading alone too ("the 27th", "on the second", "am
/// 15.", "on 15").
fn day_of_month(cx: Cx, i: usize) -> Read {
    let the = cx.is(i, cx.lx.articles);
    let k = cx.article(i);
    let (d, end) = cx.day_number(k)?;
    // "20th of next month", "the 20th next month"
    let of = end + usize::from(cx.word(end) == "of");
    if let Some(offset) = cx
        .direction(of)
        .filter(|_| cx.unit(of + 1) == Some(TimeUnit::Month))
    {
        let expr = TimeExpr::DayOfMonth {
            day: d,
            month_offset: Some(offset),
            tense: cx.tense,
        };
        return Some((expr, of + 2));
    }
    if !cx.liberal {
        return None;
    }
    // Alone only after an article or a preposition of dates ("for the 27th", "on 15", "am
    // 15."); in German in digits, and in English a word only where the sentence or clause
    // ends ("on the second!"), since "das erste U-Boot", "the first prize" rank things.
    let lead = i > 0 && cx.is(i - 1, cx.lx.day_lead_ins);
    let digits = cx.t[k].is_number() || cx.t[k].text.starts_with(|c: char| c.is_ascii_digit());
    let clause_ends =
        cx.t.get(end)
            .is_none_or(|n| n.kind != super::token::TokenKind::Word);
    if !(the || lead) || !digits && (cx.lx.lang == Lang::De || !clause_ends) {
        return None;
    }
    // "the 25th Anniversary", "the 27th floor": a noun after the number is what it ranks.
    if cx
        .t
        .get(end)
        .is_some_and(|n| n.is_word() && (cx.lx.lang == Lang::En || n.is_capitalized()))
        && cx.lx.weekday(cx.word(end)).is_none()
        && cx.lx.month(cx.word(end)).is_none()
        && !cx.is(end, cx.lx.later_words)
    {
        return None;
    }
    let expr = TimeExpr::DayOfMonth {
        day: d,
        month_offset: None,
        tense: cx.tense,
    };
    Some((expr, end))
}

/// A number of units said before "ago" or "later", or from a day: "two weeks from now",
/// "two days later", "1 month 21 days ago", "2 years 21 days later", "two sundays from now",
/// "three weeks from tomorrow", "two days before yesterday", "in two business days".
fn shifted(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let mut k = i;
    let mut parts: Vec<(i32, TimeUnit)> = Vec::new();
    let mut weekday = None;
    loop {
        // "1 month and 21 days ago", "1 month, 21 days ago"
        if !parts.is_empty() && (cx.punct(k, ",") || matches!(cx.word(k), "and" | "und")) {
            let next = numeral::number_at(cx.t, k + 1, cx.lx);
            if next.is_some_and(|(_, u)| cx.unit(u).is_some()) {
                k += 1;
            }
        }
        let Some((n, unit_at)) = numeral::number_at(cx.t, k, cx.lx)
            .or_else(|| cx.is(k, cx.lx.article_ones).then_some((1.0, k + 1)))
        else {
            break;
        };
        if n.fract() != 0.0 || n < 1.0 {
            break;
        }
        // "two sundays from now": the second Sunday to come.
        let day = cx.t.get(unit_at).and_then(|w| {
            let singular = w.lower.strip_suffix('s').unwrap_or(&w.lower);
            cx.lx.weekday(singular)
        });
        let (unit, after) = match (cx.unit(unit_at), day) {
            (Some(u), _) => (u, unit_at + 1),
            (None, Some(d)) if parts.is_empty() => {
                weekday = Some(d);
                (TimeUnit::Week, unit_at + 1)
            }
            _ => break,
        };
        parts.push((n as i32, unit));
        k = after;
    }
    if parts.is_empty() {
        return None;
    }
    let with = |base: TimeExpr, sign: i32| {
        if let (Some(day), [(n, _)]) = (weekday, parts.as_slice()) {
            let first = TimeExpr::Weekday {
                day,
                tense: if sign < 0 { Tense::Past } else { Tense::Future },
                strict: true,
            };
            return TimeExpr::Shift {
                base: Box::new(first),
                n: sign * (n - 1),
                unit: TimeUnit::Week,
            };
        }
        parts.iter().fold(base, |base, &(n, unit)| TimeExpr::Shift {
            base: Box::new(base),
            n: sign * n,
            unit,
        })
    };
    let phrase = |list: &[&str]| {
        list.iter()
            .find_map(|p| super::quantity::phrase_at(cx.t, k, p))
    };
    if cx.is(k, cx.lx.ago_after) {
        return Some((with(TimeExpr::Offset(0), -1), k + 1));
    }
    if let Some(end) = phrase(cx.lx.later_after) {
        return Some((with(TimeExpr::Offset(0), 1), end));
    }
    // "2 days hence", "4 weeks in the future": the period from tomorrow on.
    if let (Some(end), [(n, unit)]) = (phrase(cx.lx.ahead_after), parts.as_slice()) {
        let units = TimeExpr::Units {
            n: *n as u32,
            unit: *unit,
            forward: true,
        };
        return Some((units, end));
    }
    // "three weeks from tomorrow", "two days before yesterday"
    let (_, sign) = cx.lx.shift_links.iter().find(|(w, _)| *w == cx.word(k))?;
    let (base, end) = base_day(cx, k + 1)?;
    Some((with(base, *sign), end))
}

/// The day a shift counts from: a relative day ("today", "tomorrow", "now").
fn base_day(cx: Cx, k: usize) -> Read {
    if cx.is(k, cx.lx.now_words) {
        return Some((TimeExpr::Offset(0), k + 1));
    }
    cx.lx.relative_days.iter().find_map(|(phrase, offset)| {
        let end = super::quantity::phrase_at(cx.t, k, phrase)?;
        Some((TimeExpr::Offset(*offset), end))
    })
}

/// Periods: months ("diesen Januar", "the month of Jan", "Jan, 2001", "2016 November",
/// "June next year", "Nächstes Jahr im Dezember"), months in digits ("05/2016", "2016-05"),
/// seasons, quarters, weeks of a month or year, weeks around a day, a number of units before
/// or after publication ("the next 3 days"), decades and years, and what is left of a period.
fn period(cx: Cx, i: usize) -> Read {
    [
        month_period(cx, i),
        numeric_month(cx, i),
        season(cx, i),
        quarter(cx, i),
        week_period(cx, i),
        units(cx, i),
        far_period(cx, i),
        decade(cx, i),
        year_period(cx, i),
        rest(cx, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(_, end)| *end)
}

/// A year said as a direction and a year word ("next year", "nächstes Jahr") and its offset.
fn relative_year(cx: Cx, k: usize) -> Option<(i32, usize)> {
    let offset = cx.direction(k)?;
    // "next year's third-quarter"
    let w = cx.word(k + 1);
    let unit = w.strip_suffix("'s").or(w.strip_suffix("’s")).unwrap_or(w);
    (cx.lx.time_unit(unit) == Some(TimeUnit::Year)).then_some((offset, k + 2))
}

fn month_period(cx: Cx, i: usize) -> Read {
    let month = |m: u32, year: Option<i32>| TimeExpr::Month {
        year,
        month: m,
        part: None,
        tense: cx.tense,
    };
    // "Nächstes Jahr im Dezember", "next year in June"
    if let Some((offset, k)) = relative_year(cx, i) {
        let at = k + usize::from(cx.is(k, cx.lx.later_words) || cx.is(k, &["im"]));
        if let Some((m, end)) = cx.month(at) {
            let expr = TimeExpr::MonthOfYear {
                month: m,
                part: None,
                offset,
            };
            return Some((expr, end));
        }
    }
    // "this Jan", "diesen Januar", "last sept", "next june"
    if let Some(offset) = cx.direction(i) {
        let (m, end) = cx.month(i + 1)?;
        let expr = match offset {
            0 => TimeExpr::MonthOfYear {
                month: m,
                part: None,
                offset: 0,
            },
            o => TimeExpr::NamedMonth {
                month: m,
                tense: if o < 0 { Tense::Past } else { Tense::Future },
            },
        };
        return Some((expr, end));
    }
    if !cx.liberal {
        return None;
    }
    // "month of Jan", "the month of Jan", "Im Monat Januar"
    let k = cx.article(i + usize::from(cx.is(i, &["im"])));
    if cx.unit(k) == Some(TimeUnit::Month) && !cx.lx.plural_units.contains(&cx.word(k)) {
        let at = k + 1 + usize::from(cx.word(k + 1) == "of");
        let (m, end) = cx.month(at)?;
        let (year, end) = year_after(cx, end);
        return Some((month(m, year), end));
    }
    // "2016 November", "2016 , nov"
    if let Some((y, k)) = cx.year(i).filter(|_| cx.t[i].is_number()) {
        let (m, end) = cx.month(cx.skip(k, ","))?;
        return Some((month(m, Some(y)), end));
    }
    // "Jan", "Jan 2001", "Jan, 2001", "June of nineteen ninety nine", "June next year",
    // "August 99"; a bare name only if it is no verb ("May", "March" need more).
    let t = cx.t.get(i)?;
    let (m, end) = cx.month(i)?;
    let (year, after) = year_after(cx, end);
    if year.is_some() {
        return Some((month(m, year), after));
    }
    if let Some((offset, end)) = relative_year(cx, end) {
        let expr = TimeExpr::MonthOfYear {
            month: m,
            part: None,
            offset,
        };
        return Some((expr, end));
    }
    // "August 99"; "Jan 22" is a day.
    let two_digits = |y: &&Token| y.is_number() && y.text.len() == 2 && y.text > "31";
    if let Some(y) = cx.t.get(end).filter(two_digits) {
        let y = full_year(y.text.parse().ok()?, 2)?;
        return Some((month(m, Some(y)), end + 1));
    }
    let verb = cx.lx.ambiguous_months.contains(&t.lower.as_str());
    (t.is_capitalized() && (!verb || i > 0 && cx.is(i - 1, cx.lx.lead_ins)))
        .then(|| (month(m, None), end))
}

/// Months in digits: "05.2016", "05. 2016", "2016-05", "2016/05", "05-2016", "05/2016",
/// "2015.3", "3/2015", "11 - 2016", "2016 /11".
fn numeric_month(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let t = cx.t.get(i).filter(|t| t.is_number())?;
    let month = |y: i32, m: u32| {
        (1..=12).contains(&m).then_some(TimeExpr::Month {
            year: Some(y),
            month: m,
            part: None,
            tense: Tense::Past,
        })
    };
    // One token: "05.2016", "2015.3"
    if let Some((a, b)) = t.text.split_once('.') {
        let (y, m) = match (a.len(), b.len()) {
            (1 | 2, 4) => (b, a),
            (4, 1 | 2) => (a, b),
            _ => return None,
        };
        let expr = month(y.parse().ok()?, m.parse().ok()?)?;
        return Some((expr, i + 1));
    }
    // Two numbers around "/", "-" or "." with or without spaces.
    let mark =
        cx.t.get(i + 1)
            .filter(|p| p.is_punct("/") || p.is_punct("-") || p.is_punct("."))?;
    let u = cx.t.get(i + 2).filter(|u| u.is_number())?;
    if cx
        .t
        .get(i + 3)
        .is_some_and(|p| p.text == mark.text && !p.space_before)
    {
        return None; // a full date
    }
    let (y, m) = match (t.text.len(), u.text.len()) {
        (1 | 2, 4) => (u.text, t.text),
        (4, 1 | 2) => (t.text, u.text),
        _ => return None,
    };
    let expr = month(y.parse().ok()?, m.parse().ok()?)?;
    Some((expr, i + 3))
}

/// "this summer", "next spring", "the summer", "summer 2016", "summer of 2016", "mid
/// summer", "diesen Sommer", "letzte Winter", "nächstes Jahr im Sommer".
fn season(cx: Cx, i: usize) -> Read {
    // "last winter" dates no one event of a claim: mentions only.
    if !cx.liberal {
        return None;
    }
    let mut k = cx.article(i);
    let mut offset = None;
    let mut year = None;
    if let Some((o, at)) = relative_year(cx, k) {
        // "nächstes Jahr im Sommer": the season of that year.
        let at = at + usize::from(cx.is(at, &["im", "in"]));
        let (_, s) = cx.lx.seasons.iter().find(|(w, _)| *w == cx.word(at))?;
        let expr = TimeExpr::Season {
            season: *s,
            year: None,
            offset: Some(o),
            tense: cx.tense,
        };
        return Some((expr, at + 1));
    }
    if let Some(o) = cx.direction(k) {
        offset = Some(o);
        k += 1;
    } else if cx.liberal && cx.lx.month_parts.iter().any(|(w, _)| *w == cx.word(k)) {
        k += 1; // "mid summer"
    }
    let (_, s) = cx.lx.seasons.iter().find(|(w, _)| *w == cx.word(k))?;
    let mut end = k + 1;
    if offset.is_none() {
        let (y, after) = year_after(cx, end);
        if y.is_some() {
            year = y;
            end = after;
        } else if !cx.liberal {
            return None;
        }
    }
    let expr = TimeExpr::Season {
        season: *s,
        year,
        offset,
        tense: cx.tense,
    };
    Some((expr, end))
}

/// "the third quarter of 2016", "the third quarter this year", "2016 the third quarter",
/// "Q1", "the third- quarter", "next year's third-quarter", "im dritten Quartal 2016".
fn quarter(cx: Cx, i: usize) -> Read {
    let quarter = |n: f64, year: Option<i32>, offset: i32| {
        (n.fract() == 0.0 && (1.0..=4.0).contains(&n)).then_some(TimeExpr::Quarter {
            n: n as u32,
            year,
            offset,
        })
    };
    // "Q1", "Q3 2016", "Q3 this year", "2016 Q3"; "H1 2016", "2016 H2", "2016H2".
    let t = cx.t.get(i)?;
    let lead = (t.is_number() && cx.liberal).then(|| cx.year(i)).flatten();
    let at = lead.map_or(i, |(_, after)| after);
    if let Some(w) = cx.t.get(at).filter(|w| w.is_word() && cx.liberal) {
        let glued = w.lower.len() == 6 && w.lower.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        let (year, letters) = if glued {
            (w.lower[..4].parse().ok(), &w.lower[4..])
        } else {
            (lead.map(|(y, _)| y), w.lower.as_str())
        };
        let number = letters.get(1..).and_then(|n| n.parse::<u32>().ok());
        let half = cx
            .lx
            .half_years
            .iter()
            .find(|(h, _)| *h == letters)
            .map(|(_, n)| *n);
        if letters.starts_with('q') && number.is_some() || half.is_some() {
            let (year, mut end) = match year {
                Some(y) => (Some(y), at + 1),
                None => year_after(cx, at + 1),
            };
            let mut offset = 0;
            if year.is_none() {
                if let Some((o, after)) = relative_year(cx, end) {
                    offset = o;
                    end = after;
                }
            }
            let expr = match half {
                Some(h) => between(
                    quarter(f64::from(2 * h - 1), year, offset)?,
                    quarter(f64::from(2 * h), year, offset)?,
                ),
                None => quarter(f64::from(number?), year, offset)?,
            };
            return Some((expr, end));
        }
    }
    // "2016 the third quarter"
    let (lead_year, mut k) = match cx.year(i).filter(|_| t.is_number() && cx.liberal) {
        Some((y, after)) => (Some(y), after),
        None => (None, i),
    };
    // "next year's third-quarter"
    let mut offset = 0;
    if let Some((o, after)) = relative_year(cx, k) {
        if cx.word(k + 1).contains('\'') || cx.word(k + 1).contains('’') {
            offset = o;
            k = after;
        }
    }
    k = cx.article(k);
    // "third-quarter" is one word; "third-" before "quarter" too.
    let w = cx.word(k);
    if let Some(o) = w.strip_suffix('-').and_then(|o| (cx.lx.ordinal)(o)) {
        if cx.is(k + 1, cx.lx.quarter_words) {
            let (year, end) = year_after(cx, k + 2);
            return Some((quarter(o as f64, year, offset)?, end));
        }
    }
    let (n, mut end) = match w.split_once('-') {
        Some((o, q)) if cx.lx.quarter_words.contains(&q) => ((cx.lx.ordinal)(o)? as f64, k + 1),
        _ => {
            let o = numeral::ordinal_at(cx.t, k, cx.lx).filter(|o| o.anchor.is_none())?;
            let mut q = o.end;
            if cx.punct(q, "-") {
                q += 1; // "third- quarter"
            }
            if !cx.is(q, cx.lx.quarter_words) {
                return None;
            }
            (o.value, q + 1)
        }
    };
    if !cx.liberal && lead_year.is_none() && offset == 0 {
        // Claims need the year said: "im dritten Quartal 2016", "the third quarter of this year".
        let (y, after) = year_after(cx, end);
        if let Some(y) = y {
            return Some((quarter(n, Some(y), 0)?, after));
        }
        let of = end + usize::from(matches!(cx.word(end), "of" | "des" | "dieses"));
        let (o, after) = relative_year(cx, cx.article(of))?;
        return Some((quarter(n, None, o)?, after));
    }
    let mut year = lead_year;
    if year.is_none() && offset == 0 {
        let (y, after) = year_after(cx, end);
        if y.is_some() {
            year = y;
            end = after;
        } else {
            let of = cx.article(end + usize::from(matches!(cx.word(end), "of" | "des")));
            if let Some((o, after)) = relative_year(cx, of) {
                offset = o;
                end = after;
            }
        }
    }
    Some((quarter(n, year, offset)?, end))
}

/// Weeks: "the third week of this month", "the last week of july", "die letzte Woche im
/// Juli", "the third week of 2027", "the third week next year", "the week of November
/// 30th", "the week commencing february 4", "w/c feb 4", "Week 31", "coming week".
fn week_period(cx: Cx, i: usize) -> Read {
    let k = cx.article(i);
    // "the third week of ...", "die letzte Woche im Juli"
    let nth = numeral::ordinal_at(cx.t, k, cx.lx).and_then(|o| match o.anchor {
        None if o.value.fract() == 0.0 && (1.0..=5.0).contains(&o.value) => {
            Some((o.value as i32, o.end))
        }
        Some("end") if o.value == 0.0 => Some((-1, o.end)),
        _ => None,
    });
    if let Some((n, w)) = nth {
        if cx.unit(w) == Some(TimeUnit::Week) && !cx.lx.plural_units.contains(&cx.word(w)) {
            let of = w + 1;
            let link = of + usize::from(matches!(cx.word(of), "of" | "in" | "im" | "des"));
            let target = month_ref(cx, link)
                .filter(|_| link > of || cx.liberal)
                .or_else(|| {
                    let k = cx.article(link);
                    relative_year(cx, k)
                        .map(|(o, e)| {
                            (
                                TimeExpr::Period {
                                    unit: TimeUnit::Year,
                                    offset: o,
                                },
                                e,
                            )
                        })
                        .or_else(|| cx.year(k).map(|(y, e)| (TimeExpr::Year(y), e)))
                });
            // "the third week next year"
            let target = target.or_else(|| {
                relative_year(cx, of).map(|(o, e)| {
                    (
                        TimeExpr::Period {
                            unit: TimeUnit::Year,
                            offset: o,
                        },
                        e,
                    )
                })
            });
            if let Some((of, end)) = target {
                return Some((
                    TimeExpr::WeekOf {
                        n,
                        of: Box::new(of),
                    },
                    end,
                ));
            }
        }
    }
    if !cx.liberal {
        // "übernächste Woche"
        let (offset, end) = week_at(cx, i).filter(|(o, _)| *o == 2)?;
        return Some((
            TimeExpr::Period {
                unit: TimeUnit::Week,
                offset,
            },
            end,
        ));
    }
    if let Some((offset, end)) = week_at(cx, i) {
        return Some((
            TimeExpr::Period {
                unit: TimeUnit::Week,
                offset,
            },
            end,
        ));
    }
    // "the week of November 30th", "the week commencing february 4", "w/c feb 4"
    let wc = cx.word(k) == "w" && cx.punct(k + 1, "/") && cx.word(k + 2) == "c";
    if cx.unit(k) == Some(TimeUnit::Week) && !cx.lx.plural_units.contains(&cx.word(k)) || wc {
        let mut at = if wc { k + 3 } else { k + 1 };
        if cx.word(at) == "of" {
            at += 1;
        } else if cx.is(at, cx.lx.week_start_words) || wc {
            at += usize::from(!wc);
            at += usize::from(cx.word(at) == "on");
        } else {
            // "Week 31"
            let n =
                cx.t.get(at)
                    .filter(|n| n.is_number())?
                    .text
                    .parse::<u32>()
                    .ok()?;
            let week = TimeExpr::IsoWeek {
                week: n,
                year: None,
            };
            return (1..=53).contains(&n).then_some((week, at + 1));
        }
        let (day, end) = day(cx, cx.article(at)).or_else(|| day_of_month(cx, at))?;
        return Some((TimeExpr::WeekOfDay(Box::new(day)), end));
    }
    None
}

/// "the next 3 days", "next 3 months", "past 3 weeks", "last 3year", "previous 3 weeks",
/// "past few weeks", "the past 2 decades", "the next decade", "this decade", "past month",
/// "in den nächsten drei Tagen", "4 weeks in the future". A mention reading only: a claim
/// reads "over the next two years" as how long something lasts, a duration.
fn units(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let k = cx.article(i);
    let w = cx.word(k);
    // "within 5 days", "within the next 3 years"
    if cx.liberal && cx.is(k, cx.lx.within_words) {
        let at = cx.article(k + 1);
        return units(cx, at).or_else(|| {
            let (n, unit_at) = numeral::number_at(cx.t, at, cx.lx)?;
            let unit = cx.unit(unit_at).filter(|_| n.fract() == 0.0 && n >= 1.0)?;
            let units = TimeExpr::Units {
                n: n as u32,
                unit,
                forward: true,
            };
            Some((units, unit_at + 1))
        });
    }
    // "this decade"
    if cx.liberal && cx.is(k, cx.lx.this_words) && cx.is(k + 1, cx.lx.decade_words) {
        return Some((
            TimeExpr::Decades {
                offset: 0,
                count: 1,
            },
            k + 2,
        ));
    }
    let forward = match cx.lx.direction_words.iter().find(|(d, _, _)| *d == w) {
        Some((_, Tense::Future, true)) => true,
        Some((_, Tense::Past, true)) => false,
        _ => return None,
    };
    let at = k + 1;
    // The number: digits, words, "few"/"several" (as three), or none ("the next decade").
    let (n, unit_at, glued_unit) = match numeral::number_at(cx.t, at, cx.lx) {
        Some((n, end)) if n.fract() == 0.0 && n >= 1.0 => (n as u32, end, None),
        _ => match cx.t.get(at) {
            // "last 3year"
            Some(t) if t.is_word() && t.text.starts_with(|c: char| c.is_ascii_digit()) => {
                let split = t.lower.find(|c: char| c.is_alphabetic())?;
                let (n, u) = t.lower.split_at(split);
                (n.parse().ok()?, at + 1, cx.lx.time_unit(u))
            }
            _ if cx.lx.vague.iter().any(|(v, _, _)| *v == cx.word(at)) && cx.liberal => {
                (3, at + 1, None)
            }
            _ => (1, at, None),
        },
    };
    // "the past 2 decades", "the next decade": calendar decades.
    if cx.liberal && cx.is(unit_at, cx.lx.decade_words) {
        let offset = if forward { 1 } else { -(n as i32) };
        return Some((TimeExpr::Decades { offset, count: n }, unit_at + 1));
    }
    let (unit, end) = match glued_unit {
        Some(u) => (u, unit_at),
        None => (cx.unit(unit_at)?, unit_at + 1),
    };
    let plural = cx.lx.plural_units.contains(&cx.word(unit_at)) || cx.word(unit_at).ends_with('s');
    // "next month", "last year" are the calendar's periods (see `time::period_at`); "past
    // month" is the last one counted back.
    if unit_at == at && (w != "past" || !cx.liberal) {
        return None;
    }
    if !cx.liberal && (unit_at == at || !plural) {
        return None;
    }
    Some((TimeExpr::Units { n, unit, forward }, end))
}

/// "the month after the next", "the year after next", "the 15th century", "21st century".
fn far_period(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let k = cx.article(i);
    if let Some((unit, end)) = after_next(cx, k).filter(|(u, _)| *u != TimeUnit::Day) {
        return Some((TimeExpr::Period { unit, offset: 2 }, end));
    }
    let o = numeral::ordinal_at(cx.t, k, cx.lx).filter(|o| o.anchor.is_none())?;
    let n = o.value as i32;
    let end = o.end + usize::from(cx.punct(o.end, "-"));
    if !cx.is(end, cx.lx.century_words) || !(1..=40).contains(&n) || o.value.fract() != 0.0 {
        return None;
    }
    let years = TimeExpr::Years {
        first: (n - 1) * 100,
        years: 100,
    };
    Some((years, end + 1))
}

/// Decades: "the 1970s", "the 1970's", "the 70s", "the '40s", "the seventies", "the nineteen
/// seventies", "the two thousands", "the twenty-tens", "the noughties".
fn decade(cx: Cx, i: usize) -> Read {
    if !cx.liberal || !cx.is(i, cx.lx.articles) {
        return None;
    }
    let k = i + 1 + usize::from(cx.punct(i + 1, "'") || cx.punct(i + 1, "’"));
    let t = cx.t.get(k)?;
    let century_of = |short: u32| if short < 30 { 2000 } else { 1900 };
    // "1970s", "70s"; "1970's", "70's"
    let digits: String = t.lower.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &t.lower[digits.len()..];
        let (end, ok) = if rest == "s" {
            (k + 1, true)
        } else if rest.is_empty()
            && (cx.punct(k + 1, "'") || cx.punct(k + 1, "’"))
            && cx.word(k + 2) == "s"
        {
            (k + 3, true)
        } else {
            (k, false)
        };
        let n: u32 = digits.parse().ok()?;
        if ok && n.is_multiple_of(10) {
            let start = match digits.len() {
                4 => n as i32,
                2 => (century_of(n) + n) as i32,
                _ => return None,
            };
            return Some((ten_years(start), end));
        }
        return None;
    }
    // "seventies", "nineteen seventies", "twenty-tens", "two thousand and tens"
    let decade_word = |w: &str| cx.lx.decades.iter().find(|(d, _)| *d == w).map(|(_, n)| *n);
    if let Some(n) = decade_word(&t.lower) {
        return Some((ten_years((century_of(n) + n) as i32), k + 1));
    }
    if let Some((c, n)) = t.lower.split_once('-') {
        let c = (cx.lx.cardinal)(c)? as i32;
        let n = decade_word(n)? as i32;
        return Some((ten_years(c * 100 + n), k + 1));
    }
    // "the two thousands"
    if let Some((v, end)) = numeral::number_at(cx.t, k, cx.lx) {
        if cx.word(end.saturating_sub(1)).ends_with("thousands") && v >= 1000.0 {
            return Some((ten_years(v as i32), end));
        }
        let next = end + usize::from(cx.word(end) == "and");
        if let Some(n) = decade_word(cx.word(next)) {
            let c = if v >= 1000.0 {
                v as i32
            } else {
                v as i32 * 100
            };
            if v.fract() == 0.0 && (10.0..=29.0).contains(&v) || v == 2000.0 {
                return Some((ten_years(c + n as i32), next + 1));
            }
        }
    }
    None
}

/// Years: "year 247", "Year two hundred and sixty seven", "nineteen twenty eight" (a
/// mention reading), "that year", "same month", "same week" (the publication's), "year to
/// date".
fn year_period(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    // "year to date"
    if cx.unit(i) == Some(TimeUnit::Year) && cx.word(i + 1) == "to" && cx.word(i + 2) == "date" {
        return Some((
            TimeExpr::RestOf {
                unit: TimeUnit::Year,
                to_date: true,
            },
            i + 3,
        ));
    }
    // "year 247"
    if cx.unit(i) == Some(TimeUnit::Year) && !cx.lx.plural_units.contains(&cx.word(i)) {
        let (v, end) = numeral::number_at(cx.t, i + 1, cx.lx)?;
        if v.fract() == 0.0 && (1.0..10000.0).contains(&v) {
            return Some((TimeExpr::Year(v as i32), end));
        }
        return None;
    }
    // "same month", "that year"
    if cx.is(i, cx.lx.same_words) {
        let unit = cx
            .unit(i + 1)
            .filter(|u| *u != TimeUnit::Day && !cx.lx.plural_units.contains(&cx.word(i + 1)))?;
        return Some((TimeExpr::Period { unit, offset: 0 }, i + 2));
    }
    // "In nineteen twenty eight": a spelled year after "in".
    if i > 0 && cx.is(i - 1, cx.lx.later_words) && cx.t[i].is_word() {
        let (y, end) = cx.year(i)?;
        return Some((TimeExpr::Year(y), end));
    }
    None
}

/// "rest of the week", "rest of my week", "rest current week", "rest of this month",
/// "later this month", "late next week", "early this week", "mid next week", "beginning of
/// next week", "end of next week".
fn rest(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    if cx.is(i, cx.lx.rest_words) {
        let mut k = i + 1 + usize::from(cx.word(i + 1) == "of");
        let w = cx.word(k);
        if cx.lx.articles.contains(&w)
            || matches!(w, "my" | "our" | "current")
            || cx.is(k, cx.lx.this_words)
        {
            k += 1;
        }
        let unit = cx.unit(k).filter(|u| *u != TimeUnit::Day)?;
        return Some((
            TimeExpr::RestOf {
                unit,
                to_date: false,
            },
            k + 1,
        ));
    }
    // "later this month", "earlier this year", "later in the year": the part after (or
    // before) the publication day.
    let w = cx.word(i);
    if let Some((_, to_date)) = cx.lx.remaining_words.iter().find(|(r, _)| *r == w) {
        let k = i + 1 + usize::from(cx.is(i + 1, cx.lx.later_words));
        let k = k + usize::from(cx.is(k, cx.lx.articles) || cx.is(k, cx.lx.this_words));
        let unit = cx
            .unit(k)
            .filter(|u| *u != TimeUnit::Day && !cx.lx.plural_units.contains(&cx.word(k)))?;
        let expr = TimeExpr::RestOf {
            unit,
            to_date: *to_date,
        };
        return Some((expr, k + 1));
    }
    // "late next week", "beginning of next week", "mid March" (the last by `month_at`).
    let part = cx
        .lx
        .month_parts
        .iter()
        .chain(cx.lx.part_nouns)
        .find(|(p, _)| *p == w)
        .map(|(_, p)| *p)?;
    let k = i + 1 + usize::from(cx.word(i + 1) == "of");
    let offset = cx.direction(k)?;
    let unit = cx.unit(k + 1).filter(|u| *u != TimeUnit::Day)?;
    let expr = TimeExpr::PartOf {
        unit,
        part,
        year: None,
        offset,
    };
    Some((expr, k + 2))
}

/// Spans: "from Oct. 2 to October 22", "between January 1st and April 5th", "today till
/// tomorrow", "Friday through Sunday", "zwischen dem 15. November und dem 19. Dezember";
/// days in one month ("vom 12. bis 22. Januar", "between 3 and 12 of Sept", "from 4 to 22
/// this month", "November 19-20", "nächsten Monat vom 4. bis zum 23."); weekdays of one week
/// ("next week from Wednesday to Friday"); and a number of units from a day ("for 3 days
/// from today", "2 weeks starting May 20th").
fn span(cx: Cx, i: usize) -> Read {
    [
        span_of_days(cx, i),
        days_of_month(cx, i),
        weekdays_of_week(cx, i),
        span_from_day(cx, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(_, end)| *end)
}

/// One end of a span: a day, a period, a year, "now"; in a mention reading any of the news
/// scanners' days ("next Sunday", "the day after tomorrow").
fn span_end(cx: Cx, k: usize) -> Read {
    let k = if matches!(cx.word(k), "dem" | "den" | "the" | "zum") {
        k + 1
    } else {
        k
    };
    let mut best = [period(cx, k), day(cx, k)]
        .into_iter()
        .flatten()
        .max_by_key(|(_, end)| *end);
    if best.is_none() {
        if cx.is(k, cx.lx.now_words) {
            best = Some((TimeExpr::Offset(0), k + 1));
        } else if let Some((y, end)) = cx.year(k).filter(|_| cx.t[k].is_number()) {
            best = Some((TimeExpr::Year(y), end));
        } else if let Some((expr, end)) = base_day(cx, k) {
            best = Some((expr, end));
        }
    }
    // "today until next Sunday", "this Friday until next Sunday": weekdays with a direction.
    let weekday = {
        let (offset, at) = match cx.direction(k) {
            Some(o) => (Some(o), k + 1),
            None => (None, k),
        };
        cx.weekday(at).map(|(day, end)| {
            let (tense, strict) = match offset {
                Some(o) if o < 0 => (Tense::Past, true),
                Some(0) => (Tense::Present, false),
                Some(_) => (Tense::Future, true),
                None => (cx.tense, false),
            };
            (TimeExpr::Weekday { day, tense, strict }, end)
        })
    };
    [best, weekday]
        .into_iter()
        .flatten()
        .max_by_key(|(_, end)| *end)
}

/// The ten years from `first`.
fn ten_years(first: i32) -> TimeExpr {
    TimeExpr::Years { first, years: 10 }
}

fn between(a: TimeExpr, b: TimeExpr) -> TimeExpr {
    TimeExpr::Between(Box::new(a), Box::new(b))
}

/// The second end of a span may say the year for both: "from Jan 12 to Jan 22, 2016".
fn share_year(a: TimeExpr, b: &TimeExpr) -> TimeExpr {
    let year = match b {
        TimeExpr::Absolute { year: Some(y), .. } | TimeExpr::Month { year: Some(y), .. } => *y,
        _ => return a,
    };
    match a {
        TimeExpr::Absolute {
            year: None,
            month,
            day,
            tense,
        } => TimeExpr::Absolute {
            year: Some(year),
            month,
            day,
            tense,
        },
        a => a,
    }
}

/// "[from|between|vom|zwischen] X (to|and|bis|-) Y" of two days or periods. A mention reading
/// only: for claims the news scanner's spans ("from May 22 to 24", "vom 12. bis 22. Januar")
/// and [`days_of_month`] serve, and two dates that the judge pairs one by one stay two.
fn span_of_days(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let opened = cx.is(i, cx.lx.span_openers);
    let k = i + usize::from(opened);
    let (a, after) = span_end(cx, k)?;
    let link = after;
    let between_and = matches!(cx.word(i), "between" | "zwischen");
    let links_ok = if between_and {
        matches!(cx.word(link), "and" | "und") || cx.liberal && cx.is(link, cx.lx.span_links)
    } else {
        cx.is(link, cx.lx.span_links) && !matches!(cx.word(link), "and" | "und")
    };
    if !links_ok {
        return None;
    }
    // "bis zum", "to the"
    let (b, end) = span_end(cx, link + 1)?;
    // Both ends are full dates or periods for a claim; "Friday through Sunday" is a mention.
    // Spans of years ("between 2016 and 2021") date nothing a claim could: mentions only.
    let full = |e: &TimeExpr| {
        !matches!(
            e,
            TimeExpr::Weekday { .. }
                | TimeExpr::Offset(_)
                | TimeExpr::DayOfMonth { .. }
                | TimeExpr::Year(_)
        )
    };
    if !(cx.liberal || full(&a) && full(&b)) {
        return None;
    }
    if !opened && !cx.liberal {
        return None;
    }
    let a = share_year(a, &b);
    Some((between(a, b), end))
}

/// Days of one month: "vom 12. bis 22. Januar", "zwischen dem 3. und dem 12. September",
/// "vom 15.-19. November", "vom 15. - 19.11.", "between 3 and 12 of Sept", "from 4 to 22
/// this month", "4 till 23 of this month", "from 4-23 in next month", "between 4-22
/// January, 2017", "November 19-20", "November between 19 and 20", "nächsten Monat vom 4.
/// bis zum 23.", "vom 4. bis zum 23." (the month of publication, in a mention reading).
fn days_of_month(cx: Cx, i: usize) -> Read {
    // A month said first: "November 19-20", "diesen Monat vom 4. bis zum 23.".
    let (before, start) = match month_ref(cx, i) {
        Some((m, k)) => (Some(m), k),
        None => (None, i),
    };
    let opener = cx.word(start);
    let opened = cx.is(start, cx.lx.span_openers);
    let mut k = start + usize::from(opened);
    k += usize::from(matches!(cx.word(k), "dem" | "the"));
    let (d1, after) = day_figure(cx, k)?;
    // Days of no month said anywhere are days only in digits ("vom 4. bis zum 23."), not
    // "one - fourth".
    let digits = |k: usize| {
        cx.t.get(k)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    };
    if before.is_none() && !digits(k) {
        return None;
    }
    let between_and = matches!(opener, "between" | "zwischen");
    let link_ok =
        cx.is(after, cx.lx.span_links) && (between_and || !matches!(cx.word(after), "and" | "und"));
    if !link_ok || (!opened && before.is_none() && !cx.liberal) {
        return None;
    }
    let mut k2 = after + 1;
    k2 += usize::from(matches!(cx.word(k2), "dem" | "zum" | "the"));
    // "19.11.", "19.12.": the second day says its month in digits.
    if let Some(TimeExpr::Absolute {
        year, month, day, ..
    }) = numeric_date(cx, k2).map(|(e, _)| e)
    {
        if before.is_none() {
            let (_, end) = numeric_date(cx, k2)?;
            let end = cx.skip(end, ".");
            let first = absolute(cx, year, month, d1);
            let last = absolute(cx, year, month, day);
            return Some((between(first, last), end));
        }
    }
    let (d2, mut end) = day_figure(cx, k2)?;
    if d2 <= d1 {
        return None;
    }
    // "Feb between 2-7 two thousand and eighteen": the year after the days.
    let before = match before {
        Some(TimeExpr::Month {
            year: None,
            month,
            part,
            tense,
        }) => {
            let (year, after) = year_after(cx, end);
            end = after;
            Some(TimeExpr::Month {
                year,
                month,
                part,
                tense,
            })
        }
        other => other,
    };
    let after_month = if before.is_none() {
        month_ref(cx, end)
    } else {
        None
    };
    let of = match (&before, after_month) {
        (Some(m), _) => m.clone(),
        (None, Some((m, e))) => {
            end = e;
            m
        }
        (None, None) if cx.liberal => TimeExpr::Period {
            unit: TimeUnit::Month,
            offset: 0,
        },
        (None, None) => return None,
    };
    let pick = |d: u32| match &of {
        TimeExpr::Month { year, month, .. } => Some(absolute(cx, *year, *month, d)),
        TimeExpr::Period { offset, .. } => Some(TimeExpr::DayOfMonth {
            day: d,
            month_offset: Some(*offset),
            tense: cx.tense,
        }),
        _ => None,
    };
    Some((between(pick(d1)?, pick(d2)?), end))
}

/// A day figure inside a span: "12.", "12", "19th", "zwölften"; "15.-19." reads "15." then
/// "-" then "19.".
fn day_figure(cx: Cx, k: usize) -> Option<(u32, usize)> {
    let t = cx.t.get(k)?;
    if t.is_number() && t.text.len() <= 2 {
        let d: u32 = t.text.parse().ok().filter(|d| (1..=31).contains(d))?;
        // German "12." carries its period.
        let dot = cx.lx.lang == Lang::De && cx.punct(k + 1, ".");
        return Some((d, k + 1 + usize::from(dot)));
    }
    cx.day_number(k)
}

/// "next week between Wednesday and Friday", "last week from Wednesday to Friday".
fn weekdays_of_week(cx: Cx, i: usize) -> Read {
    let (week, k) = week_at(cx, i)?;
    let opener = cx.word(k);
    if !cx.is(k, cx.lx.span_openers) {
        return None;
    }
    let (first, after) = cx.weekday(k + 1)?;
    let link = cx.word(after);
    let ok = if matches!(opener, "between" | "zwischen") {
        matches!(link, "and" | "und")
    } else {
        cx.is(after, cx.lx.span_links)
    };
    if !ok {
        return None;
    }
    let (last, end) = cx.weekday(after + 1)?;
    let day = |day| TimeExpr::WeekdayOfWeek { day, week };
    Some((between(day(first), day(last)), end))
}

/// A number of units from a day: "for 3 days from today", "for 1 week, from 20th dec", "3
/// days starting from next Monday", "a week starting tomorrow", "2 weeks starting May
/// 20th", "within 2 weeks from today", "more than 2 weeks before today".
fn span_from_day(cx: Cx, i: usize) -> Read {
    if !cx.liberal {
        return None;
    }
    let mut k = i + usize::from(matches!(cx.word(i), "for" | "within"));
    // A hedge ("more than", "less than").
    if let Some(end) = cx
        .lx
        .hedges
        .iter()
        .filter_map(|(h, _)| super::quantity::phrase_at(cx.t, k, h))
        .max()
    {
        k = end;
    }
    let (n, unit_at) = numeral::number_at(cx.t, k, cx.lx)
        .or_else(|| cx.is(k, cx.lx.article_ones).then_some((1.0, k + 1)))?;
    if n.fract() != 0.0 || n < 1.0 {
        return None;
    }
    let unit = cx.unit(unit_at)?;
    let mut at = unit_at + 1;
    at = cx.skip(at, ",");
    let backward = match cx.word(at) {
        "from" | "starting" => false,
        "before" => true,
        _ => return None,
    };
    at += 1;
    at += usize::from(cx.word(at) == "from");
    let (base, end) = span_end(cx, at)?;
    let moved = TimeExpr::Shift {
        base: Box::new(base.clone()),
        n: if backward { -(n as i32) } else { n as i32 },
        unit,
    };
    let expr = if backward {
        between(moved, base)
    } else {
        between(base, moved)
    };
    Some((expr, end))
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::document::{Document, Lang};

    /// The mentions of a text published on Monday 7 November 2016, as (text, first day, last
    /// day).
    fn dated(lang: Lang, text: &str) -> Vec<(String, String, String)> {
        let doc = Document::sample("t.txt", "2016-11-07", lang, text);
        crate::extract::mentions(&doc, &Config::default())
            .into_iter()
            .filter_map(|m| {
                let days = m.days?;
                Some((
                    m.text().to_string(),
                    days.start.to_string(),
                    days.last().to_string(),
                ))
            })
            .collect()
    }

    /// A six-letter word whose fourth byte falls inside a letter ("dafür", "übrig") is no
    /// year glued to a quarter ("2016H2"); reading it as one split the "ü" and panicked.
    #[test]
    fn a_word_with_umlauts_is_no_glued_quarter() {
        for text in [
            "Der Rat stimmte im Jahr 2016 dafür.",
            "Im dritten Quartal blieb 2016 nichts übrig.",
        ] {
            let found = dated(Lang::De, text);
            assert!(
                found
                    .iter()
                    .all(|(t, ..)| !t.contains("dafür") && !t.contains("übrig")),
                "{found:?}"
            );
        }
    }

    #[test]
    fn the_issue_examples_resolve_against_publication() {
        let cases: &[(Lang, &str, &str, &str, &str)] = &[
            (
                Lang::De,
                "Er kam am neunundzwanzigsten Mai.",
                "am neunundzwanzigsten Mai",
                "2016-05-29",
                "2016-05-29",
            ),
            (
                Lang::En,
                "He came on the twenty-ninth of May.",
                "on the twenty-ninth of May",
                "2016-05-29",
                "2016-05-29",
            ),
            (
                Lang::De,
                "Die Messe lief vom 12. bis 22. Januar.",
                "vom 12. bis 22. Januar",
                "2016-01-12",
                "2016-01-22",
            ),
            (
                Lang::De,
                "Sie war zwischen dem 3. und dem 12. September dort.",
                "zwischen dem 3. und dem 12. September",
                "2016-09-03",
                "2016-09-12",
            ),
            (
                Lang::De,
                "Er ist nächsten Monat vom 4. bis zum 23. weg.",
                "nächsten Monat vom 4. bis zum 23.",
                "2016-12-04",
                "2016-12-23",
            ),
            (
                Lang::En,
                "It ran from Jan 12 to Jan 22, 2016.",
                "from Jan 12 to Jan 22, 2016",
                "2016-01-12",
                "2016-01-22",
            ),
            (
                Lang::De,
                "Diesen September war es heiß.",
                "Diesen September",
                "2016-09-01",
                "2016-09-30",
            ),
            (
                Lang::En,
                "Rain is expected in the next 3 days.",
                "in the next 3 days",
                "2016-11-08",
                "2016-11-10",
            ),
            (
                Lang::De,
                "Übernächste Woche beginnt der Prozess.",
                "Übernächste Woche",
                "2016-11-21",
                "2016-11-27",
            ),
            (
                Lang::De,
                "Die letzte Woche im Juli war heiß.",
                "Die letzte Woche im Juli",
                "2016-07-25",
                "2016-07-31",
            ),
            (
                Lang::De,
                "Am Wochenende wird gewählt.",
                "Am Wochenende",
                "2016-11-12",
                "2016-11-13",
            ),
            (
                Lang::En,
                "They will vote this weekend.",
                "this weekend",
                "2016-11-12",
                "2016-11-13",
            ),
            (
                Lang::De,
                "Der Vertrag vom 22.01.2016 gilt.",
                "vom 22.01.2016",
                "2016-01-22",
                "2016-01-22",
            ),
            (
                Lang::En,
                "The deal of 1/22/2016 holds.",
                "1/22/2016",
                "2016-01-22",
                "2016-01-22",
            ),
            (
                Lang::En,
                "The deal of 2016-01-22 holds.",
                "2016-01-22",
                "2016-01-22",
                "2016-01-22",
            ),
        ];
        for (lang, text, said, first, last) in cases {
            let found = dated(*lang, text);
            assert!(
                found.contains(&(said.to_string(), first.to_string(), last.to_string())),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn periods_a_recognizer_lists() {
        let cases: &[(Lang, &str, &str, &str, &str)] = &[
            (
                Lang::En,
                "I was out the month of Jan.",
                "the month of Jan",
                "2016-01-01",
                "2016-01-31",
            ),
            (
                Lang::En,
                "Sales in Q3 rose.",
                "in Q3",
                "2016-07-01",
                "2016-09-30",
            ),
            (
                Lang::En,
                "It happened in the 1970s.",
                "in the 1970s",
                "1970-01-01",
                "1979-12-31",
            ),
            (
                Lang::En,
                "I will leave this summer.",
                "this summer",
                "2016-06-01",
                "2016-08-31",
            ),
            (
                Lang::En,
                "We met the first friday of july.",
                "the first friday of july",
                "2016-07-01",
                "2016-07-01",
            ),
            (
                Lang::En,
                "I will be back three weeks from tomorrow.",
                "three weeks from tomorrow",
                "2016-11-29",
                "2016-11-29",
            ),
            (
                Lang::En,
                "I was out past 3 weeks.",
                "past 3 weeks",
                "2016-10-17",
                "2016-11-06",
            ),
            (
                Lang::De,
                "Ich werde 05/2016 nicht hier sein.",
                "05/2016",
                "2016-05-01",
                "2016-05-31",
            ),
            (
                Lang::De,
                "Ich komme übernächste Woche Freitag zurück.",
                "übernächste Woche Freitag",
                "2016-11-25",
                "2016-11-25",
            ),
        ];
        for (lang, text, said, first, last) in cases {
            let found = dated(*lang, text);
            assert!(
                found.contains(&(said.to_string(), first.to_string(), last.to_string())),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn what_news_means_otherwise_is_no_date() {
        for (lang, text) in [
            (Lang::En, "The first prize went to Oslo."),
            (Lang::En, "He lives on the 27th floor."),
            (Lang::De, "Das erste U-Boot sank."),
            (Lang::En, "One in five adults smoke."),
            (Lang::En, "Three quarters of voters agreed."),
        ] {
            assert_eq!(dated(lang, text), vec![], "{text}");
        }
    }
}
