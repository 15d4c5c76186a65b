//! A long wire text that lists many incidents (places, figures) must not contradict itself,
//! and an edit of one incident's figure in a later version must give exactly one finding.

use claimdiff::{Config, Defaults, Document, Format, Published, Report, Verdict};

const CITIES: &[&str] = &[
    "Hamburg", "Berlin", "Leipzig", "Kiel", "Bremen", "Dresden", "Hannover", "Bonn", "Essen",
    "Mainz", "Erfurt", "Rostock",
];
const TOWNS: &[&str] = &[
    "Leeds", "York", "Bristol", "Cardiff", "Derby", "Exeter", "Oxford", "Preston", "Bath", "Dover",
    "Hull", "Norwich",
];

/// Paragraph `i` of a text of many incidents: a place, people injured and houses destroyed.
fn paragraph(lang: &str, i: usize, injured: usize, part_of_day: &str) -> String {
    let houses = 1 + (i * 7) % 19;
    if lang == "de" {
        let city = CITIES[i % CITIES.len()];
        format!("In {city} wurden am {part_of_day} {injured} Menschen verletzt, {houses} Häuser brannten ab.\n\n")
    } else {
        let town = TOWNS[i % TOWNS.len()];
        format!("In {town}, {injured} people were injured in the {part_of_day} and {houses} houses burned down.\n\n")
    }
}

fn injured(i: usize) -> usize {
    3 + (i * 37) % 80
}

/// A text of `n` incidents; `bump` raises the injured of one incident by five.
fn text(lang: &str, n: usize, part_of_day: &str, bump: Option<usize>) -> String {
    (0..n)
        .map(|i| {
            let extra = if bump == Some(i) { 5 } else { 0 };
            paragraph(lang, i, injured(i) + extra, part_of_day)
        })
        .collect()
}

fn doc(id: &str, published: &str, text: String) -> Document {
    let defaults = Defaults {
        published: Published::parse(published),
        lang: None,
    };
    Document::from_text(id, text, Format::Text, &Default::default(), &defaults).unwrap()
}

fn alarms(report: &Report) -> Vec<(Verdict, String, String)> {
    report
        .findings
        .iter()
        .filter(|f| f.verdict.is_alarm())
        .map(|f| {
            let t = |c: &Option<claimdiff::Claim>| {
                c.as_ref().map_or(String::new(), |c| c.text().to_string())
            };
            (f.verdict, t(&f.a), t(&f.b))
        })
        .collect()
}

const PARTS: [(&str, &str, &str); 2] = [("de", "Abend", "Morgen"), ("en", "evening", "morning")];

#[test]
fn a_text_of_many_incidents_does_not_contradict_itself() {
    for (lang, before, after) in PARTS {
        let old = doc(
            "v1",
            "2025-03-27T10:00:00+01:00",
            text(lang, 120, before, None),
        );
        let new = doc(
            "v2",
            "2025-03-27T12:00:00+01:00",
            text(lang, 120, after, None),
        );
        let claims = claimdiff::extract_all(vec![old.clone()], &Config::default()).claims;
        assert_eq!(claims.len(), 240, "{lang}: every incident has two figures");
        let report = claimdiff::diff(old.clone(), new.clone(), &Config::default());
        assert_eq!(alarms(&report), vec![], "{lang}: versions");
        let report = claimdiff::compare(vec![old, new], &Config::default());
        assert_eq!(alarms(&report), vec![], "{lang}: outlets");
    }
}

#[test]
fn one_changed_incident_is_one_finding() {
    for (lang, before, after) in PARTS {
        let old = doc(
            "v1",
            "2025-03-27T10:00:00+01:00",
            text(lang, 120, before, None),
        );
        let new = doc(
            "v2",
            "2025-03-27T12:00:00+01:00",
            text(lang, 120, after, Some(77)),
        );
        let report = claimdiff::diff(old, new, &Config::default());
        let want = (
            Verdict::Update,
            injured(77).to_string(),
            (injured(77) + 5).to_string(),
        );
        let got = alarms(&report);
        assert_eq!(got.len(), 1, "{lang}: {got:?}");
        assert_eq!(got[0].0, want.0, "{lang}: {got:?}");
        assert!(
            got[0].1.starts_with(&want.1) && got[0].2.starts_with(&want.2),
            "{lang}: {got:?}"
        );
    }
}

/// An election report gives each candidate's share: where both texts give shares of both
/// candidates, a share named for one candidate is never set against the other's, while each
/// candidate's two shares are.
#[test]
fn shares_of_different_candidates_do_not_clash() {
    let published = "2025-03-27T10:00:00+01:00";
    let a = doc(
        "a.txt",
        published,
        "Nach Auszählung aller Stimmen kam Hofer auf 48,3 Prozent, Bellen auf 51,7 Prozent.".into(),
    );
    let b = doc(
        "b.txt",
        published,
        "Nach Auszählung aller Stimmen kam Bellen auf 53,6 Prozent, Hofer auf 46,4 Prozent.".into(),
    );
    let at = |d: &Document, s: &str| {
        let k = d.text().find(s).unwrap();
        k..k + s.len()
    };
    let why =
        claimdiff::explain_outlet_pair(&a, at(&a, "48,3"), &b, at(&b, "53,6"), &Config::default())
            .unwrap();
    assert!(why.contains("shares of different names"), "{why}");
    let report = claimdiff::compare(vec![a, b], &Config::default());
    let mut got: Vec<(String, String)> = alarms(&report)
        .into_iter()
        .map(|(v, x, y)| {
            assert_eq!(v, Verdict::Contradiction);
            (x, y)
        })
        .collect();
    got.sort();
    let want = [
        ("48,3 Prozent", "46,4 Prozent"),
        ("51,7 Prozent", "53,6 Prozent"),
    ];
    assert_eq!(got.len(), 2, "{got:?}");
    for (x, y) in want {
        assert!(
            got.iter().any(|g| (g.0.as_str(), g.1.as_str()) == (x, y)
                || (g.0.as_str(), g.1.as_str()) == (y, x)),
            "{got:?}"
        );
    }
}

/// A figure a text sets in a year of its own ("im Jahr 1987", "In 2019,", "last year") is
/// history beside the text's figures of now, not a second figure for them; without the year,
/// the two figures contradict each other.
#[test]
fn a_figure_of_an_earlier_year_does_not_contradict_the_news() {
    let published = "2026-03-01T10:00:00+01:00";
    let cases = [
        (
            "In der Nacht zu Sonntag sind bei einem Brand drei Menschen ums Leben gekommen. \
             Bei dem schwersten Brand der Altstadt waren {year} vier Menschen gestorben.",
            "im Jahr 1987",
        ),
        (
            "The death toll from the bridge collapse rose to four. \
             A smaller bridge collapsed nearby {year} and killed six people.",
            "in 2019",
        ),
        (
            "41.300 Besucher sahen das Festival, teilten die Veranstalter mit. \
             Gezählt wurden {year} 38.500 Besucher.",
            "im vergangenen Jahr",
        ),
    ];
    for (template, year) in cases {
        let claims_of = |text: String| {
            claimdiff::extract::extract(&doc("a.txt", published, text), &Config::default())
        };
        let dated = claims_of(template.replace("{year}", year));
        let found = claimdiff::judge::within(&dated, &Config::default());
        assert!(
            found.iter().all(|f| !f.verdict.is_alarm()),
            "{year}: {found:?}"
        );
        // The same sentences without their year: one event, two figures.
        let undated = claims_of(template.replace("{year} ", "").replace("{year}", ""));
        let found = claimdiff::judge::within(&undated, &Config::default());
        assert!(
            found.iter().any(|f| f.verdict == Verdict::Contradiction),
            "without {year}: {found:?}"
        );
    }
}

/// A running tally told days later ("stieg die Zahl der Toten am Sonntag auf 43") is the same
/// tally grown, in either language, though each sentence names the day it was counted on; a
/// figure that is not a tally (visitors of two days) keeps its day.
#[test]
fn a_tally_counted_on_a_later_day_is_an_update() {
    let first = doc(
        "a.txt",
        "2018-08-14T20:00:00+02:00",
        "Die Feuerwehr sucht weiter nach Verschütteten. Beim Einsturz einer Autobahnbrücke in \
         Genua sind am Dienstag 35 Menschen ums Leben gekommen. Am Dienstag kamen 12.000 \
         Besucher zur Messe."
            .to_string(),
    );
    let later = [
        "Die Aufräumarbeiten dauern an. Nach dem Einsturz der Autobahnbrücke in Genua stieg die \
         Zahl der Toten am Sonntag auf 43. Am Sonntag kamen 15.000 Besucher zur Messe.",
        "Clean-up work continues. The death toll from the collapse of the motorway bridge in \
         Genoa rose to 43 on Sunday. On Sunday, 15,000 visitors came to the fair.",
    ];
    for text in later {
        let second = doc("b.txt", "2018-08-19T12:00:00+02:00", text.to_string());
        let report = claimdiff::compare(vec![first.clone(), second], &Config::default());
        assert_eq!(
            alarms(&report),
            vec![(Verdict::Update, "35 Menschen".to_string(), "43".to_string())],
            "{text}"
        );
    }
}
