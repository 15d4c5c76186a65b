//! Extraction, alignment, judging and every report format on two small documents.
//!
//! Input: one flag byte (language, format, whether a publication time is known), then text A;
//! a 0xFF byte starts text B (without one, B is A with every digit moved up by one). Checks
//! beyond "no panic": spans point at their text, extraction is deterministic, `diff A A` finds
//! nothing but agreement, `diff A B` and `diff B A` pair the same claims, and every report
//! format stays well formed.

#![no_main]

use std::collections::BTreeSet;

use claimdiff::document::Meta;
use claimdiff::report::{self, OutputFormat, WriteOptions};
use claimdiff::{
    extract, Claim, Config, Defaults, Document, Format, Lang, Published, Report, Verdict,
};
use libfuzzer_sys::fuzz_target;

fn document(id: &str, text: &str, format: Format, defaults: &Defaults) -> Option<Document> {
    Document::from_text(id, text.to_string(), format, &Meta::default(), defaults).ok()
}

fn check_claims(doc: &Document, claims: &[Claim], format: Format) {
    for c in claims {
        assert!(
            c.span.start <= c.span.end && c.span.end <= doc.source.len(),
            "{c:?}"
        );
        assert!(
            doc.source.is_char_boundary(c.span.start) && doc.source.is_char_boundary(c.span.end)
        );
        assert_eq!(&doc.text()[c.text_start..c.text_end], c.text());
        if format != Format::Html {
            assert_eq!(&doc.source[c.span.start..c.span.end], c.text());
        } else {
            assert!(
                c.span.start < c.span.end,
                "an HTML claim maps to an empty span: {c:?}"
            );
        }
        assert_eq!(c.span.line, doc.line_of(c.span.start));
        assert!(c.sentence_text().contains(c.text()));
    }
}

type Key = (String, usize, usize);

fn key(c: &Option<Claim>) -> Option<Key> {
    c.as_ref()
        .map(|c| (c.doc().to_string(), c.span.start, c.span.end))
}

/// The pairs a report makes, as unordered (first, second) keys.
fn pairs(report: &Report) -> BTreeSet<(Option<Key>, Option<Key>)> {
    report
        .findings
        .iter()
        .map(|f| {
            let (a, b) = (key(&f.a), key(&f.b));
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect()
}

fn check_outputs(report: &Report) {
    for format in OutputFormat::ALL {
        let mut out = Vec::new();
        report::write(
            report,
            format,
            &WriteOptions {
                color: false,
                all: true,
            },
            &mut out,
        )
        .unwrap();
        let out = String::from_utf8(out).expect("reports are UTF-8");
        match format {
            OutputFormat::Text => {
                assert!(
                    !out.chars().any(|c| c.is_control() && c != '\n'),
                    "control character in text output"
                );
            }
            OutputFormat::Json | OutputFormat::Sarif => {
                serde_json::from_str::<serde_json::Value>(&out).expect("json output parses");
            }
            OutputFormat::Jsonl => {
                for line in out.lines() {
                    serde_json::from_str::<serde_json::Value>(line)
                        .expect("every jsonl line parses");
                }
                assert_eq!(
                    out.lines().count(),
                    report
                        .findings
                        .len()
                        .max(if report.findings.is_empty() { 0 } else { 1 })
                );
            }
            OutputFormat::Markdown | OutputFormat::Html => {}
            OutputFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
                let width = reader.headers().expect("csv header").len();
                let mut rows = 0;
                for row in reader.records() {
                    assert_eq!(row.expect("csv row").len(), width);
                    rows += 1;
                }
                assert_eq!(rows, report.findings.len());
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (a_bytes, b_bytes) = match rest.iter().position(|&b| b == 0xff) {
        Some(i) => (&rest[..i], rest[i + 1..].to_vec()),
        None => (
            rest,
            rest.iter()
                .map(|&b| {
                    if b.is_ascii_digit() {
                        b'0' + (b - b'0' + 1) % 10
                    } else {
                        b
                    }
                })
                .collect(),
        ),
    };
    let (Ok(a_text), Ok(b_text)) = (std::str::from_utf8(a_bytes), std::str::from_utf8(&b_bytes))
    else {
        return;
    };
    let lang = match flags & 3 {
        1 => Some(Lang::De),
        2 => Some(Lang::En),
        _ => None,
    };
    let published = if flags & 4 != 0 {
        Published::parse("2025-03-27T10:00:00+01:00")
    } else {
        None
    };
    let format = match (flags >> 3) & 3 {
        1 => Format::Markdown,
        2 => Format::Html,
        _ => Format::Text,
    };
    let defaults = Defaults { published, lang };
    let config = Config::default();
    // B is published a day later when flag bit 5 says so: updates against contradictions.
    let b_defaults = Defaults {
        published: if flags & 32 != 0 {
            Published::parse("2025-03-28T09:00:00+01:00")
        } else {
            defaults.published
        },
        lang,
    };
    let (Some(a), Some(b)) = (
        document("a", a_text, format, &defaults),
        document("b", b_text, format, &b_defaults),
    ) else {
        return;
    };

    let claims_a = extract::extract(&a, &config);
    assert_eq!(
        claims_a,
        extract::extract(&a, &config),
        "extraction is deterministic"
    );
    check_claims(&a, &claims_a, format);
    let claims_b = extract::extract(&b, &config);
    check_claims(&b, &claims_b, format);

    // diff A A: nothing but agreement between the two copies.
    let again = document("a-again", a_text, format, &defaults).unwrap();
    let same = claimdiff::diff(a.clone(), again, &config);
    for f in &same.findings {
        let docs = (
            f.a.as_ref().map(|c| c.doc()),
            f.b.as_ref().map(|c| c.doc()),
        );
        if docs.0 != docs.1 {
            assert_eq!(
                f.verdict,
                Verdict::Agree,
                "diff A A: {} {}",
                f.verdict.as_str(),
                f.reason()
            );
        }
    }

    // diff A B and diff B A pair the same claims.
    let forward = claimdiff::diff(a.clone(), b.clone(), &config);
    let backward = claimdiff::diff(b.clone(), a.clone(), &config);
    assert_eq!(
        pairs(&forward),
        pairs(&backward),
        "diff A B and diff B A pair different claims"
    );
    check_outputs(&forward);

    // compare: the order of the files changes the printed order only.
    let ab = claimdiff::compare(vec![a.clone(), b.clone()], &config);
    let ba = claimdiff::compare(vec![b, a], &config);
    let judged = |r: &Report| -> BTreeSet<(Option<Key>, Option<Key>, Verdict)> {
        r.findings
            .iter()
            .map(|f| (key(&f.a), key(&f.b), f.verdict))
            .collect()
    };
    assert_eq!(
        judged(&ab),
        judged(&ba),
        "compare depends on the order of files"
    );
    check_outputs(&ab);
});
