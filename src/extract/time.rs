//! Time expressions in a sentence: weekdays, relative days, absolute dates, months and their
//! parts, periods, "ago", durations and event ages. Takes a sentence's tokens and gives
//! unanchored [`TimeExpr`]s; [`crate::resolve`] anchors them to the publication day.
//!
//! The direction of a weekday or a yearless date comes from its clause ([`clause_tense`]):
//! past by default, as news mostly reports what happened; future when the clause has a
//! future marker ("wird", "will", "kommenden"); present when it announces something scheduled
//! ("findet am Freitag statt", "opens on Friday") and says nothing of the past.

use std::sync::LazyLock;

use super::lexicon::{among, Lexicon, Markers, Tense, WordSet, EVENT_KEYS};
use super::quantity::{
    interval, may_start_quantity, number_at, phrase_at, phrase_before, quantity_at, Quantity,
};
use super::token::{Token, TokenKind};
use super::Reading;
use crate::claim::{Interval, Kind, Qualifier, TimeUnit};
use crate::config::Hedges;
use crate::document::Lang;
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
    /// The subject when the expression itself says it: the event of an anniversary ("des
    /// Anschlags"), of "years of war", or the statement a date stands next to ("erklärte am
    /// Mittwoch"). `None` leaves it to the sentence.
    pub subject: Option<(String, String)>,
    /// A date whose clause says its event began then ("begann am", "since Monday").
    pub event_start: bool,
}

impl TimeMention {
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
            subject: None,
            event_start: false,
        }
    }

    fn age(start: usize, end: usize, n: u32, expr: TimeExpr, unit: TimeUnit) -> TimeMention {
        TimeMention {
            start,
            end,
            kind: Kind::EventAge,
            qualifier: Qualifier::Exact,
            value: Some(n as f64),
            expr: Some(expr),
            interval: None,
            unit: Some(unit),
            event_token: None,
            subject: None,
            event_start: false,
        }
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
            subject: None,
            event_start: false,
        }
    }
}

pub(crate) fn is_clause_boundary(t: &Token) -> bool {
    // A dash between numbers ("8,000–10,000") is a range, not a pause.
    if t.is_punct("–") && !t.space_before {
        return false;
    }
    t.kind == TokenKind::Punct
        && matches!(
            t.text,
            "," | ";" | ":" | "\"" | "„" | "“" | "”" | "(" | ")" | "–"
        )
}

fn is_quote(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(t.text, "\"" | "„" | "“" | "”" | "«" | "»" | "‚" | "‘" | "’")
}

/// The clause around token `i`: commas, quotes and words such as "that" bound it.
fn clause_of<'t, 'a>(
    tokens: &'t [Token<'a>],
    i: usize,
    lexicon: &'static Lexicon,
) -> &'t [Token<'a>] {
    let (a, b) = clause_bounds(tokens, i, lexicon);
    &tokens[a..b]
}

/// Whether a token names a share or a sum ("%", "per cent", "Prozent", "€", "euros", "cents").
fn is_share_or_sum(t: &Token, lexicon: &'static Lexicon) -> bool {
    lexicon.percent_words.contains(&t.lower.as_str())
        || lexicon.currency(&t.lower).is_some()
        || lexicon
            .currency_subunits
            .iter()
            .any(|(w, _, _)| *w == t.lower)
}

/// The most words a clause reaches on either side of a token: text without punctuation
/// (a table, a run-on line) must not make every lookup scan the whole sentence.
const CLAUSE_REACH: usize = 40;

/// The token range of the clause around token `i`.
pub(crate) fn clause_bounds(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
) -> (usize, usize) {
    bounds(tokens, i, is_clause_boundary, opens_clause(tokens, lexicon))
}

/// The token range around token `i` between marks of punctuation only: a sentence's clause
/// with the clauses it governs ("had said earlier that divers were looking for 20 people").
pub(crate) fn punctuated_clause(tokens: &[Token], i: usize) -> (usize, usize) {
    bounds(tokens, i, is_clause_boundary, |_| false)
}

/// The token range around token `i` between the words that open a clause, over the commas of
/// an inserted phrase ("A second trial, with around 800 patients, is due to report"): the
/// clause whose verb a figure in an aside belongs to. Semicolons and colons end it.
pub(crate) fn conjoined_clause(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
) -> (usize, usize) {
    let ends = |t: &Token| t.is_punct(";") || t.is_punct(":");
    bounds(tokens, i, ends, opens_clause(tokens, lexicon))
}

/// Whether the token at `k` opens a clause. "und"/"and" open one only before a verb or adverb
/// ("and will resume"), not inside a list of days ("am 3. und 4. Mai", "Monday and Tuesday").
fn opens_clause<'t>(tokens: &'t [Token], lexicon: &'static Lexicon) -> impl Fn(usize) -> bool + 't {
    move |k: usize| {
        let t = &tokens[k];
        among(lexicon.clause_openers, &t.lower)
            && (!matches!(t.lower.as_str(), "und" | "and")
                || tokens
                    .get(k + 1)
                    .is_some_and(|n| n.is_word() && !n.is_capitalized()))
    }
}

/// The token range around token `i` up to the tokens `stops_at` says end a clause and those
/// `opens_at` says open one, at most [`CLAUSE_REACH`] words either way.
fn bounds(
    tokens: &[Token],
    i: usize,
    stops_at: impl Fn(&Token) -> bool,
    opens_at: impl Fn(usize) -> bool,
) -> (usize, usize) {
    let mut a = i;
    while a > 0 && i - a < CLAUSE_REACH && !stops_at(&tokens[a - 1]) && !opens_at(a) {
        a -= 1;
    }
    let mut b = i;
    while b + 1 < tokens.len()
        && b - i < CLAUSE_REACH
        && !stops_at(&tokens[b + 1])
        && !opens_at(b + 1)
    {
        b += 1;
    }
    (a, (b + 1).min(tokens.len()))
}

/// Whether a word of `list` stands in the clause around token `i`.
fn in_clause(tokens: &[Token], i: usize, lexicon: &'static Lexicon, list: &[&str]) -> bool {
    clause_of(tokens, i, lexicon)
        .iter()
        .any(|t| among(list, &t.lower))
}

/// Whether a token is a marker word (`listed` says which words are); capitalized words inside
/// a sentence are names ("the Met Office"), not verbs.
fn is_marker(t: &Token, listed: impl Fn(&str) -> bool) -> bool {
    listed(&t.lower) && (!t.is_capitalized() || t.start == 0)
}

/// Whether the English word at `k` is a regular past form ("announced"), not a passive
/// participle after a present auxiliary ("can be requested", "is expected").
fn regular_past(words: &[Token], k: usize) -> bool {
    let t = &words[k];
    let passive = k > 0
        && matches!(
            words[k - 1].lower.as_str(),
            "be" | "is" | "are" | "being" | "to"
        );
    t.is_word() && !t.is_capitalized() && t.lower.len() > 4 && t.lower.ends_with("ed") && !passive
}

/// Whether the clause around token `i` speaks of the past, of something scheduled, or of the
/// future.
pub fn clause_tense(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Tense {
    tense_of(clause_of(tokens, i, lexicon), lexicon)
}

/// The tense of a run of words: future markers first, then a scheduling verb in a clause
/// without past forms, else the past.
fn tense_of(clause: &[Token], lexicon: &'static Lexicon) -> Tense {
    let has = |markers| {
        clause
            .iter()
            .any(|t| is_marker(t, |w| lexicon.marks(markers, w)))
    };
    // "der ... überfallen haben soll": a modal after a perfect infinitive is hearsay.
    let future = clause.iter().enumerate().any(|(k, t)| {
        is_marker(t, |w| lexicon.marks(Markers::Future, w))
            && !(k > 0
                && lexicon
                    .hearsay_before_modal
                    .contains(&clause[k - 1].lower.as_str()))
    });
    if future {
        return Tense::Future;
    }
    // English regular past forms ("announced", "postponed") outrank a scheduling verb.
    let regular_past =
        lexicon.lang == Lang::En && (0..clause.len()).any(|k| regular_past(clause, k));
    if !regular_past && !has(Markers::Past) && has(Markers::Schedule) {
        Tense::Present
    } else {
        Tense::Past
    }
}

/// The year a sentence names as the time of what it tells, after a lead-in or a word for year:
/// "im Jahr 1987", "In 2019, ...", "seit 2015", "the year 2019". A four-digit number elsewhere
/// may be a count ("2000 Menschen").
pub(crate) fn named_year(tokens: &[Token], lexicon: &'static Lexicon) -> Option<i32> {
    (1..tokens.len()).find_map(|k| {
        // The year first: most tokens are none, and the word before need not be looked up.
        let year = year_at(tokens, k)?;
        let before = tokens[k - 1].lower.as_str();
        let lead =
            lexicon.lead_ins.contains(&before) || lexicon.time_unit(before) == Some(TimeUnit::Year);
        lead.then_some(year)
    })
}

/// The year a token writes in four digits (1900 to 2100), if it is one.
pub(crate) fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
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
    let de = lexicon.lang == Lang::De;
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
        // "12 Jan. 2025": the period of an abbreviated month; a period that ends the
        // sentence ("on 12 June.", "am 3. Mai.") is no part of the date.
        if tokens.get(end).is_some_and(|t| t.is_punct("."))
            && tokens[j].text.len() <= 4
            && end + 1 < tokens.len()
        {
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
        // "the 3rd of May", "the third of May 2024".
        let ordinal = (lexicon.ordinal)(&t.lower).filter(|d| (1..=31).contains(d));
        if let (Some(day), Some(month)) = (
            ordinal,
            tokens.get(i + 2).and_then(|m| month_word(m, lexicon)),
        ) {
            if tokens.get(i + 1).is_some_and(|o| o.lower == "of") {
                let year = year_at(tokens, i + 3);
                let end = i + 3 + usize::from(year.is_some());
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

/// A month name; English month names must be capitalized ("may" is a verb, "march" a walk).
fn month_word(t: &Token, lexicon: &'static Lexicon) -> Option<u32> {
    if t.kind != TokenKind::Word {
        return None;
    }
    if lexicon.lang == Lang::En && !t.is_capitalized() {
        return None;
    }
    lexicon.month(&t.lower)
}

/// Scans a sentence's tokens for time expressions; `taken` marks tokens already used.
///
/// ```
/// use claimdiff::extract::{lexicon::Lexicon, time::scan, token::tokenize};
/// use claimdiff::Lang;
/// let tokens = tokenize("Die Verhandlungen laufen seit drei Wochen.");
/// let mut taken = vec![false; tokens.len()];
/// let found = scan(&tokens, Lexicon::of(Lang::De), &Default::default(), &mut taken);
/// assert_eq!(found[0].kind.as_str(), "duration");
/// assert_eq!(found[0].interval.unwrap().lo, 3.0);
/// ```
pub fn scan(
    tokens: &[Token],
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    taken: &mut [bool],
) -> Vec<TimeMention> {
    scan_with(tokens, lexicon, hedges, taken, Reading::Claims)
}

/// Scans for time expressions as a reading asks: [`Reading::Mentions`] also takes those that
/// news text rarely means as dates but a recognizer lists ("the 27th", "april 22").
pub fn scan_with(
    tokens: &[Token],
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    taken: &mut [bool],
    reading: Reading,
) -> Vec<TimeMention> {
    let mut out = Vec::new();
    // A claim reading tries only the tokens the trigger test lets through; a mention reading
    // tries every token.
    let names = match reading {
        Reading::Claims => time_names(tokens, lexicon),
        Reading::Mentions => Vec::new(),
    };
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if let Some(m) = unit_adjective_at(tokens, i, lexicon) {
            taken[i] = true;
            i += 1;
            out.push(m);
            continue;
        }
        if reading == Reading::Claims && !may_start_mention(tokens, &names, i, lexicon) {
            i += 1;
            continue;
        }
        if let Some(mut m) = mention_at(tokens, i, lexicon, hedges, reading) {
            for flag in &mut taken[m.start..m.end] {
                *flag = true;
            }
            if m.kind == Kind::Date {
                if m.subject.is_none() {
                    m.subject = statement_subject(tokens, m.start, m.end, lexicon);
                }
                m.event_start =
                    m.subject.is_none() && in_clause(tokens, m.start, lexicon, lexicon.start_words);
            }
            i = m.end;
            out.push(m);
        } else {
            i += 1;
        }
    }
    out
}

/// A duration said as one adjective before what lasts: "a four-day state visit", "the 30-day
/// truce", "an 11-week trial", "eine dreitägige Waffenruhe", "die 18-monatige Haftstrafe".
/// What lasts is its subject: the head of the noun after it. An age ("ein dreijähriges Kind",
/// "a four-year-old") is no duration.
fn unit_adjective_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<TimeMention> {
    let t = &tokens[i];
    // A capitalized form is a noun ("der 47-Jährige"), except at the sentence's start.
    if !t.is_word() || (t.is_capitalized() && i > 0) {
        return None;
    }
    let (n, unit) = lexicon.unit_adjective(&t.lower)?;
    // The noun that lasts: in German the next word; in English the last known noun among the
    // next two ("state visit"), else the next word ("truce began").
    let mut heads = Vec::new();
    for (k, w) in tokens.iter().enumerate().skip(i + 1).take(2) {
        if !w.is_word() || lexicon.articles.contains(&w.lower.as_str()) {
            break;
        }
        heads.push(k);
        if lexicon.lang == Lang::De {
            break;
        }
    }
    let known = |k: &usize| lexicon.concept(&tokens[*k].lower).is_some();
    let head = &tokens[*heads.iter().rev().find(|k| known(k)).or(heads.first())?];
    let key = lexicon
        .concept(&head.lower)
        .map(|k| super::subject::lasting(k, &head.lower, lexicon));
    // "ein 41-jähriger Bulgare" is a person's age: a span of years needs a thing that lasts.
    let person = match key {
        Some(k) => crate::extract::lexicon::PERSON_KEYS.contains(&k),
        None => !lexicon.lasting_heads.lasts(&head.lower),
    };
    if person && (unit == TimeUnit::Year || key.is_some()) {
        return None;
    }
    let subject = key
        .map(str::to_string)
        .unwrap_or_else(|| lexicon.stem(&head.lower));
    let q = Quantity {
        start: i,
        end: i,
        qualifier: Qualifier::Exact,
        value: Some(n),
        interval: Interval::exact(n),
        weak: false,
        digits: false,
    };
    let mut m = TimeMention::duration(i, i + 1, &q, unit);
    m.subject = Some((subject, head.text.to_string()));
    Some(m)
}

/// A date right next to a verb of saying or reporting dates the statement or the report
/// ("Macron erklärte am Mittwoch, ...", "said on Sunday", "berichtete am Sonntag").
fn statement_subject(
    tokens: &[Token],
    start: usize,
    end: usize,
    lexicon: &'static Lexicon,
) -> Option<(String, String)> {
    // The verb right before the date, or right after it — past a speaker's name in English
    // ("On Wednesday Macron said").
    let mut after = end;
    while after < end + 3
        && tokens
            .get(after)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
    {
        after += 1;
    }
    // Adverbs and those told may stand between the verb and its date ("erklärte bereits am
    // Mittwoch", "told reporters on Wednesday").
    let mut start = start;
    while start > 0 && {
        let w = tokens[start - 1].lower.as_str();
        lexicon.statement_adverbs.contains(&w) || lexicon.statement_addressees.contains(&w)
    } {
        start -= 1;
    }
    // ... or before it past the speaker ("sagte Unterhändler Baker am Dienstag", "teilte das
    // Statistische Bundesamt am Freitag mit").
    let mut before = start;
    while before > 0
        && start - before < 4
        && tokens.get(before - 1).is_some_and(|t| {
            t.is_word() && (t.is_capitalized() || lexicon.articles.contains(&t.lower.as_str()))
        })
    {
        before -= 1;
    }
    let neighbours = [
        start.checked_sub(1),
        Some(end),
        Some(after),
        before.checked_sub(1),
    ];
    for k in neighbours.into_iter().flatten() {
        let Some(t) = tokens.get(k).filter(|t| t.is_word()) else {
            continue;
        };
        let w = t.lower.as_str();
        if lexicon.report_verbs.contains(&w) {
            return Some(("report".into(), t.text.into()));
        }
        if lexicon.speech_verbs.contains(&w)
            && !matches!(w, "so" | "laut" | "zufolge" | "according")
        {
            return Some(("statement".into(), t.text.into()));
        }
    }
    None
}

/// Extends a mention's start over a preposition that belongs to it, and over "dem"/"the"
/// between such a preposition and the date ("seit dem 1.4.2025").
fn lead_in(tokens: &[Token], i: usize, words: &[&str]) -> usize {
    if i > 0 && words.contains(&tokens[i - 1].lower.as_str()) {
        return i - 1;
    }
    if i > 1
        && matches!(tokens[i - 1].lower.as_str(), "dem" | "the")
        && words.contains(&tokens[i - 2].lower.as_str())
    {
        return i - 2;
    }
    i
}

/// Whether token `i` stands in a short quoted name ("„Welt am Sonntag“", "„heute journal“").
fn in_short_quote(tokens: &[Token], i: usize) -> bool {
    let before = (1..=3)
        .filter_map(|d| i.checked_sub(d))
        .take_while(|k| !is_clause_boundary(&tokens[*k]) || is_quote(&tokens[*k]));
    let opened = before.into_iter().any(|k| is_quote(&tokens[k]));
    let closed = (i + 1..(i + 4).min(tokens.len()))
        .take_while(|k| tokens[*k].is_word() || is_quote(&tokens[*k]))
        .any(|k| is_quote(&tokens[k]));
    opened && closed
}

/// Whether the token may start a sentence-like unit: the first token, or right after a quote.
fn at_sentence_start(tokens: &[Token], i: usize) -> bool {
    i == 0 || (i == 1 && (is_quote(&tokens[0]) || tokens[0].kind == TokenKind::Punct))
}

/// The mention at `i`, read in the tense its clause and its own preposition give it.
fn mention_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    reading: Reading,
) -> Option<TimeMention> {
    let mut m = mention_in_tense(tokens, i, lexicon, hedges, Tense::Past, reading)?;
    let mut clause = clause_tense(tokens, i, lexicon);
    if clause != Tense::Past {
        m = mention_in_tense(tokens, i, lexicon, hedges, clause, reading)?;
    }
    // "She said on Friday she would resign": a date next to a verb of saying takes the tense
    // of the words up to it, not of the reported clause after it.
    if m.kind == Kind::Date && statement_subject(tokens, m.start, m.end, lexicon).is_some() {
        let (a, _) = clause_bounds(tokens, m.start, lexicon);
        let head = tense_of(&tokens[a..m.end], lexicon);
        if head != clause {
            clause = head;
            m = mention_in_tense(tokens, i, lexicon, hedges, clause, reading)?;
        }
    }
    let tense = mention_tense(tokens, &m, clause, lexicon);
    if tense == clause || m.kind != Kind::Date {
        return Some(m);
    }
    mention_in_tense(tokens, i, lexicon, hedges, tense, reading)
}

/// The tense of a date mention: its clause's, unless the preposition that governs it looks
/// forward ("für Freitag", "until Tuesday", "ab dem 1. Juli") or, in a German sentence that
/// opens with the date, the verb right after it is in the present ("Am Sonntag wählen ...").
fn mention_tense(
    tokens: &[Token],
    m: &TimeMention,
    clause: Tense,
    lexicon: &'static Lexicon,
) -> Tense {
    if clause != Tense::Past {
        return clause;
    }
    let words = clause_of(tokens, m.start, lexicon);
    let perfect = words
        .iter()
        .any(|t| is_marker(t, |w| among(lexicon.perfect_auxiliaries, w)));
    let simple_past = words.iter().enumerate().any(|(k, t)| {
        is_marker(t, |w| lexicon.marks(Markers::Past, w))
            && !lexicon.perfect_auxiliaries.contains(&t.lower.as_str())
            || lexicon.lang == Lang::En && !perfect && regular_past(words, k)
    });
    // The governing preposition: the mention's first word or the one before it, past a time
    // of day ("until 6 p.m. on Monday", "bis 18 Uhr am Montag"). A possessive day governs
    // nothing: in "the toll from Monday's earthquake" "from" belongs to the earthquake.
    let possessive = m.end >= 1
        && (tokens[m.end - 1].lower.ends_with("'s") || tokens[m.end - 1].lower.ends_with("’s"));
    let mut k = if possessive { 0 } else { m.start + 1 };
    while k > 0 {
        let t = &tokens[k - 1];
        let w = t.lower.trim_end_matches('.');
        if lexicon.forward_words.contains(&w) {
            return Tense::Present;
        }
        if lexicon.since_words.contains(&w) {
            return Tense::Past;
        }
        if lexicon.until_words.contains(&w) {
            return if simple_past {
                Tense::Past
            } else {
                Tense::Present
            };
        }
        let time_word = |t: &Token| {
            let w = t.lower.trim_end_matches('.');
            lexicon.not_count_after.contains(&w) || matches!(w, "p" | "a" | "m" | "uhr")
        };
        // "6 p.m.", "18 Uhr", "18:00": a number is a time of day only with its unit or colon.
        let time_of_day = t.is_number()
            && (t.text.contains(':') || tokens.get(k).is_some_and(time_word))
            || t.kind == TokenKind::Punct && matches!(t.text, "." | ":")
            || time_word(t)
            || matches!(w, "am" | "on" | "um" | "at" | "dem" | "den" | "the");
        if k <= m.start && !time_of_day {
            break;
        }
        k -= 1;
    }
    if lexicon.lang == Lang::De && at_sentence_start(tokens, m.start) {
        if let Some(verb) = tokens
            .get(m.end)
            .filter(|v| v.is_word() && !v.is_capitalized())
        {
            let v = verb.lower.as_str();
            let past = lexicon.marks(Markers::Past, v) || v.ends_with("te") || v.ends_with("ten");
            if !past && !lexicon.day_parts.contains(&v) {
                return Tense::Present;
            }
        }
    }
    clause
}

/// The words a time expression may start at, in two sets built once per language from the
/// lexicon the scanners read: `names` name a time or a point of it themselves ("Wochenende",
/// "nächsten", "Mitte", "this"); `leads` are the prepositions and articles a scanner also
/// starts at, but only before such a word ("seit dem 3. Mai", "in den vergangenen drei
/// Jahren", "the last week of July", "by the end of March").
struct Triggers {
    names: WordSet,
    leads: WordSet,
    /// The leads, the words of hedges and of duration openers ("für weitere"): what stands
    /// between a lead and its time.
    skipped: WordSet,
}

/// How far past a lead word the name or number it leads to may stand ("in den vergangenen",
/// "for the past", "zwischen dem 3.").
const LEAD_REACH: usize = 2;

fn triggers(lexicon: &'static Lexicon) -> &'static Triggers {
    fn build(lexicon: &'static Lexicon) -> Triggers {
        let first = |p: &'static str| p.split(' ').next().unwrap_or(p);
        let mut names = WordSet::default();
        names.extend(lexicon.weekend_words);
        // One word ("heute", "tomorrow"), or a phrase that names its day later ("the day
        // before yesterday").
        let (days, day_phrases): (Vec<_>, Vec<_>) = lexicon
            .relative_days
            .iter()
            .map(|(p, _)| *p)
            .partition(|p| !p.contains(' '));
        names.extend(days);
        names.extend(lexicon.month_parts.iter().map(|(w, _)| *w));
        names.extend(lexicon.part_nouns.iter().map(|(w, _)| *w));
        names.extend(lexicon.this_words);
        names.extend(lexicon.direction_words.iter().map(|(w, _, _)| *w));
        names.extend(lexicon.after_next);
        names.extend(lexicon.seasons.iter().map(|(w, _)| *w));
        let mut leads = WordSet::default();
        leads.extend(day_phrases.into_iter().map(first));
        // "a year ago", "eine Woche lang", "vor einem Jahr": an article read as one counts
        // only before its unit.
        leads.extend(lexicon.article_ones);
        leads.extend(lexicon.after_words);
        leads.extend(lexicon.ago_before);
        leads.extend(lexicon.later_words);
        leads.extend(lexicon.exactly_words);
        leads.extend(lexicon.duration_openers.iter().map(|p| first(p)));
        // date_range_at and month_at.
        leads.extend([
            "zwischen", "between", "vom", "from", "dem", "the", "im", "in",
        ]);
        leads.extend(lexicon.since_words);
        leads.extend(lexicon.until_words);
        // calendar::at
        leads.extend(lexicon.span_openers);
        leads.extend(lexicon.articles);
        leads.extend(lexicon.lead_ins);
        leads.retain(|w| !names.contains(w));
        let mut skipped = leads.clone();
        skipped.extend(lexicon.hedges.iter().flat_map(|(p, _)| p.split(' ')));
        skipped.extend(lexicon.duration_openers.iter().flat_map(|p| p.split(' ')));
        skipped.retain(|w| !names.contains(w));
        Triggers {
            names,
            leads,
            skipped,
        }
    }
    static DE: LazyLock<Triggers> = LazyLock::new(|| build(Lexicon::of(Lang::De)));
    static EN: LazyLock<Triggers> = LazyLock::new(|| build(Lexicon::of(Lang::En)));
    match lexicon.lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// Whether a time expression may start at token `i`: false only where every scanner of
/// [`mention_in_tense`] gives `None`, so that most words are passed over with a hash lookup
/// or two. A new scanner adds the words it starts at to [`triggers`] (or a test here).
/// `names` holds [`time_names`] of the tokens.
fn may_start_mention(
    tokens: &[Token],
    names: &[bool],
    i: usize,
    lexicon: &'static Lexicon,
) -> bool {
    let t = &tokens[i];
    if t.kind == TokenKind::Punct {
        // A sign or a currency before a number, an apostrophe before a decade ("'90s"):
        // never a full stop or a comma, which end a third of the tokens that come here.
        return !matches!(t.text, "." | "," | ";" | "!" | "?" | ")");
    }
    if t.is_number() {
        return number_may_start(tokens, names, i);
    }
    names[i]
        || t.is_word()
            && triggers(lexicon).leads.contains(t.lower.as_str())
            && leads_to_time(&tokens[i + 1..], &names[i + 1..], lexicon)
}

/// How far past a plain number ("3", "250") the name of a time that makes it part of a mention
/// may stand: "3 Tage", "3 weitere Tage", "3 bis 5 Tage", "3 Tage später".
const NUMBER_REACH: usize = 4;

/// Whether a time expression may start at a number. One with a point, comma or colon ("3.",
/// "22.01.2016", "10:30") or of four digits (a year) may; another ("3", "250") only with a
/// name of a time, another number or a joining mark ("3-5", "4/22", "3. März", "6 p.m.")
/// among the next [`NUMBER_REACH`] tokens: a count ("3 Prozent", "12 Menschen wurden
/// getötet") is passed over, as a third of the tokens that come here are.
fn number_may_start(tokens: &[Token], names: &[bool], i: usize) -> bool {
    let digits = &tokens[i].text;
    if digits.len() == 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let end = (i + 1 + NUMBER_REACH).min(tokens.len());
    (i + 1..end).any(|k| {
        let t = &tokens[k];
        // Marks that end a clause or the sentence join nothing.
        let ends =
            matches!(t.text, "," | ";" | "!" | "?" | ")") || t.text == "." && k + 1 == tokens.len();
        names[k] || t.kind == TokenKind::Punct && !ends
    })
}

/// For each token, whether it names a time on its own ([`names_time`]): asked once per token,
/// then of each lead before it.
fn time_names(tokens: &[Token], lexicon: &'static Lexicon) -> Vec<bool> {
    tokens.iter().map(|t| names_time(t, lexicon)).collect()
}

/// Whether a name of a time or a number stands in the first [`LEAD_REACH`] words after a
/// lead, not counting further leads and the words of hedges and duration openers ("for more
/// than a year", "seit mindestens drei Wochen", "für weitere fünf Tage"). A plain number
/// counts as [`number_may_start`] says: "in 12 Ländern" leads to no time, "in 12 Tagen" does.
fn leads_to_time(after: &[Token], names: &[bool], lexicon: &'static Lexicon) -> bool {
    let triggers = triggers(lexicon);
    let mut words = 0;
    for (k, (t, names_time)) in after.iter().zip(names).take(3 * LEAD_REACH).enumerate() {
        if *names_time && (!t.is_number() || number_may_start(after, names, k)) {
            return true;
        }
        if !(t.is_word() && triggers.skipped.contains(t.lower.as_str())) {
            words += 1;
            if words == LEAD_REACH {
                return false;
            }
        }
    }
    false
}

/// Whether a word or number may name a time, a point of it or a number of units on its own.
fn names_time(t: &Token, lexicon: &'static Lexicon) -> bool {
    if !t.is_word() {
        return t.is_number();
    }
    let w = t.lower.as_str();
    let triggers = triggers(lexicon);
    if triggers.leads.contains(w) {
        return false;
    }
    triggers.names.contains(w)
        // "mid-2025", "Mitte-März"
        || w.contains('-')
        || t.is_capitalized() && lexicon.weekdays.iter().any(|(d, _)| w.starts_with(d))
        || lexicon.month(w).is_some()
        || (lexicon.ordinal)(w).is_some()
        || lexicon.time_unit(w).is_some()
        // durations and spans that open with their number ("zwei Wochen lang", "3 years ago")
        || may_start_quantity(t, lexicon)
}

fn mention_in_tense(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    tense: Tense,
    reading: Reading,
) -> Option<TimeMention> {
    let news = news_mention(tokens, i, lexicon, hedges, tense);
    // The calendar's dates, spans and periods where they reach further ("nächsten Monat vom
    // 4. bis zum 23." beyond "nächsten Monat").
    let calendar = super::calendar::at(tokens, i, lexicon, tense, reading).map(|(expr, end)| {
        let qualifier = match expr {
            TimeExpr::Between(..) => Qualifier::Range,
            _ => Qualifier::Exact,
        };
        TimeMention::date(
            lead_in(tokens, i, lexicon.lead_ins),
            end,
            expr,
            qualifier,
            None,
        )
    });
    match (news, calendar) {
        (Some(n), Some(c)) if c.end > n.end => Some(c),
        (Some(n), _) => Some(n),
        (None, c) => c,
    }
}

/// The time expression at `i` that the news scanners read, the first that matches.
fn news_mention(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
    tense: Tense,
) -> Option<TimeMention> {
    weekday_at(tokens, i, lexicon, tense)
        .or_else(|| weekend_at(tokens, i, lexicon, tense))
        .or_else(|| relative_day_at(tokens, i, lexicon))
        .or_else(|| date_range_at(tokens, i, lexicon, tense))
        .or_else(|| {
            let (expr, end) = absolute_at(tokens, i, lexicon, tense)?;
            Some(TimeMention::date(
                lead_in(tokens, i, lexicon.lead_ins),
                end,
                expr,
                Qualifier::Exact,
                None,
            ))
        })
        .or_else(|| part_of_at(tokens, i, lexicon))
        .or_else(|| month_at(tokens, i, lexicon, tense))
        .or_else(|| period_at(tokens, i, lexicon))
        .or_else(|| event_age_at(tokens, i, lexicon))
        .or_else(|| after_years_of_at(tokens, i, lexicon))
        .or_else(|| offset_at(tokens, i, lexicon, hedges))
        .or_else(|| duration_at(tokens, i, lexicon, hedges))
}

/// "vor drei Tagen" / "in drei Tagen" from token `start` to the unit at `unit_at`: the same
/// calendar day `n` whole units back (`ago`) or ahead.
fn counted_from_today(
    start: usize,
    unit_at: usize,
    n: f64,
    unit: TimeUnit,
    ago: bool,
) -> Option<TimeMention> {
    if n.fract() != 0.0 || n < 1.0 {
        return None;
    }
    let n = n as u32;
    let expr = if ago {
        TimeExpr::Ago { n, unit }
    } else {
        TimeExpr::Later { n, unit }
    };
    Some(TimeMention::date(
        start,
        unit_at + 1,
        expr,
        Qualifier::Exact,
        Some(n as f64),
    ))
}

/// Weekdays, alone or as a compound with a part of the day ("Dienstagabend"), with a
/// direction word before ("vergangenen Freitag", "next Monday") or a week after ("am
/// Dienstag vergangener Woche", "on Tuesday last week").
fn weekday_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
) -> Option<TimeMention> {
    let t = &tokens[i];
    if !t.is_word() || !t.is_capitalized() {
        return None;
    }
    let day = match lexicon.weekday(&t.lower) {
        Some(d) => d,
        None => {
            // "Montagsdemonstrationen", "Sonntagsfrage", "Fridays": names and habits, not days.
            let (name, d) = lexicon
                .weekdays
                .iter()
                .find(|(w, _)| t.lower.starts_with(w))?;
            // "Dienstagabend", and the English possessive "Sunday's race".
            let rest = &t.lower[name.len()..];
            if !lexicon.day_parts.contains(&rest) && !matches!(rest, "'s" | "’s") {
                return None;
            }
            *d
        }
    };
    let prev = i.checked_sub(1).map(|k| &tokens[k]);
    let next = tokens.get(i + 1);
    if prev.is_some_and(|p| lexicon.habitual_words.contains(&p.lower.as_str()))
        || in_short_quote(tokens, i)
    {
        return None;
    }
    // "von Montag bis Mittwoch", "from Monday to Wednesday": one interval; without "von",
    // "Tuesday to Sunday" is opening hours, not a day.
    let range_word = |t: &Token| matches!(t.lower.as_str(), "to" | "bis" | "-" | "–" | "through");
    let is_weekday = |t: &Token| lexicon.weekday(&t.lower).is_some();
    if next.is_some_and(range_word) && tokens.get(i + 2).is_some_and(is_weekday) {
        prev.filter(|p| matches!(p.lower.as_str(), "von" | "vom" | "from"))?;
        let last = lexicon.weekday(&tokens[i + 2].lower)?;
        let first = TimeExpr::Weekday {
            day,
            tense,
            strict: false,
        };
        let span = TimeExpr::WeekdaySpan {
            first: Box::new(first),
            last,
        };
        return Some(TimeMention::date(
            i - 1,
            i + 3,
            span,
            Qualifier::Range,
            None,
        ));
    }
    if prev.is_some_and(range_word) && i >= 2 && is_weekday(&tokens[i - 2]) {
        return None;
    }
    let direction = prev.and_then(|p| {
        lexicon
            .direction_words
            .iter()
            .find(|(w, _, _)| *w == p.lower)
    });
    let is_lead = |p: &Token| lexicon.lead_ins.contains(&p.lower.as_str()) || direction.is_some();
    // English names: "Good Friday", "Black Friday", "The Sunday Times".
    if lexicon.lang == Lang::En {
        if prev.is_some_and(|p| {
            p.is_word()
                && p.is_capitalized()
                && !is_lead(p)
                && !lexicon.month_parts.iter().any(|(w, _)| *w == p.lower)
        }) {
            return None;
        }
        let named = next.is_some_and(|n| {
            n.is_word()
                && n.is_capitalized()
                && lexicon.weekday(&n.lower).is_none()
                && lexicon.month(&n.lower).is_none()
        });
        if named && !prev.is_some_and(is_lead) {
            return None;
        }
    }
    let mut start = i;
    let mut day_tense = tense;
    let mut strict = false;
    if let Some((_, d, s)) = direction {
        day_tense = *d;
        strict = *s;
        start = i - 1;
    }
    start = lead_in(tokens, start, lexicon.lead_ins);
    if lexicon.since_words.contains(&tokens[start].lower.as_str()) {
        day_tense = Tense::Past;
    }
    // "in der Nacht zu Mittwoch", "overnight into Wednesday" = the Wednesday.
    if start > 0 && matches!(tokens[start - 1].lower.as_str(), "zu" | "zum" | "into") {
        start -= 1;
    }
    // "early Thursday", "late Friday".
    if start > 0
        && lexicon
            .month_parts
            .iter()
            .any(|(w, _)| *w == tokens[start - 1].lower)
    {
        start -= 1;
    }
    let mut end = i + 1;
    if tokens
        .get(end)
        .is_some_and(|n| lexicon.day_parts.contains(&n.lower.as_str()))
    {
        end += 1;
    }
    // "am Dienstag vergangener Woche", "on Tuesday last week".
    if let (Some(w), Some(unit)) = (tokens.get(end), tokens.get(end + 1)) {
        let dir = lexicon
            .direction_words
            .iter()
            .find(|(d, _, _)| *d == w.lower);
        if let (Some((_, d, _)), Some(TimeUnit::Week)) = (dir, lexicon.time_unit(&unit.lower)) {
            let week = if *d == Tense::Past { -1 } else { 1 };
            return Some(TimeMention::date(
                start,
                end + 2,
                TimeExpr::WeekdayOfWeek { day, week },
                Qualifier::Exact,
                None,
            ));
        }
    }
    Some(TimeMention::date(
        start,
        end,
        TimeExpr::Weekday {
            day,
            tense: day_tense,
            strict,
        },
        Qualifier::Exact,
        None,
    ))
}

/// "am Wochenende", "am kommenden Wochenende", "last weekend", "over the weekend".
fn weekend_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
) -> Option<TimeMention> {
    if !lexicon.weekend_words.contains(&tokens[i].lower.as_str()) {
        return None;
    }
    let mut start = i;
    let (mut tense, mut strict) = (tense, false);
    if let Some(p) = i.checked_sub(1).map(|k| &tokens[k]) {
        if let Some((_, d, s)) = lexicon
            .direction_words
            .iter()
            .find(|(w, _, _)| *w == p.lower)
        {
            (tense, strict, start) = (*d, *s, i - 1);
        } else if lexicon.this_words.contains(&p.lower.as_str()) {
            (tense, start) = (Tense::Present, i - 1);
        } else if !matches!(p.lower.as_str(), "am" | "the" | "übers" | "at") {
            return None; // "ein Wochenende", "every weekend"
        }
    }
    let start = lead_in(tokens, start, &["am", "over", "at", "on"]);
    Some(TimeMention::date(
        start,
        i + 1,
        TimeExpr::Weekend { tense, strict },
        Qualifier::Exact,
        None,
    ))
}

/// "gestern", "übermorgen", "tomorrow", "the day before yesterday", with a part of the day
/// after ("gestern Abend", "yesterday evening").
fn relative_day_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<TimeMention> {
    let t = &tokens[i];
    if !t.is_word() {
        return None;
    }
    let (end, offset) = lexicon
        .relative_days
        .iter()
        .find_map(|(phrase, offset)| Some((phrase_at(tokens, i, phrase)?, *offset)))?;
    if in_short_quote(tokens, i) {
        return None; // „heute journal“
    }
    match lexicon.lang {
        // Capitalized "Morgen" is the morning ("am Morgen"), unless it opens the sentence.
        Lang::De if t.lower == "morgen" && t.is_capitalized() && !at_sentence_start(tokens, i) => {
            return None
        }
        // "the Today programme": mid-sentence, a capitalized day word is a name.
        Lang::En if t.is_capitalized() && !at_sentence_start(tokens, i) => return None,
        _ => {}
    }
    let mut end = end;
    if tokens
        .get(end)
        .is_some_and(|n| lexicon.day_parts.contains(&n.lower.as_str()))
    {
        end += 1;
    }
    // "heute vor einem Jahr", "heute in einer Woche": counted from today, one claim.
    if offset == 0 {
        if let Some(w) = tokens.get(end).filter(|w| {
            lexicon.ago_before.contains(&w.lower.as_str())
                || lexicon.later_words.contains(&w.lower.as_str())
        }) {
            let ago = lexicon.ago_before.contains(&w.lower.as_str());
            if let Some((n, unit_at, _, _)) = number_at(tokens, end + 1, lexicon) {
                let unit = tokens
                    .get(unit_at)
                    .and_then(|u| lexicon.time_unit(&u.lower));
                if let Some(m) = unit.and_then(|unit| counted_from_today(i, unit_at, n, unit, ago))
                {
                    return Some(m);
                }
            }
        }
    }
    Some(TimeMention::date(
        i,
        end,
        TimeExpr::Offset(offset),
        Qualifier::Exact,
        None,
    ))
}

/// A part of a year or month: "Ende 2026", "early 2025", "mid-2025", "Ende des Jahres",
/// "Anfang nächsten Monats", "the end of 2026", "the start of next year".
fn part_of_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<TimeMention> {
    let t = &tokens[i];
    let (part, mut k) =
        if let Some((_, p)) = lexicon.month_parts.iter().find(|(w, _)| *w == t.lower) {
            (*p, i + 1)
        } else if let Some((_, p)) = lexicon.part_nouns.iter().find(|(w, _)| *w == t.lower) {
            tokens
                .get(i + 1)
                .filter(|o| lexicon.event_links.contains(&o.lower.as_str()))?;
            (*p, i + 2)
        } else {
            // "mid-2025"
            let (w, p) = lexicon
                .month_parts
                .iter()
                .find(|(w, _)| t.lower.strip_prefix(w).is_some_and(|r| r.starts_with('-')))?;
            let y: i32 = t.lower[w.len() + 1..]
                .parse()
                .ok()
                .filter(|y| (1900..=2100).contains(y))?;
            let expr = TimeExpr::PartOf {
                unit: TimeUnit::Year,
                part: *p,
                year: Some(y),
                offset: 0,
            };
            return Some(TimeMention::date(i, i + 1, expr, Qualifier::Approx, None));
        };
    let start = lead_in(tokens, i, lexicon.lead_ins);
    if let Some(y) = year_at(tokens, k) {
        let expr = TimeExpr::PartOf {
            unit: TimeUnit::Year,
            part,
            year: Some(y),
            offset: 0,
        };
        return Some(TimeMention::date(
            start,
            k + 1,
            expr,
            Qualifier::Approx,
            None,
        ));
    }
    if tokens
        .get(k)
        .is_some_and(|w| matches!(w.lower.as_str(), "des" | "der" | "the"))
    {
        k += 1;
    }
    let mut offset = 0;
    if let Some(w) = tokens.get(k) {
        if lexicon.this_words.contains(&w.lower.as_str()) {
            k += 1;
        } else if let Some((_, d, true)) = lexicon
            .direction_words
            .iter()
            .find(|(d, _, _)| *d == w.lower)
        {
            offset = if *d == Tense::Past { -1 } else { 1 };
            k += 1;
        }
    }
    let unit_word = tokens.get(k)?;
    let unit = lexicon
        .time_unit(&unit_word.lower)
        .filter(|u| matches!(u, TimeUnit::Year | TimeUnit::Month | TimeUnit::Week))?;
    if lexicon.plural_units.contains(&unit_word.lower.as_str()) {
        return None;
    }
    let expr = TimeExpr::PartOf {
        unit,
        part,
        year: None,
        offset,
    };
    Some(TimeMention::date(
        start,
        k + 1,
        expr,
        Qualifier::Approx,
        None,
    ))
}

/// "Anfang März", "early March", "mid-March", "im März 2024", "in March".
fn month_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
) -> Option<TimeMention> {
    let t = &tokens[i];
    // "Anfang März", "mid-March"; and "(until) the end of March", "the beginning of May 2026",
    // read as "late March", "early May".
    let part_noun = lexicon.part_nouns.iter().find(|(w, _)| *w == t.lower);
    let part_word = lexicon.month_parts.iter().find(|(w, _)| {
        t.lower == *w || t.lower.strip_prefix(w).is_some_and(|r| r.starts_with('-'))
    });
    let with_part = if let Some((_, part)) = part_noun {
        let month = tokens
            .get(i + 1)
            .filter(|o| lexicon.event_links.contains(&o.lower.as_str()))
            .and_then(|_| tokens.get(i + 2))
            .and_then(|m| month_word(m, lexicon))?;
        Some((lead_in(tokens, i, lexicon.lead_ins), *part, month, i + 3))
    } else if let Some((word, part)) = part_word {
        let (month, end) = if t.lower.len() > word.len() {
            (lexicon.month(&t.lower[word.len() + 1..])?, i + 1)
        } else {
            (
                tokens.get(i + 1).and_then(|m| month_word(m, lexicon))?,
                i + 2,
            )
        };
        Some((i, *part, month, end))
    } else {
        None
    };
    if let Some((start, part, month, mut end)) = with_part {
        let year = year_at(tokens, end);
        if year.is_some() {
            end += 1;
        }
        let expr = TimeExpr::Month {
            year,
            month,
            part: Some(part),
            tense,
        };
        let (expr, end) = of_relative_year(tokens, end, expr, lexicon);
        return Some(TimeMention::date(start, end, expr, Qualifier::Approx, None));
    }
    // "last May", "(im) vergangenen März", "next June".
    if let Some((_, dir, true)) = lexicon
        .direction_words
        .iter()
        .find(|(w, _, _)| *w == t.lower)
    {
        let month = tokens.get(i + 1).and_then(|m| month_word(m, lexicon))?;
        let start = lead_in(tokens, i, &["im", "in"]);
        let expr = TimeExpr::NamedMonth { month, tense: *dir };
        return Some(TimeMention::date(
            start,
            i + 2,
            expr,
            Qualifier::Exact,
            None,
        ));
    }
    // "seit März 2022", "bis Juni", "until June 2027": the month named, like "seit Mittwoch";
    // not either end of a span of months ("von Januar bis März", "from January to March").
    let bound = (lexicon.since_words.contains(&t.lower.as_str())
        || lexicon.until_words.contains(&t.lower.as_str()))
        && !(i > 0 && month_word(&tokens[i - 1], lexicon).is_some())
        // "since April 1, 2025" names a day, which the absolute date reads.
        && !tokens
            .get(i + 2)
            .is_some_and(|d| d.is_number() && year_at(tokens, i + 2).is_none())
        && !tokens.get(i + 2).is_some_and(|l| {
            lexicon.range_links.contains(&l.lower.as_str())
                && tokens
                    .get(i + 3)
                    .is_some_and(|m| month_word(m, lexicon).is_some())
        });
    if matches!(t.lower.as_str(), "im" | "in") || bound {
        let month = tokens.get(i + 1).and_then(|m| month_word(m, lexicon))?;
        let mut end = i + 2;
        let year = year_at(tokens, end);
        if year.is_some() {
            end += 1;
        }
        let (expr, end) = of_relative_year(
            tokens,
            end,
            TimeExpr::Month {
                year,
                month,
                part: None,
                tense,
            },
            lexicon,
        );
        return Some(TimeMention::date(i, end, expr, Qualifier::Exact, None));
    }
    None
}

/// A month followed by its year in words: "im Juni vergangenen Jahres", "Ende März
/// des kommenden Jahres", "in June last year".
fn of_relative_year(
    tokens: &[Token],
    end: usize,
    expr: TimeExpr,
    lexicon: &'static Lexicon,
) -> (TimeExpr, usize) {
    let TimeExpr::Month {
        year: None,
        month,
        part,
        ..
    } = expr
    else {
        return (expr, end);
    };
    let mut k = end;
    if tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "des" | "dieses"))
    {
        k += 1;
    }
    let this = tokens
        .get(k)
        .is_some_and(|t| lexicon.this_words.contains(&t.lower.as_str()));
    let direction = tokens.get(k).and_then(|t| {
        lexicon
            .direction_words
            .iter()
            .find(|(w, _, strict)| *w == t.lower && *strict)
    });
    let unit = tokens.get(k + 1).and_then(|u| lexicon.time_unit(&u.lower));
    match (this, direction, unit) {
        (true, _, Some(TimeUnit::Year)) => (
            TimeExpr::MonthOfYear {
                month,
                part,
                offset: 0,
            },
            k + 2,
        ),
        (_, Some((_, d, _)), Some(TimeUnit::Year)) => {
            let offset = if *d == Tense::Past { -1 } else { 1 };
            (
                TimeExpr::MonthOfYear {
                    month,
                    part,
                    offset,
                },
                k + 2,
            )
        }
        _ => (expr, end),
    }
}

/// "letzte Woche", "im vergangenen Jahr", "last year", "this week", "next month". Plural
/// units name no period ("in den letzten Tagen", "in recent weeks"), and neither do days.
fn period_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<TimeMention> {
    let t = &tokens[i];
    let unit_word = tokens.get(i + 1)?;
    let unit = lexicon.time_unit(&unit_word.lower)?;
    if unit == TimeUnit::Day || lexicon.plural_units.contains(&unit_word.lower.as_str()) {
        return None;
    }
    let offset = if lexicon.this_words.contains(&t.lower.as_str()) {
        0
    } else {
        let (_, dir, strict) = lexicon
            .direction_words
            .iter()
            .find(|(w, _, _)| *w == t.lower)?;
        if !strict {
            return None; // "bereits", "schon", "heutigen"
        }
        if *dir == Tense::Past {
            -1
        } else {
            1
        }
    };
    if t.lower == "past" {
        return None; // "the past week" is the last seven days, not last week
    }
    let start = lead_in(tokens, i, &["im", "in", "am"]);
    Some(TimeMention::date(
        start,
        i + 2,
        TimeExpr::Period { unit, offset },
        Qualifier::Exact,
        None,
    ))
}

/// The unit of "Woche", "weeks", or of a compound "Kriegsjahr", "Streikwoche" whose first
/// part names an event (returned with it).
fn age_unit(t: &Token, lexicon: &'static Lexicon) -> Option<(TimeUnit, Option<(String, String)>)> {
    if let Some(u) = lexicon.time_unit(&t.lower) {
        return Some((u, None));
    }
    if lexicon.lang != Lang::De {
        return None;
    }
    let (word, unit) = lexicon
        .time_units
        .iter()
        .find(|(w, _)| t.lower.len() > w.len() + 2 && t.lower.ends_with(w))?;
    let head = t.lower[..t.lower.len() - word.len()].trim_end_matches('s');
    let event = lexicon
        .concept(head)
        .filter(|k| EVENT_KEYS.contains(k))
        .map(|k| (k.to_string(), t.text.to_string()));
    // "Kriegsjahr", "Streikwoche"; not "Geburtstag", "Bundestag".
    event.is_some().then_some((*unit, event))
}

/// The event noun within a few words after a link ("des Anschlags", "of the war"); gives
/// its key and the token after it.
fn linked_event(
    tokens: &[Token],
    at: usize,
    lexicon: &'static Lexicon,
) -> Option<(String, String, usize)> {
    let link = tokens.get(at)?;
    if !lexicon.event_links.contains(&link.lower.as_str()) {
        return None;
    }
    for (k, w) in tokens.iter().enumerate().skip(at + 1).take(4) {
        if !w.is_word() {
            return None;
        }
        if let Some(key) = lexicon.concept(&w.lower).filter(|c| EVENT_KEYS.contains(c)) {
            let key = super::subject::lasting(key, &w.lower, lexicon);
            return Some((key.to_string(), w.text.to_string(), k + 1));
        }
    }
    None
}

/// Event ages at an ordinal: "im vierten Jahr", "in its fourth year", "im dritten
/// Kriegsjahr", "entered its second week", "a fourth week"; and anniversaries: "der dritte
/// Jahrestag", "the second anniversary".
fn event_age_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<TimeMention> {
    let t = &tokens[i];
    if !t.is_word() {
        return None;
    }
    let n = (lexicon.ordinal)(&t.lower).filter(|n| *n > 0)?;
    let next = tokens.get(i + 1)?;
    if lexicon.anniversary_words.contains(&next.lower.as_str()) {
        let start = lead_in(tokens, i, &["der", "den", "the", "dem", "zum"]);
        let mut m = TimeMention::age(
            start,
            i + 2,
            n,
            TimeExpr::Elapsed {
                n,
                unit: TimeUnit::Year,
            },
            TimeUnit::Year,
        );
        if let Some((key, text, _)) = linked_event(tokens, i + 2, lexicon) {
            m.subject = Some((key, text));
        }
        return Some(m);
    }
    let (unit, compound_event) = age_unit(next, lexicon)?;
    let det = tokens.get(i.checked_sub(1)?)?;
    let before_det = i.checked_sub(2).map(|k| &tokens[k]);
    let opened = before_det.is_some_and(|b| lexicon.age_openers.contains(&b.lower.as_str()));
    let mut start = match det.lower.as_str() {
        "im" if lexicon.lang == Lang::De => i - 1,
        d if lexicon.age_determiners.contains(&d) => {
            let possessive = !matches!(d, "the" | "a" | "den" | "der" | "das");
            if opened {
                i - 2
            } else if possessive && lexicon.lang == Lang::En {
                i - 1
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if start > 0
        && lexicon
            .age_openers
            .contains(&tokens[start - 1].lower.as_str())
        && tokens[start - 1].lower == "now"
    {
        start -= 1;
    }
    let mut end = i + 2;
    // "in der ersten Woche des Jahres", "in the first week of March", "im dritten Jahr in Folge":
    // calendar or streak, not an age.
    let after = tokens.get(end);
    if after.is_some_and(|a| month_word(a, lexicon).is_some() || a.is_number())
        || lexicon
            .consecutive_words
            .iter()
            .any(|w| phrase_at(tokens, end, w).is_some())
    {
        return None;
    }
    let mut subject = compound_event;
    if let Some((key, text, e)) = linked_event(tokens, end, lexicon) {
        subject = Some((key, text));
        end = e;
    } else if after.is_some_and(|a| lexicon.event_links.contains(&a.lower.as_str()))
        && tokens.get(end + 1).is_some_and(|w| {
            lexicon.time_unit(&w.lower).is_some() || month_word(w, lexicon).is_some()
        })
    {
        return None;
    }
    let mut m = TimeMention::age(start, end, n, TimeExpr::NthUnit { n, unit }, unit);
    m.subject = subject;
    Some(m)
}

/// "nach drei Jahren Krieg", "after four years of negotiations": the event has lasted that
/// long — it started in the interval that "in its fourth year" names.
fn after_years_of_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<TimeMention> {
    if !lexicon.after_words.contains(&tokens[i].lower.as_str()) {
        return None;
    }
    // "The summit ended after three days of talks": how long a finished event lasted.
    let over = tokens[..i]
        .iter()
        .any(|t| lexicon.end_words.contains(&t.lower.as_str()));
    let (n, end, _, _) = number_at(tokens, i + 1, lexicon)?;
    let unit = tokens.get(end).and_then(|u| lexicon.time_unit(&u.lower))?;
    if n.fract() != 0.0 || n < 1.0 {
        return None;
    }
    let mut k = end + 1;
    if tokens
        .get(k)
        .is_some_and(|t| lexicon.event_links.contains(&t.lower.as_str()))
    {
        k += 1;
    }
    let event = tokens.get(k)?;
    let key = lexicon
        .concept(&event.lower)
        .filter(|c| EVENT_KEYS.contains(c))
        .map(|key| super::subject::lasting(key, &event.lower, lexicon))?;
    let mut m = if over {
        let q = super::quantity::quantity_at(tokens, i + 1, lexicon, &Hedges::default())?;
        TimeMention::duration(i + 1, end + 1, &q, unit)
    } else {
        let n = n as u32;
        TimeMention::age(i, k + 1, n, TimeExpr::NthUnit { n: n + 1, unit }, unit)
    };
    m.subject = Some((key.to_string(), event.text.to_string()));
    Some(m)
}

/// A number of time units at `at`, hedge included; "mehr als ein Jahr", "more than a year"
/// keep their hedge although "ein"/"a" alone would be an article.
fn time_quantity(
    tokens: &[Token],
    at: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
) -> Option<(Quantity, TimeUnit)> {
    let mut q = quantity_at(tokens, at, lexicon, hedges)?;
    let unit = tokens
        .get(q.end)
        .and_then(|u| lexicon.time_unit(&u.lower))?;
    if q.weak {
        let hedge = lexicon
            .hedges
            .iter()
            .filter_map(|(phrase, qual)| Some((phrase_before(tokens, q.start, phrase)?, *qual)))
            .min_by_key(|(s, _)| *s);
        if let Some((start, qualifier)) = hedge {
            q.start = start;
            q.qualifier = qualifier;
            q.interval = interval(qualifier, q.value.unwrap_or(1.0), hedges);
            q.weak = false;
        }
    }
    Some((q, unit))
}

/// Whether "in" + a number of units at `i` looks back ("the first time in six months", "the
/// highest level in 25 years") rather than forward ("in zwei Tagen soll ..."): an ordinal or
/// superlative shortly before, or a clause in the simple past.
fn looks_back(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> bool {
    let before = &tokens[i.saturating_sub(5)..i];
    let marked = before.iter().any(|t| {
        let w = t.lower.as_str();
        t.is_word()
            && !t.is_capitalized()
            && ((lexicon.ordinal)(w).is_some()
                || lexicon.lookback_words.contains(&w)
                || w.chars().count() > 5
                    && lexicon.superlative_endings.iter().any(|e| w.ends_with(e)))
    });
    let simple_past = clause_of(tokens, i, lexicon).iter().any(|t| {
        is_marker(t, |w| lexicon.marks(Markers::Past, w))
            && !lexicon.perfect_auxiliaries.contains(&t.lower.as_str())
    });
    marked || simple_past
}

/// "vor drei Tagen", "three days ago", "in zwei Tagen", "in two days".
fn offset_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
) -> Option<TimeMention> {
    let t = &tokens[i];
    let before = lexicon.ago_before.contains(&t.lower.as_str());
    let later = lexicon.later_words.contains(&t.lower.as_str());
    if later && looks_back(tokens, i, lexicon) {
        // "the highest level in 25 years", "their first talks in almost three months".
        for at in i + 1..(i + 4).min(tokens.len()) {
            if let Some((q, unit)) =
                time_quantity(tokens, at, lexicon, hedges).filter(|(q, _)| q.start <= i + 1)
            {
                return Some(TimeMention::duration(i, q.end + 1, &q, unit));
            }
        }
        return None;
    }
    if before || later {
        let mut at = i + 1;
        if tokens
            .get(at)
            .is_some_and(|w| lexicon.exactly_words.contains(&w.lower.as_str()))
        {
            at += 1;
        }
        let (n, end, _, _) = number_at(tokens, at, lexicon)?;
        let unit = tokens.get(end).and_then(|u| lexicon.time_unit(&u.lower))?;
        return counted_from_today(i, end, n, unit, before);
    }
    if lexicon.ago_after.is_empty() {
        return None;
    }
    let mut at = i;
    if lexicon.exactly_words.contains(&t.lower.as_str()) {
        at += 1;
    }
    let (q, unit) = time_quantity(tokens, at, lexicon, hedges)?;
    if !tokens
        .get(q.end + 1)
        .is_some_and(|a| lexicon.ago_after.contains(&a.lower.as_str()))
    {
        return None;
    }
    let n = q.value?;
    if n.fract() != 0.0 || n < 1.0 || q.qualifier != Qualifier::Exact {
        return None;
    }
    // "three years ago today" is the same day.
    let today = tokens.get(q.end + 2).is_some_and(|w| {
        lexicon
            .relative_days
            .iter()
            .any(|(d, o)| *o == 0 && *d == w.lower)
    });
    Some(TimeMention::date(
        i.min(q.start),
        q.end + 2 + usize::from(today),
        TimeExpr::Ago { n: n as u32, unit },
        Qualifier::Exact,
        Some(n),
    ))
}

/// Durations: "seit drei Jahren", "for six days", "zwei Wochen lang", and a hedged or plain
/// number of units where nothing makes it an offset or an age ("dauerte zehn Tage", "took
/// about 20 years"). "seit 2022" is a date claim for the year.
fn duration_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    hedges: &Hedges,
) -> Option<TimeMention> {
    let opener_end = lexicon
        .duration_openers
        .iter()
        .filter_map(|o| phrase_at(tokens, i, o))
        .max();
    if let Some(after) = opener_end {
        // The number may follow a hedge: "seit mehr als drei Jahren", "for nearly 20 years".
        for at in after..(after + 4).min(tokens.len()) {
            if let Some((q, unit)) =
                time_quantity(tokens, at, lexicon, hedges).filter(|(q, _)| q.start <= after)
            {
                if q.value.is_none_or(|v| v > 0.0) {
                    return Some(TimeMention::duration(i, q.end + 1, &q, unit));
                }
            }
        }
        // "over the past year", "in den vergangenen Monat": one unit.
        let opener = &tokens[after - 1].lower;
        if let Some(unit_word) = tokens
            .get(after)
            .filter(|_| lexicon.direction_words.iter().any(|(w, _, _)| w == opener))
        {
            if let Some(unit) = lexicon
                .time_unit(&unit_word.lower)
                .filter(|_| !lexicon.plural_units.contains(&unit_word.lower.as_str()))
            {
                let one = Quantity {
                    start: after,
                    end: after,
                    qualifier: Qualifier::Exact,
                    value: Some(1.0),
                    interval: Interval::exact(1.0),
                    weak: false,
                    digits: false,
                };
                return Some(TimeMention::duration(i, after + 1, &one, unit));
            }
        }
    }
    let (mut q, unit) = time_quantity(tokens, i, lexicon, hedges)?;
    // "a 38% raise over four years", "a 7.4 per cent pay rise over 24 months": after a figure
    // in its clause, "over" spans the time the sum or share is spread across; so does "over"
    // opening a sentence before a comma ("Over two days, 1,800 flights were cancelled"). It
    // hedges nothing there.
    let spread = lexicon
        .span_hedges
        .contains(&tokens[q.start].lower.as_str())
        && (tokens[clause_bounds(tokens, q.start, lexicon).0..q.start]
            .iter()
            .any(|t| is_share_or_sum(t, lexicon))
            || (q.start == 0 && tokens.get(q.end + 1).is_some_and(|t| t.text == ",")));
    if let Some(n) = q
        .value
        .filter(|_| spread && q.qualifier == Qualifier::MoreThan)
    {
        q.start += 1;
        q.qualifier = Qualifier::Exact;
        q.interval = Interval::exact(n);
    }
    // "eine Strafe von einem Jahr": after "von"/"of" an article-like "ein" is a number.
    let measure = q.start > 0
        && lexicon
            .linkers
            .contains(&tokens[q.start - 1].lower.as_str());
    if q.weak && !measure || q.value.is_some_and(|v| v <= 0.0) {
        return None;
    }
    let after = tokens.get(q.end + 1);
    if after.is_some_and(|a| lexicon.duration_closers.contains(&a.lower.as_str())) {
        return Some(TimeMention::duration(q.start, q.end + 2, &q, unit));
    }
    // "four days of torrential rain": the span of what follows the link.
    let span_of = after.is_some_and(|a| Some(a.lower.as_str()) == lexicon.span_of_link)
        && tokens.get(q.end + 2).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !lexicon.span_of_blockers.contains(&n.lower.as_str())
                && (lexicon.cardinal)(&n.lower).is_none()
        });
    if !span_of && after.is_some_and(|a| lexicon.not_duration_after.contains(&a.lower.as_str())) {
        return None;
    }
    if lexicon
        .not_duration_before
        .iter()
        .any(|w| phrase_before(tokens, q.start, w).is_some())
    {
        return None;
    }
    Some(TimeMention::duration(q.start, q.end + 1, &q, unit))
}

/// "zwischen dem 10. und 14. März", "vom 22. bis 24. Mai", "between April 10 and 14",
/// "from May 22 to 24": one date claim with an interval.
fn date_range_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    tense: Tense,
) -> Option<TimeMention> {
    let t = &tokens[i];
    let de = lexicon.lang == Lang::De;
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
    // Day first: "zwischen dem 10. und 14. März", "between 10 and 14 September"; in a list
    // ("am 3. und 4. Mai") the first day takes the month of the last and stands alone.
    let day_first = || -> Option<TimeMention> {
        let d1 = tokens.get(j).and_then(day_number)?;
        let mut k = j + 1;
        if de {
            tokens.get(k).filter(|t| t.is_punct("."))?;
            k += 1;
        }
        let link = tokens.get(k)?.lower.as_str();
        let listed = j == i && matches!(link, "und" | "and" | "oder" | "or" | ",");
        if listed {
            let (second, _) = absolute_at(tokens, k + 1, lexicon, tense)?;
            let TimeExpr::Absolute { year, month, .. } = second else {
                return None;
            };
            let first = TimeExpr::Absolute {
                year,
                month,
                day: d1,
                tense,
            };
            return Some(TimeMention::date(
                lead_in(tokens, i, lexicon.lead_ins),
                k,
                first,
                Qualifier::Exact,
                None,
            ));
        }
        if !link_words.contains(&link) {
            return None;
        }
        k += 1;
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
        Some(TimeMention::date(
            i,
            end,
            TimeExpr::Between(Box::new(first), Box::new(second)),
            Qualifier::Range,
            None,
        ))
    };
    if let Some(m) = day_first() {
        return Some(m);
    }
    if de {
        return None;
    }
    let (first, after) = absolute_at(tokens, j, lexicon, tense)?;
    let link = tokens.get(after)?;
    if !link_words.contains(&link.lower.as_str()) {
        return None;
    }
    let TimeExpr::Absolute { year, month, .. } = first.clone() else {
        return None;
    };
    if let Some((second, end)) = absolute_at(tokens, after + 1, lexicon, tense) {
        return Some(TimeMention::date(
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
    Some(TimeMention::date(
        i,
        after + 2,
        TimeExpr::Between(Box::new(first), Box::new(second)),
        Qualifier::Range,
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn mentions(text: &str, lang: Lang) -> Vec<(String, Kind)> {
        let tokens = tokenize(text);
        let mut taken = vec![false; tokens.len()];
        let found = scan(&tokens, Lexicon::of(lang), &Hedges::default(), &mut taken);
        found
            .iter()
            .map(|m| {
                (
                    text[tokens[m.start].start..tokens[m.end - 1].end].to_string(),
                    m.kind,
                )
            })
            .collect()
    }

    #[test]
    fn names_and_habits_are_not_dates() {
        let none: &[(&str, Lang)] = &[
            ("In den letzten Tagen hatte es heftig geregnet.", Lang::De),
            ("In recent days the rain was heavy.", Lang::En),
            ("Der Markt findet mittwochs statt.", Lang::De),
            ("Jeden Montag versammeln sich Demonstranten.", Lang::De),
            ("Every Monday, protesters gather.", Lang::En),
            (
                "Der Minister sagte der „Welt am Sonntag“, er bleibe.",
                Lang::De,
            ),
            (
                "The minister told The Sunday Times that he would stay.",
                Lang::En,
            ),
            ("Black Friday sales were weak.", Lang::En),
            ("Die Montagsdemonstrationen waren ein Wendepunkt.", Lang::De),
            ("Am Morgen war es kalt.", Lang::De),
            ("Theresa May said the party had lost its way.", Lang::En),
            ("The decision may come sooner, officials said.", Lang::En),
            ("The museum is open Tuesday to Sunday.", Lang::En),
            ("Der 63 Jahre alte Fahrer blieb unverletzt.", Lang::De),
            ("Die Partei gewann im dritten Jahr in Folge.", Lang::De),
        ];
        for (text, lang) in none {
            assert_eq!(mentions(text, *lang), vec![], "{text}");
        }
    }

    /// A sentence, its language and the mentions expected in it.
    type Case<'a> = (&'a str, Lang, &'a [(&'a str, Kind)]);

    #[test]
    fn mentions_and_their_kinds() {
        use Kind::*;
        let cases: &[Case] = &[
            (
                "Morgen soll der Fahrplan gelten.",
                Lang::De,
                &[("Morgen", Date)],
            ),
            (
                "Heute Morgen trat er zurück.",
                Lang::De,
                &[("Heute Morgen", Date)],
            ),
            (
                "Am Dienstag vergangener Woche kam er.",
                Lang::De,
                &[("Am Dienstag vergangener Woche", Date)],
            ),
            (
                "He came on Tuesday last week.",
                Lang::En,
                &[("on Tuesday last week", Date)],
            ),
            // A noun the lexicon does not know lasts, unless it is a market's measure or a
            // German person of that age.
            (
                "After a three-year investigation the firm paid.",
                Lang::En,
                &[("three-year", Duration)],
            ),
            ("The pound hit a 20-year low.", Lang::En, &[]),
            (
                "Nach fünfjährigen Ermittlungen zahlte die Firma.",
                Lang::De,
                &[("fünfjährigen", Duration)],
            ),
            ("Ein 41-jähriger Bulgare wurde gefasst.", Lang::De, &[]),
            (
                "They met the day before yesterday.",
                Lang::En,
                &[("the day before yesterday", Date)],
            ),
            (
                "Der Streik dauerte zehn Tage.",
                Lang::De,
                &[("zehn Tage", Duration)],
            ),
            (
                "Die Ermittlungen dauerten mehr als ein Jahr.",
                Lang::De,
                &[("mehr als ein Jahr", Duration)],
            ),
            (
                "Repairs will take between two and three weeks.",
                Lang::En,
                &[("between two and three weeks", Duration)],
            ),
            (
                "Drei Tage später trat er zurück.",
                Lang::De,
                &[("Drei Tage", Duration)],
            ),
            (
                "It was the highest level in 25 years.",
                Lang::En,
                &[("in 25 years", Duration)],
            ),
            (
                "The vote is scheduled to take place in two days.",
                Lang::En,
                &[("in two days", Date)],
            ),
            (
                "Shares tripled over the past year.",
                Lang::En,
                &[("over the past year", Duration)],
            ),
            // "N days of X" is read as how long X lasted, as "four days of torrential rain"
            // is; the figure is the same for days counted one by one.
            (
                "Only three days of frost were recorded.",
                Lang::En,
                &[("three days", Duration)],
            ),
            ("Children under two years of age ride free.", Lang::En, &[]),
            ("Mit 41 Jahren ist er der älteste Spieler.", Lang::De, &[]),
            ("Der Trainer ist seit 2019 im Amt.", Lang::De, &[]),
            (
                "Moreau qualified only fifth for Sunday's race.",
                Lang::En,
                &[("Sunday's", Date)],
            ),
            (
                "Die Formel 1 gastiert am kommenden Wochenende in Monza.",
                Lang::De,
                &[("am kommenden Wochenende", Date)],
            ),
            (
                "Postal votes can be requested between 10 and 14 September.",
                Lang::En,
                &[("between 10 and 14 September", Date)],
            ),
            (
                "Der Krieg ist in sein drittes Jahr gegangen.",
                Lang::De,
                &[("in sein drittes Jahr", EventAge)],
            ),
            (
                "The siege is in the third year of the war.",
                Lang::En,
                &[("in the third year of the war", EventAge)],
            ),
            (
                "Workers are spending a fourth week outside.",
                Lang::En,
                &[("spending a fourth week", EventAge)],
            ),
            (
                "Nach vier Jahren Verhandlungen kam der Vertrag.",
                Lang::De,
                &[("Nach vier Jahren Verhandlungen", EventAge)],
            ),
            (
                "In zwei Tagen soll abgestimmt werden.",
                Lang::De,
                &[("In zwei Tagen", Date)],
            ),
            (
                "Vor genau einem Jahr fiel die Mauer.",
                Lang::De,
                &[("Vor genau einem Jahr", Date)],
            ),
        ];
        for (text, lang, want) in cases {
            let want: Vec<(String, Kind)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(mentions(text, *lang), want, "{text}");
        }
    }

    /// The first date of a sentence, resolved against a publication day.
    fn first_day(text: &str, lang: Lang, published: &str) -> String {
        let tokens = tokenize(text);
        let mut taken = vec![false; tokens.len()];
        let found = scan(&tokens, Lexicon::of(lang), &Hedges::default(), &mut taken);
        let expr = found.iter().find_map(|m| m.expr.clone()).expect("a date");
        let range = crate::resolve::resolve(&expr, published.parse().unwrap()).unwrap();
        match range.end {
            Some(end) => format!("{}..{end}", range.start),
            None => range.start.to_string(),
        }
    }

    #[test]
    fn prepositions_and_verbs_point_dates_forward() {
        let cases: &[(&str, Lang, &str, &str)] = &[
            // Monday 2025-06-30: "für Freitag" looks ahead.
            (
                "Die Meteorologen erwarten für Freitag bis zu 36 Grad.",
                Lang::De,
                "2025-06-30",
                "2025-07-04",
            ),
            // Thursday: "bis" looks ahead unless the clause is in the simple past.
            (
                "Bis Freitag bleiben die Schulen geschlossen.",
                Lang::De,
                "2024-01-18",
                "2024-01-19",
            ),
            (
                "Die Straße war bis Freitag gesperrt.",
                Lang::De,
                "2025-03-27",
                "2025-03-21",
            ),
            // A German sentence opening with the date, verb in the present.
            (
                "Am Sonntag wählen die Bürger in Sachsen einen neuen Landtag.",
                Lang::De,
                "2024-08-29",
                "2024-09-01",
            ),
            (
                "Am Sonntag wählten die Bürger einen neuen Landtag.",
                Lang::De,
                "2024-08-29",
                "2024-08-25",
            ),
            // "haben soll" is hearsay, not future.
            (
                "Gesucht wird ein Mann, der am Montag ein Juweliergeschäft überfallen haben soll.",
                Lang::De,
                "2024-10-22",
                "2024-10-21",
            ),
            (
                "The governor called an early election for November 23.",
                Lang::En,
                "2025-10-10",
                "2025-11-23",
            ),
            (
                "Forecasters have issued a storm warning until 9 p.m. on Monday.",
                Lang::En,
                "2025-06-21",
                "2025-06-23",
            ),
            (
                "Cases fell to 2,900 on Friday, down from 3,100 on Wednesday.",
                Lang::En,
                "2025-10-10",
                "2025-10-10",
            ),
            (
                "Organisers expect 5,000–6,000 riders on Sunday.",
                Lang::En,
                "2025-10-10",
                "2025-10-12",
            ),
            (
                "Tickets can be booked between 10 and 14 September.",
                Lang::En,
                "2025-09-02",
                "2025-09-10..2025-09-14",
            ),
            (
                "Die Formel 1 gastiert am kommenden Wochenende in Monza.",
                Lang::De,
                "2025-08-27",
                "2025-08-30..2025-08-31",
            ),
            (
                "The team lost its last match over the weekend.",
                Lang::En,
                "2025-08-25",
                "2025-08-23..2025-08-24",
            ),
            (
                "Der Prozess hatte im Juni vergangenen Jahres begonnen.",
                Lang::De,
                "2025-05-20",
                "2024-06-01..2024-06-30",
            ),
            (
                "The plant will close at the end of work in March next year.",
                Lang::En,
                "2025-05-20",
                "2026-03-01..2026-03-31",
            ),
            (
                "Die Stichwahl fände dann in zwei Wochen statt.",
                Lang::De,
                "2025-09-28",
                "2025-10-12",
            ),
            (
                "Der Streik läuft von Montag bis Mittwoch.",
                Lang::De,
                "2025-03-27",
                "2025-03-31..2025-04-02",
            ),
            (
                "The strike lasted from Friday to Monday.",
                Lang::En,
                "2025-03-27",
                "2025-03-21..2025-03-24",
            ),
            (
                "Die Gespräche finden am 3. und 4. Mai statt.",
                Lang::De,
                "2025-03-27",
                "2025-05-03",
            ),
            (
                "Seit dem 1. Januar gilt das Gesetz.",
                Lang::De,
                "2025-03-27",
                "2025-01-01",
            ),
            (
                "She said on Friday she would resign on Monday.",
                Lang::En,
                "2025-03-27",
                "2025-03-21",
            ),
            (
                "It happened on the 3rd of May 2024.",
                Lang::En,
                "2025-03-27",
                "2024-05-03",
            ),
            (
                "The ceasefire expires on June 1.",
                Lang::En,
                "2025-03-27",
                "2025-06-01",
            ),
            (
                "Heute vor einem Jahr starb der Dichter.",
                Lang::De,
                "2025-03-27",
                "2024-03-27",
            ),
            (
                "Die Wahl findet heute in einer Woche statt.",
                Lang::De,
                "2025-03-27",
                "2025-04-03",
            ),
            (
                "Three years ago today, the plant closed.",
                Lang::En,
                "2025-03-27",
                "2022-03-27",
            ),
            (
                "Im vergangenen März fiel viel Schnee.",
                Lang::De,
                "2025-03-27",
                "2024-03-01..2024-03-31",
            ),
            (
                "Last February, the company went bankrupt.",
                Lang::En,
                "2025-03-27",
                "2025-02-01..2025-02-28",
            ),
            (
                "Das Werk soll bis Ende 2027 geschlossen werden.",
                Lang::De,
                "2025-02-12",
                "2027-09-01..2027-12-31",
            ),
            (
                "Growth should pick up in early 2026.",
                Lang::En,
                "2025-02-12",
                "2026-01-01..2026-04-30",
            ),
            (
                "The plant will close by the end of next year.",
                Lang::En,
                "2025-02-12",
                "2026-09-01..2026-12-31",
            ),
            (
                "Die Reform soll Anfang nächsten Monats greifen.",
                Lang::De,
                "2025-02-12",
                "2025-03-01..2025-03-10",
            ),
            (
                "Mid-2025 the line was electrified.",
                Lang::En,
                "2025-10-12",
                "2025-05-01..2025-08-31",
            ),
        ];
        for (text, lang, published, want) in cases {
            assert_eq!(first_day(text, *lang, published), *want, "{text}");
        }
    }

    #[test]
    fn any_cut_of_a_gold_sentence_scans_and_resolves_without_panic() {
        let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        for (file, lang) in [("time_de", Lang::De), ("time_en", Lang::En)] {
            let path = format!("{}/fixtures/gold/{file}.jsonl", env!("CARGO_MANIFEST_DIR"));
            let data = std::fs::read_to_string(&path).unwrap();
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let record: serde_json::Value = serde_json::from_str(line).unwrap();
                let tokens = tokenize(record["text"].as_str().unwrap());
                for k in 0..=tokens.len() {
                    for cut in [&tokens[..k], &tokens[k..]] {
                        let mut taken = vec![false; cut.len()];
                        for m in scan(cut, Lexicon::of(lang), &Hedges::default(), &mut taken) {
                            assert!(m.start < m.end && m.end <= cut.len(), "{path}: {line}");
                            if let Some(expr) = &m.expr {
                                let _ = crate::resolve::resolve(expr, published);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_trigger_test_passes_over_no_token_a_scanner_starts_at() {
        // Every gold sentence of both languages, read in both lexicons: wherever a scanner
        // finds a mention, in any tense, the trigger test must have let the token through.
        let mut checked = 0;
        for file in [
            "time_de",
            "time_en",
            "extract_de",
            "extract_en",
            "heldout_de",
            "heldout_en",
            "heldout2_de",
            "heldout2_en",
        ] {
            let path = format!("{}/fixtures/gold/{file}.jsonl", env!("CARGO_MANIFEST_DIR"));
            let Ok(data) = std::fs::read_to_string(&path) else {
                continue;
            };
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let record: serde_json::Value = serde_json::from_str(line).unwrap();
                let tokens = tokenize(record["text"].as_str().unwrap());
                for lang in [Lang::De, Lang::En] {
                    let lexicon = Lexicon::of(lang);
                    let names = time_names(&tokens, lexicon);
                    for i in 0..tokens.len() {
                        for tense in [Tense::Past, Tense::Present, Tense::Future] {
                            let found = mention_in_tense(
                                &tokens,
                                i,
                                lexicon,
                                &Hedges::default(),
                                tense,
                                Reading::Claims,
                            );
                            assert!(
                                found.is_none() || may_start_mention(&tokens, &names, i, lexicon),
                                "{path}: token {i} ({}) of {line}",
                                tokens[i].text
                            );
                            checked += usize::from(found.is_some());
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "only {checked} mentions checked");
    }

    #[test]
    fn a_run_on_text_without_punctuation_scans_in_linear_time() {
        let text = "am Montag und am 3. Mai wird seit drei Jahren im vierten Jahr ".repeat(2000);
        let tokens = tokenize(&text);
        let mut taken = vec![false; tokens.len()];
        let started = std::time::Instant::now();
        let found = scan(
            &tokens,
            Lexicon::of(Lang::De),
            &Hedges::default(),
            &mut taken,
        );
        assert_eq!(found.len(), 4 * 2000);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn tense_by_clause() {
        let de = Lexicon::of(Lang::De);
        let en = Lexicon::of(Lang::En);
        let at = |text: &str, word: &str, lexicon: &'static Lexicon| {
            let tokens = tokenize(text);
            let i = tokens.iter().position(|t| t.text == word).unwrap();
            clause_tense(&tokens, i, lexicon)
        };
        assert_eq!(
            at("Das Konzert findet am Freitag statt.", "Freitag", de),
            Tense::Present
        );
        assert_eq!(
            at("Das Konzert fand am Freitag statt.", "Freitag", de),
            Tense::Past
        );
        assert_eq!(
            at("Die Kommission wird am Freitag entscheiden.", "Freitag", de),
            Tense::Future
        );
        assert_eq!(
            at(
                "Er sagte am Dienstag, das Werk werde Ende Mai schließen.",
                "Mai",
                de
            ),
            Tense::Future
        );
        assert_eq!(
            at(
                "Er sagte am Dienstag, das Werk werde Ende Mai schließen.",
                "Dienstag",
                de
            ),
            Tense::Past
        );
        assert_eq!(
            at("The committee meets on Friday.", "Friday", en),
            Tense::Present
        );
        assert_eq!(
            at("The committee postponed the vote on Friday.", "Friday", en),
            Tense::Past
        );
        assert_eq!(
            at(
                "A spokesman said on Sunday that the airports would stay closed.",
                "Sunday",
                en
            ),
            Tense::Past
        );
        assert_eq!(
            at(
                "The union is on strike and will resume talks on Monday.",
                "Monday",
                en
            ),
            Tense::Future
        );
    }
}
