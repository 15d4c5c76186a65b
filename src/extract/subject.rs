//! Subjects: what a number counts or which event a time expression belongs to, as a concept
//! key shared by both languages, with casualty predicates kept in the key.

use super::lexicon::{Lexicon, EVENT_KEYS, PERSON_KEYS};
use super::token::{Token, TokenKind};
use crate::claim::Kind;
use crate::document::Lang;

/// English words that end a noun phrase after a number.
const EN_STOP: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "as",
    "that",
    "who",
    "which",
    "than",
    "per",
    "after",
    "before",
    "since",
    "during",
    "the",
    "a",
    "an",
    "it",
    "they",
    "their",
    "this",
    "these",
    "those",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "into",
    "across",
    "over",
    "under",
    "when",
    "where",
    "while",
    "if",
    "not",
    "also",
    "all",
    "each",
    "including",
    "about",
    "out",
    "up",
];

/// The counted noun after a quantity ending at `from`: (subject, subject text, end token).
///
/// German nouns are capitalized, so lowercase words between number and noun are adjectives;
/// English takes the lexicon's noun within the next words, or else the phrase's last word.
pub fn counted(
    tokens: &[Token],
    from: usize,
    hedge_start: usize,
    lexicon: &'static Lexicon,
) -> Option<(String, String, usize)> {
    let mut k = from;
    let mut adjectives = 0;
    let mut noun: Option<(usize, Option<&'static str>)> = None;
    while k < tokens.len() && adjectives <= 3 {
        let t = &tokens[k];
        if t.kind != TokenKind::Word {
            break;
        }
        if lexicon.linkers.contains(&t.lower.as_str()) && k == from {
            k += 1;
            continue;
        }
        if let Some(key) = lexicon.concept(&t.lower) {
            noun = Some((k, Some(key)));
            break;
        }
        match lexicon.lang {
            Lang::De => {
                if t.is_capitalized() {
                    noun = Some((k, None));
                    break;
                }
                if lexicon.predicate(&t.lower).is_some() {
                    break;
                }
            }
            Lang::En => {
                if EN_STOP.contains(&t.lower.as_str()) || lexicon.predicate(&t.lower).is_some() {
                    break;
                }
                let next_is_word = tokens.get(k + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && !EN_STOP.contains(&n.lower.as_str())
                        && lexicon.predicate(&n.lower).is_none()
                });
                if !next_is_word || adjectives == 3 {
                    noun = Some((k, None));
                    break;
                }
            }
        }
        adjectives += 1;
        k += 1;
    }
    let predicate = predicate_near(
        tokens,
        noun.map_or(from, |(n, _)| n + 1),
        hedge_start,
        lexicon,
    );
    match noun {
        Some((n, Some(key))) => {
            let text = tokens[n].text.to_string();
            let key = match predicate {
                Some(p) if PERSON_KEYS.contains(&key) => format!("people_{p}"),
                _ => key.to_string(),
            };
            Some((key, text, n + 1))
        }
        Some((n, None)) => {
            let word = tokens[n].text;
            Some((lexicon.stem(word), word.to_string(), n + 1))
        }
        None => {
            // "dozens were injured", "zwei starben": the predicate stands in for the noun.
            let p = predicate?;
            Some((format!("people_{p}"), String::new(), from))
        }
    }
}

/// A casualty predicate after the noun (within the clause) or right before the hedge.
fn predicate_near(
    tokens: &[Token],
    after: usize,
    hedge_start: usize,
    lexicon: &'static Lexicon,
) -> Option<&'static str> {
    let mut k = after;
    while k < tokens.len() && k < after + 5 {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct || t.kind == TokenKind::Number {
            break;
        }
        if let Some(p) = lexicon.predicate(&t.lower) {
            return Some(p);
        }
        if let Some(next) = tokens.get(k + 1) {
            if let Some(p) = lexicon.predicate(&format!("{} {}", t.lower, next.lower)) {
                return Some(p);
            }
        }
        if lexicon.article_ones.contains(&t.lower.as_str()) && k > after {
            break;
        }
        k += 1;
    }
    // "killed at least 12 people", "injuring 30".
    for back in 1..=2 {
        let Some(j) = hedge_start.checked_sub(back) else {
            break;
        };
        if let Some(p) = lexicon.predicate(&tokens[j].lower) {
            return Some(p);
        }
        if tokens[j].kind == TokenKind::Punct {
            break;
        }
    }
    None
}

/// The event a time expression or unnumbered ordinal belongs to: the nearest event noun in
/// the sentence, else the speech or report verb ("statement", "report"), else "event".
pub fn sentence_event(
    tokens: &[Token],
    at: usize,
    kind: Kind,
    lexicon: &'static Lexicon,
) -> (String, String) {
    let mut best: Option<(usize, &'static str, &str)> = None;
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        if let Some(key) = lexicon.concept(&t.lower).filter(|c| EVENT_KEYS.contains(c)) {
            let distance = k.abs_diff(at);
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, key, t.text));
            }
        }
    }
    if let Some((_, key, text)) = best {
        return (key.to_string(), text.to_string());
    }
    if kind == Kind::Date {
        for t in tokens {
            let l = t.lower.as_str();
            if matches!(
                l,
                "berichtete"
                    | "berichteten"
                    | "meldete"
                    | "meldeten"
                    | "reported"
                    | "report"
                    | "reports"
            ) {
                return ("report".into(), t.text.into());
            }
        }
        for t in tokens {
            if lexicon.speech_verbs.contains(&t.lower.as_str())
                && t.lower != "so"
                && t.lower != "laut"
                && t.lower != "according"
            {
                return ("statement".into(), t.text.into());
            }
        }
    }
    ("event".into(), String::new())
}

/// The event named by a compound such as "Kriegsjahr" (→ war).
pub fn event_from_compound(token: &Token, lexicon: &'static Lexicon) -> (String, String) {
    let lower = &token.lower;
    for cut in (3..lower.len()).rev() {
        if !lower.is_char_boundary(cut) {
            continue;
        }
        let head = lower[..cut].trim_end_matches('s');
        if let Some(key) = lexicon.concept(head).filter(|k| EVENT_KEYS.contains(k)) {
            return (key.to_string(), token.text.to_string());
        }
    }
    ("event".into(), token.text.to_string())
}
