//! Invariants over generated documents: news-like fragments (hedged counts, dates, ordinals,
//! money, percentages in German and English) mixed with arbitrary Unicode, every kind of line
//! end, byte-order marks and front matter.
//!
//! - every claim's span lies on UTF-8 boundaries, the file's bytes there are its text, and its
//!   line is the line of its first byte (counting `\n`, `\r\n` and a lone `\r`);
//! - extraction is deterministic;
//! - `diff A A` finds nothing between the two copies;
//! - `diff A B` and `diff B A` make the same pairs with the roles swapped;
//! - `compare` finds the same findings whatever the order of its files; only the printed order
//!   follows the order given (README, "Order of findings");
//! - a paragraph told 200 times changes no alarm between the text's other paragraphs (the
//!   bounds of `limits` count what a text says, not how often it repeats it).

use std::collections::BTreeSet;

use claimdiff::document::Meta;
use claimdiff::{
    compare, diff, extract, Claim, Config, Defaults, Document, Format, Lang, Published, Report,
    Verdict,
};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "fast 30 Länder",
    "31 Länder",
    "knapp 40 Staaten",
    "rund 200 Menschen",
    "mehr als 1.200 Menschen",
    "zwei Tote",
    "drei Tote",
    "ein Verletzter",
    "Dutzende Verletzte",
    "das dritte Treffen",
    "das 4. Treffen",
    "am Mittwoch",
    "gestern",
    "am 27. März",
    "seit mehreren Monaten",
    "3,5 Prozent",
    "2,5 Milliarden Euro",
    "im vierten Kriegsjahr",
    "zwischen 20 und 30 Verletzte",
    "nearly 30 countries",
    "31 countries",
    "more than 200 people",
    "two people were killed",
    "the third round of talks",
    "on Wednesday",
    "yesterday",
    "on 12 June",
    "for six days",
    "3.4 percent",
    "$2.5bn",
    "a dozen houses",
    "the strike, now in its third week",
    "sagte Macron",
    "said Starmer",
    "Die Regierung",
    "kamen nach Paris",
    "The minister",
    "attended the summit",
    "z. B.",
    "Dr.",
    "U.S.",
    "„",
    "“",
    "\"",
    "<b>",
    "&amp;",
];

const BREAKS: &[&str] = &[
    " ",
    " ",
    " ",
    ". ",
    ", ",
    "! ",
    "? ",
    ".\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    ".\r\n\r\n",
    "\t",
    " – ",
];

/// One piece of a generated text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => (0u32..100_000).prop_map(|n| n.to_string()),
        1 => "[a-zA-ZäöüßÄÖÜ]{1,12}",
        1 => any::<char>().prop_filter("NUL makes a file binary", |c| *c != '\0').prop_map(String::from),
    ]
}

/// A generated article body: pieces joined by spaces, punctuation and line ends of every kind.
fn body() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), proptest::sample::select(BREAKS)), 1..40).prop_map(
        |parts| {
            let mut text = String::new();
            for (p, b) in parts {
                text.push_str(&p);
                text.push_str(b);
            }
            text
        },
    )
}

/// A whole file: maybe a byte-order mark, maybe front matter (with LF or CRLF line ends).
fn file() -> impl Strategy<Value = (String, Format)> {
    (body(), any::<bool>(), 0u8..3).prop_map(|(body, bom, front)| {
        let mut source = String::new();
        if bom {
            source.push('\u{feff}');
        }
        let format = match front {
            0 => Format::Text,
            1 => {
                source.push_str("---\ntitle: Gipfel\npublished: 2025-03-27T10:00:00+01:00\n---\n");
                Format::Markdown
            }
            _ => {
                source.push_str("---\r\noutlet: Kurier\r\n---\r\n");
                Format::Markdown
            }
        };
        source.push_str(&body);
        (source, format)
    })
}

fn defaults(lang: Option<Lang>) -> Defaults {
    Defaults {
        published: Published::parse("2025-03-27"),
        lang,
    }
}

fn document(id: &str, source: &str, format: Format, lang: Option<Lang>) -> Option<Document> {
    Document::from_text(
        id,
        source.to_string(),
        format,
        &Meta::default(),
        &defaults(lang),
    )
    .ok()
}

fn lang() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![Just(None), Just(Some(Lang::De)), Just(Some(Lang::En))]
}

/// The 1-based line of a byte offset, counted independently of the library: `\r\n`, `\n` and
/// a lone `\r` each end a line.
fn line_at(source: &str, offset: usize) -> usize {
    let bytes = &source.as_bytes()[..offset];
    let mut line = 1;
    for (k, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && source.as_bytes().get(k + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

type Key = (String, usize, usize);

fn key(c: &Option<Claim>) -> Option<Key> {
    c.as_ref()
        .map(|c| (c.doc().to_string(), c.span.start, c.span.end))
}

/// Findings as (unordered pair of claims, verdict class). Added and removed are one class, as
/// are update and correction, because their names depend on which text is the later one.
fn findings(report: &Report) -> BTreeSet<(Option<Key>, Option<Key>, &'static str)> {
    report
        .findings
        .iter()
        .map(|f| {
            let (a, b) = (key(&f.a), key(&f.b));
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            let class = match f.verdict {
                Verdict::Added | Verdict::Removed => "added/removed",
                Verdict::Update | Verdict::Correction => "update/correction",
                v => v.as_str(),
            };
            (a, b, class)
        })
        .collect()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn spans_point_at_their_text((source, format) in file(), lang in lang()) {
        let Some(doc) = document("a.md", &source, format, lang) else { return Ok(()) };
        for c in extract::extract(&doc, &Config::default()) {
            prop_assert!(source.is_char_boundary(c.span.start) && source.is_char_boundary(c.span.end), "{c:?}");
            prop_assert_eq!(&source[c.span.start..c.span.end], c.text());
            prop_assert_eq!(c.span.line, line_at(&source, c.span.start), "line of {:?}", c.text());
            prop_assert!(c.sentence_text().contains(&c.text()));
        }
    }

    #[test]
    fn spans_point_into_html_pages(body in body()) {
        // Markup around the text; the text itself holds no markup or entities here, so the
        // page's bytes at each span are the claim's text, up to the line ends HTML reads as
        // "\n".
        let clean = body.replace(['<', '>', '&'], " ");
        let page = format!("<!DOCTYPE html>\n<html><body><article>\n<p>{}</p>\n</article></body></html>", clean.replace("\n\n", "</p>\n<p>"));
        let Some(doc) = document("a.html", &page, Format::Html, None) else { return Ok(()) };
        for c in extract::extract(&doc, &Config::default()) {
            let raw = page[c.span.start..c.span.end].replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(raw, c.text());
            prop_assert_eq!(c.span.line, line_at(&page, c.span.start));
        }
    }

    #[test]
    fn extraction_is_deterministic((source, format) in file(), lang in lang()) {
        let Some(doc) = document("a.md", &source, format, lang) else { return Ok(()) };
        let again = document("a.md", &source, format, lang).unwrap();
        let config = Config::default();
        prop_assert_eq!(extract::extract(&doc, &config), extract::extract(&again, &config));
    }

    #[test]
    fn diff_of_a_text_with_itself_finds_nothing((source, format) in file(), lang in lang()) {
        let Some(a) = document("a.md", &source, format, lang) else { return Ok(()) };
        let copy = document("copy.md", &source, format, lang).unwrap();
        let report = diff(a, copy, &Config::default());
        for f in &report.findings {
            let docs = (f.a.as_ref().map(|c| c.doc()), f.b.as_ref().map(|c| c.doc()));
            // Contradictions inside one text are still reported; between the copies, only agreement.
            if docs.0 != docs.1 {
                prop_assert_eq!(f.verdict, Verdict::Agree, "{}", f.reason());
            }
        }
    }

    #[test]
    fn diff_both_ways_makes_the_same_pairs(a in body(), b in body(), shared in body(), lang in lang()) {
        // A shared passage gives the alignment something to pair.
        let (a, b) = (format!("{shared}\n\n{a}"), format!("{b}\n\n{shared}"));
        let (Some(x), Some(y)) = (document("a.txt", &a, Format::Text, lang), document("b.txt", &b, Format::Text, lang)) else { return Ok(()) };
        let config = Config::default();
        let forward = diff(x.clone(), y.clone(), &config);
        let backward = diff(y, x, &config);
        prop_assert_eq!(findings(&forward), findings(&backward));
    }

    #[test]
    fn compare_ignores_the_order_of_files(a in body(), b in body(), c in body(), days in proptest::collection::vec(25u32..29, 3)) {
        let config = Config::default();
        let mut docs = Vec::new();
        for (k, (text, day)) in [(a, days[0]), (b, days[1]), (c, days[2])].into_iter().enumerate() {
            let published = Published::parse(&format!("2025-03-{day}"));
            let defaults = Defaults { published, lang: None };
            let Ok(d) = Document::from_text(&format!("{k}.txt"), text, Format::Text, &Meta::default(), &defaults) else { return Ok(()) };
            docs.push(d);
        }
        let given = compare(docs.clone(), &config);
        let reversed = compare(docs.iter().rev().cloned().collect(), &config);
        let rotated = compare(vec![docs[1].clone(), docs[2].clone(), docs[0].clone()], &config);
        prop_assert_eq!(judged(&given), judged(&reversed));
        prop_assert_eq!(judged(&given), judged(&rotated));
    }
}

/// A paragraph for the repetition property: mostly a few statements of one figure, hedged or
/// not, so that the text's other paragraphs clash with each other and the repeated one
/// crowds their subject; sometimes a generated body.
fn paragraph() -> impl Strategy<Value = String> {
    // Two figures per subject that clash, and no third that would make them a list.
    let statement = (
        proptest::sample::select(&["fast 30", "31"][..]),
        proptest::sample::select(&["Länder kamen nach Paris", "Tote wurden gezählt"][..]),
    )
        .prop_map(|(figure, rest)| format!("Es hieß, {figure} {rest}."));
    prop_oneof![
        3 => proptest::collection::vec(statement, 1..5).prop_map(|s| s.join(" ")),
        1 => body(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..config() })]

    #[test]
    fn a_repeated_paragraph_changes_no_other_alarm(
        paragraphs in proptest::collection::vec(paragraph(), 2..5),
        pick in any::<proptest::sample::Index>(),
    ) {
        let (alone, repeated) = alarms_around(&paragraphs, pick.index(paragraphs.len()));
        prop_assert_eq!(alone, repeated);
    }
}

/// An alarm between claims outside a repeated paragraph, each claim as (whether it stands
/// after the paragraph, its offset from the paragraph's end or the text's start, its length).
type Outside = BTreeSet<((bool, usize, usize), (bool, usize, usize), Verdict)>;

/// The alarms of a German text of `paragraphs` outside paragraph `p`: as given, and with
/// paragraph `p` told 200 times.
fn alarms_around(paragraphs: &[String], p: usize) -> (Outside, Outside) {
    let once = paragraphs.join("\n\n");
    let mut told = paragraphs.to_vec();
    told.splice(p..=p, std::iter::repeat_n(paragraphs[p].clone(), 200));
    let many = told.join("\n\n");
    // The repeated paragraph's bytes in each text; what follows it is moved by the copies.
    let start: usize = paragraphs[..p].iter().map(|s| s.len() + 2).sum();
    let end_once = start + paragraphs[p].len();
    let end_many = start + 200 * (paragraphs[p].len() + 2) - 2;
    let outside = |text: &str, end: usize| -> Outside {
        // The language is given: a paragraph told 200 times may well change which one a text
        // is detected to be in, and with it every claim.
        let Some(doc) = document("a.txt", text, Format::Text, Some(Lang::De)) else {
            return Outside::new();
        };
        let at = |c: &Claim| {
            let (s, e) = (c.span.start, c.span.end);
            match () {
                _ if e <= start => Some((false, s, e - s)),
                _ if s >= end => Some((true, s - end, e - s)),
                _ => None,
            }
        };
        compare(vec![doc], &Config::default())
            .findings
            .iter()
            .filter(|f| f.verdict.is_alarm())
            .filter_map(|f| Some((at(f.a.as_ref()?)?, at(f.b.as_ref()?)?, f.verdict)))
            .collect()
    };
    (outside(&once, end_once), outside(&many, end_many))
}

/// A paragraph told 200 times that states a figure twice crowds its subject with 400 claims:
/// the clash between the figures before and after it is still the one reported.
#[test]
fn a_paragraph_told_200_times_keeps_the_clash_around_it() {
    let paragraphs = [
        "Es hieß, fast 30 Länder kamen nach Paris.",
        "Es hieß, fast 30 Länder kamen nach Paris. Es hieß, fast 30 Länder kamen nach Paris.",
        "Es hieß, 31 Länder kamen nach Paris.",
    ]
    .map(String::from);
    let (alone, repeated) = alarms_around(&paragraphs, 1);
    assert_eq!(alone.len(), 1, "{alone:?}");
    assert_eq!(alone, repeated);
}

/// Findings with their roles: which claim is `a` must not depend on the order of files either.
fn judged(r: &Report) -> BTreeSet<(Option<Key>, Option<Key>, Verdict)> {
    r.findings
        .iter()
        .map(|f| (key(&f.a), key(&f.b), f.verdict))
        .collect()
}

/// Found by fuzzing: two outlets published at the same time swapped roles (`a`/`b`) with the
/// order of the files.
#[test]
fn outlets_published_together_keep_their_roles_in_any_order() {
    let x = document(
        "x.txt",
        "Vertreter aus 31 Ländern kamen. Es war das dritte Treffen.",
        Format::Text,
        Some(Lang::De),
    )
    .unwrap();
    let y = document(
        "y.txt",
        "Vertreter aus 42 Ländern kamen. Es war das dritte Treffen.",
        Format::Text,
        Some(Lang::De),
    )
    .unwrap();
    let config = Config::default();
    let given = compare(vec![x.clone(), y.clone()], &config);
    assert!(!given.findings.is_empty());
    assert_eq!(judged(&given), judged(&compare(vec![y, x], &config)));
}

/// Found by fuzzing: when one version repeats a sentence, `diff A B` and `diff B A` paired
/// different copies of it.
#[test]
fn a_repeated_sentence_pairs_the_same_copy_both_ways() {
    let sentence = "Für Verteidigung sind 82,7 Milliarden Euro eingeplant.";
    let a = format!("\n5n.\n\n{sentence} H\n");
    let b = format!("---\n: e\n\n{sentence}\n\n{sentence} Ztigt.");
    let x = document("a", &a, Format::Markdown, Some(Lang::De)).unwrap();
    let y = document("b", &b, Format::Markdown, Some(Lang::De)).unwrap();
    let config = Config::default();
    assert_eq!(
        findings(&diff(x.clone(), y.clone(), &config)),
        findings(&diff(y, x, &config))
    );
}

/// A text that states one figure thousands of times in two wordings is reported once per
/// wording, not once per pair of mentions (which took minutes and gigabytes).
#[test]
fn a_figure_repeated_thousands_of_times_is_reported_once() {
    let text = "Es gab fast 30 Tote. Es gab 31 Tote. ".repeat(2000);
    let doc = document("a.txt", &text, Format::Text, Some(Lang::De)).unwrap();
    let report = compare(vec![doc], &Config::default());
    assert!(report
        .findings
        .iter()
        .all(|f| f.verdict == Verdict::Contradiction));
    assert!(
        (1..=2).contains(&report.findings.len()),
        "{} findings",
        report.findings.len()
    );
}
