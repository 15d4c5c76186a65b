//! The article this project started from (kept outside the repository, in `../shared/seed/`):
//! given its publication day, every claim the issue lists is extracted with its value and date.

use std::path::PathBuf;

use claimdiff::{extract, Config, Defaults, Document, Published};

fn seed_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn seed_article_claims() {
    let files = seed_files();
    if files.is_empty() {
        eprintln!("seed article not found beside the repository; nothing to check");
        return;
    }
    let defaults = Defaults {
        published: Published::parse("2025-03-27"),
        lang: None,
    };
    let doc = Document::read(&files[0], &defaults).unwrap();
    let claims = extract::extract(&doc, &Config::default());
    let show: Vec<String> = claims
        .iter()
        .map(|c| {
            format!(
                "{:?} {} {:?} {:?} {:?}",
                c.kind,
                c.subject,
                c.text(),
                c.interval,
                c.days
            )
        })
        .collect();
    let has = |pred: &dyn Fn(&claimdiff::Claim) -> bool, what: &str| {
        assert!(claims.iter().any(pred), "missing {what}; claims: {show:#?}");
    };
    let day = |c: &claimdiff::Claim| {
        c.days
            .map(|d| (d.start.to_string(), d.end.map(|e| e.to_string())))
    };
    let count = claims
        .iter()
        .filter(|c| c.subject == "country" && c.lo() == Some(27.0) && c.hi() == Some(29.0))
        .count();
    assert_eq!(count, 2, "fast 30 Ländern, twice; claims: {show:#?}");
    has(
        &|c| c.kind == claimdiff::Kind::Ordinal && c.subject == "meeting" && c.value == Some(3.0),
        "the third meeting",
    );
    has(
        &|c| {
            c.kind == claimdiff::Kind::EventAge
                && c.subject == "war"
                && day(c) == Some(("2021-03-28".into(), Some("2022-03-27".into())))
        },
        "the invasion in its fourth year",
    );
    has(
        &|c| {
            c.kind == claimdiff::Kind::Date
                && c.text().contains("Mittwoch")
                && day(c) == Some(("2025-03-26".into(), None))
        },
        "Wednesday",
    );
    has(
        &|c| {
            c.kind == claimdiff::Kind::Date
                && c.text().contains("Donnerstag")
                && day(c) == Some(("2025-03-27".into(), None))
        },
        "Thursday",
    );
    has(
        &|c| c.subject == "people_injured" && c.lo() == Some(24.0) && c.hi() == Some(99.0),
        "dozens injured",
    );
    has(
        &|c| c.subject == "people_killed" && c.lo() == Some(1.0) && c.hi() == Some(1.0),
        "one killed",
    );
    has(
        &|c| {
            c.kind == claimdiff::Kind::Duration
                && c.unit.as_deref() == Some("week")
                && c.lo() == Some(3.0)
                && c.hi() == Some(9.0)
        },
        "several weeks",
    );
    // Not claims: the first line of defence, a step to peace, the quote's numbers-free text.
    assert!(
        !claims.iter().any(|c| c.text().contains("ersten")),
        "an ordinal that numbers no event: {show:#?}"
    );
    // The president's last quote is left open at the end of its paragraph (one paragraph per
    // line); it ends there, so the meeting and the weeks after it are nobody's words.
    for c in claims
        .iter()
        .filter(|c| matches!(c.kind, claimdiff::Kind::Ordinal | claimdiff::Kind::Duration))
    {
        assert_eq!(c.attribution, None, "{} is not a quote", c.text());
    }
}
