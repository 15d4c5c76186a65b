//! The claim scanner: takes a [`Document`] and gives its [`Claim`]s.
//!
//! One pass per sentence over its tokens: time expressions first (so "27. März" is never a
//! count), then quantities with their counted nouns, then ordinals. Every word list comes from
//! [`lexicon`].

pub mod attribution;
pub mod lexicon;
pub mod quantity;
pub mod subject;
pub mod time;
pub mod token;

use crate::claim::{Claim, Kind, Qualifier, Span};
use crate::config::Config;
use crate::document::Document;
use crate::segment::{self, Sentence};

use lexicon::{Lexicon, EVENT_KEYS};
use token::{tokenize, Token, TokenKind};

/// Extracts every claim of a document, in text order.
///
/// ```
/// use claimdiff::{extract, Config, Defaults, Document, Format, Published};
/// let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
/// let doc = Document::from_text("a.txt", "Vertreter aus fast 30 Ländern kamen am Mittwoch.".into(),
///     Format::Text, &Default::default(), &defaults).unwrap();
/// let claims = extract::extract(&doc, &Config::default());
/// assert_eq!(claims[0].subject, "country");
/// assert_eq!((claims[0].lo(), claims[0].hi()), (Some(27.0), Some(29.0)));
/// assert_eq!(claims[1].days.unwrap().start.to_string(), "2025-03-26");
/// ```
pub fn extract(doc: &Document, config: &Config) -> Vec<Claim> {
    let text = doc.text();
    let sentences = segment::split(text, doc.lang);
    let quotes = attribution::Quotes::find(text, &sentences, doc.lang);
    let mut claims = Vec::new();
    for sentence in &sentences {
        extract_sentence(doc, config, sentence, &quotes, &mut claims);
    }
    claims
}

fn extract_sentence(
    doc: &Document,
    config: &Config,
    sentence: &Sentence,
    quotes: &attribution::Quotes,
    out: &mut Vec<Claim>,
) {
    let lexicon = Lexicon::of(doc.lang);
    let text = &doc.text()[sentence.start..sentence.end];
    let tokens = tokenize(text);
    let mut taken = vec![false; tokens.len()];
    let hedges = &config.hedges;
    let mut found: Vec<Found> = Vec::new();

    for m in time::scan(&tokens, lexicon, hedges, &mut taken) {
        let (subject, subject_text) = match (m.subject.clone(), m.event_token) {
            (Some(s), _) => s,
            (None, Some(k)) => subject::event_from_compound(&tokens[k], lexicon),
            (None, None) => subject::sentence_event(&tokens, m.start, m.kind, lexicon),
        };
        let (days, unresolved) = match &m.expr {
            Some(expr) => match crate::resolve::resolve_at(expr, doc.published.map(|p| p.day)) {
                Ok(d) => (Some(d), None),
                Err(why) => (None, Some(why)),
            },
            None => (None, None),
        };
        found.push(Found {
            start: m.start,
            end: m.end,
            kind: m.kind,
            subject,
            subject_text,
            qualifier: m.qualifier,
            value: m.value,
            interval: m.interval,
            unit: m.unit.map(|u| u.as_str().to_string()),
            days,
            unresolved,
        });
    }

    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if let Some(f) = ordinal_at(&tokens, i, lexicon, &taken) {
            for flag in &mut taken[f.start..f.end] {
                *flag = true;
            }
            i = f.end;
            found.push(f);
            continue;
        }
        match quantity_claim(&tokens, i, lexicon, config, &taken) {
            Some(f) => {
                for flag in &mut taken[f.start..f.end.min(tokens.len())] {
                    *flag = true;
                }
                i = f.end;
                found.push(f);
            }
            None => i += 1,
        }
    }

    found.sort_by_key(|f| f.start);
    for f in found {
        let start = sentence.start + tokens[f.start].start;
        let end = sentence.start + tokens[f.end - 1].end;
        let source_start = doc.source_offset(start);
        let source_end = doc.source_offset(end);
        let attribution = quotes.speaker_at(
            start,
            sentence,
            &doc.text()[sentence.start..sentence.end],
            lexicon,
        );
        out.push(Claim {
            doc: doc.id.clone(),
            lang: doc.lang,
            kind: f.kind,
            text: doc.text()[start..end].to_string(),
            span: Span {
                start: source_start,
                end: source_end,
                line: doc.line_of(source_start),
                sentence: sentence.index,
            },
            text_start: start,
            text_end: end,
            sentence_text: text.to_string(),
            subject: f.subject,
            subject_text: f.subject_text,
            qualifier: f.qualifier,
            value: f.value,
            interval: f.interval,
            unit: f.unit,
            days: f.days,
            unresolved: f.unresolved,
            attribution,
        });
    }
}

/// A claim found in a sentence, in token positions.
struct Found {
    start: usize,
    end: usize,
    kind: Kind,
    subject: String,
    subject_text: String,
    qualifier: Qualifier,
    value: Option<f64>,
    interval: Option<crate::claim::Interval>,
    unit: Option<String>,
    days: Option<crate::claim::DayRange>,
    unresolved: Option<String>,
}

/// "das dritte Treffen", "das 3. Treffen", "the third round of talks", "zum dritten Mal".
fn ordinal_at(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    taken: &[bool],
) -> Option<Found> {
    let t = &tokens[i];
    let (n, after) = match t.kind {
        TokenKind::Word => ((lexicon.ordinal)(&t.lower)?, i + 1),
        TokenKind::Number if lexicon.lang == crate::Lang::De => {
            let dot = tokens.get(i + 1)?;
            if !dot.is_punct(".") || dot.space_before || t.text.len() > 3 {
                return None;
            }
            (t.text.parse().ok()?, i + 2)
        }
        _ => return None,
    };
    if n == 0 {
        return None;
    }
    // "zum dritten Mal", "for the third time": the event is named elsewhere in the sentence.
    if tokens
        .get(after)
        .is_some_and(|w| matches!(w.lower.as_str(), "mal" | "time"))
    {
        let start = if i >= 1 && matches!(tokens[i - 1].lower.as_str(), "zum" | "the") {
            if i >= 2 && tokens[i - 2].lower == "for" {
                i - 2
            } else {
                i - 1
            }
        } else {
            i
        };
        let (subject, subject_text) =
            subject::sentence_event(tokens, start, Kind::Ordinal, lexicon);
        return Some(ordinal(start, after + 1, n, subject, subject_text));
    }
    // The numbered noun, past up to two adjectives.
    let mut k = after;
    while k < tokens.len() && k < after + 3 {
        let w = &tokens[k];
        if taken[k] || w.kind != TokenKind::Word {
            return None;
        }
        if let Some(key) = lexicon.concept(&w.lower) {
            if !EVENT_KEYS.contains(&key) {
                return None;
            }
            let mut end = k + 1;
            // "round of talks": the event is the talks.
            let mut key = key.to_string();
            let mut subject_text = w.text.to_string();
            if tokens.get(end).is_some_and(|o| o.lower == "of") {
                if let Some(next) = tokens.get(end + 1) {
                    if let Some(k2) = lexicon
                        .concept(&next.lower)
                        .filter(|k| EVENT_KEYS.contains(k))
                    {
                        key = k2.to_string();
                        subject_text = format!("{} of {}", w.text, next.text);
                        end += 2;
                    }
                }
            }
            let start = if lexicon.lang == crate::Lang::De {
                i
            } else {
                i
            };
            return Some(ordinal(start, end, n, key, subject_text));
        }
        let is_adjective = match lexicon.lang {
            crate::Lang::De => !w.is_capitalized(),
            crate::Lang::En => true,
        };
        if !is_adjective {
            return None;
        }
        k += 1;
    }
    None
}

fn ordinal(start: usize, end: usize, n: u32, subject: String, subject_text: String) -> Found {
    Found {
        start,
        end,
        kind: Kind::Ordinal,
        subject,
        subject_text,
        qualifier: Qualifier::Exact,
        value: Some(n as f64),
        interval: None,
        unit: None,
        days: None,
        unresolved: None,
    }
}

/// A count, percentage or sum of money whose number starts at token `i`.
fn quantity_claim(
    tokens: &[Token],
    i: usize,
    lexicon: &'static Lexicon,
    config: &Config,
    taken: &[bool],
) -> Option<Found> {
    let q = quantity::quantity_at(tokens, i, lexicon, &config.hedges)?;
    if q.end > tokens.len() || taken[q.start..q.end].iter().any(|t| *t) {
        return None;
    }
    let first_number = &tokens[i];
    // Labels and times: "Seite 12", "Artikel 5", "14 Uhr", "aged 63".
    if q.start == i && i > 0 {
        let before = tokens[i - 1].lower.trim_end_matches('.');
        if lexicon.label_words.contains(&before) || before == "aged" {
            return None;
        }
    }
    let after_text: String = tokens[q.end.min(tokens.len())..]
        .iter()
        .take(2)
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if lexicon.not_count_after.iter().any(|w| {
        after_text == *w
            || after_text.starts_with(&format!("{w} "))
            || tokens
                .get(q.end)
                .is_some_and(|t| t.lower.trim_end_matches('.') == *w)
    }) {
        return None;
    }
    // Money: a currency sign before or a currency word after.
    let currency_before = i > 0
        && q.start == i
        && lexicon.currency(&tokens[i - 1].lower).is_some()
        && tokens[i - 1].kind == TokenKind::Punct;
    if let Some(code) = currency_before
        .then(|| lexicon.currency(&tokens[i - 1].lower))
        .flatten()
    {
        return Some(measure(q.start - 1, q.end, &q, Kind::Money, code, tokens));
    }
    if let Some(next) = tokens.get(q.end) {
        if let Some(code) = lexicon.currency(&next.lower) {
            return Some(measure(q.start, q.end + 1, &q, Kind::Money, code, tokens));
        }
        let two = tokens
            .get(q.end + 1)
            .map(|n2| format!("{} {}", next.lower, n2.lower));
        if lexicon.percent_words.contains(&next.lower.as_str()) {
            return Some(measure(
                q.start,
                q.end + 1,
                &q,
                Kind::Percent,
                "percent",
                tokens,
            ));
        }
        if let Some(two) = two.filter(|t| lexicon.percent_words.contains(&t.as_str())) {
            let _ = two;
            return Some(measure(
                q.start,
                q.end + 2,
                &q,
                Kind::Percent,
                "percent",
                tokens,
            ));
        }
    }
    // A year standing alone, IDs and numbers without anything counted are not claims.
    let (subject, subject_text, end) = subject::counted(tokens, q.end, q.start, lexicon)?;
    if q.digits && first_number.kind == TokenKind::Number && q.qualifier == Qualifier::Exact {
        if let Ok(n) = first_number.text.parse::<u32>() {
            if (1900..=2100).contains(&n) && subject.contains(':') {
                return None;
            }
        }
    }
    if q.weak && !subject.starts_with("people_") {
        return None;
    }
    Some(Found {
        start: q.start,
        end,
        kind: Kind::Count,
        subject,
        subject_text,
        qualifier: q.qualifier,
        value: q.value,
        interval: Some(q.interval),
        unit: None,
        days: None,
        unresolved: None,
    })
}

fn measure(
    start: usize,
    end: usize,
    q: &quantity::Quantity,
    kind: Kind,
    unit: &str,
    tokens: &[Token],
) -> Found {
    let (subject, subject_text) = match kind {
        Kind::Percent => ("percent".to_string(), tokens[end - 1].text.to_string()),
        _ => ("money".to_string(), unit.to_string()),
    };
    Found {
        start,
        end,
        kind,
        subject,
        subject_text,
        qualifier: q.qualifier,
        value: q.value,
        interval: Some(q.interval),
        unit: Some(unit.to_string()),
        days: None,
        unresolved: None,
    }
}
