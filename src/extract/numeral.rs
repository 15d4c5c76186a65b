//! Numbers as written, for mentions: digits in either language's grouping, decimals,
//! fractions and number words, and ordinals in digits and words. Takes a sentence's tokens
//! and a position; gives the value and the token after the number. Every word comes from
//! [`Lexicon`].

use super::lexicon::Lexicon;
use super::quantity;
use super::token::{Token, TokenKind};
use crate::document::Lang;

/// A number starting at token `i`: its value and the token after it.
pub fn number_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let (value, end, weak, _) = quantity::number_at(tokens, i, lexicon)?;
    (!weak).then_some((value, end))
}

/// An ordinal starting at token `i`: its number and the token after it.
pub fn ordinal_at(tokens: &[Token], i: usize, lexicon: &'static Lexicon) -> Option<(f64, usize)> {
    let t = tokens.get(i)?;
    match t.kind {
        TokenKind::Word => (lexicon.ordinal)(&t.lower).map(|n| (n as f64, i + 1)),
        // "die 3. Banane"; a period that ends the sentence ends no ordinal.
        TokenKind::Number if lexicon.lang == Lang::De => {
            tokens.get(i + 1).filter(|d| d.is_punct(".") && !d.space_before)?;
            tokens.get(i + 2)?;
            let n: u32 = t.text.parse().ok()?;
            Some((n as f64, i + 2))
        }
        _ => None,
    }
}
