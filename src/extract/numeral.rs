//! Numbers as written, for mentions: digits in either language's grouping, with a leading
//! point (".08"), an exponent ("1.3e6", "1.1^23") or a scale letter ("10k"); number words
//! with their scales, "and", decimals said digit by digit and dozens ("three hundred and two
//! dozens"); fractions in digits ("3/4", "2 1/4", "⅔") and words ("two thirds", "zwei
//! Drittel", "one hundred and three and two thirds"); ordinals in digits and words up to the
//! trillions ("11th", "twenty-fifth", "dreihundertster", "a hundred trillionth") and relative
//! ones ("penultimate", "vorletzte"). Takes a sentence's tokens and a position; gives the
//! value and the token after the number. Every word comes from [`Lexicon`].
//!
//! ```
//! use claimdiff::extract::{lexicon::Lexicon, numeral::number_at, token::tokenize};
//! use claimdiff::Lang;
//! let en = Lexicon::of(Lang::En);
//! let tokens = tokenize("one hundred and three and two thirds");
//! let (value, end) = number_at(&tokens, 0, en).unwrap();
//! assert!((value - 103.0 - 2.0 / 3.0).abs() < 1e-9 && end == tokens.len());
//! let tokens = tokenize("zwei Drittel");
//! assert_eq!(number_at(&tokens, 0, Lexicon::of(Lang::De)).map(|(v, _)| v), Some(2.0 / 3.0));
//! ```

use super::lexicon::{vulgar_fraction, Lexicon};
use super::quantity::{parse_digits, phrase_at};
use super::token::{Token, TokenKind};
use crate::document::Lang;

/// An ordinal found at some tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Ordinal {
    /// N; for a relative ordinal the offset from the item it counts from.
    pub value: f64,
    /// The token after the ordinal.
    pub end: usize,
    /// For a relative ordinal, the item it counts from: "end" or "current".
    pub anchor: Option<&'static str>,
}

/// One part of a written number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    /// Digits, or a fraction in one character.
    Figure(f64),
    /// A number word: its value, whether it is a bare tens word ("twenty"), whether one unit
    /// (1 to 9).
    Word { value: f64, tens: bool, unit: bool },
    /// "hundred", which multiplies the words before it within their group.
    Hundred,
    /// A scale of a thousand and more; `alone` when the word is a number by itself ("tausend").
    Scale { value: f64, alone: bool },
    /// A scale below a thousand, the dozen: it multiplies the last small number.
    Dozen(f64),
    /// "a", "ein": one, but only before a scale or a fraction.
    Article,
}

/// A whole number read from some pieces.
#[derive(Debug, Clone)]
struct Whole {
    value: f64,
    end: usize,
    /// What the scales before the current group add up to, the current group, and the last
    /// scale said.
    total: f64,
    group: f64,
    last_scale: Option<f64>,
    /// The pieces read and the token each starts at.
    pieces: Vec<(Piece, usize)>,
    /// When the last piece came after "and", the number before that "and".
    after_and: Option<Box<Whole>>,
}

/// Digits with the language's marks, else the other language's ("4.800" is 4.8 in an English
/// text, "1.111,11" 1111.11), else Indian grouping ("12,34,567.89").
fn digits_value(text: &str, lang: Lang) -> Option<f64> {
    let other = match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    parse_digits(text, lang)
        .or_else(|| parse_digits(text, other))
        .or_else(|| indian(text))
}

/// "12,34,567.89": groups of two before the last group of three.
fn indian(text: &str) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let (last, rest) = groups.split_last()?;
    let (first, middle) = rest.split_first()?;
    let fits = last.len() == 3
        && (1..=2).contains(&first.len())
        && middle.iter().all(|g| g.len() == 2)
        && !frac.contains([',', '.']);
    if !fits {
        return None;
    }
    format!("{}.{frac}", groups.concat()).parse().ok()
}

/// Whether token `k` stands right after the one before it, with no space between.
fn glued(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| !t.space_before)
}

/// An exponent after `^` at token `k`: "23", "+23", "-1", "--23".
fn exponent(tokens: &[Token], mut k: usize) -> Option<(f64, usize)> {
    let mut sign = 1.0;
    while tokens
        .get(k)
        .is_some_and(|t| (t.is_punct("-") || t.is_punct("+")) && !t.space_before)
    {
        if tokens[k].is_punct("-") {
            sign = -sign;
        }
        k += 1;
    }
    let t = tokens.get(k).filter(|t| t.is_number() && !t.space_before)?;
    let n: f64 = t.text.parse().ok()?;
    Some((sign * n, k + 1))
}

/// A word that starts with digits: "10k", "1.2B", "1e10", "12.32e" (+ "+14"), "1.3x10"
/// (+ "^6"), "1MM".
fn digit_word(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let t = &tokens[k];
    let split = t.text.find(|c: char| c.is_alphabetic())?;
    let (number, suffix) = t.text.split_at(split);
    let value = digits_value(number, lexicon.lang)?;
    if let Some(&(_, scale)) = lexicon.scale_suffixes.iter().find(|(s, _)| *s == suffix) {
        return Some((value * scale, k + 1));
    }
    if let Some(scale) = lexicon.scale(&suffix.to_lowercase()) {
        return Some((value * scale, k + 1));
    }
    let lower = suffix.to_lowercase();
    // "1e10", "12e-1"; "12.32e" with "+14" after it.
    if let Some(power) = lower.strip_prefix('e') {
        if power.is_empty() {
            let (n, end) = exponent(tokens, k + 1)?;
            return Some((value * 10f64.powf(n), end));
        }
        let n: f64 = power.parse().ok()?;
        return Some((value * 10f64.powf(n), k + 1));
    }
    // "1.3x10^6"
    if let Some(base) = lower.strip_prefix('x') {
        let base: f64 = base.parse().ok()?;
        tokens
            .get(k + 1)
            .filter(|t| t.is_punct("^") && !t.space_before)?;
        let (n, end) = exponent(tokens, k + 2)?;
        return Some((value * base.powf(n), end));
    }
    None
}

/// Digits at token `k`, with what may cling to them: a point before (".08"), groups of three
/// after a space ("1 234 567"), an exponent, a fraction bar, a scale letter.
fn digits_at(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let t = tokens.get(k)?;
    let decimal_mark = match lexicon.lang {
        Lang::De => ",",
        Lang::En => ".",
    };
    if t.is_punct(decimal_mark) || t.is_punct(".") {
        // ".08": a point that opens a number, not one inside "v1.2".
        let digits = tokens.get(k + 1).filter(|d| {
            d.is_number() && !d.space_before && d.text.bytes().all(|b| b.is_ascii_digit())
        })?;
        if k > 0 && !t.space_before {
            return None;
        }
        return Some((format!("0.{}", digits.text).parse().ok()?, k + 2));
    }
    if t.is_word() {
        if let Some(v) = vulgar_fraction(t.text) {
            return Some((v, k + 1));
        }
        if t.text.starts_with(|c: char| c.is_ascii_digit()) {
            return digit_word(tokens, k, lexicon);
        }
        return None;
    }
    if !t.is_number() {
        return None;
    }
    // "0000" is zero; "030" a dialling code.
    let zeros = t.text.bytes().all(|b| b == b'0');
    if t.text.len() > 1 && t.text.starts_with('0') && !zeros && !t.text[1..].starts_with([',', '.'])
    {
        return None;
    }
    let mut value = digits_value(t.text, lexicon.lang)?;
    let mut end = k + 1;
    // "1 234 567", "40 000": groups of three after single spaces.
    let plain = t.text.bytes().all(|b| b.is_ascii_digit());
    if plain && t.text.len() <= 3 {
        let mut text = t.text.to_string();
        while let Some(g) = tokens.get(end).filter(|g| {
            g.is_number()
                && g.space_before
                && g.start - tokens[end - 1].end <= 3
                && g.text
                    .split([',', '.'])
                    .next()
                    .is_some_and(|int| int.len() == 3 && int.bytes().all(|b| b.is_ascii_digit()))
                && !tokens.get(end + 1).is_some_and(|n| n.is_punct("/"))
        }) {
            text.push_str(g.text);
            end += 1;
            if !g.text.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
        }
        if end > k + 1 {
            value = digits_value(&text, lexicon.lang)?;
        }
    }
    let next = |e: usize| tokens.get(e);
    // "1.1^23", "2.5^-1"
    if next(end).is_some_and(|c| c.is_punct("^") && !c.space_before) {
        let (n, after) = exponent(tokens, end + 1)?;
        return Some((value.powf(n), after));
    }
    // "3/4": a fraction; "5/17/2018" is a date, left to the time scanner.
    let after_bar = k > 0 && tokens[k - 1].is_punct("/") && !t.space_before;
    if next(end).is_some_and(|s| s.is_punct("/") && !s.space_before) || after_bar {
        if after_bar {
            return None;
        }
        let d = next(end + 1).filter(|d| d.is_number() && glued(tokens, end + 1))?;
        if next(end + 2).is_some_and(|s| s.is_punct("/")) {
            return None;
        }
        let d = digits_value(d.text, lexicon.lang).filter(|d| *d != 0.0)?;
        return Some((value / d, end + 2));
    }
    // "2 1/4": a whole number and a fraction.
    if plain {
        if let (Some(n), Some(bar), Some(d)) = (next(end), next(end + 1), next(end + 2)) {
            if n.is_number()
                && n.space_before
                && bar.is_punct("/")
                && !bar.space_before
                && d.is_number()
                && !d.space_before
                && !next(end + 3).is_some_and(|s| s.is_punct("/"))
            {
                let (n, d): (f64, f64) = (n.text.parse().ok()?, d.text.parse().ok()?);
                if n < d {
                    return Some((value + n / d, end + 3));
                }
            }
        }
    }
    // "3½": a whole number and a fraction character glued to it.
    if plain {
        if let Some(v) = next(end)
            .filter(|f| f.is_word() && !f.space_before)
            .and_then(|f| vulgar_fraction(f.text))
        {
            return Some((value + v, end + 1));
        }
    }
    // "2.33 k", "1,674.5 G", "10 bln": a scale letter after a space.
    if let Some(s) = next(end).filter(|s| s.is_word()) {
        if let Some(&(_, scale)) = lexicon.scale_suffixes.iter().find(|(w, _)| *w == s.text) {
            return Some((value * scale, end + 1));
        }
    }
    Some((value, end))
}

/// The piece of a number at token `k`, and the token after it.
fn piece_at(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<(Piece, usize)> {
    let t = tokens.get(k)?;
    if !t.is_word() || t.text.starts_with(|c: char| c.is_ascii_digit()) || t.text.len() <= 3 {
        if let Some((v, end)) = digits_at(tokens, k, lexicon) {
            return Some((Piece::Figure(v), end));
        }
    }
    if !t.is_word() {
        return None;
    }
    let w = t.lower.trim_end_matches('.');
    if lexicon.counted_ones.contains(&w) {
        let one = Piece::Word {
            value: 1.0,
            tens: false,
            unit: true,
        };
        return Some((one, k + 1));
    }
    if lexicon.article_ones.contains(&w) {
        return Some((Piece::Article, k + 1));
    }
    if (lexicon.cardinal)(w.trim_end_matches('s')) == Some(100.0) && !w.starts_with("ein") {
        return Some((Piece::Hundred, k + 1));
    }
    if let Some(value) = lexicon.scale(w) {
        // "m", "k" alone after a space are letters, not scales (see `digits_at`).
        if w.len() <= 2 && !matches!(w, "mn" | "bn" | "tn" | "dz") {
            return None;
        }
        let piece = if value >= 1000.0 {
            Piece::Scale {
                value,
                alone: (lexicon.cardinal)(w).is_some(),
            }
        } else {
            Piece::Dozen(value)
        };
        return Some((piece, k + 1));
    }
    let value = (lexicon.cardinal)(w)?;
    // "fifty - two"
    let tens = (20.0..100.0).contains(&value) && value % 10.0 == 0.0 && !w.contains('-');
    if tens {
        if let (Some(dash), Some(u)) = (tokens.get(k + 1), tokens.get(k + 2)) {
            let unit = (lexicon.cardinal)(&u.lower).filter(|u| (1.0..10.0).contains(u));
            if dash.is_punct("-") && dash.space_before && u.space_before {
                if let Some(u) = unit {
                    let word = Piece::Word {
                        value: value + u,
                        tens: false,
                        unit: false,
                    };
                    return Some((word, k + 3));
                }
            }
        }
    }
    let unit = (1.0..10.0).contains(&value) && value.fract() == 0.0;
    Some((Piece::Word { value, tens, unit }, k + 1))
}

/// A whole number from token `start`, read no further than `limit`.
fn whole(tokens: &[Token], start: usize, limit: usize, lexicon: &'static Lexicon) -> Option<Whole> {
    let (mut total, mut group, mut small) = (0.0, 0.0, 0.0);
    let mut hundred = false;
    let mut last_scale: Option<f64> = None;
    let mut pieces: Vec<(Piece, usize)> = Vec::new();
    let mut best: Option<Whole> = None;
    // The reading before the last "and", to fall back on when what follows it fails.
    let mut before_and: Option<Whole> = None;
    let mut k = start;
    while k < limit {
        let prev = pieces.last().map(|(p, _)| *p);
        let and = prev.is_some()
            && lexicon.number_joiners.contains(&tokens[k].lower.as_str())
            && k + 1 < limit;
        let at = k + usize::from(and);
        let Some((piece, next)) = piece_at(tokens, at, lexicon).filter(|(_, n)| *n <= limit) else {
            break;
        };
        let ok = match (prev, piece) {
            (None, Piece::Figure(v) | Piece::Word { value: v, .. }) => {
                group = v;
                small = v;
                true
            }
            (None, Piece::Article) => true,
            (None, Piece::Hundred) | (Some(Piece::Article), Piece::Hundred) => {
                group = 100.0;
                hundred = true;
                true
            }
            (None, Piece::Scale { value, alone }) => {
                total = value;
                last_scale = Some(value);
                alone
            }
            (Some(Piece::Hundred), Piece::Figure(v) | Piece::Word { value: v, .. }) => {
                let fits = v < 100.0 && v > 0.0 && v.fract() == 0.0;
                group += v;
                small = v;
                fits
            }
            (
                Some(Piece::Scale { value: s, .. }),
                Piece::Figure(v) | Piece::Word { value: v, .. },
            ) => {
                let fits = v < s && v > 0.0 && (!and || v.fract() == 0.0);
                group = v;
                small = v;
                fits
            }
            (
                Some(Piece::Word { tens: true, .. }),
                Piece::Word {
                    value, unit: true, ..
                },
            ) if !and && small == group % 100.0 && small % 10.0 == 0.0 && small >= 20.0 => {
                group += value;
                small += value;
                true
            }
            (Some(Piece::Word { .. } | Piece::Figure(_)), Piece::Hundred) if !and && !hundred => {
                group *= 100.0;
                small = 0.0;
                hundred = true;
                true
            }
            (Some(p), Piece::Scale { value, .. }) if !and => {
                let after_scale = matches!(p, Piece::Scale { .. });
                match last_scale {
                    // "three lakh crore": a larger scale right after a smaller one multiplies.
                    Some(s) if after_scale && value > s => {
                        total *= value;
                        last_scale = Some(value);
                        true
                    }
                    Some(s) if value >= s || after_scale => false,
                    _ => {
                        let g = if matches!(p, Piece::Article) {
                            1.0
                        } else {
                            group
                        };
                        total += g * value;
                        group = 0.0;
                        small = 0.0;
                        hundred = false;
                        last_scale = Some(value);
                        true
                    }
                }
            }
            (Some(Piece::Article), Piece::Dozen(d)) => {
                group += d;
                true
            }
            (Some(Piece::Word { .. } | Piece::Figure(_)), Piece::Dozen(d)) if !and => {
                group += small * (d - 1.0);
                small = 0.0;
                true
            }
            _ => false,
        };
        if !ok {
            // "3 hundred and 2 hundred": what came after the "and" belongs to the next number.
            let multiplier = matches!(piece, Piece::Hundred | Piece::Dozen(_));
            if multiplier
                && pieces.last().is_some_and(|(_, at)| {
                    *at > start
                        && lexicon
                            .number_joiners
                            .contains(&tokens[*at - 1].lower.as_str())
                })
            {
                return before_and;
            }
            break;
        }
        if and {
            before_and = best.clone();
        }
        pieces.push((piece, at));
        k = next;
        if !matches!(piece, Piece::Article) {
            best = Some(Whole {
                value: total + group,
                end: k,
                total,
                group,
                last_scale,
                pieces: pieces.clone(),
                after_and: if and {
                    before_and.clone().map(Box::new)
                } else {
                    None
                },
            });
        }
    }
    best
}

/// A fraction word at token `k`: its denominator, whether it is a singular ordinal ("fifth",
/// which may be an ordinal instead), and the token after it. "hundred-fifths" and
/// "dreiviertel" carry their own numbers: see [`compound_fraction`].
fn denominator_at(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<(f64, bool)> {
    let t = tokens.get(k).filter(|t| t.is_word())?;
    let d = (lexicon.denominator)(&t.lower)?;
    let singular =
        (lexicon.ordinal)(&t.lower).is_some() || (lexicon.scale_ordinal)(&t.lower).is_some();
    Some((d, singular))
}

/// One word that is a number and a fraction word: "dreiviertel", "one-eighth", "five -
/// eighths" (the last in three tokens).
fn compound_fraction(
    tokens: &[Token],
    k: usize,
    lexicon: &'static Lexicon,
) -> Option<(f64, usize)> {
    let t = tokens.get(k).filter(|t| t.is_word())?;
    // "one - fourth", "five - eighths"
    if let (Some(dash), Some(after)) = (tokens.get(k + 1), tokens.get(k + 2)) {
        if dash.is_punct("-") && (after.space_before || !dash.space_before) {
            if let (Some(n), Some((d, _))) = (
                (lexicon.cardinal)(&t.lower),
                denominator_at(tokens, k + 2, lexicon),
            ) {
                return Some((n / d, k + 3));
            }
        }
    }
    let w = t.lower.as_str();
    if ordinal_word(w, lexicon).is_some() {
        return None; // "twenty-fifth"
    }
    for (at, _) in w.char_indices().skip(1) {
        let (left, right) = w.split_at(at);
        let right = right.strip_prefix('-').unwrap_or(right);
        if let (Some(n), Some(d)) = ((lexicon.cardinal)(left), (lexicon.denominator)(right)) {
            return Some((n / d, k + 1));
        }
    }
    None
}

/// The denominator said by the words from `k` on when they are not a fraction word alone:
/// "twenty fifths" (25), "one hundred fifth" (105), "one thousand fifths" (1005), "hundred
/// and fifth".
fn denominator_phrase(
    tokens: &[Token],
    k: usize,
    lexicon: &'static Lexicon,
) -> Option<(f64, bool, usize)> {
    if let Some((d, singular)) = denominator_at(tokens, k, lexicon) {
        return Some((d, singular, k + 1));
    }
    let (first, after) = piece_at(tokens, k, lexicon)?;
    match first {
        Piece::Word {
            value, tens: true, ..
        } => {
            // "twenty firsts": after a tens word, "first" and "second" name a denominator too.
            let unit = tokens.get(after).filter(|t| t.is_word()).and_then(|t| {
                let singular = t.lower.strip_suffix('s').unwrap_or(&t.lower);
                let n = (lexicon.ordinal)(singular).filter(|n| *n < 10)?;
                Some((f64::from(n), singular.len() == t.lower.len()))
            });
            let (d, singular) =
                unit.or_else(|| denominator_at(tokens, after, lexicon).filter(|(d, _)| *d < 10.0))?;
            Some((value + d, singular, after + 1))
        }
        Piece::Word {
            value, unit: true, ..
        } => {
            let (scale, at) = piece_at(tokens, after, lexicon)?;
            let scale = match scale {
                Piece::Hundred => 100.0,
                Piece::Scale { value: 1000.0, .. } => 1000.0,
                _ => return None,
            };
            let at = at
                + usize::from(
                    lexicon
                        .number_joiners
                        .contains(&tokens.get(at)?.lower.as_str()),
                );
            let (d, singular) = denominator_at(tokens, at, lexicon).filter(|(d, _)| *d < 100.0)?;
            Some((value * scale + d, singular, at + 1))
        }
        _ => None,
    }
}

/// Whether a whole number is just "one" or "a": the numerator of "a fifth", "one eighth".
fn is_one(w: &Whole) -> bool {
    w.value == 1.0 && w.pieces.len() == 1
}

/// A scale after a fraction, with "of a" before it ("two thirds of a million"): its value and
/// the token after it.
fn scale_after(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let mut at = k;
    if tokens.get(at).is_some_and(|t| t.lower == "of") {
        at += 1;
        if tokens
            .get(at)
            .is_some_and(|t| lexicon.article_ones.contains(&t.lower.as_str()))
        {
            at += 1;
        }
    }
    match piece_at(tokens, at, lexicon)? {
        (Piece::Scale { value, .. } | Piece::Dozen(value), end) => Some((value, end)),
        (Piece::Hundred, end) => Some((100.0, end)),
        _ => None,
    }
}

/// A proper fraction after "and" at `k` ("a half", "three fifths", "drei Viertel"): its value
/// and the token after it.
fn proper_fraction(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    if let Some((d, _)) = denominator_at(tokens, k, lexicon) {
        return Some((1.0 / d, k + 1)); // "und halb"
    }
    let (n, at) = match piece_at(tokens, k, lexicon)? {
        (Piece::Article, at) => (1.0, at),
        _ => {
            let w = whole(tokens, k, tokens.len(), lexicon)?;
            (w.value, w.end)
        }
    };
    let (d, _, end) = denominator_phrase(tokens, at, lexicon)?;
    (n / d < 1.0).then_some((n / d, end))
}

/// A number at token `i`: its value and the token after it. `None` for an article alone
/// ("a", "ein") and for "one" after a pronoun determiner ("which one").
pub fn number_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let t = tokens.get(i)?;
    // A sign: "-1", "- 1 4/5", "minus one", "negative ninety".
    let minus_word = lexicon.minus_words.contains(&t.lower.as_str());
    let minus_sign = t.is_punct("-")
        && (i == 0 || t.space_before)
        && !tokens[..i].last().is_some_and(|p| p.is_number());
    if minus_word || minus_sign {
        let (v, end) = unsigned_at(tokens, i + 1, lexicon)?;
        return Some((-v, end));
    }
    unsigned_at(tokens, i, lexicon)
}

fn unsigned_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let t = tokens.get(i)?;
    if let Some(found) = compound_fraction(tokens, i, lexicon) {
        return Some(found);
    }
    // "half a million", "quarter million", "half a dozen"; "half" alone is a half.
    if let Some((d, false)) = denominator_at(tokens, i, lexicon) {
        if (lexicon.cardinal)(&t.lower).is_none() {
            let mut at = i + 1;
            if tokens
                .get(at)
                .is_some_and(|a| lexicon.article_ones.contains(&a.lower.as_str()))
            {
                at += 1;
            }
            if let Some((scale, end)) = scale_after(tokens, at, lexicon) {
                return Some((scale / d, end));
            }
            return (d == 2.0).then_some((0.5, i + 1));
        }
    }
    let Some(w) = whole(tokens, i, tokens.len(), lexicon) else {
        // "a fifth", "a half", "ein halbes": an article over a fraction word.
        if lexicon.article_ones.contains(&t.lower.as_str()) {
            let (d, singular, end) = denominator_phrase(tokens, i + 1, lexicon)?;
            if singular && d < 3.0 {
                return None;
            }
            return Some(times_scale(tokens, 1.0 / d, end, lexicon));
        }
        return None;
    };
    // "Which one do you prefer?", "the penultimate one": a pronoun.
    if is_one(&w)
        && i > 0
        && lexicon.counted_ones.contains(&t.lower.as_str())
        && (lexicon
            .pronoun_determiners
            .contains(&tokens[i - 1].lower.as_str())
            || ordinal_at(tokens, i - 1, lexicon).is_some_and(|o| o.end == i))
        && denominator_at(tokens, w.end, lexicon).is_none()
    {
        return None;
    }
    let end = w.end;
    let next = tokens.get(end).map_or("", |t| t.lower.as_str());
    // "two hundred point zero three", "zwei Komma drei"
    if lexicon.decimal_words.contains(&next) && w.value.fract() == 0.0 {
        let mut digits = String::new();
        let mut k = end + 1;
        while let Some((Piece::Word { value, .. } | Piece::Figure(value), after)) =
            piece_at(tokens, k, lexicon)
        {
            if value.fract() != 0.0 || !(0.0..100.0).contains(&value) {
                break;
            }
            digits.push_str(&format!("{}", value as u32));
            k = after;
        }
        if !digits.is_empty() {
            let value: f64 = format!("{}.{digits}", w.value).parse().ok()?;
            return Some(times_scale(tokens, value, k, lexicon));
        }
    }
    // "one and a half", "twenty and three fifths", "fünf und drei Viertel Milliarde".
    if lexicon.fraction_links.contains(&next) {
        if let Some((f, after)) = proper_fraction(tokens, end + 1, lexicon) {
            return Some(and_fraction(tokens, &w, f, after, lexicon));
        }
    }
    if let Some(found) = over(tokens, &w, lexicon) {
        return Some(found);
    }
    // "two thirds", "one hundred thirty fifths", "twenty twenty fifths".
    if let Some((d, singular, after)) = denominator_phrase(tokens, end, lexicon) {
        if let Some(found) = fraction(tokens, i, &w, d, singular, after, lexicon) {
            return Some(found);
        }
    }
    Some((w.value, end))
}

/// A whole number and a proper fraction after "and" ending at `after`: "three and a fifth";
/// after a scale the fraction is of that scale ("3 million and a half"); a scale after the
/// fraction multiplies it, or the whole when no scale came before ("five and a half million").
fn and_fraction(
    tokens: &[Token],
    w: &Whole,
    f: f64,
    after: usize,
    lexicon: &'static Lexicon,
) -> (f64, usize) {
    let after_scale = w.group == 0.0 && w.last_scale.is_some();
    if let Some((scale, end)) = scale_after(tokens, after, lexicon) {
        if after_scale {
            return (w.total + f * scale, end);
        }
        return (w.total + (w.group + f) * scale, end);
    }
    match w.last_scale.filter(|_| after_scale) {
        Some(s) => (w.total + f * s, after),
        None => (w.value + f, after),
    }
}

/// "one over three", "2000 over 3", "two out of five hundred", "1 in twenty-one": the second
/// number divides the first. Not when a noun follows the second ("$2000 over 3 years", "12 in
/// six boxes").
fn over(tokens: &[Token], w: &Whole, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let (link_end, one_only) = lexicon
        .over_words
        .iter()
        .find_map(|o| phrase_at(tokens, w.end, o).map(|e| (e, false)))
        .or_else(|| {
            let t = tokens.get(w.end)?;
            lexicon
                .ratio_links
                .contains(&t.lower.as_str())
                .then_some((w.end + 1, true))
        })?;
    if one_only && w.value != 1.0 {
        return None;
    }
    let d = whole(tokens, link_end, tokens.len(), lexicon)?;
    // "two out of five hundred tvs" is a share of them; "five out of three pieces" is not.
    let out_of = link_end - w.end > 1;
    if d.value == 0.0
        || (out_of && w.value >= d.value)
        || (!out_of && tokens.get(d.end).is_some_and(|n| n.is_word()))
    {
        return None;
    }
    Some((w.value / d.value, d.end))
}

/// A whole number `w` over the denominator said from its end to `after`. A singular ordinal
/// is a denominator only after "one" or "a" ("one eighth"; "two hundredth" is an ordinal). A
/// tens word or "one hundred"/"one thousand" just before the fraction word belongs to the
/// denominator when a numerator stays before it ("one hundred thirty fifths" is 100/35); after
/// "and" a proper fraction is added ("one hundred and three quarters"), a larger one takes
/// the whole as numerator ("one hundred and thirty fifths" is 130/5).
fn fraction(
    tokens: &[Token],
    i: usize,
    w: &Whole,
    d: f64,
    singular: bool,
    after: usize,
    lexicon: &'static Lexicon,
) -> Option<(f64, usize)> {
    let (last, last_at) = *w.pieces.last()?;
    let before = w.pieces.len().checked_sub(2).map(|k| w.pieces[k]);
    let direct = after == w.end + 1;
    // "one hundred thirty fifths": the tens word joins the fraction word.
    if direct && d < 10.0 && w.pieces.len() >= 2 {
        if let Piece::Word {
            value, tens: true, ..
        } = last
        {
            let joined = last_at > 0
                && !lexicon
                    .number_joiners
                    .contains(&tokens[last_at - 1].lower.as_str());
            if joined {
                if let Some(n) = whole(tokens, i, last_at, lexicon).filter(|n| n.end == last_at) {
                    if !singular || is_one(&n) {
                        return Some(times_scale(tokens, n.value / (value + d), after, lexicon));
                    }
                }
            }
        }
        // "one hundred one thousand fifths": 100 / 1005.
        let scale = match last {
            Piece::Hundred => Some(100.0),
            Piece::Scale { value: 1000.0, .. } => Some(1000.0),
            _ => None,
        };
        if let (
            Some(scale),
            Some((
                Piece::Word {
                    value: u,
                    unit: true,
                    ..
                },
                u_at,
            )),
        ) = (scale, before)
        {
            if w.pieces.len() >= 3 {
                if let Some(n) = whole(tokens, i, u_at, lexicon).filter(|n| n.end == u_at) {
                    if !singular || is_one(&n) {
                        return Some(times_scale(
                            tokens,
                            n.value / (u * scale + d),
                            after,
                            lexicon,
                        ));
                    }
                }
            }
        }
    }
    if singular && (!is_one(w) || d < 3.0) {
        return None;
    }
    // "one hundred and three quarters", "two million and one half": a proper fraction after
    // "and" is added.
    if let (Some(base), Piece::Word { value: n, .. } | Piece::Figure(n)) = (&w.after_and, last) {
        if n / d < 1.0 && direct {
            return Some(and_fraction(tokens, base, n / d, after, lexicon));
        }
    }
    Some(times_scale(tokens, w.value / d, after, lexicon))
}

/// A value and the scale that may follow it ("two thirds of a million", "eine halbe Million").
fn times_scale(
    tokens: &[Token],
    value: f64,
    end: usize,
    lexicon: &'static Lexicon,
) -> (f64, usize) {
    match scale_after(tokens, end, lexicon) {
        Some((scale, after)) => (value * scale, after),
        None => (value, end),
    }
}

/// An ordinal starting at token `i`: "dritte", "3." (German, inside a sentence), "11th",
/// "twenty-fifth", "one hundred twenty fifth", "a hundred trillionth", "einhundert
/// Milliardste", "zu dritt", and relative ones ("penultimate", "next one", "vorletzte").
pub fn ordinal_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<Ordinal> {
    let t = tokens.get(i)?;
    // Most words start no relative ordinal: asked of the first words before the phrases.
    let relative = lexicon
        .starts_relative_ordinal(&t.lower)
        .then(|| {
            lexicon
                .relative_ordinals
                .iter()
                .filter_map(|(phrase, anchor, offset)| {
                    Some((phrase_at(tokens, i, phrase)?, *anchor, *offset))
                })
                .max_by_key(|(end, _, _)| *end)
        })
        .flatten();
    if let Some((end, anchor, offset)) = relative {
        return Some(Ordinal {
            value: f64::from(offset),
            end,
            anchor: Some(anchor),
        });
    }
    let plain = |value: f64, end: usize| {
        Some(Ordinal {
            value,
            end,
            anchor: None,
        })
    };
    match t.kind {
        // "die 3. Banane"; a period that ends the sentence ends no ordinal.
        TokenKind::Number if lexicon.lang == Lang::De => {
            tokens
                .get(i + 1)
                .filter(|d| d.is_punct(".") && !d.space_before)?;
            tokens.get(i + 2)?;
            let n: u32 = t.text.parse().ok()?;
            return plain(f64::from(n), i + 2);
        }
        TokenKind::Word => {}
        _ => return None,
    }
    let w = t.lower.as_str();
    if let Some((_, n)) = lexicon.ordinal_adverbs.iter().find(|(a, _)| *a == w) {
        return plain(f64::from(*n), i + 1);
    }
    // "zu dritt", "zu zwölft"
    if i > 0
        && lexicon
            .ordinal_stem_openers
            .contains(&tokens[i - 1].lower.as_str())
    {
        if let Some(n) = (lexicon.ordinal)(&format!("{w}e")) {
            return plain(f64::from(n), i + 1);
        }
    }
    // A number before an ordinal word: "one hundred twenty fifth", "two hundredth".
    if let Some(p) = whole(tokens, i, tokens.len(), lexicon) {
        if let Some(o) = tokens
            .get(p.end)
            .and_then(|o| ordinal_word(&o.lower, lexicon))
        {
            let fits = if o >= 100.0 {
                Some(p.value * o)
            } else if (o < 10.0 && p.value % 10.0 == 0.0 && p.value >= 20.0)
                || (o >= 10.0 && p.value % 100.0 == 0.0)
            {
                Some(p.value + o)
            } else {
                None
            };
            if let Some(v) = fits {
                return plain(v, p.end + 1);
            }
        }
    }
    let n = ordinal_word(w, lexicon)?;
    plain(n, i + 1)
}

/// The value of one ordinal word, of a scale or not.
fn ordinal_word(w: &str, lexicon: &'static Lexicon) -> Option<f64> {
    (lexicon.ordinal)(w)
        .map(f64::from)
        .or_else(|| (lexicon.scale_ordinal)(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn number(text: &str, lang: Lang) -> Option<(f64, String)> {
        let tokens = tokenize(text);
        let (v, end) = number_at(&tokens, 0, Lexicon::of(lang))?;
        Some((v, text[..tokens[end - 1].end].to_string()))
    }

    #[test]
    fn numbers_as_written() {
        let cases: &[(&str, Lang, f64, &str)] = &[
            (".08", Lang::En, 0.08, ".08"),
            ("1,234,567", Lang::En, 1234567.0, "1,234,567"),
            ("1 234 567", Lang::En, 1234567.0, "1 234 567"),
            ("4.800", Lang::En, 4.8, "4.800"),
            ("4.800", Lang::De, 4800.0, "4.800"),
            ("12,34,567.89", Lang::En, 1234567.89, "12,34,567.89"),
            ("1e10", Lang::En, 1e10, "1e10"),
            ("1.3x10^6", Lang::En, 1.3e6, "1.3x10^6"),
            ("2.5^-1", Lang::En, 0.4, "2.5^-1"),
            ("10k", Lang::En, 1e4, "10k"),
            ("2.33 k", Lang::En, 2330.0, "2.33 k"),
            ("-4/5", Lang::En, -0.8, "-4/5"),
            ("2  1/4", Lang::En, 2.25, "2  1/4"),
            ("⅔", Lang::En, 2.0 / 3.0, "⅔"),
            (
                "one hundred and sixty-one",
                Lang::En,
                161.0,
                "one hundred and sixty-one",
            ),
            ("fifty - two", Lang::En, 52.0, "fifty - two"),
            (
                "twenty-one trillion and three hundred",
                Lang::En,
                21e12 + 300.0,
                "twenty-one trillion and three hundred",
            ),
            ("3 hundred and 2 hundred", Lang::En, 300.0, "3 hundred"),
            (
                "two hundred and two thousand",
                Lang::En,
                202000.0,
                "two hundred and two thousand",
            ),
            (
                "three hundred and two dozens",
                Lang::En,
                324.0,
                "three hundred and two dozens",
            ),
            ("half a dozen", Lang::En, 6.0, "half a dozen"),
            (
                "two hundred point zero three",
                Lang::En,
                200.03,
                "two hundred point zero three",
            ),
            (
                "one hundred thirty fifths",
                Lang::En,
                100.0 / 35.0,
                "one hundred thirty fifths",
            ),
            (
                "one hundred and thirty fifths",
                Lang::En,
                26.0,
                "one hundred and thirty fifths",
            ),
            (
                "one hundred and three quarters",
                Lang::En,
                100.75,
                "one hundred and three quarters",
            ),
            (
                "twenty twenty fifths",
                Lang::En,
                0.8,
                "twenty twenty fifths",
            ),
            (
                "one one hundred fifth",
                Lang::En,
                1.0 / 105.0,
                "one one hundred fifth",
            ),
            (
                "ninety - five hundred fifths",
                Lang::En,
                1900.0,
                "ninety - five hundred fifths",
            ),
            ("a trillionth", Lang::En, 1e-12, "a trillionth"),
            (
                "3 million and a half",
                Lang::En,
                3.5e6,
                "3 million and a half",
            ),
            (
                "five and a half million",
                Lang::En,
                5.5e6,
                "five and a half million",
            ),
            (
                "two thirds of a million",
                Lang::En,
                2e6 / 3.0,
                "two thirds of a million",
            ),
            ("one over three", Lang::En, 1.0 / 3.0, "one over three"),
            (
                "minus five point five",
                Lang::En,
                -5.5,
                "minus five point five",
            ),
            ("three lakh crore", Lang::En, 3e12, "three lakh crore"),
            ("zwei Drittel", Lang::De, 2.0 / 3.0, "zwei Drittel"),
            ("ein halbes dutzend", Lang::De, 6.0, "ein halbes dutzend"),
            ("drei halbe", Lang::De, 1.5, "drei halbe"),
            ("dreiviertel", Lang::De, 0.75, "dreiviertel"),
            ("zwei Komma drei", Lang::De, 2.3, "zwei Komma drei"),
            (
                "zwei Millionen eintausendeinhundertfünfzig",
                Lang::De,
                2001150.0,
                "zwei Millionen eintausendeinhundertfünfzig",
            ),
            (
                "fünf und drei Viertel Milliarde",
                Lang::De,
                5.75e9,
                "fünf und drei Viertel Milliarde",
            ),
            (
                "zweihundertsechsundfuenfzig",
                Lang::De,
                256.0,
                "zweihundertsechsundfuenfzig",
            ),
            ("eine halbe Million", Lang::De, 5e5, "eine halbe Million"),
        ];
        for (text, lang, value, said) in cases {
            let got = number(text, *lang);
            assert!(
                got.as_ref().is_some_and(
                    |(v, s)| (v - value).abs() <= 1e-9 * value.abs().max(1.0) && s == said
                ),
                "{text}: {got:?}"
            );
        }
        for (text, lang) in [
            ("a", Lang::En),
            ("ein", Lang::De),
            ("192.168.1.2", Lang::En),
            ("030", Lang::De),
        ] {
            assert_eq!(number(text, lang), None, "{text}");
        }
    }

    #[test]
    fn ordinals_as_written() {
        let cases: &[(&str, Lang, f64, Option<&str>)] = &[
            ("11th", Lang::En, 11.0, None),
            ("twenty-fifth", Lang::En, 25.0, None),
            ("one hundred twenty fifth", Lang::En, 125.0, None),
            ("two hundredth", Lang::En, 200.0, None),
            ("a hundred trillionth", Lang::En, 1e14, None),
            ("penultimate", Lang::En, -1.0, Some("end")),
            ("dreihundertster", Lang::De, 300.0, None),
            ("einhundert Milliardste", Lang::De, 1e11, None),
            ("vorletzte", Lang::De, -1.0, Some("end")),
        ];
        for (text, lang, value, anchor) in cases {
            let tokens = tokenize(text);
            let got = ordinal_at(&tokens, 0, Lexicon::of(*lang));
            assert_eq!(
                got,
                Some(Ordinal {
                    value: *value,
                    end: tokens.len(),
                    anchor: *anchor
                }),
                "{text}"
            );
        }
    }
}
