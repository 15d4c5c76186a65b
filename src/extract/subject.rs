//! Subjects: what a number counts or which event a time expression belongs to, as a concept
//! key shared by both languages, with casualty predicates kept in the key.

use super::lexicon::{Lexicon, EVENT_KEYS, FRAME_KEYS, PERSON_KEYS};
use super::token::{Token, TokenKind};
use crate::claim::Kind;
use crate::document::Lang;

/// English words that end a noun phrase after a number.
pub(crate) const EN_STOP: &[&str] = &[
    // Adverbs after a figure that ends its phrase ("rose to nine overnight", "12 so far").
    "overnight",
    "now",
    "already",
    "again",
    "still",
    "yet",
    "so",
    "between",
    "among",
    "aged",
    "against",
    "within",
    "through",
    "near",
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
    // "46 clients of a total of £3.2m", "three members of a family": a preposition ends the
    // noun it follows and is never one.
    "of",
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
/// German nouns are capitalized, so inflected lowercase words between number and noun are
/// adjectives; English takes the lexicon's noun within the next words, or else the phrase's last
/// word. Acronyms ("US", "MAX") modify a noun but are none. A casualty predicate near the noun
/// ("verletzt", "killed") turns a count of people into `people_<predicate>`.
pub fn counted(
    tokens: &[Token],
    from: usize,
    hedge_start: usize,
    lexicon: &'static Lexicon,
) -> Option<(String, String, usize)> {
    let mut k = from;
    let mut adjectives = 0;
    let mut noun: Option<(usize, usize, Option<&'static str>)> = None;
    while k < tokens.len() && adjectives <= 3 {
        let t = &tokens[k];
        if t.kind != TokenKind::Word || (lexicon.cardinal)(&t.lower).is_some() {
            break;
        }
        if lexicon.linkers.contains(&t.lower.as_str()) && k == from {
            k += 1;
            continue;
        }
        if let Some((end, key)) = phrase_concept(tokens, k, lexicon) {
            noun = Some((k, end, Some(key)));
            break;
        }
        // "etwa 50 Schwer- und 300 Leichtverletzte": a word cut at a hyphen shares the head of
        // the compound after "und", and so its concept.
        if let Some(key) = shared_head(tokens, k, lexicon) {
            noun = Some((k, k + 1, Some(key)));
            break;
        }
        if let Some(key) = lexicon.concept(&t.lower) {
            if !modifies_next(tokens, k, key, lexicon) {
                noun = Some((k, k + 1, Some(key)));
                break;
            }
            adjectives += 1;
            k += 1;
            continue;
        }
        if is_acronym(t) {
            adjectives += 1;
            k += 1;
            continue;
        }
        match lexicon.lang {
            Lang::De => {
                if t.is_capitalized() {
                    noun = Some((k, k + 1, None));
                    break;
                }
                if lexicon.predicate(&t.lower).is_some() || !looks_like_adjective(&t.lower) {
                    break;
                }
            }
            // "24 degrees Celsius": a name after a lowercase word follows the noun.
            Lang::En
                if t.is_capitalized()
                    && k > from
                    && !tokens[k - 1].is_capitalized()
                    && tokens[k - 1].kind == TokenKind::Word =>
            {
                noun = Some((k - 1, k, None));
                break;
            }
            Lang::En if t.is_capitalized() => {
                // Names modify the noun after them ("24 Boeing 737 jets", "Russian soldiers")
                // and are none themselves ("at 14 Market Street").
                adjectives += 1;
                k += 1;
                if tokens.get(k).is_some_and(|n| n.kind == TokenKind::Number) {
                    k += 1;
                }
                continue;
            }
            Lang::En => {
                if EN_STOP.contains(&t.lower.as_str()) || lexicon.predicate(&t.lower).is_some() {
                    break;
                }
                // "and twelve abstained.": a past tense that ends the clause is the verb of a
                // figure standing for a noun said before, not a noun ("armed men", "the 46
                // needed for a majority" go on).
                let clause_ends = tokens.get(k + 1).is_none_or(|n| n.kind == TokenKind::Punct);
                if k == from && is_past_tense(&t.lower) && clause_ends {
                    break;
                }
                // "workers affected", "people evacuated": a plural before a participle ends it.
                let plural_then_participle = t.lower.ends_with('s')
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.lower.ends_with("ed") || n.lower.ends_with("ing"));
                let next_is_word = !plural_then_participle
                    && tokens.get(k + 1).is_some_and(|n| {
                        n.kind == TokenKind::Word
                            && !EN_STOP.contains(&n.lower.as_str())
                            && lexicon.predicate(&n.lower).is_none()
                            && (lexicon.cardinal)(&n.lower).is_none()
                    });
                if !next_is_word || adjectives == 3 {
                    noun = Some((k, k + 1, None));
                    break;
                }
            }
        }
        adjectives += 1;
        k += 1;
    }
    let predicate = predicate_near(
        tokens,
        noun.map_or(from, |(_, e, _)| e),
        hedge_start,
        lexicon,
    );
    match noun {
        Some((n, end, Some(key))) => {
            let text = tokens[n..end]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ");
            let key = match predicate {
                Some(p) if PERSON_KEYS.contains(&key) => format!("people_{p}"),
                _ => key.to_string(),
            };
            Some((key, text, end))
        }
        Some((n, end, None)) => {
            let word = tokens[n].text;
            // "27 Verdächtige festgenommen", "42 suspected militants detained": whoever the
            // predicate happens to is counted by it; not a place ("held in 16 cities").
            let place = hedge_start.checked_sub(1).is_some_and(|k| {
                lexicon
                    .place_prepositions
                    .contains(&tokens[k].lower.as_str())
            });
            let key = match predicate {
                Some(p) if !place => format!("people_{p}"),
                _ => lexicon.stem(word),
            };
            Some((key, word.to_string(), end))
        }
        None => {
            // "dozens were injured", "zwei starben": the predicate stands in for the noun.
            let p = predicate?;
            Some((format!("people_{p}"), String::new(), from))
        }
    }
}

/// The concept of the compound whose head a word cut at a hyphen shares: "Schwer-" in
/// "Schwer- und Leichtverletzte", "Kurz-" in "Kurz- und Langstreckenflüge".
fn shared_head(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<&'static str> {
    if lexicon.lang != Lang::De || !tokens[k].text.ends_with('-') {
        return None;
    }
    let link = tokens.get(k + 1)?;
    if !matches!(link.lower.as_str(), "und" | "oder" | "bis") {
        return None;
    }
    // The compound may follow a figure of its own ("und 300 Leichtverletzte").
    tokens[k + 2..]
        .iter()
        .take(3)
        .find(|t| t.kind == TokenKind::Word && t.is_capitalized())
        .and_then(|t| lexicon.concept(&t.lower))
}

/// A concept of several words starting at token `k` ("heads of state", "Staats- und
/// Regierungschefs"): its end token and key.
pub(crate) fn phrase_concept(
    tokens: &[Token],
    k: usize,
    lexicon: &'static Lexicon,
) -> Option<(usize, &'static str)> {
    for len in (2..=4).rev() {
        let Some(words) = tokens.get(k..k + len) else {
            continue;
        };
        if words.iter().any(|w| w.kind != TokenKind::Word) {
            continue;
        }
        let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        if let Some(key) = lexicon.concept_phrase(&lower) {
            return Some((k + len, key));
        }
    }
    None
}

/// A concept of several words ending at token `k` ("pay rise", "consumer prices"): its key.
fn phrase_concept_ending(
    tokens: &[Token],
    k: usize,
    lexicon: &'static Lexicon,
) -> Option<&'static str> {
    (2..=3).rev().find_map(|len| {
        let words = tokens.get((k + 1).checked_sub(len)?..=k)?;
        if words.iter().any(|w| w.kind != TokenKind::Word) {
            return None;
        }
        let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        lexicon.concept_phrase(&lower)
    })
}

/// Whether the English noun at `k`, singular, modifies the plural noun after it ("40,000 train
/// drivers", "40 percent of hospital beds"): then that noun is what is counted. German joins
/// such nouns into one word. People ("people", "staff", "15 injured persons") and spans of time
/// are heads.
pub(crate) fn modifies_next(
    tokens: &[Token],
    k: usize,
    key: &str,
    lexicon: &'static Lexicon,
) -> bool {
    if lexicon.lang != Lang::En
        || tokens[k].lower.ends_with('s')
        || PERSON_KEYS.contains(&key)
        || key.starts_with("people_")
        || lexicon.predicate(&tokens[k].lower).is_some()
        || lexicon.time_unit(&tokens[k].lower).is_some()
    {
        return false;
    }
    tokens.get(k + 1).is_some_and(|n| {
        n.kind == TokenKind::Word
            && !n.is_capitalized()
            && n.lower.ends_with('s')
            && !n.lower.ends_with("ss")
            && n.lower.chars().count() > 3
            && !EN_STOP.contains(&n.lower.as_str())
            && lexicon.predicate(&n.lower).is_none()
            && (lexicon.cardinal)(&n.lower).is_none()
    })
}

/// "US", "MAX", "StR": letters in capitals, a name or code rather than a counted noun.
fn is_acronym(t: &Token) -> bool {
    let letters = t.text.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower, mut upper_inside) = (0, 0, false);
    for (n, c) in letters.enumerate() {
        if c.is_uppercase() {
            upper += 1;
            upper_inside |= n > 0;
        } else {
            lower += 1;
        }
    }
    upper >= 2 && lower == 0 || (upper_inside && t.text.len() <= 4 && !t.text.contains('-'))
}

/// An English past tense by its ending ("abstained", "voted"; not "speed", "bed").
fn is_past_tense(word: &str) -> bool {
    word.ends_with("ed") && !word.ends_with("eed") && word.chars().count() > 4
}

/// German attributive adjectives and participles carry an ending ("neue", "mutmaßlichen",
/// "deutsche"); a bare verb or adverb ("traf", "erst", "rund") ends the noun phrase.
fn looks_like_adjective(word: &str) -> bool {
    ["e", "en", "er", "es", "em"]
        .iter()
        .any(|e| word.ends_with(e))
        && word.chars().count() > 3
}

/// A casualty predicate for the counted noun: one after the noun within its clause, else the
/// verb before the hedge whose object or inverted subject the count is ("killed a man",
/// "detained 42 militants", "dabei starben nach neuen Angaben mindestens 52 Menschen").
fn predicate_near(
    tokens: &[Token],
    after: usize,
    hedge_start: usize,
    lexicon: &'static Lexicon,
) -> Option<&'static str> {
    // Another figure starts another count ("eines Sprechers" is an article, not one), and so
    // do a clause's punctuation and a conjunction.
    let ends_count = |t: &Token| {
        let figure = (lexicon.cardinal)(&t.lower).is_some()
            && !lexicon.article_ones.contains(&t.lower.as_str());
        t.kind == TokenKind::Number
            || (t.kind == TokenKind::Punct && !t.is_punct("-"))
            || figure
            || matches!(
                t.lower.as_str(),
                "and" | "und" | "or" | "oder" | "but" | "aber" | "while" | "während" | "sowie"
            )
    };
    // Within the noun's own clause first: "four people were hurt", "dozens were injured".
    let mut k = after;
    while k < tokens.len() && k < after + lexicon.predicate_reach {
        if ends_count(&tokens[k]) {
            break;
        }
        if let Some(p) = predicate_at(tokens, k, lexicon) {
            return Some(p);
        }
        if let Some(p) = separable_predicate(tokens, k, lexicon) {
            return Some(p);
        }
        k += 1;
    }
    // Then the verb before: "killed at least 12 people", "injuring 30"; in German the verb
    // of an inverted clause may stand further back.
    for back in 1..=lexicon.predicate_reach_before {
        let Some(j) = hedge_start.checked_sub(back) else {
            break;
        };
        if let Some(p) = lexicon.predicate(&tokens[j].lower) {
            return Some(p);
        }
        if ends_count(&tokens[j]) {
            break;
        }
    }
    None
}

/// The casualty predicate of one, two or three words that starts at `k` ("verletzt", "ums
/// Leben", "lost their lives").
fn predicate_at(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<&'static str> {
    let mut words = tokens[k].lower.to_string();
    if let Some(p) = lexicon.predicate(&words) {
        return Some(p);
    }
    for next in tokens.iter().skip(k + 1).take(2) {
        if next.kind == TokenKind::Punct {
            break;
        }
        words.push(' ');
        words.push_str(&next.lower);
        if let Some(p) = lexicon.predicate(&words) {
            return Some(p);
        }
    }
    None
}

/// "Die Polizei nahm elf Personen fest": a separable verb's particle at `k`, ending its clause,
/// with the verb earlier in the sentence.
fn separable_predicate(
    tokens: &[Token],
    k: usize,
    lexicon: &'static Lexicon,
) -> Option<&'static str> {
    separable_at(tokens, k, lexicon.separable_predicates)
}

/// The meaning of a separable verb whose particle stands at `k`, ending its clause, with one of
/// its verb forms earlier in the sentence ("nahm elf Personen fest", "kamen in Brüssel
/// zusammen").
fn separable_at(
    tokens: &[Token],
    k: usize,
    table: &'static [(&'static str, &'static [&'static str], &'static str)],
) -> Option<&'static str> {
    table.iter().find_map(|&(particle, verbs, predicate)| {
        let words = particle.split(' ').count();
        let at = tokens.get(k..k + words)?;
        // The particle's words, then the clause's end, then a verb form before: cheapest first.
        let particle_here = particle.split(' ').zip(at).all(|(word, t)| t.lower == word);
        let ends_clause = || {
            tokens
                .get(k + words)
                .is_none_or(|t| t.kind == TokenKind::Punct)
        };
        let verb_before = || {
            tokens[..k]
                .iter()
                .any(|t| verbs.contains(&t.lower.as_str()))
        };
        (particle_here && ends_clause() && verb_before()).then_some(predicate)
    })
}

/// How many words before a figure a noun of its own may stand.
const NOUN_REACH: usize = 12;

/// How many words before a figure a figure noun may stand ("The death toll in the fire that
/// ravaged a London tower block last week has risen to 79").
const FIGURE_NOUN_REACH: usize = 20;

/// The tokens of the clause before `at`, nearest first, at most [`FIGURE_NOUN_REACH`] of them.
/// A relative clause set off by commas is stepped over: "Die Zahl der Menschen, die bei dem
/// Hochwasser ums Leben kamen, ist auf 141 gestiegen".
fn clause_before(tokens: &[Token], at: usize, lexicon: &'static Lexicon) -> Vec<usize> {
    // Marks that end a clause or a quote; signs ("£", "%") and hyphens do not.
    let stops = super::time::is_clause_boundary;
    let mut out = Vec::new();
    let mut k = at;
    while k > 0 && out.len() < FIGURE_NOUN_REACH {
        k -= 1;
        if stops(&tokens[k]) {
            // The comma that closes a relative clause: go on before the comma that opens it.
            let open = (k.saturating_sub(FIGURE_NOUN_REACH)..k)
                .rev()
                .find(|&j| stops(&tokens[j]))
                .filter(|&j| {
                    tokens[k].is_punct(",") && relative_clause_at(tokens, j, lexicon).is_some()
                });
            match open {
                Some(j) => {
                    k = j;
                    continue;
                }
                None => break,
            }
        }
        out.push(k);
    }
    out
}

/// Where the words of a relative clause start, when the comma at `k` opens one (", die …",
/// ", who …").
fn relative_clause_at(tokens: &[Token], k: usize, lexicon: &'static Lexicon) -> Option<usize> {
    let pronoun = tokens.get(k + 1)?;
    (tokens[k].is_punct(",") && lexicon.relative_pronouns.contains(&pronoun.lower.as_str()))
        .then_some(k + 2)
}

/// The noun a figure standing alone belongs to, named before it in its clause: "Die Zahl der
/// Toten stieg auf 62" (→ the dead), "the death toll rose to 17", "NHS waiting lists stand at
/// 7.5 million". A known concept wins over the nearest unknown noun.
///
/// The flag says whether a figure noun named it ("Zahl", "toll"): then even a small figure
/// after it is a count ("die Zahl der Toten stieg auf sieben").
pub fn noun_before(
    tokens: &[Token],
    at: usize,
    lexicon: &'static Lexicon,
) -> Option<(String, String, bool)> {
    let mut nearest: Option<usize> = None;
    let clause = clause_before(tokens, at, lexicon);
    let is_figure_noun = |t: &Token| lexicon.figure_nouns.iter().any(|(w, _)| *w == t.lower);
    // "The death toll from Monday's earthquake has climbed to 312": a figure noun in the
    // clause says what the figure is of, before any nearer noun.
    let figure_noun_ahead = clause.iter().any(|&k| is_figure_noun(&tokens[k]));
    for (steps, &k) in clause.iter().enumerate() {
        let t = &tokens[k];
        if t.kind != TokenKind::Word {
            continue;
        }
        // Beyond the reach of other nouns, only a figure noun names the figure.
        if steps >= NOUN_REACH && !is_figure_noun(t) {
            continue;
        }
        if let Some((_, key)) = lexicon.figure_nouns.iter().find(|(w, _)| *w == t.lower) {
            if let Some(key) = key {
                return Some((key.to_string(), t.text.to_string(), true));
            }
            let mut words = (k + 1..at)
                .filter(|&j| tokens[j].kind == TokenKind::Word)
                .peekable();
            // "the number killed": a predicate right after says which people.
            if let Some(&j) = words.peek() {
                if let Some(p) = lexicon.predicate(&tokens[j].lower) {
                    return Some((format!("people_{p}"), tokens[j].text.to_string(), true));
                }
            }
            // "Zahl der Toten", "number of dead": the noun after its linking word.
            let linking = |j: usize| {
                let w = tokens[j].lower.as_str();
                lexicon.linkers.contains(&w)
                    || lexicon.partitive_links.contains(&w)
                    || lexicon.articles.contains(&w)
            };
            if words.peek().is_some_and(|&j| linking(j)) {
                words.next();
            }
            let mut after = words.take(2).peekable();
            // "put the figure at 40,000": no noun after it, so it names nothing of its own
            // and the figure counts what was counted before.
            if after.peek().is_none() {
                return None;
            }
            for j in after {
                let n = &tokens[j];
                if let Some(key) = lexicon.concept(&n.lower) {
                    // "the number of people killed", "die Zahl der Menschen, die … ums Leben
                    // kamen": the predicate after, or in the relative clause after, says which
                    // people.
                    let predicate = tokens
                        .get(j + 1)
                        .and_then(|p| lexicon.predicate(&p.lower))
                        .or_else(|| {
                            let relative = relative_clause_at(tokens, j + 1, lexicon)?;
                            predicate_near(tokens, relative, relative, lexicon)
                        });
                    let key = match predicate {
                        Some(p) if PERSON_KEYS.contains(&key) => format!("people_{p}"),
                        _ => key.to_string(),
                    };
                    return Some((key, n.text.to_string(), true));
                }
                if n.is_capitalized() || lexicon.lang == Lang::En {
                    return Some((lexicon.stem(n.text), n.text.to_string(), true));
                }
            }
            continue;
        }
        // Events and spans of time ("im vergangenen Jahr") frame a figure; they are not what
        // it measures.
        if lexicon.time_unit(&t.lower).is_some() {
            continue;
        }
        // "a pay rise of 4.5 per cent", "consumer prices rose 2.4%": a concept of several words
        // that ends here outranks its last word alone.
        let phrase = phrase_concept_ending(tokens, k, lexicon);
        if let Some(key) = phrase.or_else(|| lexicon.concept(&t.lower)) {
            if !figure_noun_ahead
                && !EVENT_KEYS.contains(&key)
                && !matches!(key, "year" | "month" | "week" | "day")
            {
                // "Zahl der Toten": the figure noun stands just before the noun it names.
                let figure = tokens[k.saturating_sub(2)..k]
                    .iter()
                    .any(|w| lexicon.figure_nouns.iter().any(|(f, _)| *f == w.lower));
                return Some((key.to_string(), t.text.to_string(), figure));
            }
            continue;
        }
        let noun_like = match lexicon.lang {
            Lang::De => t.is_capitalized() && k > 0,
            Lang::En => {
                !EN_STOP.contains(&t.lower.as_str())
                    && !t.is_capitalized()
                    && t.lower.ends_with('s')
            }
        };
        if noun_like
            && nearest.is_none()
            && lexicon.month(&t.lower).is_none()
            && lexicon.weekday(&t.lower).is_none()
        {
            nearest = Some(k);
        }
    }
    nearest.map(|n| {
        (
            lexicon.stem(tokens[n].text),
            tokens[n].text.to_string(),
            false,
        )
    })
}

/// The event a time expression or unnumbered ordinal belongs to: the nearest event noun or
/// event verb in the sentence, else the speech or report verb ("statement", "report"), else
/// "event".
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
            // "zum zweiten Mal in dieser Saison", "for the third time this season": the current
            // season is the frame the event happens in, not the event.
            let current = k > 0 && lexicon.this_words.contains(&tokens[k - 1].lower.as_str());
            if current && FRAME_KEYS.contains(&key) {
                continue;
            }
            let mut key = labour_or_military(key, &t.lower, tokens, lexicon);
            // "prison terms", "jail term": a term served is a sentence.
            let served = k > 0
                && lexicon
                    .sentence_words
                    .contains(&tokens[k - 1].lower.as_str());
            if key == "term" && served {
                key = "sentence";
            }
            if matches!(kind, Kind::EventAge | Kind::Duration) {
                key = lasting(key, &t.lower, lexicon);
            }
            let distance = k.abs_diff(at);
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, key, t.text));
            }
        }
    }
    // A verb may name the event ("met for the fifth time", "tagte", "walked out on March 10"):
    // the nearer of noun and verb wins, the noun on a tie.
    for (k, t) in tokens.iter().enumerate() {
        if let Some((_, key)) = lexicon.event_verbs.iter().find(|(v, _)| *v == t.lower) {
            let distance = k.abs_diff(at);
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, key, t.text));
            }
        }
    }
    // "Die Außenminister kamen am Montag in Brüssel zusammen": a separable verb's particle.
    for k in 0..tokens.len() {
        if let Some(key) = separable_at(tokens, k, lexicon.separable_events) {
            let distance = k.abs_diff(at);
            if best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((distance, key, tokens[k].text));
            }
        }
    }
    if let Some((_, key, text)) = best {
        return (key.to_string(), text.to_string());
    }
    if kind == Kind::Date {
        for t in tokens {
            if lexicon.report_verbs.contains(&t.lower.as_str()) {
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

/// A "round" numbers talks, or a round of voting when the sentence speaks of an election
/// ("the incumbent won the second round with 54 percent").
fn talks_or_election(
    key: &'static str,
    word: &str,
    tokens: &[Token],
    lexicon: &'static Lexicon,
) -> &'static str {
    let round = key == "talks" && lexicon.round_words.contains(&word);
    let election = || {
        tokens.iter().any(|t| {
            lexicon
                .election_words
                .iter()
                .any(|w| t.lower.starts_with(w))
        })
    };
    if round && election() {
        "election"
    } else {
        key
    }
}

/// "Strike" is a labour strike when the sentence speaks of work ("union", "pay") or someone is
/// "on strike", a military attack when it speaks of weapons or casualties ("drone", "killed"),
/// and a labour strike otherwise. A "round" is told from a round of voting first.
pub fn labour_or_military(
    key: &'static str,
    word: &str,
    tokens: &[Token],
    lexicon: &'static Lexicon,
) -> &'static str {
    let key = talks_or_election(key, word, tokens, lexicon);
    if key != "attack" || !is_strike_word(word, lexicon) {
        return key;
    }
    // "the workers are on strike", "went on strike": only a labour strike is stood on.
    let stood_on = tokens
        .windows(2)
        .any(|w| w[0].lower == "on" && is_strike_word(&w[1].lower, lexicon));
    let labour = tokens
        .iter()
        .any(|t| lexicon.labour_words.iter().any(|w| t.lower.starts_with(w)));
    let military = tokens
        .iter()
        .any(|t| lexicon.military_words.contains(&t.lower.as_str()));
    if stood_on || labour || !military {
        "strike"
    } else {
        key
    }
}

/// The event of something that lasts ("now in its third week", "after seven weeks of
/// strikes"): a strike that lasts is a labour strike, as a military strike is over in a moment.
pub fn lasting(key: &'static str, word: &str, lexicon: &Lexicon) -> &'static str {
    if key == "attack" && is_strike_word(word, lexicon) {
        "strike"
    } else {
        key
    }
}

fn is_strike_word(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.strike_words.iter().any(|w| word.starts_with(w))
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
