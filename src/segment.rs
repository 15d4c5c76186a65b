//! Sentences: the article text cut where a reader would stop, with byte spans kept.
//!
//! Takes the article text and gives [`Sentence`]s. A period does not end a sentence after an
//! abbreviation ("z. B.", "Dr.", "U.S."), inside a number ("3,5", "1.200") or after a German
//! ordinal or date number ("am 27. März", "das 3. Treffen").

use crate::document::Lang;
use crate::extract::lexicon::Lexicon;
use crate::limits::SENTENCE_BYTES;

/// One sentence of a document's text, in 16 bytes: a text has a sentence for every few dozen
/// bytes, and a document is at most [`MAX_FILE_BYTES`](crate::document::MAX_FILE_BYTES) long,
/// so its offsets fit 32 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    index: u32,
    start: u32,
    end: u32,
    cut: bool,
}

impl Sentence {
    fn new(index: usize, start: usize, end: usize, cut: bool) -> Sentence {
        Sentence {
            index: index as u32,
            start: start as u32,
            end: end as u32,
            cut,
        }
    }

    /// 0-based position in the document.
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// Byte offset of the start in the document's text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset of the end in the document's text.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// A piece of a longer stretch without sentence ends, cut at
    /// [`crate::limits::SENTENCE_BYTES`].
    pub fn cut(&self) -> bool {
        self.cut
    }
}

/// Splits text into sentences.
///
/// ```
/// use claimdiff::{segment, Lang};
/// let text = "Am 27. März kamen z. B. Vertreter. Es war das 3. Treffen.";
/// let s = segment::split(text, Lang::De);
/// assert_eq!(s.len(), 2);
/// assert_eq!(&text[s[1].start()..s[1].end()], "Es war das 3. Treffen.");
/// ```
pub fn split(text: &str, lang: Lang) -> Vec<Sentence> {
    let lexicon = Lexicon::of(lang);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = skip_space(text, 0);
    let mut i = start;
    // Only ASCII line breaks and end marks can cut, and their bytes never occur inside a
    // multi-byte character: the scan jumps straight to the next one. Each kind is searched
    // with memchr's vector search and remembered until the scan passes it.
    let mut breaks = Ahead::default();
    let mut stops = Ahead::default();
    while i < bytes.len() {
        let line = breaks.from(i, |from| memchr::memchr2(b'\n', b'\r', &bytes[from..]));
        let stop = stops.from(i, |from| memchr::memchr3(b'.', b'!', b'?', &bytes[from..]));
        match (line, stop) {
            (Some(x), Some(y)) => i = x.min(y),
            (Some(x), None) | (None, Some(x)) => i = x,
            (None, None) => break,
        }
        let b = bytes[i];
        let cut = match b {
            b'\n' | b'\r' => {
                // A blank line always ends a paragraph; a single line break ends a sentence only
                // after closing punctuation (hard-wrapped text keeps its sentences whole).
                let next = skip_inline_space(
                    text,
                    i + if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    },
                );
                let blank =
                    matches!(bytes.get(next), Some(b'\n') | Some(b'\r')) || next >= bytes.len();
                let before = text[start..i].trim_end();
                let closed = before.ends_with(['.', '!', '?', ':', '"', '“', '”', '»', '«', '\'']);
                if blank || closed || before.is_empty() {
                    Some(i)
                } else {
                    None
                }
            }
            b'.' | b'!' | b'?' => {
                let mut end = i + 1;
                while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                    end += 1;
                }
                end = skip_closing_quotes(text, end);
                if ends_sentence(text, start, i, end, b, lexicon) {
                    Some(end)
                } else {
                    None
                }
            }
            _ => None,
        };
        match cut {
            Some(end) => {
                push(text, start, end, &mut out);
                start = skip_space(text, end);
                i = start;
            }
            None => i += 1,
        }
    }
    push(text, start, bytes.len(), &mut out);
    // A document keeps its sentences as long as it lives: not the room the list grew into.
    out.shrink_to_fit();
    out
}

/// The next match of a search at or after a position, remembered: valid for every later
/// position up to the match.
#[derive(Default)]
struct Ahead {
    from: usize,
    /// The first match at or after `from`, or `None` for none up to the end.
    at: Option<usize>,
    searched: bool,
}

impl Ahead {
    fn from(&mut self, i: usize, search: impl Fn(usize) -> Option<usize>) -> Option<usize> {
        let valid = self.searched && self.from <= i && self.at.is_none_or(|at| i <= at);
        if !valid {
            self.from = i;
            self.at = search(i).map(|p| i + p);
            self.searched = true;
        }
        self.at
    }
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let end = start + slice.trim_end().len();
    let mut start = start;
    let cut = end - start > SENTENCE_BYTES;
    // A stretch without sentence ends (a flattened table, a minified page) is read in pieces,
    // so the rules that look across a sentence cost time in proportion to the text.
    while end - start > SENTENCE_BYTES {
        let piece = piece_end(text, start);
        out.push(Sentence::new(
            out.len(),
            start,
            start + text[start..piece].trim_end().len(),
            cut,
        ));
        start = skip_space(text, piece);
    }
    if end > start {
        out.push(Sentence::new(out.len(), start, end, cut));
    }
}

/// Where the piece of a long sentence that begins at `start` ends: after the last clause mark
/// (",", ";", ":") or else at the last space in its second half, or at the limit itself when
/// the text has no space there.
fn piece_end(text: &str, start: usize) -> usize {
    let mut limit = start + SENTENCE_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let half = start + SENTENCE_BYTES / 2;
    let window = &text.as_bytes()[half..limit];
    let after = |p: Option<usize>| p.map(|k| half + k + 1);
    after(
        window
            .iter()
            .rposition(|&b| matches!(b, b',' | b';' | b':')),
    )
    .or_else(|| after(window.iter().rposition(|&b| b.is_ascii_whitespace())))
    .unwrap_or(limit)
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn skip_inline_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = text.get(i..).and_then(|t| t.chars().next()) {
        if c == '\n' || c == '\r' || !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn skip_closing_quotes(text: &str, mut i: usize) -> usize {
    while let Some(c) = text.get(i..).and_then(|t| t.chars().next()) {
        if matches!(c, '"' | '“' | '”' | '»' | '«' | '\'' | '’' | ')') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Decides whether the punctuation at `at` (through `end`) closes the sentence begun at `start`.
fn ends_sentence(
    text: &str,
    start: usize,
    at: usize,
    end: usize,
    mark: u8,
    lexicon: &Lexicon,
) -> bool {
    let after = &text[end..];
    let next = after.chars().next();
    match next {
        None => return true,
        Some(c) if !c.is_whitespace() => return false, // "U.S.", "3.5", "z.B."
        _ => {}
    }
    if mark != b'.' {
        return true;
    }
    let rest = after.trim_start();
    let next_word = &rest[..rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len())];
    let next_char = rest.chars().next();
    // What stands right before the period.
    let before = &text[start..at];
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '„')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return true;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        return !lexicon.number_period_continues(before, word, next_word);
    }
    // Lower-cased on the stack when the word is short ASCII (nearly always): this runs at
    // every period of the corpus.
    let mut buf = [0u8; 16];
    let abbreviation = if word.len() <= buf.len() && word.is_ascii() {
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        lexicon.is_abbreviation(std::str::from_utf8(buf).unwrap_or(word))
    } else {
        lexicon.is_abbreviation(&word.to_lowercase())
    };
    if abbreviation {
        return false;
    }
    // Initials and dotted abbreviations: "z.", "U.S", "J."
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return false;
    }
    // A sentence does not go on in lower case after a full stop in news prose.
    !matches!(next_char, Some(c) if c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang)
            .iter()
            .map(|s| &text[s.start()..s.end()])
            .collect()
    }

    #[test]
    fn german_dates_ordinals_and_abbreviations_do_not_cut() {
        let cases: &[(&str, usize)] = &[
            ("Am 27. März trafen sich die Chefs. Danach sprachen sie.", 2),
            (
                "Es ist das 3. Treffen in diesem Format. Es folgt ein viertes.",
                2,
            ),
            ("Das kostet z. B. 3,5 Millionen Euro. Das ist viel.", 2),
            ("Dr. Müller sprach mit Prof. Schmidt. Beide lachten.", 2),
            ("Rund 1.200 Menschen kamen. Später 1.500.", 2),
            ("„Wir bleiben“, sagte er. „Ganz sicher.“ Dann ging er.", 3),
            ("Er kam – wie angekündigt – am Mittwoch. Sie nicht.", 2),
            ("Insgesamt starben 30. Die Polizei ermittelt.", 2),
        ];
        for (text, n) in cases {
            assert_eq!(
                sentences(text, Lang::De).len(),
                *n,
                "{text}: {:?}",
                sentences(text, Lang::De)
            );
        }
    }

    #[test]
    fn english_abbreviations_do_not_cut() {
        let cases: &[(&str, usize)] = &[
            ("The U.S. sent 3.5 million doses. Officials agreed.", 2),
            ("Mr. Smith met Dr. Jones on Jan. 3. They talked.", 2),
            (
                "\"We will stay,\" she said. \"No doubt.\" Then she left.",
                3,
            ),
            ("It rose 3.4 percent. Analysts were surprised!", 2),
        ];
        for (text, n) in cases {
            assert_eq!(
                sentences(text, Lang::En).len(),
                *n,
                "{text}: {:?}",
                sentences(text, Lang::En)
            );
        }
    }

    #[test]
    fn paragraphs_end_sentences_and_spans_are_exact() {
        let text = "Titel ohne Punkt\n\nErster Satz. Zweiter\nSatz geht weiter.\r\nDritter.";
        let s = sentences(text, Lang::De);
        assert_eq!(
            s,
            vec![
                "Titel ohne Punkt",
                "Erster Satz.",
                "Zweiter\nSatz geht weiter.",
                "Dritter."
            ]
        );
    }
}
