//! Whether a sentence may state a claim at all, found before its words are scanned.
//!
//! Most sentences of a news text state no figure and no date. Every claim needs at least one
//! of a few kinds of word, all read from the [`Lexicon`]:
//!
//! - a time word: a month, a weekday, a weekend, a day word ("gestern", "tomorrow") or a
//!   calendar unit ("Wochen", "years", the "jahr" of "Kriegsjahr");
//! - a casualty word, which makes a mere article a count ("ein Mensch wurde getötet", "a
//!   soldier was killed"): a predicate or a noun whose concept counts casualties;
//! - or, among the sentence's tokens, a figure: digits, an ordinal, a currency sign, or a
//!   quantity that is more than an article ([`quantity_at`] says so, hedges included).
//!
//! The words of the first two kinds are found in the sentence's text by one automaton per
//! language, as substrings so that compounds ("Dienstagabend", "Todesopfer") count; only the
//! third needs the tokens. A sentence with none of them is passed over.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::lexicon::Lexicon;
use super::quantity::{may_start_quantity, quantity_at};
use super::token::{Token, TokenKind};
use crate::claim::Qualifier;
use crate::config::Hedges;
use crate::document::Lang;

/// What the words found in a sentence say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A time or casualty word: the sentence is scanned.
    Scan,
    /// Only words that may make a figure (number words, vague words, scale words, hedges that
    /// make an article a number): the tokens must show one ([`has_figure`]).
    MayHoldFigure,
    /// None of the words: no claim, and no figure but digits.
    Nothing,
}

/// The anchor words of one language.
struct Anchors {
    automaton: AhoCorasick,
    /// Per pattern: where in a word it may stand, as the scanners look it up.
    bounds: Vec<Bound>,
    /// Per pattern: whether it is a time or casualty word on its own.
    scans: Vec<bool>,
    /// Sets of patterns that together may make a figure ("at least", "mehr als").
    figures: Vec<Vec<usize>>,
}

/// Where in a word an anchor may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Bound {
    /// Anywhere: the end of a compound ("todesopfer" in "Flutopfer"), German number parts.
    Anywhere,
    /// At its start: a weekday before a part of the day ("Dienstagabend"), a noun stem
    /// before its ending.
    Start,
    /// At its end: a calendar unit after an event ("Kriegsjahr").
    End,
    /// As the whole word: months ("mar" is in "market"), day words, predicates.
    Whole,
}

/// The automaton's words as they are gathered, each once.
#[derive(Default)]
struct Patterns {
    list: Vec<(String, Bound)>,
    ids: std::collections::HashMap<(String, Bound), usize>,
}

impl Patterns {
    /// The number of a word standing so, added when new.
    fn id(&mut self, word: &str, bound: Bound) -> usize {
        let key = (word.to_lowercase(), bound);
        if let Some(&k) = self.ids.get(&key) {
            return k;
        }
        self.list.push(key.clone());
        self.ids.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }
}

/// At most this many patterns, so that a sentence's matches fit a bit set on the stack.
const MAX_PATTERNS: usize = 64 * 32;

impl Anchors {
    fn build(lexicon: &'static Lexicon) -> Anchors {
        use Bound::{Anywhere, End, Start, Whole};
        // The longest word of a phrase: every word of it must be there, and the longest is
        // the rarest.
        fn longest(phrase: &str) -> &str {
            phrase.split(' ').max_by_key(|w| w.len()).unwrap_or(phrase)
        }
        let mut patterns = Patterns::default();
        let mut scans: Vec<bool> = Vec::new();
        let mut figures: Vec<Vec<usize>> = Vec::new();
        let mut scan = |word: &str, bound: Bound, patterns: &mut Patterns| {
            let k = patterns.id(word, bound);
            scans.resize(patterns.list.len(), false);
            scans[k] = true;
        };
        let p = &mut patterns;
        // Time words. Months are looked up as whole tokens (or after "Mitte-", "mid-").
        for (month, _) in lexicon.months {
            scan(month.trim_end_matches('.'), Whole, p);
        }
        for (day, _) in lexicon.weekdays {
            scan(day, Start, p);
        }
        for word in lexicon.weekend_words {
            scan(word, Whole, p);
        }
        for (phrase, _) in lexicon.relative_days {
            scan(longest(phrase), Whole, p);
        }
        for (unit, _) in lexicon.time_units {
            scan(unit, End, p);
        }
        for unit in lexicon.plural_units {
            scan(unit, End, p);
        }
        // A duration said as one adjective ("four-day", "dreitägige").
        for (unit, _) in lexicon.unit_adjectives {
            scan(unit, Anywhere, p);
        }
        // Casualty words: predicates, separable ones, and nouns that count casualties.
        for (phrase, _) in lexicon.predicates {
            scan(longest(phrase), Whole, p);
        }
        for (particle, _, _) in lexicon.separable_predicates {
            scan(longest(particle), Whole, p);
        }
        for (stem, key) in lexicon.concepts {
            if key.starts_with("people_") {
                match stem.strip_prefix('*') {
                    Some(compound) => scan(compound, Anywhere, p),
                    None if stem.contains(' ') => scan(longest(stem), Anywhere, p),
                    None => scan(stem, Start, p),
                }
            }
        }
        for (noun, key) in lexicon.figure_nouns {
            if key.is_some_and(|k| k.starts_with("people_")) {
                scan(noun, Anywhere, p);
            }
        }
        // Words that may make a figure. Number words: German ones inside compounds, English
        // ones whole or around a hyphen ("thirty-one"). An article alone is no figure.
        let mut figure = |words: &[&str], bound: Bound, patterns: &mut Patterns| {
            let set = words.iter().map(|w| patterns.id(w, bound)).collect();
            figures.push(set);
        };
        let number_bound = match lexicon.lang {
            Lang::De => Anywhere,
            Lang::En => Whole,
        };
        for part in (lexicon.number_parts)() {
            if !lexicon.article_ones.contains(&part) {
                figure(&[part], number_bound, p);
            }
        }
        for (scale, _) in lexicon.scales {
            figure(&[scale], Whole, p);
        }
        // "half a million" (see `quantity::number_at`).
        figure(&["half"], Whole, p);
        // Vague words of both languages: configured overrides apply to both lists.
        for other in [Lang::De, Lang::En] {
            for (phrase, _, _) in Lexicon::of(other).vague {
                figure(&[longest(phrase)], Whole, p);
            }
        }
        for (phrase, _) in lexicon.exact_phrases {
            figure(&[longest(phrase)], Whole, p);
        }
        for &(sign, _) in lexicon.currencies {
            if sign.chars().count() == 1 && !sign.chars().all(char::is_alphanumeric) {
                figure(&[sign], Anywhere, p);
            }
        }
        // Hedges that make an article a number ("mindestens ein", "more than a"), and any
        // hedge before a point or sign before it ("ca. ein").
        for &(phrase, qualifier) in lexicon.hedges {
            let words: Vec<&str> = phrase.split(' ').collect();
            if words.len() > 1 || matches!(qualifier, Qualifier::AtLeast | Qualifier::AtMost) {
                figure(&words, Whole, p);
            }
            let last = words.last().copied().unwrap_or(phrase);
            figure(&[&format!("{last}.")], Anywhere, p);
        }
        // Unicode's last white space character is U+3000.
        for space in '\0'..='\u{3000}' {
            if space.is_whitespace() {
                figure(&[&format!("{space}.")], Anywhere, p);
            }
        }
        let patterns = patterns.list;
        scans.resize(patterns.len(), false);
        assert!(patterns.len() <= MAX_PATTERNS, "too many anchor words");
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|(w, _)| w.as_str()))
            .expect("the lexicon's words make an automaton");
        Anchors {
            automaton,
            bounds: patterns.iter().map(|(_, bound)| *bound).collect(),
            scans,
            figures,
        }
    }

    fn of(lang: Lang) -> &'static Anchors {
        static DE: LazyLock<Anchors> = LazyLock::new(|| Anchors::build(Lexicon::of(Lang::De)));
        static EN: LazyLock<Anchors> = LazyLock::new(|| Anchors::build(Lexicon::of(Lang::En)));
        match lang {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    /// What the words of `text` say about it.
    fn verdict(&self, text: &str) -> Verdict {
        // Tokens are compared lowercased. The automaton ignores ASCII case, so only text with
        // an uppercase letter outside ASCII ("ÜBERMORGEN", "Ärzte") needs a lowercase copy.
        let lowered;
        let text = if text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && c.is_uppercase()) {
            text
        } else {
            lowered = text.to_lowercase();
            lowered.as_str()
        };
        let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut found = [0u64; MAX_PATTERNS / 64];
        let mut any = false;
        for m in self.automaton.find_overlapping_iter(text) {
            let k = m.pattern().as_usize();
            let starts = || !is_word_char(text[..m.start()].chars().next_back());
            let ends = || !is_word_char(text[m.end()..].chars().next());
            let stands = match self.bounds[k] {
                Bound::Anywhere => true,
                Bound::Start => starts(),
                Bound::End => ends(),
                Bound::Whole => starts() && ends(),
            };
            if stands {
                if self.scans[k] {
                    return Verdict::Scan;
                }
                found[k / 64] |= 1 << (k % 64);
                any = true;
            }
        }
        let has = |k: &usize| found[k / 64] & (1 << (k % 64)) != 0;
        if any && self.figures.iter().any(|set| set.iter().all(has)) {
            Verdict::MayHoldFigure
        } else {
            Verdict::Nothing
        }
    }
}

/// What a sentence's words say about it, found without tokenizing it.
pub fn verdict(lang: Lang, text: &str) -> Verdict {
    Anchors::of(lang).verdict(text)
}

/// Whether a sentence's tokens hold a figure: digits, an ordinal, a currency sign, a figure
/// said as an adjective ("five-member"), or a quantity that is more than an article.
pub fn has_figure(tokens: &[Token], lexicon: &'static Lexicon, hedges: &Hedges) -> bool {
    (0..tokens.len()).any(|i| {
        let t = &tokens[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => lexicon.currency(&t.lower).is_some(),
            TokenKind::Word => {
                t.text.bytes().any(|b| b.is_ascii_digit())
                    || (lexicon.ordinal)(&t.lower).is_some()
                    || lexicon.count_adjective(&t.lower).is_some()
                    || may_start_quantity(t, lexicon)
                        && quantity_at(tokens, i, lexicon, hedges).is_some_and(|q| !q.weak)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn time_and_casualty_words_inside_compounds_and_in_any_case() {
        for (lang, text, found) in [
            (Lang::De, "Am Dienstagabend kam es zu Protesten.", true),
            (Lang::De, "ÜBERMORGEN beginnt die Sitzung.", true),
            (Lang::De, "Die Entscheidung fällt im MÄRZ.", true),
            (
                Lang::De,
                "Im dritten Kriegsjahr wird weiter verhandelt.",
                true,
            ),
            (Lang::De, "Ein Mensch wurde getötet.", true),
            (Lang::De, "Die Zahl der Todesopfer ist unklar.", true),
            (Lang::De, "Mitte-März wird entschieden.", true),
            (Lang::De, "Die Sprecherin bat um Geduld.", false),
            (Lang::En, "A soldier was killed.", true),
            (Lang::En, "Talks resume in MARCH.", true),
            (Lang::En, "Prices at the market rose.", false),
            (Lang::En, "The mayor spoke of a difficult situation.", false),
        ] {
            assert_eq!(verdict(lang, text) == Verdict::Scan, found, "{text}");
        }
    }

    #[test]
    fn words_that_may_make_a_figure() {
        use Verdict::{MayHoldFigure, Nothing};
        for (lang, text, want) in [
            (Lang::De, "Eine Sprecherin bat um Geduld.", Nothing),
            (Lang::De, "Einundzwanzig Häuser brannten.", MayHoldFigure),
            (Lang::De, "Mehr als ein Haus brannte.", MayHoldFigure),
            (Lang::De, "Mehr Häuser als ein Dorf hat.", MayHoldFigure),
            (Lang::De, "Es brannte ca. ein Haus.", MayHoldFigure),
            (Lang::De, "Mehr Geld gab es nicht.", Nothing),
            (Lang::En, "A spokeswoman asked for patience.", Nothing),
            (Lang::En, "Thirty-one houses burned.", MayHoldFigure),
            (Lang::En, "At least a house burned.", MayHoldFigure),
            (Lang::En, "It cost a million euros.", MayHoldFigure),
            (Lang::En, "Often the tension rose.", Nothing),
        ] {
            assert_eq!(verdict(lang, text), want, "{text}");
        }
    }

    #[test]
    fn figures_are_more_than_articles() {
        let de = Lexicon::of(Lang::De);
        let en = Lexicon::of(Lang::En);
        let hedges = Hedges::default();
        for (lexicon, text, found) in [
            (de, "Eine Sprecherin bat um Geduld.", false),
            (de, "Mindestens ein Haus brannte ab.", true),
            (de, "Ein Dutzend Häuser brannten ab.", true),
            (de, "Zwölf Häuser brannten ab.", true),
            (de, "Das dritte Treffen begann.", true),
            (en, "A spokeswoman asked for patience.", false),
            (en, "Several houses burned down.", true),
            (en, "At least a dozen houses burned down.", true),
            (en, "It costs €5.", true),
            (en, "The 3rd round began.", true),
        ] {
            let tokens = tokenize(text);
            assert_eq!(has_figure(&tokens, lexicon, &hedges), found, "{text}");
        }
    }
}
