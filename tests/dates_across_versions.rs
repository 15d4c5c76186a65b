//! Dates are compared by the day they name, not by their words: two versions published on
//! different days may say "am Mittwoch" of the same day, or "gestern" and "vorgestern" of
//! one day, and the same words may name different days. Without a publication time relative
//! dates stay unresolved, are never judged, and the report says why.

use claimdiff::report::{self, OutputFormat, WriteOptions};
use claimdiff::{
    compare, diff, extract_all, Config, Defaults, Document, Format, Kind, Published, Report,
    Verdict,
};

const THURSDAY: &str = "2025-03-27T18:00:00+01:00";
const FRIDAY: &str = "2025-03-28T09:30:00+01:00";

fn doc(id: &str, published: Option<&str>, text: &str) -> Document {
    let defaults = Defaults {
        published: published.and_then(Published::parse),
        lang: None,
    };
    Document::from_text(
        id,
        text.to_string(),
        Format::Text,
        &Default::default(),
        &defaults,
    )
    .unwrap()
}

/// The findings on date claims of a report, as (verdict, old text, new text).
fn date_findings(report: &Report) -> Vec<(Verdict, String, String)> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Date)
        .map(|f| {
            let text = |c: &Option<claimdiff::Claim>| {
                c.as_ref().map(|c| c.text().to_string()).unwrap_or_default()
            };
            (f.verdict, text(&f.a), text(&f.b))
        })
        .collect()
}

fn versions(old: (&str, &str), new: (&str, &str)) -> Vec<(Verdict, String, String)> {
    let report = diff(
        doc("v1.txt", Some(old.0), old.1),
        doc("v2.txt", Some(new.0), new.1),
        &Config::default(),
    );
    date_findings(&report)
}

#[test]
fn the_same_weekday_published_a_day_later_is_the_same_day() {
    let text = "Der Außenminister traf am Mittwoch zu Gesprächen in Kiew ein.";
    let found = versions((THURSDAY, text), (FRIDAY, text));
    assert_eq!(
        found,
        vec![(Verdict::Agree, "am Mittwoch".into(), "am Mittwoch".into())]
    );
}

#[test]
fn gestern_on_thursday_and_vorgestern_on_friday_agree() {
    let found = versions(
        (
            THURSDAY,
            "Der Außenminister war gestern zu Gesprächen in Kiew eingetroffen.",
        ),
        (
            FRIDAY,
            "Der Außenminister war vorgestern zu Gesprächen in Kiew eingetroffen.",
        ),
    );
    assert_eq!(
        found,
        vec![(Verdict::Agree, "gestern".into(), "vorgestern".into())]
    );
}

#[test]
fn yesterday_and_on_wednesday_agree_in_english() {
    let found = versions(
        (
            THURSDAY,
            "The foreign secretary arrived in Kyiv yesterday for talks.",
        ),
        (
            FRIDAY,
            "The foreign secretary arrived in Kyiv on Wednesday for talks.",
        ),
    );
    assert_eq!(
        found,
        vec![(Verdict::Agree, "yesterday".into(), "on Wednesday".into())]
    );
}

#[test]
fn another_day_is_a_correction() {
    let found = versions(
        (
            THURSDAY,
            "Der Außenminister traf am Mittwoch zu Gesprächen in Kiew ein.",
        ),
        (
            FRIDAY,
            "Der Außenminister traf am Dienstag zu Gesprächen in Kiew ein.",
        ),
    );
    assert_eq!(
        found,
        vec![(
            Verdict::Correction,
            "am Mittwoch".into(),
            "am Dienstag".into()
        )]
    );
}

#[test]
fn the_same_words_a_day_later_name_another_day() {
    // Left unchanged in an update published the next day, "gestern" moves the event.
    let text = "Der Außenminister war gestern zu Gesprächen in Kiew eingetroffen.";
    let found = versions((THURSDAY, text), (FRIDAY, text));
    assert_eq!(
        found,
        vec![(Verdict::Correction, "gestern".into(), "gestern".into())]
    );
}

#[test]
fn outlets_in_two_languages_compare_resolved_days() {
    let de = doc(
        "kurier.txt",
        Some(THURSDAY),
        "Der Gipfel in Brüssel fand am Mittwoch statt.",
    );
    let same = doc(
        "wire.txt",
        Some(FRIDAY),
        "The summit in Brussels took place on Wednesday.",
    );
    let other = doc(
        "post.txt",
        Some(FRIDAY),
        "The summit in Brussels took place on Tuesday.",
    );
    let agree = compare(vec![de.clone(), same], &Config::default());
    assert_eq!(
        date_findings(&agree)
            .iter()
            .map(|f| f.0)
            .collect::<Vec<_>>(),
        vec![Verdict::Agree]
    );
    let clash = compare(vec![de, other], &Config::default());
    assert_eq!(
        date_findings(&clash)
            .iter()
            .map(|f| f.0)
            .collect::<Vec<_>>(),
        vec![Verdict::Contradiction]
    );
}

#[test]
fn without_a_publication_time_relative_dates_stay_unresolved_and_the_report_says_why() {
    let text = "Der Außenminister traf am Mittwoch in Kiew ein. Das Abkommen vom 27. März 2025 gilt weiter.";
    let report = extract_all(vec![doc("a.txt", None, text)], &Config::default());
    let dates: Vec<_> = report
        .claims
        .iter()
        .filter(|c| c.kind == Kind::Date)
        .collect();
    assert_eq!(dates.len(), 2);
    assert_eq!(dates[0].days, None);
    assert!(dates[0]
        .unresolved
        .as_deref()
        .is_some_and(|why| why.contains("no publication time")));
    // A date that says its year needs no anchor.
    assert_eq!(
        dates[1].days.map(|d| d.start.to_string()),
        Some("2025-03-27".to_string())
    );
    assert_eq!(dates[1].unresolved, None);

    // `extract` shows the reason beside each unresolved claim.
    let shown = render(&report);
    let reason = "\"am Mittwoch\" =  (no publication time: relative dates stay unresolved)";
    assert!(shown.contains(reason), "{shown}");
}

#[test]
fn unresolved_dates_are_never_judged_and_diff_notes_why() {
    let a = doc(
        "v1.txt",
        None,
        "Der Außenminister traf am Mittwoch zu Gesprächen in Kiew ein.",
    );
    let b = doc(
        "v2.txt",
        None,
        "Der Außenminister traf am Dienstag zu Gesprächen in Kiew ein.",
    );
    let report = diff(a, b, &Config::default());
    let found = date_findings(&report);
    assert!(found.iter().all(|f| !f.0.is_alarm()), "{found:?}");
    let shown = render(&report);
    for id in ["v1.txt", "v2.txt"] {
        let note = format!(
            "note: {id}: no publication time, so relative dates stay unresolved (give --published)"
        );
        assert!(shown.contains(&note), "{shown}");
    }
}

fn render(report: &Report) -> String {
    let mut out = Vec::new();
    report::write(
        report,
        OutputFormat::Text,
        &WriteOptions::default(),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn an_event_age_is_checked_against_the_day_the_event_began() {
    let age = doc(
        "kurier.txt",
        Some(THURSDAY),
        "Der Krieg dauert nun im vierten Jahr an.",
    );
    let fits = doc(
        "wire.txt",
        Some(FRIDAY),
        "The war began on 24 February 2022.",
    );
    let clashes = doc(
        "post.txt",
        Some(FRIDAY),
        "The war began on 24 February 2023.",
    );
    let unrelated = doc(
        "blatt.txt",
        Some(FRIDAY),
        "Der Krieg wurde am 24. Februar 2023 im Parlament debattiert.",
    );
    let verdicts = |docs: Vec<Document>| -> Vec<Verdict> {
        compare(docs, &Config::default())
            .findings
            .iter()
            .filter(|f| {
                f.a.iter()
                    .chain(f.b.iter())
                    .any(|c| c.kind == Kind::EventAge)
            })
            .map(|f| f.verdict)
            .collect()
    };
    assert_eq!(verdicts(vec![age.clone(), fits]), vec![Verdict::Compatible]);
    assert_eq!(
        verdicts(vec![age.clone(), clashes]),
        vec![Verdict::Contradiction]
    );
    // A date of the war that is not its start says nothing about its age.
    assert_eq!(verdicts(vec![age, unrelated]), vec![]);
}

/// The first date claim of a document, as an ISO day.
fn first_date(doc: &Document) -> Option<String> {
    let report = extract_all(vec![doc.clone()], &Config::default());
    let date = report.claims.iter().find(|c| c.kind == Kind::Date)?;
    date.days.map(|d| d.start.to_string())
}

#[test]
fn publication_time_comes_from_front_matter_or_a_manifest_and_its_zone_decides_the_day() {
    let dir = std::env::temp_dir().join(format!("claimdiff-dates-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Late evening in New York is already the next day in UTC; New York's day counts.
    let md = dir.join("ny.md");
    std::fs::write(&md, "---\npublished: 2025-03-27T23:30:00-05:00\nlang: de\n---\nDer Gouverneur war gestern in Albany.\n").unwrap();
    let friday = Defaults {
        published: Published::parse(FRIDAY),
        lang: None,
    };
    let doc = Document::read(&md, &friday).unwrap();
    assert_eq!(
        first_date(&doc).as_deref(),
        Some("2025-03-26"),
        "front matter outranks --published"
    );
    // Just after midnight in Kyiv is still the evening before in UTC; Kyiv's day counts.
    let manifest = dir.join("docs.jsonl");
    std::fs::write(
        &manifest,
        "{\"id\":\"kyiv\",\"published\":\"2025-03-28T00:30:00+02:00\",\"lang\":\"en\",\"text\":\"The council met yesterday.\"}\n",
    )
    .unwrap();
    let docs = claimdiff::manifest::read_manifest(&manifest, &Defaults::default()).unwrap();
    assert_eq!(first_date(&docs[0]).as_deref(), Some("2025-03-27"));
    // Without front matter, --published applies.
    let plain = dir.join("plain.txt");
    std::fs::write(&plain, "Der Gouverneur war gestern in Albany.\n").unwrap();
    assert_eq!(
        first_date(&Document::read(&plain, &friday).unwrap()).as_deref(),
        Some("2025-03-27")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Outlets that disagree on one event's day are off by a day or a few: a day against a month
/// ("yesterday" / "since April") or against a date months away is not one event's day told
/// twice, while a weekday against another weekday is.
#[test]
fn a_day_against_a_month_is_not_one_event() {
    let alarms = |a: &str, b: &str| {
        let report = compare(
            vec![doc("a.txt", Some(FRIDAY), a), doc("b.txt", Some(FRIDAY), b)],
            &Config::default(),
        );
        date_findings(&report)
            .into_iter()
            .filter(|f| f.0.is_alarm())
            .count()
    };
    assert_eq!(
        alarms(
            "The trial of the former guard resumed yesterday in Lüneburg.",
            "The trial of the former guard has been running in Lüneburg since April.",
        ),
        0
    );
    assert_eq!(
        alarms(
            "Der Streik der Lokführer begann am Mittwoch.",
            "Der Streik der Lokführer dauerte vom 17. bis 20. Oktober.",
        ),
        0
    );
    assert_eq!(
        alarms(
            "The trial of the former guard resumed on Wednesday in Lüneburg.",
            "The trial of the former guard resumed on Tuesday in Lüneburg.",
        ),
        1
    );
}
