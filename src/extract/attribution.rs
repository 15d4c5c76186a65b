//! Attribution: who says a claim, when it stands in a quote ("…", so Macron) or in reported
//! speech (Selenskyj erklärte, …; …, said Starmer).

use super::lexicon::{among, Lexicon};
use super::token::{tokenize, Token, TokenKind};
use crate::document::Lang;
use crate::segment::Sentence;

/// The quoted stretches of a text and their speakers.
#[derive(Debug, Default)]
pub struct Quotes {
    /// (start, end, speaker) in text offsets.
    /// The speaker is shared by the claims of the quote, not copied into each.
    spans: Vec<(usize, usize, Option<crate::claim::SharedStr>)>,
}

fn is_open(c: char, lang: Lang) -> bool {
    match lang {
        Lang::De => matches!(c, '„' | '»' | '"'),
        Lang::En => matches!(c, '“' | '"' | '«'),
    }
}

/// Whether the line break at byte `i` ends a paragraph: a blank line follows, or the line ends
/// a sentence (text with one paragraph per line). A line hard-wrapped inside a sentence does
/// not, as in `segment::split`.
fn ends_paragraph(text: &str, i: usize) -> bool {
    let next = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
    next.is_empty()
        || next.starts_with('\n')
        || text[..i].trim_end().ends_with(['.', '!', '?', '…'])
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
        let bytes = text.as_bytes();
        let mut from = 0;
        // Every quote mark is '"' or starts with byte 0xC2 («, ») or 0xE2 („, “, ”); line
        // breaks matter only inside a quote. The vector search skips everything else.
        loop {
            let rest = &bytes[from..];
            let quote = memchr::memchr3(b'"', 0xC2, 0xE2, rest);
            let line = match open {
                Some(_) => memchr::memchr(b'\n', &rest[..quote.unwrap_or(rest.len())]),
                None => None,
            };
            let Some(i) = line.or(quote).map(|k| from + k) else {
                break;
            };
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            from = i + c.len_utf8();
            match open {
                None if is_open(c, lang) => open = Some((i, c)),
                Some((start, o)) if closes(o, c, lang) => {
                    spans.push((start, i + c.len_utf8(), None));
                    open = None;
                }
                Some((start, _)) if c == '\n' && ends_paragraph(text, i) => {
                    // A paragraph ends an unclosed quote: a quote that runs on into the next
                    // paragraph opens again there.
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
        let mut last_speaker: Option<crate::claim::SharedStr> = None;
        for span in &mut spans {
            let sentence_of = |at: usize| {
                sentences
                    .iter()
                    .find(|s| s.start() <= at && at < s.end().max(s.start() + 1))
            };
            let mut speaker = None;
            if let Some(s) = sentence_of(span.1.saturating_sub(1)) {
                let after = &text[span.1.min(s.end())..s.end()];
                speaker = speaker_after(after, lexicon).map(crate::claim::SharedStr::from);
            }
            if speaker.is_none() {
                if let Some(s) = sentence_of(span.0) {
                    let before = &text[s.start()..span.0];
                    speaker = speaker_before(before, lexicon).map(crate::claim::SharedStr::from);
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

    /// The speaker of the quote that text offset `at` stands in, when it stands in one
    /// (`Some(None)`: a quote whose speaker the text does not name).
    pub fn quoted_at(&self, at: usize) -> Option<&Option<crate::claim::SharedStr>> {
        self.spans
            .iter()
            .find(|(s, e, _)| *s <= at && at < *e)
            .map(|(_, _, speaker)| speaker)
    }
}

fn is_name(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.is_capitalized()
}

/// A capitalized word that may name a speaker: not a sentence-initial article or hedge ("The",
/// "Some", "Die"), a day or a month.
fn is_speaker(t: &Token, lexicon: &'static Lexicon) -> bool {
    let l = t.lower.as_str();
    is_name(t)
        && !is_calendar(t, lexicon)
        && !lexicon.ordinal_determiners.contains(&l)
        && !lexicon.article_ones.contains(&l)
        && !lexicon.hedges.iter().any(|(h, _)| *h == l)
        && !lexicon.starts_phrase(l)
}

/// The speaker named after a closing quote: ", so Macron", ", sagte Kanzler Scholz", ", said
/// Starmer", ", Starmer said", ", the foreign minister, Tomas Varga, told reporters".
fn speaker_after(after: &str, lexicon: &'static Lexicon) -> Option<String> {
    let tokens = tokenize(after);
    let verb = tokens
        .iter()
        .position(|t| lexicon.speech_verbs.contains(&t.lower.as_str()))?;
    if verb > 10 {
        return None;
    }
    speaker_before_verb(&tokens, 0, verb, lexicon)
        .or_else(|| last_of_first_run(&tokens, verb + 1, 6, lexicon))
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

/// Reported speech: "Selenskyj erklärte, die Angriffe …", "X zufolge", "laut X", "according
/// to X", "nach Angaben von X", "Wie X mitteilte, …" — and the tag after the claim: "…, so
/// Pistorius", "…, sagte Minister Lauterbach", "…, the minister, Anna Kowalczyk, said", "…,
/// said his lawyer, Marta Silva". For a claim outside quotes whose mention starts at token
/// `claim` of its sentence's `tokens`.
pub fn reported_speaker(
    tokens: &[Token],
    claim: usize,
    lexicon: &'static Lexicon,
) -> Option<String> {
    for (k, t) in tokens.iter().enumerate() {
        let l = t.lower.as_str();
        let angaben = l == "angaben"
            && tokens
                .get(k + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "von" | "des" | "der"));
        if l == "laut" || l == "according" || angaben {
            let mut j = k + 1;
            if tokens
                .get(j)
                .is_some_and(|t| matches!(t.lower.as_str(), "to" | "von" | "des" | "der"))
            {
                j += 1;
            }
            if let Some(name) = last_of_first_run(tokens, j, 4, lexicon) {
                return Some(name);
            }
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
    let is_verb = |t: &Token| {
        among(lexicon.speech_verbs, &t.lower)
            && !matches!(t.lower.as_str(), "according" | "laut" | "zufolge")
    };
    // A tag after the claim, set off by a comma.
    if let Some(comma) = tokens
        .iter()
        .skip(claim + 1)
        .position(|t| t.is_punct(","))
        .map(|p| p + claim + 1)
    {
        let verb = (comma + 1..tokens.len())
            .take_while(|&k| !tokens[k].is_punct(";") && !tokens[k].is_punct(":"))
            .find(|&k| is_verb(&tokens[k]) && (tokens[k].lower != "so" || k == comma + 1));
        if let Some(v) = verb {
            // German puts the speaker after a verb that opens the tag ("…, davon 1.200 in
            // Deutschland, kündigte Vorstandschef Feldt an"): the name after it comes first.
            let inverted = lexicon.lang == Lang::De && v > 0 && tokens[v - 1].is_punct(",");
            if inverted {
                if let Some(name) = last_of_first_run(tokens, v + 1, 6, lexicon) {
                    return Some(name);
                }
            }
            // A name between the comma and the verb ("the chancellor, Rachel Hughes, told"),
            // else the first name after the verb ("said Karim Haddad", "so Gouverneur X").
            if let Some(name) = speaker_before_verb(tokens, comma + 1, v, lexicon) {
                return Some(name);
            }
            if let Some(name) = last_of_first_run(tokens, v + 1, 6, lexicon) {
                return Some(name);
            }
        }
    }
    // A speech verb before the claim, followed by a comma or "that"/"dass": the claim is in the
    // reported clause and the speaker is the name before the verb.
    let verb = tokens.iter().position(|t| {
        t.start < tokens.get(claim).map_or(usize::MAX, |c| c.start) && is_verb(t) && t.lower != "so"
    })?;
    let clause_follows = tokens[verb + 1..].iter().take(4).any(|t| {
        t.start <= tokens[claim].start
            && (t.is_punct(",") || t.is_punct(":") || matches!(t.lower.as_str(), "dass" | "that"))
    });
    if !clause_follows {
        return None;
    }
    // Past adverbs ("Macron also said that", "wie Merz bereits sagte").
    let mut verb = verb;
    while verb > 0 && is_adverb(&tokens[verb - 1], lexicon) {
        verb -= 1;
    }
    // A body: name-like words before one or two lowercase nouns ("Ukrainian officials said
    // that", "Ukrainian state media reported that").
    let lowercase = |k: usize| tokens[k].is_word() && !tokens[k].is_capitalized();
    let name_at = (1..=2)
        .take_while(|&d| verb > d && lowercase(verb - d))
        .map(|d| verb - d - 1)
        .find(|&k| is_speaker(&tokens[k], lexicon));
    if let Some(last) = name_at.filter(|_| !lexicon.nouns_capitalized) {
        let mut first = last;
        while first > 0 && verb - first < 4 && is_speaker(&tokens[first - 1], lexicon) {
            first -= 1;
        }
        let words: Vec<&str> = tokens[first..verb].iter().map(|t| t.text).collect();
        return Some(words.join(" "));
    }
    tokens[..verb]
        .iter()
        .rev()
        .take(5)
        .find(|t| is_speaker(t, lexicon))
        .map(|t| t.text.to_string())
}

/// An adverb between a speaker and the verb of saying: one the lexicon lists, or a word with
/// an adverb ending ("previously said").
fn is_adverb(t: &Token, lexicon: &'static Lexicon) -> bool {
    let l = t.lower.as_str();
    lexicon.statement_adverbs.contains(&l) || lexicon.adverb_endings.iter().any(|e| l.ends_with(e))
}

/// The speaker named between `from` and the speech verb at `verb`: a person's surname ("the
/// chancellor, Rachel Hughes, told" → Hughes), or a body in full when lowercase words follow
/// its name ("Sierra Vista County officials said").
fn speaker_before_verb(
    tokens: &[Token],
    from: usize,
    verb: usize,
    lexicon: &'static Lexicon,
) -> Option<String> {
    let last = (from..verb)
        .rev()
        .find(|&k| is_speaker(&tokens[k], lexicon))?;
    let mut first = last;
    while first > from && is_speaker(&tokens[first - 1], lexicon) {
        first -= 1;
    }
    let body = (last + 1..verb).all(|k| tokens[k].kind == TokenKind::Word) && last + 1 < verb;
    if body {
        let words: Vec<&str> = tokens[first..verb].iter().map(|t| t.text).collect();
        return Some(words.join(" "));
    }
    Some(tokens[last].text.to_string())
}

/// Days and months are capitalized but name no one ("am Donnerstag", "on Monday").
fn is_calendar(t: &Token, lexicon: &'static Lexicon) -> bool {
    lexicon.weekday(&t.lower).is_some() || lexicon.month(&t.lower).is_some()
}

/// The last word of the first run of capitalized words within `reach` tokens from `from`
/// ("Gesundheitsminister Lauterbach" → Lauterbach; "his lawyer, Marta Silva" → Silva).
fn last_of_first_run(
    tokens: &[Token],
    from: usize,
    reach: usize,
    lexicon: &'static Lexicon,
) -> Option<String> {
    let mut name: Option<&Token> = None;
    let mut run = 0;
    let mut after_article = false;
    for (k, t) in tokens.iter().enumerate().skip(from).take(reach + 2) {
        if is_speaker(t, lexicon) {
            if name.is_none() {
                after_article = k > 0
                    && lexicon.article_ones.contains(&tokens[k - 1].lower.as_str())
                    || k > 0
                        && lexicon
                            .ordinal_determiners
                            .contains(&tokens[k - 1].lower.as_str());
            }
            name = Some(t);
            run += 1;
        } else if name.is_some() || t.is_punct(".") || t.is_punct(";") {
            break;
        }
    }
    // "sagte ein Sprecher", "so die Polizei": a role, not a name; unless a name follows it
    // after a comma ("sagte der Sprecher der Luftwaffe, Jurij Ihnat").
    if run == 1 && after_article {
        let end = (from + reach + 2).min(tokens.len());
        let comma = (from..end).find(|&k| tokens[k].is_punct(","))?;
        let first = tokens.get(comma + 1).filter(|t| is_speaker(t, lexicon))?;
        let mut last = first;
        for t in tokens[comma + 2..].iter().take(3) {
            if !is_speaker(t, lexicon) {
                break;
            }
            last = t;
        }
        return Some(last.text.to_string());
    }
    name.map(|t| t.text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split;

    /// The quoted stretches of `text`, as the text they cover.
    fn quoted(text: &str, lang: Lang) -> Vec<&str> {
        let quotes = Quotes::find(text, &split(text, lang), lang);
        quotes.spans.iter().map(|(s, e, _)| &text[*s..*e]).collect()
    }

    #[test]
    fn quotes_close_on_their_own_mark_and_a_paragraph_ends_an_open_one() {
        let de = "Er sagte: „Es kostet 5 € – mehr nicht.“ Dann ging er. »Wir bleiben«, so Meier.";
        assert_eq!(
            quoted(de, Lang::De),
            ["„Es kostet 5 € – mehr nicht.“", "»Wir bleiben«"]
        );
        // An unclosed quote ends with its paragraph, even when no quote mark follows.
        let en = "“We will stay, she said.\n\nThe council met on Monday. 12 people came.";
        assert_eq!(quoted(en, Lang::En), ["“We will stay, she said."]);
        // Nor does a blank line written with carriage returns.
        let en = "“We will stay, she said.\r\n\r\nThe council met.";
        assert_eq!(quoted(en, Lang::En), ["“We will stay, she said.\r"]);
        // A line that ends a sentence ends the paragraph in text with one paragraph per line;
        // the quote, left open in the wire style, does not run on into the report after it.
        let de =
            "„Wir bleiben“, sagte Müller. \"Die Lage ist ernst.\nDie Polizei meldete 12 Verletzte.";
        assert_eq!(
            quoted(de, Lang::De),
            ["„Wir bleiben“", "\"Die Lage ist ernst."]
        );
        // ... and when it goes on in the next paragraph, it opens again there.
        let de = "\"Wir bleiben.\n\"Wir kämpfen\", sagte Müller. Es kamen 12 Menschen.";
        assert_eq!(quoted(de, Lang::De), ["\"Wir bleiben.", "\"Wir kämpfen\""]);
        // A line hard-wrapped inside a sentence does not end the quote.
        let en = "“We will stay\nuntil Friday,” she said.";
        assert_eq!(quoted(en, Lang::En), ["“We will stay\nuntil Friday,”"]);
    }
}
