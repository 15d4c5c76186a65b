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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::lexicon::Lexicon;
use super::quantity::{may_start_quantity, quantity_at};
use super::token::{Token, TokenKind};
use crate::config::Hedges;
use crate::document::Lang;

/// The time and casualty words of one language.
struct Anchors {
    automaton: AhoCorasick,
    /// Per pattern: where in a word it may stand, as the scanners look it up.
    bounds: Vec<Bound>,
}

/// Where in a word an anchor may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bound {
    /// Anywhere: the end of a compound's first part ("todesopfer" in "Flutopfer" is not).
    Anywhere,
    /// At its start: a weekday before a part of the day ("Dienstagabend"), a noun stem
    /// before its ending.
    Start,
    /// At its end: a calendar unit after an event ("Kriegsjahr").
    End,
    /// As the whole word: months ("mar" is in "market"), day words, predicates.
    Whole,
}

impl Anchors {
    fn build(lexicon: &'static Lexicon) -> Anchors {
        // The longest word of a phrase: every word of it must be there, and the longest is
        // the rarest.
        fn longest(phrase: &str) -> &str {
            phrase.split(' ').max_by_key(|w| w.len()).unwrap_or(phrase)
        }
        let mut words: Vec<(String, Bound)> = Vec::new();
        let mut add = |word: &str, bound: Bound| {
            let word = word.to_lowercase();
            if !word.is_empty() {
                words.push((word, bound));
            }
        };
        use Bound::{Anywhere, End, Start, Whole};
        // Time words. Months are looked up as whole tokens (or after "Mitte-", "mid-").
        for (month, _) in lexicon.months {
            add(month.trim_end_matches('.'), Whole);
        }
        for (day, _) in lexicon.weekdays {
            add(day, Start);
        }
        for word in lexicon.weekend_words {
            add(word, Whole);
        }
        for (phrase, _) in lexicon.relative_days {
            add(longest(phrase), Whole);
        }
        for (unit, _) in lexicon.time_units {
            add(unit, End);
        }
        for unit in lexicon.plural_units {
            add(unit, End);
        }
        // Casualty words: predicates, separable ones, and nouns that count casualties.
        for (phrase, _) in lexicon.predicates {
            add(longest(phrase), Whole);
        }
        for (particle, _, _) in lexicon.separable_predicates {
            add(longest(particle), Whole);
        }
        for (stem, key) in lexicon.concepts {
            if key.starts_with("people_") {
                match stem.strip_prefix('*') {
                    Some(compound) => add(compound, Anywhere),
                    None if stem.contains(' ') => add(longest(stem), Anywhere),
                    None => add(stem, Start),
                }
            }
        }
        for (noun, key) in lexicon.figure_nouns {
            if key.is_some_and(|k| k.starts_with("people_")) {
                add(noun, Anywhere);
            }
        }
        words.sort();
        words.dedup();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|(w, _)| w.as_str()))
            .expect("the lexicon's words make an automaton");
        Anchors {
            automaton,
            bounds: words.iter().map(|(_, bound)| *bound).collect(),
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

    /// Whether `text` holds one of the words.
    fn found_in(&self, text: &str) -> bool {
        // Tokens are compared lowercased; ASCII text needs no copy for that.
        let lowered;
        let text = if text.is_ascii() {
            text
        } else {
            lowered = text.to_lowercase();
            lowered.as_str()
        };
        let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.automaton.find_overlapping_iter(text).any(|m| {
            let starts = || !is_word_char(text[..m.start()].chars().next_back());
            let ends = || !is_word_char(text[m.end()..].chars().next());
            match self.bounds[m.pattern().as_usize()] {
                Bound::Anywhere => true,
                Bound::Start => starts(),
                Bound::End => ends(),
                Bound::Whole => starts() && ends(),
            }
        })
    }
}

/// Whether a sentence's text holds a time or casualty word, without tokenizing it.
pub fn has_time_or_casualty_word(lang: Lang, text: &str) -> bool {
    Anchors::of(lang).found_in(text)
}

/// Whether a sentence's tokens hold a figure: digits, an ordinal, a currency sign, or a
/// quantity that is more than an article.
pub fn has_figure(tokens: &[Token], lexicon: &'static Lexicon, hedges: &Hedges) -> bool {
    (0..tokens.len()).any(|i| {
        let t = &tokens[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => lexicon.currency(&t.lower).is_some(),
            TokenKind::Word => {
                t.text.bytes().any(|b| b.is_ascii_digit())
                    || (lexicon.ordinal)(&t.lower).is_some()
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
            assert_eq!(has_time_or_casualty_word(lang, text), found, "{text}");
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
