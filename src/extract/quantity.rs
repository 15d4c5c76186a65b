//! Numbers with their hedges: "fast 30", "zwischen 20 und 30", "Dutzende", "3,5 Millionen",
//! "more than 200", each turned into a value, a qualifier and the interval the hedge allows.

use super::lexicon::{vulgar_fraction, Lexicon};
use super::token::{Token, TokenKind};
use crate::claim::{Interval, Qualifier};
use crate::config::Hedges;
use crate::document::Lang;

/// A quantity found at some tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// First token of the hedge (or of the number when there is none).
    pub start: usize,
    /// One past the last token of the number (and its scale word).
    pub end: usize,
    pub qualifier: Qualifier,
    pub value: Option<f64>,
    pub interval: Interval,
    /// The number was an article-like "ein"/"a"/"one": a count only in count context.
    pub weak: bool,
    /// The number was spelled in digits.
    pub digits: bool,
}

/// Reads digits with the language's grouping and decimal marks ("1.200", "3,5"; "1,200", "3.5").
///
/// ```
/// use claimdiff::extract::quantity::parse_digits;
/// use claimdiff::Lang;
/// assert_eq!(parse_digits("1.200", Lang::De), Some(1200.0));
/// assert_eq!(parse_digits("3,5", Lang::De), Some(3.5));
/// assert_eq!(parse_digits("1,200", Lang::En), Some(1200.0));
/// assert_eq!(parse_digits("3.5", Lang::En), Some(3.5));
/// assert_eq!(parse_digits("14:30", Lang::En), None);
/// ```
pub fn parse_digits(s: &str, lang: Lang) -> Option<f64> {
    // Plain digits, as most figures are, read as they stand.
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    if s.contains(':') {
        return None;
    }
    let (group, decimal) = match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    };
    let (int_part, frac_part) = match s.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac_part.is_some_and(|f| f.contains(decimal) || f.contains(group)) {
        return None;
    }
    let groups: Vec<&str> = int_part.split(group).collect();
    let mut int = String::new();
    if groups.len() > 1 {
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            // "3.5" in German or "3,5" in English: the other convention's decimal mark.
            if groups.len() == 2 && frac_part.is_none() && !groups[1].is_empty() {
                return format!("{}.{}", groups[0], groups[1]).parse().ok();
            }
            return None;
        }
    }
    for g in &groups {
        int.push_str(g);
    }
    let text = match frac_part {
        Some(f) => format!("{int}.{f}"),
        None => int,
    };
    text.parse().ok()
}

/// A number at token `i`: its value, the token after it, whether it was weak ("ein") and
/// whether it was digits.
pub fn number_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
) -> Option<(f64, usize, bool, bool)> {
    let t = tokens.get(i)?;
    let (mut value, mut end, mut weak, digits) = match t.kind {
        TokenKind::Number => {
            if t.text.len() > 1 && t.text.starts_with('0') && !t.text[1..].starts_with([',', '.']) {
                return None; // phone numbers and IDs
            }
            let v = parse_digits(t.text, lexicon.lang)?;
            (v, i + 1, false, true)
        }
        TokenKind::Word => {
            let article = lexicon.article_ones.contains(&t.lower.as_str());
            // "eine halbe Million": the article is one of the half.
            if let Some(half) = tokens
                .get(i + 1)
                .filter(|_| article)
                .and_then(|_| half_of_scale(tokens, i + 1, lexicon))
            {
                return Some(half);
            }
            let scale_next = tokens.get(i + 1).and_then(|n| scale_word(n, lexicon));
            if article
                && ((lexicon.cardinal)(&t.lower).is_none() || scale_next.is_some_and(|s| s >= 1e3))
            {
                // "a hundred", "eine Million", "a thousand": the article counts one of the scale.
                if let Some(half) = tokens
                    .get(i + 1)
                    .and_then(|_| half_of_scale(tokens, i + 1, lexicon))
                {
                    return Some(half);
                }
                match scale_next {
                    Some(scale) => (scale, i + 2, false, false),
                    None => (1.0, i + 1, true, false),
                }
            } else if let Some(half) = half_of_scale(tokens, i, lexicon) {
                half
            } else if let Some((v, e)) = digits_with_scale(&t.lower, lexicon) {
                (v * e, i + 1, false, true)
            } else if let Some(v) = and_a_half(&t.lower, lexicon) {
                (v, i + 1, false, false)
            } else {
                let v = (lexicon.cardinal)(&t.lower)?;
                let mut end = i + 1;
                let mut value = v;
                // English multi-word numbers: "one hundred and five", "two hundred".
                if !lexicon.number_joiners.is_empty() {
                    let mut current = v;
                    loop {
                        let Some(next) = tokens.get(end) else { break };
                        if next.lower == "hundred" {
                            current *= 100.0;
                            end += 1;
                        } else if lexicon.number_joiners.contains(&next.lower.as_str())
                            && current >= 100.0
                            && tokens
                                .get(end + 1)
                                .and_then(|n| (lexicon.cardinal)(&n.lower))
                                .is_some_and(|n| n < 100.0)
                        {
                            current += (lexicon.cardinal)(&tokens[end + 1].lower).unwrap_or(0.0);
                            end += 2;
                        } else if current < 100.0
                            && current % 10.0 == 0.0
                            && current >= 20.0
                            && (lexicon.cardinal)(&next.lower).is_some_and(|n| n < 10.0)
                        {
                            current += (lexicon.cardinal)(&next.lower).unwrap_or(0.0);
                            end += 1;
                        } else {
                            break;
                        }
                    }
                    value = current;
                }
                // "one", "ein" alone may be an article or pronoun: a count only in count context.
                (value, end, article && end == i + 1, false)
            }
        }
        TokenKind::Punct => return None,
    };
    // "one and a half", "zwei Komma fünf" are rare; "and a half" is handled here.
    if tokens.get(end).is_some_and(|t| t.lower == "and")
        && tokens.get(end + 1).is_some_and(|t| t.lower == "a")
        && tokens.get(end + 2).is_some_and(|t| t.lower == "half")
    {
        value += 0.5;
        end += 3;
        weak = false;
    }
    // "3½", "3 1/2": a proper fraction after a whole number of digits.
    let whole_digits = t.kind == TokenKind::Number && t.text.bytes().all(|b| b.is_ascii_digit());
    if whole_digits && end == i + 1 {
        if let Some((f, e)) = fraction_after(tokens, end) {
            value += f;
            end = e;
        }
    }
    // Scale words: "3,5 Millionen", "Mio.", "2.5 billion".
    if let Some(next) = tokens.get(end) {
        let word = next.lower.trim_end_matches('.');
        if let Some(scale) = lexicon.scale(word) {
            let single_letter = word.len() <= 2 && word != "bn" && word != "mn";
            if !(single_letter && next.space_before) {
                value *= scale;
                end += 1;
                if tokens
                    .get(end)
                    .is_some_and(|t| t.is_punct(".") && !t.space_before)
                    && word.len() <= 3
                {
                    end += 1;
                }
            }
        }
    }
    Some((value, end, weak, digits))
}

/// A proper fraction at token `at`, right after a whole number, and the token after it: a
/// fraction character glued to the number ("3½") or digits over digits after a space ("3 1/2",
/// not the date "3 1/2/2020").
fn fraction_after(tokens: &[Token], at: usize) -> Option<(f64, usize)> {
    let t = tokens.get(at)?;
    if t.kind == TokenKind::Word && !t.space_before {
        return vulgar_fraction(t.text).map(|v| (v, at + 1));
    }
    let (bar, d) = (tokens.get(at + 1)?, tokens.get(at + 2)?);
    let plain =
        |t: &Token| t.kind == TokenKind::Number && t.text.bytes().all(|b| b.is_ascii_digit());
    if !(t.space_before && plain(t) && bar.is_punct("/") && !bar.space_before)
        || !(plain(d) && !d.space_before)
        || tokens.get(at + 3).is_some_and(|s| s.is_punct("/"))
    {
        return None;
    }
    let (n, d): (f64, f64) = (t.text.parse().ok()?, d.text.parse().ok()?);
    (n > 0.0 && n < d).then_some((n / d, at + 3))
}

/// Whether a word may be read as a number: an article, a number word, "half", digits with a
/// scale ("5bn") — without building the number.
/// Whether a quantity may start at this token: a number, or a word that is a number word or
/// begins a phrase of the lexicon. [`quantity_at`] gives `None` for every other token.
pub fn may_start_quantity(t: &Token, lexicon: &'static Lexicon) -> bool {
    match t.kind {
        TokenKind::Punct => false,
        TokenKind::Number => true,
        TokenKind::Word => lexicon.starts_phrase(&t.lower) || could_be_number(t, lexicon),
    }
}

fn could_be_number(t: &Token, lexicon: &'static Lexicon) -> bool {
    t.lower.starts_with(|c: char| c.is_ascii_digit())
        || lexicon.article_ones.contains(&t.lower.as_str())
        || t.lower == "half"
        || (lexicon.cardinal)(&t.lower).is_some()
        || and_a_half(&t.lower, lexicon).is_some()
}

/// A number and a half said as one word: "two-and-a-half" (months).
fn and_a_half(word: &str, lexicon: &'static Lexicon) -> Option<f64> {
    let whole = word.strip_suffix("-and-a-half")?;
    Some((lexicon.cardinal)(whole)? + 0.5)
}

/// A scale word, or "hundred" standing as one ("a hundred").
fn scale_word(t: &Token, lexicon: &'static Lexicon) -> Option<f64> {
    let word = t.lower.trim_end_matches('.');
    lexicon
        .scale(word)
        .or_else(|| ((lexicon.cardinal)(word) == Some(100.0) && word.len() > 3).then_some(100.0))
}

/// "half a million", "eine halbe Million": half of the scale word.
fn half_of_scale(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
) -> Option<(f64, usize, bool, bool)> {
    let t = &tokens[i];
    if t.lower != "half" && (lexicon.cardinal)(&t.lower) != Some(0.5) {
        return None;
    }
    let mut k = i + 1;
    if tokens
        .get(k)
        .is_some_and(|a| lexicon.article_ones.contains(&a.lower.as_str()))
    {
        k += 1;
    }
    let scale = scale_word(tokens.get(k)?, lexicon)?;
    Some((0.5 * scale, k + 1, false, false))
}

/// "5bn", "10m", "3k": digits with a glued scale suffix.
fn digits_with_scale(word: &str, lexicon: &'static Lexicon) -> Option<(f64, f64)> {
    let split = word.find(|c: char| c.is_alphabetic())?;
    let (num, suffix) = word.split_at(split);
    if num.is_empty() {
        return None;
    }
    let scale = lexicon.scale(suffix)?;
    Some((parse_digits(num, lexicon.lang)?, scale))
}

/// A number at token `i`, or right after a currency sign there ("€950" in "between €70 and €950").
fn number_after_sign(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
) -> Option<(f64, usize, bool, bool)> {
    let t = tokens.get(i)?;
    if t.kind == TokenKind::Punct && lexicon.currency(&t.lower).is_some() {
        return number_at(tokens, i + 1, lexicon);
    }
    number_at(tokens, i, lexicon)
}

/// Matches a phrase of lowercase words ending at token `end` (exclusive); returns its first token.
///
/// Called for every token and every hedge, so it walks the phrase without allocating.
pub fn phrase_before(tokens: &[Token], end: usize, phrase: &str) -> Option<usize> {
    let mut k = end;
    for word in phrase.rsplit(' ') {
        k = k.checked_sub(1)?;
        if tokens[k].lower.trim_end_matches('.') != word {
            return None;
        }
    }
    Some(k)
}

/// Matches a phrase of lowercase words starting at token `start`; returns the token after it.
pub fn phrase_at(tokens: &[Token], start: usize, phrase: &str) -> Option<usize> {
    // Most calls fail on the first word: test it before splitting the phrase.
    let first = tokens.get(start)?.lower.as_bytes();
    // The first letter first: most phrases are turned away by it, without a call to memcmp.
    if first
        .first()
        .is_some_and(|b| phrase.as_bytes().first() != Some(b))
        || !phrase.as_bytes().starts_with(first)
        || phrase.len() > first.len() && phrase.as_bytes()[first.len()] != b' '
    {
        return None;
    }
    let mut k = start;
    for word in phrase.split(' ') {
        if tokens.get(k)?.lower != word {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The interval a qualifier allows around `n`, with the configured tolerances.
pub fn interval(qualifier: Qualifier, n: f64, hedges: &Hedges) -> Interval {
    let integral = n.fract() == 0.0;
    match qualifier {
        Qualifier::Exact | Qualifier::Range | Qualifier::Vague => Interval::exact(n),
        Qualifier::Approx => {
            let d = n * hedges.approx;
            if integral {
                Interval {
                    lo: (n - d).floor(),
                    hi: Some((n + d).ceil()),
                }
            } else {
                Interval {
                    lo: n - d,
                    hi: Some(n + d),
                }
            }
        }
        Qualifier::Almost => {
            if integral {
                let d = (n * hedges.almost).floor().max(1.0);
                Interval {
                    lo: (n - d).max(0.0),
                    hi: Some((n - 1.0).max(0.0)),
                }
            } else {
                Interval {
                    lo: n * (1.0 - hedges.almost),
                    hi: Some(n),
                }
            }
        }
        Qualifier::MoreThan => Interval {
            lo: if integral { n + 1.0 } else { n },
            hi: None,
        },
        Qualifier::AtLeast => Interval { lo: n, hi: None },
        Qualifier::LessThan => Interval {
            lo: 0.0,
            hi: Some(if integral { (n - 1.0).max(0.0) } else { n }),
        },
        Qualifier::AtMost => Interval {
            lo: 0.0,
            hi: Some(n),
        },
    }
}

/// Finds the quantity whose number starts at token `i`, with hedge, range and vague words.
pub fn quantity_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
) -> Option<Quantity> {
    let t = tokens.get(i)?;
    // Most tokens start no quantity: one hash lookup and a look at the first character say so
    // before any phrase is tried.
    if !may_start_quantity(t, lexicon) {
        return None;
    }
    let phrase_start = lexicon.starts_phrase(&t.lower);
    // Exact phrases ("ein Dutzend") and vague words ("Dutzende", "several").
    for &(phrase, n) in lexicon.exact_phrases.iter().filter(|_| phrase_start) {
        if let Some(end) = phrase_at(tokens, i, phrase) {
            return Some(hedged(tokens, i, end, n, false, false, lexicon, hedges));
        }
    }
    for &(phrase, lo, hi) in hedges.vague_for(lexicon).iter().filter(|_| phrase_start) {
        if let Some(end) = phrase_at(tokens, i, phrase) {
            // "Hunderte" followed by a number is a scale, not a vague word ("Hunderte 20" never);
            // so is "dozens" after one ("3 dozens").
            if tokens.get(end).is_some_and(|t| t.is_number())
                || i > 0
                    && (tokens[i - 1].is_number()
                        || (lexicon.cardinal)(&tokens[i - 1].lower).is_some())
                    && lexicon.scale(&t.lower).is_some()
            {
                return None;
            }
            // "the fourth summit in as many years", "as many as 50": an equal number said
            // elsewhere, not a vague one.
            if i > 0
                && lexicon
                    .equal_markers
                    .contains(&tokens[i - 1].lower.as_str())
            {
                return None;
            }
            // "einige hundert", "several thousand": as many as "Hunderte", "thousands".
            // "mehrere hundert Millionen Euro", "several hundred million euros": a larger
            // scale after that one multiplies the whole interval.
            let (end, lo, hi) = match tokens.get(end).and_then(|t| scale_word(t, lexicon)) {
                Some(scale) => match tokens.get(end + 1).and_then(|t| scale_word(t, lexicon)) {
                    Some(more) if more > scale => (
                        end + 2,
                        2.0 * scale * more,
                        Some((10.0 * scale - 1.0) * more),
                    ),
                    _ => (end + 1, 2.0 * scale, Some(10.0 * scale - 1.0)),
                },
                None => (end, lo, hi),
            };
            return Some(Quantity {
                start: i,
                end,
                qualifier: Qualifier::Vague,
                value: None,
                interval: Interval { lo, hi },
                weak: false,
                digits: false,
            });
        }
    }
    // "zwischen 20 und 30", "between 20 and 30".
    if lexicon
        .range_openers
        .contains(&tokens.get(i)?.lower.as_str())
    {
        let (a, a_end, _, digits) = number_after_sign(tokens, i + 1, lexicon)?;
        let link = tokens.get(a_end)?;
        if lexicon.range_opener_links.contains(&link.lower.as_str()) {
            let (b, b_end, _, _) = number_after_sign(tokens, a_end + 1, lexicon)?;
            if b > a {
                return Some(range(i, b_end, a, b, digits, tokens, a_end, lexicon));
            }
        }
        return None;
    }
    let (n, end, weak, digits) = number_at(tokens, i, lexicon)?;
    // "20 bis 30", "20 to 30", "20–30"; not a change and the level it reaches ("rose by two
    // to 14"), which lies far above the change ("rose by 2 to 3 percent" is a range).
    let change = i > 0 && lexicon.change_links.contains(&tokens[i - 1].lower.as_str());
    // "go up from £50 to £70", "rose from 2.40 to 2.55": the figure replaced, then the one
    // reached; no range.
    let replaced = replaced_before(tokens, i, lexicon);
    if let Some(link) = tokens.get(end).filter(|_| !replaced) {
        if lexicon.range_links.contains(&link.lower.as_str()) {
            if let Some((b, b_end, false, _)) = number_after_sign(tokens, end + 1, lexicon) {
                if b > n && !weak && !(change && b > 3.0 * n) {
                    return Some(range(i, b_end, n, b, digits, tokens, end, lexicon));
                }
            }
        }
    }
    Some(hedged(tokens, i, end, n, weak, digits, lexicon, hedges))
}

/// Whether the figure at token `i` follows words that give it as replaced
/// ([`Lexicon::replaced_openers`]: "statt bisher 248 Euro", "up from 31", "rose from 2.40"),
/// with signs such as "£" between; or, in German, stands between "von" and "auf" and a
/// figure ("klettert von 33 Prozent auf 35,4 Prozent").
pub(crate) fn replaced_before(tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    // Asked at every figure: the words are kept on the stack, not in a vector.
    let mut before = [""; 3];
    let mut n_before = 0;
    for t in tokens[..i]
        .iter()
        .rev()
        .skip_while(|t| !t.is_word())
        .take(3)
    {
        before[n_before] = t.lower.as_str();
        n_before += 1;
    }
    let words = &before[..n_before];
    // The opener's words, then at most one more ("statt bisher"); `words` runs backwards, so
    // an opener's last word is the first or the second of them, or the opener is not there.
    let opened = lexicon.replaced_openers.iter().any(|opener| {
        if !words.iter().take(2).any(|w| last_word_is(opener, w)) {
            return false;
        }
        let n = opener.split(' ').count();
        (n..=n + 1).any(|len| {
            len <= words.len()
                && opener
                    .split(' ')
                    .eq(words[len - n..len].iter().rev().copied())
        })
    });
    opened || from_to(tokens, i, words, lexicon)
}

/// Whether the last word of `phrase` (what follows its last space) is `word`, told from the
/// phrase's end without searching it for the space.
fn last_word_is(phrase: &str, word: &str) -> bool {
    let Some(head) = phrase.strip_suffix(word) else {
        return false;
    };
    (head.is_empty() || head.ends_with(' ')) && !word.contains(' ')
}

/// "von 33 Prozent auf 35,4 Prozent": the figure at `i` after the language's word of "from"
/// (one word such as "bisher" may stand between), with its word of "to" and a number within
/// the next few tokens.
fn from_to(tokens: &[Token], i: usize, words: &[&str], lexicon: &Lexicon) -> bool {
    let Some(&(from, to)) = lexicon.change_from_to.first() else {
        return false;
    };
    let after_from = words.first() == Some(&from) || words.get(1) == Some(&from);
    after_from
        && tokens[i..].iter().take(5).enumerate().any(|(k, t)| {
            t.lower == to
                && tokens
                    .get(i + k + 1)
                    .is_some_and(|n| n.is_number() || n.is_word())
        })
}

#[allow(clippy::too_many_arguments)]
fn range(
    start: usize,
    end: usize,
    a: f64,
    b: f64,
    digits: bool,
    tokens: &[Token],
    a_end: usize,
    lexicon: &'static Lexicon,
) -> Quantity {
    // "2 bis 3 Millionen": the scale after the upper end applies to both.
    let mut lo = a;
    if let Some(scale) = tokens
        .get(end - 1)
        .and_then(|t| lexicon.scale(t.lower.trim_end_matches('.')))
    {
        if tokens
            .get(a_end - 1)
            .is_none_or(|t| lexicon.scale(t.lower.trim_end_matches('.')).is_none())
        {
            lo = a * scale;
        }
    }
    Quantity {
        start,
        end,
        qualifier: Qualifier::Range,
        value: None,
        interval: Interval { lo, hi: Some(b) },
        weak: false,
        digits,
    }
}

#[allow(clippy::too_many_arguments)]
/// "Zusagen über 21 Milliarden Euro": a hedge word between a noun and a sum of money is a
/// preposition (the pledges amount to 21 billion), not "more than".
fn amounts_to(tokens: &[Token], hedge: usize, end: usize, lexicon: &'static Lexicon) -> bool {
    let word = tokens[hedge].lower.as_str();
    let after_noun = hedge >= 1
        && tokens[hedge - 1].is_word()
        && tokens[hedge - 1].is_capitalized()
        && hedge - 1 > 0;
    let sum_follows = tokens
        .get(end)
        .is_some_and(|t| lexicon.currency(t.lower.trim_end_matches('.')).is_some());
    lexicon.amount_prepositions.contains(&word) && after_noun && sum_follows
}

fn hedged(
    tokens: &[Token],
    i: usize,
    end: usize,
    n: f64,
    weak: bool,
    digits: bool,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
) -> Quantity {
    let mut best: Option<(usize, Qualifier)> = None;
    // Only hedges ending in the word before the number can match.
    let before = |k: usize| {
        k.checked_sub(1)
            .map(|p| lexicon.hedges_ending_in(tokens[p].lower.trim_end_matches('.')))
            .unwrap_or_default()
    };
    for &(phrase, q) in before(i) {
        if let Some(s) = phrase_before(tokens, i, phrase) {
            if best.is_none_or(|(b, _)| s < b) {
                best = Some((s, q));
            }
        }
    }
    // "Ca." leaves its period as a token between hedge and number; "about $1.6 billion" a sign.
    if best.is_none()
        && i >= 2
        && tokens[i - 1].kind == TokenKind::Punct
        && (tokens[i - 1].is_punct(".") || lexicon.currency(&tokens[i - 1].lower).is_some())
    {
        for &(phrase, q) in before(i - 1) {
            if let Some(s) = phrase_before(tokens, i - 1, phrase) {
                best = Some((s, q));
            }
        }
    }
    let (start, qualifier) = match best {
        Some((s, _)) if amounts_to(tokens, s, end, lexicon) => (i, Qualifier::Exact),
        Some((s, q)) => (s, q),
        _ => (i, Qualifier::Exact),
    };
    Quantity {
        start,
        end,
        qualifier,
        value: Some(n),
        interval: interval(qualifier, n, hedges),
        // A hedge makes an article a number ("mindestens ein Mensch", "more than one"); a
        // preposition that doubles as a hedge does not ("über eine knappe Mehrheit").
        weak: weak
            && !best.is_some_and(|(s, q)| {
                matches!(q, Qualifier::AtLeast | Qualifier::AtMost) || i - s >= 2
            }),
        digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn q(text: &str, lang: Lang) -> Option<(Qualifier, Option<f64>, f64, Option<f64>)> {
        let tokens = tokenize(text);
        let lexicon = Lexicon::of(lang);
        let hedges = Hedges::default();
        (0..tokens.len())
            .find_map(|i| quantity_at(&tokens, i, lexicon, &hedges).filter(|q| !q.weak))
            .map(|q| (q.qualifier, q.value, q.interval.lo, q.interval.hi))
    }

    #[test]
    fn hedges_and_intervals() {
        use Qualifier::*;
        let cases: &[(&str, Lang, Qualifier, Option<f64>, f64, Option<f64>)] = &[
            (
                "fast 30 Länder",
                Lang::De,
                Almost,
                Some(30.0),
                27.0,
                Some(29.0),
            ),
            (
                "Die Zusagen über 21 Milliarden Euro",
                Lang::De,
                Exact,
                Some(21e9),
                21e9,
                Some(21e9),
            ),
            (
                "Die Hilfe beträgt über 21 Milliarden Euro",
                Lang::De,
                MoreThan,
                Some(21e9),
                21e9 + 1.0,
                None,
            ),
            (
                "Die Polizei meldete über 200 Festnahmen",
                Lang::De,
                MoreThan,
                Some(200.0),
                201.0,
                None,
            ),
            (
                "knapp 40 Staaten",
                Lang::De,
                Almost,
                Some(40.0),
                36.0,
                Some(39.0),
            ),
            (
                "rund 30 Länder",
                Lang::De,
                Approx,
                Some(30.0),
                27.0,
                Some(33.0),
            ),
            (
                "mehr als 200 Menschen",
                Lang::De,
                MoreThan,
                Some(200.0),
                201.0,
                None,
            ),
            (
                "mindestens 14 Tote",
                Lang::De,
                AtLeast,
                Some(14.0),
                14.0,
                None,
            ),
            (
                "bis zu 500 Soldaten",
                Lang::De,
                AtMost,
                Some(500.0),
                0.0,
                Some(500.0),
            ),
            (
                "zwischen 20 und 30 Verletzte",
                Lang::De,
                Range,
                None,
                20.0,
                Some(30.0),
            ),
            (
                "20 bis 30 Verletzte",
                Lang::De,
                Range,
                None,
                20.0,
                Some(30.0),
            ),
            (
                "Dutzende von Menschen",
                Lang::De,
                Vague,
                None,
                24.0,
                Some(99.0),
            ),
            ("mehrere Wochen", Lang::De, Vague, None, 3.0, Some(9.0)),
            (
                "ein Dutzend Häuser",
                Lang::De,
                Exact,
                Some(12.0),
                12.0,
                Some(12.0),
            ),
            (
                "3,5 Millionen Euro",
                Lang::De,
                Exact,
                Some(3.5e6),
                3.5e6,
                Some(3.5e6),
            ),
            (
                "2,5 Mrd. Euro",
                Lang::De,
                Exact,
                Some(2.5e9),
                2.5e9,
                Some(2.5e9),
            ),
            (
                "einunddreißig Länder",
                Lang::De,
                Exact,
                Some(31.0),
                31.0,
                Some(31.0),
            ),
            (
                "more than 200 mostly elderly people",
                Lang::En,
                MoreThan,
                Some(200.0),
                201.0,
                None,
            ),
            (
                "nearly 30 countries",
                Lang::En,
                Almost,
                Some(30.0),
                27.0,
                Some(29.0),
            ),
            (
                "one hundred and five people",
                Lang::En,
                Exact,
                Some(105.0),
                105.0,
                Some(105.0),
            ),
            (
                "thirty-one countries",
                Lang::En,
                Exact,
                Some(31.0),
                31.0,
                Some(31.0),
            ),
            ("dozens of people", Lang::En, Vague, None, 24.0, Some(99.0)),
            (
                "a dozen houses",
                Lang::En,
                Exact,
                Some(12.0),
                12.0,
                Some(12.0),
            ),
            (
                "between 20 and 30 people",
                Lang::En,
                Range,
                None,
                20.0,
                Some(30.0),
            ),
            ("$2.5bn", Lang::En, Exact, Some(2.5e9), 2.5e9, Some(2.5e9)),
            (
                "fewer than 50 people",
                Lang::En,
                LessThan,
                Some(50.0),
                0.0,
                Some(49.0),
            ),
            (
                "one and a half years",
                Lang::En,
                Exact,
                Some(1.5),
                1.5,
                Some(1.5),
            ),
        ];
        for (text, lang, qual, value, lo, hi) in cases {
            assert_eq!(q(text, *lang), Some((*qual, *value, *lo, *hi)), "{text}");
        }
    }
}
