//! Tokens of one sentence: words, numbers and punctuation, with byte spans.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner hyphens ("Länder", "G7", "COVID-19", "47-Jährige").
    Word,
    /// Digits with inner separators ("30", "1.200", "3,5", "27.03.2025").
    Number,
    /// Any other single character.
    Punct,
}

/// One token; `start`/`end` are byte offsets into the sentence.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    pub lower: Lower<'a>,
    pub start: usize,
    pub end: usize,
    /// Whether whitespace stands right before the token.
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == c
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// A token's text in lower case. Most tokens (numbers, punctuation, most words) are in lower
/// case already: they borrow their text, and only the others hold a lowered copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// `text.to_lowercase()`, borrowed when that is `text` itself: when every character
    /// lowers to itself (the final-sigma rule of `to_lowercase` only changes a capital sigma).
    pub fn of(text: &'a str) -> Lower<'a> {
        let unchanged = if text.is_ascii() {
            !text.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            text.chars().all(|c| {
                let mut lower = c.to_lowercase();
                lower.next() == Some(c) && lower.next().is_none()
            })
        };
        match unchanged {
            true => Lower(Cow::Borrowed(text)),
            false => Lower(Cow::Owned(text.to_lowercase())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Lower<'_>> for str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Lower<'_>> for &str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        **self == *other.0
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits a sentence into tokens.
///
/// ```
/// use claimdiff::extract::token::{tokenize, TokenKind};
/// let t = tokenize("Fast 1.200 Staats- und Regierungschefs, 47-Jährige.");
/// let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
/// assert_eq!(texts, ["Fast", "1.200", "Staats-", "und", "Regierungschefs", ",", "47-Jährige", "."]);
/// assert_eq!(t[1].kind, TokenKind::Number);
/// ```
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    // Sized up front: a sentence has at most one char per byte and, in prose, about one token
    // per five bytes; growing these vectors was a good part of the tokenizer's time.
    let mut out = Vec::with_capacity(s.len() / 5 + 4);
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
    chars.extend(s.char_indices());
    let mut i = 0;
    let mut space_before = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_ascii_digit() {
            // Digits with inner '.', ',' or ':' followed by a digit.
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_ascii_digit() {
                    j += 1;
                } else if matches!(d, '.' | ',' | ':')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Glued letters make a word: "3rd", "5bn", "47-Jährige", "30-köpfige".
            let glued_letter = chars.get(j).is_some_and(|n| n.1.is_alphabetic());
            let hyphen_word = chars.get(j).is_some_and(|n| n.1 == '-')
                && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
            if glued_letter || hyphen_word {
                j = scan_word(&chars, j);
                TokenKind::Word
            } else {
                TokenKind::Number
            }
        } else if is_word_char(c) {
            j = scan_word(&chars, j);
            // German elision: "Staats- und", "Ein- und Ausreise".
            if chars.get(j).is_some_and(|n| n.1 == '-')
                && chars.get(j + 1).is_none_or(|n| n.1.is_whitespace())
            {
                j += 1;
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let end = chars.get(j).map_or(s.len(), |n| n.0);
        let text = &s[start..end];
        out.push(Token {
            kind,
            text,
            lower: Lower::of(text),
            start,
            end,
            space_before,
        });
        space_before = false;
        i = j;
    }
    out
}

fn scan_word(chars: &[(usize, char)], mut j: usize) -> usize {
    while j < chars.len() {
        let d = chars[j].1;
        if is_word_char(d) {
            j += 1;
        } else if matches!(d, '-' | '\'' | '’' | '.')
            && chars.get(j + 1).is_some_and(|n| is_word_char(n.1))
            && (d != '.'
                || chars[j - 1].1.is_uppercase() && chars.get(j + 2).is_some_and(|n| n.1 == '.'))
        {
            // Inner hyphens and apostrophes; dots only inside capital abbreviations ("U.S.").
            j += 2;
        } else {
            break;
        }
    }
    j
}
