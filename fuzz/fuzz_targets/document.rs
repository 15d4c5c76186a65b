//! Reading a document: UTF-8 checks, front matter, HTML article text and the map from text
//! offsets back to the file. The first byte picks the format; the rest is the file.
//!
//! Checks beyond "no panic": every text offset maps to a character boundary inside the file,
//! line numbers stay within the file, and errors name the file.

#![no_main]

use std::path::Path;

use claimdiff::document::{decode, Meta};
use claimdiff::{Defaults, Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let path = Path::new("fuzz-input.txt");
    let source = match decode(path, bytes.to_vec()) {
        Ok(s) => s,
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz-input.txt: "), "{e}");
            return;
        }
    };
    let format = match selector % 4 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Html,
        _ => Format::guess(path, &source),
    };
    let defaults = Defaults::default();
    let doc = match Document::from_text(
        "fuzz-input.txt",
        source,
        format,
        &Meta::default(),
        &defaults,
    ) {
        Ok(doc) => doc,
        Err(e) => {
            assert!(e.to_string().contains("fuzz-input.txt"), "{e}");
            return;
        }
    };
    let text = doc.text();
    let lines = doc.source.split_inclusive(['\n', '\r']).count().max(1);
    let mut previous = 0;
    for (i, _) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let at = doc.source_offset(i);
        assert!(
            at <= doc.source.len(),
            "text offset {i} maps past the file: {at}"
        );
        assert!(
            doc.source.is_char_boundary(at),
            "text offset {i} maps inside a character: {at}"
        );
        assert!(
            at >= previous,
            "offsets must not go backwards: {previous} then {at}"
        );
        previous = at;
        let line = doc.line_of(at);
        assert!(line >= 1 && line <= lines + 1, "line {line} of {lines}");
    }
});
