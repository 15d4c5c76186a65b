//! The example story compiled into the binary, so `claimdiff demo` works from any folder.
//!
//! Three texts on one summit: two versions of a German wire story and an English outlet's.
//! They hold a contradiction (fast 30 / 31 countries; the third / the fourth meeting), an
//! update (one, then two killed) and harmless rewordings (am Mittwoch / gestern / on Wednesday).

use crate::document::{Defaults, Document, Format, Meta};
use crate::error::Result;

/// (name, text) of the demo documents, in version order.
pub const FILES: &[(&str, &str)] = &[
    (
        "demo/kurier-v1.md",
        include_str!("../fixtures/demo/kurier-v1.md"),
    ),
    (
        "demo/kurier-v2.md",
        include_str!("../fixtures/demo/kurier-v2.md"),
    ),
    (
        "demo/northern-wire.md",
        include_str!("../fixtures/demo/northern-wire.md"),
    ),
];

/// The demo documents; the two Kurier texts are versions of one article.
pub fn documents() -> Result<Vec<Document>> {
    FILES
        .iter()
        .map(|(name, text)| {
            let article = name.contains("kurier").then(|| "kurier-paris".to_string());
            let version = name.contains("-v").then(|| {
                name.rsplit("-v")
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(".md")
                    .to_string()
            });
            let meta = Meta {
                article,
                version,
                ..Meta::default()
            };
            Document::from_text(
                name,
                text.to_string(),
                Format::Markdown,
                &meta,
                &Defaults::default(),
            )
        })
        .collect()
}
