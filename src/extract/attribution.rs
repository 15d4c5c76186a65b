//! Attribution: who says a claim, when it stands in a quote ("…", so Macron) or in reported
//! speech (Selenskyj erklärte, …; …, said Starmer).

use super::lexicon::Lexicon;
use super::token::{tokenize, Token, TokenKind};
use crate::document::Lang;
use crate::segment::Sentence;

/// The quoted stretches of a text and their speakers.
#[derive(Debug, Default)]
pub struct Quotes {
    /// (start, end, speaker) in text offsets.
    spans: Vec<(usize, usize, Option<String>)>,
}

fn is_open(c: char, lang: Lang) -> bool {
    match lang {
        Lang::De => matches!(c, '„' | '»' | '"'),
        Lang::En => matches!(c, '“' | '"' | '«'),
    }
}

fn closes(open: char, c: char, lang: Lang) -> bool {
    match (lang, open) {
        (Lang::De, '„') => matches!(c, '“' | '"' | '”'),
        (Lang::De, '»') => c == '«',
        (Lang::En, '“') => matches!(c, '”' | '"'),
        (_, '«') => c == '»',
        _ => c == open,
    }
}

impl Quotes {
    /// Finds quotes (which may run over several sentences) and names their speakers.
    pub fn find(text: &str, sentences: &[Sentence], lang: Lang) -> Quotes {
        let lexicon = Lexicon::of(lang);
        let mut spans = Vec::new();
        let mut open: Option<(usize, char)> = None;
        for (i, c) in text.char_indices() {
            match open {
                None if is_open(c, lang) => open = Some((i, c)),
                Some((start, o)) if closes(o, c, lang) => {
                    spans.push((start, i + c.len_utf8(), None));
                    open = None;
                }
                Some((start, _)) if c == '\n' && text[i..].starts_with("\n\n") => {
                    // A paragraph ends an unclosed quote.
                    spans.push((start, i, None));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((start, _)) = open {
            spans.push((start, text.len(), None));
        }
        // Speakers: after the closing quote in its sentence, else before the opening one.
        let mut last_speaker: Option<String> = None;
        for span in &mut spans {
            let sentence_of = |at: usize| {
                sentences
                    .iter()
                    .find(|s| s.start <= at && at < s.end.max(s.start + 1))
            };
            let mut speaker = None;
            if let Some(s) = sentence_of(span.1.saturating_sub(1)) {
                let after = &text[span.1.min(s.end)..s.end];
                speaker = speaker_after(after, lexicon);
            }
            if speaker.is_none() {
                if let Some(s) = sentence_of(span.0) {
                    let before = &text[s.start..span.0];
                    speaker = speaker_before(before, lexicon);
                }
            }
            if speaker.is_none() {
                speaker = last_speaker.clone();
            }
            last_speaker = speaker.clone();
            span.2 = speaker;
        }
        Quotes { spans }
    }

    /// The speaker of a claim at text offset `at` in `sentence`: a quote's speaker, or the
    /// subject of a speech verb whose reported clause holds the claim.
    pub fn speaker_at(
        &self,
        at: usize,
        sentence: &Sentence,
        sentence_text: &str,
        lexicon: &'static Lexicon,
    ) -> Option<String> {
        if let Some((_, _, speaker)) = self.spans.iter().find(|(s, e, _)| *s <= at && at < *e) {
            return speaker.clone();
        }
        reported_speaker(sentence_text, at - sentence.start, lexicon)
    }
}

fn is_name(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.is_capitalized()
}

/// The last capitalized word of the run right after a speech verb: ", so Macron", ", sagte
/// Kanzler Scholz", ", said Starmer" — or right before it: ", Starmer said".
fn speaker_after(after: &str, lexicon: &'static Lexicon) -> Option<String> {
    let tokens = tokenize(after);
    let verb = tokens
        .iter()
        .position(|t| lexicon.speech_verbs.contains(&t.lower.as_str()))?;
    if verb > 4 {
        return None;
    }
    let mut name = None;
    for t in &tokens[verb + 1..] {
        if is_name(t) {
            name = Some(t.text.to_string());
        } else if name.is_some() || t.kind != TokenKind::Word || t.lower == "on" || t.lower == "am"
        {
            break;
        }
    }
    if name.is_none() {
        // ", Starmer said"
        name = tokens[..verb]
            .iter()
            .rev()
            .find(|t| is_name(t))
            .map(|t| t.text.to_string());
    }
    name
}

/// "Macron sagte: „…" — the name before the verb that introduces the quote.
fn speaker_before(before: &str, lexicon: &'static Lexicon) -> Option<String> {
    let tokens = tokenize(before);
    let verb = tokens
        .iter()
        .rposition(|t| lexicon.speech_verbs.contains(&t.lower.as_str()))?;
    tokens[..verb]
        .iter()
        .rev()
        .take(4)
        .find(|t| is_name(t))
        .map(|t| t.text.to_string())
}

/// Reported speech: "Selenskyj erklärte, die Angriffe …", "X zufolge", "laut X", "according to X".
fn reported_speaker(sentence: &str, at: usize, lexicon: &'static Lexicon) -> Option<String> {
    let tokens = tokenize(sentence);
    for (k, t) in tokens.iter().enumerate() {
        let l = t.lower.as_str();
        if l == "laut" || l == "according" {
            let mut j = k + 1;
            if tokens.get(j).is_some_and(|t| t.lower == "to") {
                j += 1;
            }
            let name = tokens[j..].iter().take(4).filter(|t| is_name(t)).last()?;
            return Some(name.text.to_string());
        }
        if l == "zufolge" {
            return tokens[..k]
                .iter()
                .rev()
                .take(3)
                .find(|t| is_name(t))
                .map(|t| t.text.to_string());
        }
    }
    // A speech verb before the claim, followed by a comma or "that"/"dass": the claim is in the
    // reported clause and the speaker is the name before the verb.
    let verb = tokens.iter().position(|t| {
        t.start < at && lexicon.speech_verbs.contains(&t.lower.as_str()) && t.lower != "so"
    })?;
    let clause_follows = tokens[verb + 1..].iter().take(6).any(|t| {
        t.start <= at
            && (t.is_punct(",") || t.is_punct(":") || matches!(t.lower.as_str(), "dass" | "that"))
    });
    if !clause_follows {
        return None;
    }
    tokens[..verb]
        .iter()
        .rev()
        .take(3)
        .find(|t| is_name(t) && t.start > 0 || is_name(t))
        .map(|t| t.text.to_string())
}
