//! Scores the claim scanner on the sentence gold (`fixtures/gold/extract_{de,en}.jsonl`).
//!
//! Each gold sentence becomes one document with its `published` day and language. A predicted
//! claim matches a gold claim of the same kind whose mention overlaps it. Detection is scored as
//! precision, recall and F1 per language and kind; among matched claims, the value (qualifier,
//! value, lo/hi, unit, date/date_end), the subject (where gold names one) and the attribution
//! (where gold has the key; null means nobody is quoted) are scored as accuracy. The table goes to stderr (past the test harness's capture); the floors below are
//! set a few points under the measured figures so that a regression fails and noise does not.

use std::collections::BTreeMap;
use std::path::Path;

use claimdiff::{extract, Claim, Config, Defaults, Document, Format, Lang, Published};
use serde_json::Value;

const KINDS: &[&str] = &[
    "count",
    "ordinal",
    "percent",
    "money",
    "event_age",
    "duration",
    "date",
];

#[derive(Default, Clone, Copy)]
struct Score {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
    value_right: usize,
    value_scored: usize,
    subject_right: usize,
    subject_scored: usize,
    attribution_right: usize,
    attribution_scored: usize,
    /// Among gold claims that name a speaker.
    speaker_right: usize,
    speaker_scored: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.true_positive += o.true_positive;
        self.false_positive += o.false_positive;
        self.false_negative += o.false_negative;
        self.value_right += o.value_right;
        self.value_scored += o.value_scored;
        self.subject_right += o.subject_right;
        self.subject_scored += o.subject_scored;
        self.attribution_right += o.attribution_right;
        self.attribution_scored += o.attribution_scored;
        self.speaker_right += o.speaker_right;
        self.speaker_scored += o.speaker_scored;
    }

    fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn value_accuracy(&self) -> f64 {
        ratio(self.value_right, self.value_scored)
    }

    fn subject_accuracy(&self) -> f64 {
        ratio(self.subject_right, self.subject_scored)
    }

    fn attribution_accuracy(&self) -> f64 {
        ratio(self.attribution_right, self.attribution_scored)
    }

    fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_scored)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn number(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

/// Whether the predicted claim says what the gold claim says (hedge, numbers, unit, days).
fn value_matches(gold: &Value, claim: &Claim) -> bool {
    let kind = gold["kind"].as_str().unwrap_or("");
    if let Some(q) = gold["qualifier"].as_str() {
        if kind != "date" && q != claim.qualifier.as_str() {
            return false;
        }
    }
    match kind {
        "date" => {
            let date = claim.days.map(|d| d.start.to_string());
            let end = claim.days.and_then(|d| d.end).map(|d| d.to_string());
            gold["date"].as_str().map(str::to_string) == date
                && gold["date_end"].as_str().map(str::to_string) == end
        }
        "ordinal" => close(number(&gold["value"]), claim.value),
        _ => {
            let unit_ok = gold["unit"]
                .as_str()
                .is_none_or(|u| claim.unit.as_deref() == Some(u));
            let days_ok = kind != "event_age"
                || (gold["date"].as_str().map(str::to_string)
                    == claim.days.map(|d| d.start.to_string())
                    && gold["date_end"].as_str().map(str::to_string)
                        == claim.days.and_then(|d| d.end).map(|d| d.to_string()));
            unit_ok
                && days_ok
                && close(number(&gold["value"]), claim.value)
                && close(number(&gold["lo"]), claim.lo())
                && close(number(&gold["hi"]), claim.hi())
        }
    }
}

/// Speakers match on the surname: gold "Marsh" matches a predicted "Helen Marsh" and back.
fn same_speaker(gold: &str, predicted: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().unwrap_or("").to_lowercase();
    last(gold) == last(predicted)
}

struct Miss {
    id: String,
    what: String,
}

fn score_file(
    path: &Path,
    lang: Lang,
    kinds: &[&'static str],
    scores: &mut BTreeMap<&'static str, Score>,
    misses: &mut Vec<Miss>,
    detected: &mut (usize, usize),
) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let config = Config::default();
    for (line_no, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), line_no + 1));
        let id = record["id"].as_str().unwrap_or("?").to_string();
        let sentence = record["text"]
            .as_str()
            .expect("gold sentence has text")
            .to_string();
        let published = record["published"].as_str().and_then(Published::parse);

        // Language detection per document, scored apart from extraction.
        let guessed = Document::from_text(
            &id,
            sentence.clone(),
            Format::Text,
            &Default::default(),
            &Defaults {
                published,
                lang: None,
            },
        )
        .expect("gold sentence reads as a document");
        detected.1 += 1;
        if guessed.lang == lang {
            detected.0 += 1;
        } else {
            misses.push(Miss {
                id: id.clone(),
                what: format!("language read as {}", guessed.lang.code()),
            });
        }

        let doc = Document::from_text(
            &id,
            sentence.clone(),
            Format::Text,
            &Default::default(),
            &Defaults {
                published,
                lang: Some(lang),
            },
        )
        .expect("gold sentence reads as a document");
        let predicted: Vec<Claim> = extract::extract(&doc, &config)
            .into_iter()
            .filter(|c| kinds.contains(&c.kind.as_str()))
            .collect();
        let mut used = vec![false; predicted.len()];
        let mut taken_spans: Vec<(usize, usize)> = Vec::new();

        for gold in record["claims"].as_array().into_iter().flatten() {
            let kind = gold["kind"].as_str().expect("gold claim has a kind");
            let Some(&kind) = kinds.iter().find(|k| **k == kind) else {
                continue;
            };
            let mention = gold["text"].as_str().expect("gold claim has a text");
            // The mention's first occurrence not yet given to another gold claim.
            let mut from = 0;
            let span = loop {
                match sentence[from..].find(mention) {
                    Some(at) => {
                        let span = (from + at, from + at + mention.len());
                        if !taken_spans.contains(&span) {
                            break Some(span);
                        }
                        from = span.0 + 1;
                        while !sentence.is_char_boundary(from) {
                            from += 1;
                        }
                    }
                    None => break None,
                }
            };
            let (gs, ge) = span
                .unwrap_or_else(|| panic!("{id}: gold text {mention:?} is not in the sentence"));
            taken_spans.push((gs, ge));
            let score = scores.entry(kind).or_default();
            let hit = predicted
                .iter()
                .enumerate()
                .filter(|(k, c)| {
                    !used[*k] && c.kind.as_str() == kind && c.text_start < ge && gs < c.text_end
                })
                .min_by_key(|(_, c)| c.text_start.abs_diff(gs))
                .map(|(k, _)| k);
            let Some(k) = hit else {
                score.false_negative += 1;
                misses.push(Miss {
                    id: id.clone(),
                    what: format!("missed {kind} {mention:?}"),
                });
                continue;
            };
            used[k] = true;
            score.true_positive += 1;
            let claim = &predicted[k];
            score.value_scored += 1;
            if value_matches(gold, claim) {
                score.value_right += 1;
            } else {
                misses.push(Miss {
                    id: id.clone(),
                    what: format!(
                        "value {kind} {mention:?}: gold {} {} {}..{} {} {}, got {} {:?} {:?}..{:?} {:?} {:?}",
                        gold["qualifier"], gold["value"], gold["lo"], gold["hi"], gold["unit"], gold["date"],
                        claim.qualifier.as_str(), claim.value, claim.lo(), claim.hi(), claim.unit, claim.days.map(|d| d.start)
                    ),
                });
            }
            if let Some(subject) = gold["subject"].as_str() {
                score.subject_scored += 1;
                if subject == claim.subject {
                    score.subject_right += 1;
                } else {
                    misses.push(Miss {
                        id: id.clone(),
                        what: format!(
                            "subject {kind} {mention:?}: gold {subject}, got {}",
                            claim.subject
                        ),
                    });
                }
            }
            // Present and null means "nobody is quoted": a speaker found there is an error too.
            if let Some(attribution) = gold.get("attribution") {
                let gold_speaker = attribution.as_str();
                score.attribution_scored += 1;
                let right = match (gold_speaker, claim.attribution.as_deref()) {
                    (Some(g), Some(p)) => same_speaker(g, p),
                    (None, None) => true,
                    _ => false,
                };
                if gold_speaker.is_some() {
                    score.speaker_scored += 1;
                    score.speaker_right += usize::from(right);
                }
                if right {
                    score.attribution_right += 1;
                } else {
                    misses.push(Miss {
                        id: id.clone(),
                        what: format!(
                            "attribution {kind} {mention:?}: gold {gold_speaker:?}, got {:?}",
                            claim.attribution
                        ),
                    });
                }
            }
        }
        for (k, claim) in predicted.iter().enumerate() {
            if !used[k] {
                let kind = kinds
                    .iter()
                    .find(|x| **x == claim.kind.as_str())
                    .expect("filtered to scored kinds");
                scores.entry(kind).or_default().false_positive += 1;
                misses.push(Miss {
                    id: id.clone(),
                    what: format!("false {kind} {:?} ({})", claim.text(), claim.subject),
                });
            }
        }
    }
}

fn row(name: &str, s: &Score) -> String {
    format!(
        "{name:<10} {:>4} {:>4} {:>4}  P {:.3}  R {:.3}  F1 {:.3}  value {:.3} ({:>3})  subject {:.3} ({:>3})  attribution {:.3} ({:>3}) named {:.3} ({:>2})",
        s.true_positive,
        s.false_positive,
        s.false_negative,
        s.precision(),
        s.recall(),
        s.f1(),
        s.value_accuracy(),
        s.value_scored,
        s.subject_accuracy(),
        s.subject_scored,
        s.attribution_accuracy(),
        s.attribution_scored,
        s.speaker_accuracy(),
        s.speaker_scored,
    )
}

struct Floors {
    /// (kind, minimum F1, minimum value accuracy) per kind of this scanner's own.
    kinds: &'static [(&'static str, f64, f64)],
    /// Minimum F1 over all scored kinds together.
    f1: f64,
    subject: f64,
    /// Over claims with the key (null included), and over claims that name a speaker.
    attribution: f64,
    speaker: f64,
    detection: f64,
}

fn run(lang: Lang, floors: &Floors) {
    run_file("extract", KINDS, lang, floors)
}

/// Scores one gold file (`fixtures/gold/<name>_<lang>.jsonl`) on the given kinds.
fn run_file(name: &str, kinds: &[&'static str], lang: Lang, floors: &Floors) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(format!("fixtures/gold/{name}_{}.jsonl", lang.code()));
    let mut scores = BTreeMap::new();
    let mut misses = Vec::new();
    let mut detected = (0, 0);
    score_file(&path, lang, kinds, &mut scores, &mut misses, &mut detected);

    let mut report = format!("\nclaim extraction, {name} {} (tp fp fn)\n", lang.code());
    let mut all = Score::default();
    let mut own = Score::default();
    for kind in kinds {
        let s = scores.get(kind).copied().unwrap_or_default();
        report.push_str(&row(kind, &s));
        report.push('\n');
        all.add(&s);
        if floors.kinds.iter().any(|(k, _, _)| k == kind) {
            own.add(&s);
        }
    }
    report.push_str(&row("quantities", &own));
    report.push('\n');
    report.push_str(&row("all", &all));
    report.push('\n');
    report.push_str(&format!(
        "language detected right: {}/{}\n",
        detected.0, detected.1
    ));
    if std::env::var_os("CLAIMDIFF_GOLD_MISSES").is_some() {
        for m in &misses {
            report.push_str(&format!("  {}: {}\n", m.id, m.what));
        }
    }
    // Written to the stream itself, not through eprintln!, so the table shows without --nocapture.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), report.as_bytes());

    let mut failures = Vec::new();
    for &(kind, f1, value) in floors.kinds {
        let s = scores.get(kind).copied().unwrap_or_default();
        if s.f1() < f1 {
            failures.push(format!("{kind}: F1 {:.3} below {f1}", s.f1()));
        }
        if s.value_accuracy() < value {
            failures.push(format!(
                "{kind}: value accuracy {:.3} below {value}",
                s.value_accuracy()
            ));
        }
    }
    if own.f1() < floors.f1 {
        failures.push(format!(
            "F1 over the quantity kinds {:.3} below {}",
            own.f1(),
            floors.f1
        ));
    }
    if own.subject_accuracy() < floors.subject {
        failures.push(format!(
            "subject accuracy {:.3} below {}",
            own.subject_accuracy(),
            floors.subject
        ));
    }
    if all.speaker_accuracy() < floors.speaker {
        failures.push(format!(
            "named-speaker accuracy {:.3} below {}",
            all.speaker_accuracy(),
            floors.speaker
        ));
    }
    if all.attribution_accuracy() < floors.attribution {
        failures.push(format!(
            "attribution accuracy {:.3} below {}",
            all.attribution_accuracy(),
            floors.attribution
        ));
    }
    let detection = ratio(detected.0, detected.1);
    if detection < floors.detection {
        failures.push(format!(
            "language detection {detection:.3} below {}",
            floors.detection
        ));
    }
    assert!(
        failures.is_empty(),
        "{} gold below floors:\n{}\n(set CLAIMDIFF_GOLD_MISSES=1 to list misses)",
        lang.code(),
        failures.join("\n")
    );
}

#[test]
fn german_gold() {
    run(
        Lang::De,
        &Floors {
            kinds: &[
                ("count", 0.96, 0.97),
                ("ordinal", 0.95, 0.97),
                ("percent", 0.96, 0.97),
                ("money", 0.96, 0.93),
            ],
            f1: 0.97,
            subject: 0.94,
            attribution: 0.97,
            speaker: 0.85,
            detection: 0.99,
        },
    );
}

#[test]
fn english_gold() {
    run(
        Lang::En,
        &Floors {
            kinds: &[
                ("count", 0.94, 0.97),
                ("ordinal", 0.93, 0.97),
                ("percent", 0.96, 0.97),
                ("money", 0.93, 0.9),
            ],
            f1: 0.95,
            subject: 0.93,
            attribution: 0.97,
            speaker: 0.85,
            detection: 0.99,
        },
    );
}

/// Forty sentences per language written after the rules were tuned on `extract_*`, to check
/// that they generalize; only the quantity kinds are annotated. Measured once before any fix:
/// F1 0.976 (de) and 0.976 (en); the misses it showed (partitive "31 der 90 Sitze", "nahm …
/// fest", nouns after a capitalized German noun, "a $2.3 billion", "a fourth is") were then
/// fixed as general rules, so these files are no longer unseen.
/// Floors of the held-out sets, the same for both languages.
const HELD_OUT_FLOORS: Floors = Floors {
    kinds: &[
        ("count", 0.92, 0.95),
        ("ordinal", 0.85, 0.95),
        ("percent", 0.92, 0.95),
        ("money", 0.85, 0.95),
    ],
    f1: 0.95,
    subject: 0.9,
    attribution: 0.97,
    speaker: 0.0,
    detection: 0.95,
};

/// Floors of the sets measured once before tuning, under that first measurement.
const UNSEEN_FLOORS: Floors = Floors {
    kinds: &[
        ("count", 0.9, 0.9),
        ("ordinal", 0.85, 0.9),
        ("percent", 0.85, 0.9),
        ("money", 0.8, 0.9),
    ],
    f1: 0.93,
    subject: 0.85,
    attribution: 0.97,
    speaker: 0.0,
    detection: 0.95,
};

const QUANTITY_KINDS: &[&str] = &["count", "ordinal", "percent", "money"];

#[test]
fn german_held_out() {
    run_file("heldout", QUANTITY_KINDS, Lang::De, &HELD_OUT_FLOORS);
}

#[test]
fn english_held_out() {
    run_file("heldout", QUANTITY_KINDS, Lang::En, &HELD_OUT_FLOORS);
}

/// Thirty sentences per language written last. Measured once before any change: F1 1.000 (de)
/// and 0.960 (en), value accuracy 0.962 and 0.958; the two rules they showed missing ("einige
/// hundert" as vague hundreds, a currency sign inside a range "between £2m and £3m") were then
/// added. Floors stay under the first measurement.
#[test]
fn german_held_out_unseen() {
    run_file("heldout2", QUANTITY_KINDS, Lang::De, &UNSEEN_FLOORS);
}

#[test]
fn english_held_out_unseen() {
    run_file("heldout2", QUANTITY_KINDS, Lang::En, &UNSEEN_FLOORS);
}

/// Forty sentences per language written last, before the tool was run on them, over all seven
/// kinds (dates, event ages and durations included) with pitfalls that state nothing. Measured
/// once before any change (de / en): F1 0.958 / 0.969, value accuracy 1.000 / 0.987, subject
/// accuracy 0.875 / 0.804, attribution 0.981 / 1.000. The rules their misses showed (a
/// weekday before a figure taken for a name, "davon knapp 1.200" and "including 900", a bare
/// figure in a clause of its own, "EU-Staaten", "ein Feuerwehrmann … Verletzungen", "a maximum
/// sentence of", "in as many years", "this year" beside an ordinal, a German tag verb before
/// its speaker, "walkout", a round of voting, "this season" as a frame) were then added, so
/// these files are no longer unseen (after them: F1 1.000 / 0.994, value 1.000 / 1.000,
/// subject 0.978 / 0.898). Floors stay under the first measurement.
const BLIND_FLOORS: Floors = Floors {
    kinds: &[
        ("count", 0.88, 0.95),
        ("ordinal", 0.9, 0.95),
        ("percent", 0.9, 0.95),
        ("money", 0.9, 0.95),
        ("event_age", 0.9, 0.95),
        ("duration", 0.85, 0.75),
        ("date", 0.9, 0.95),
    ],
    f1: 0.93,
    subject: 0.78,
    attribution: 0.95,
    speaker: 0.6,
    detection: 0.95,
};

#[test]
fn german_heldout3_blind() {
    run_file("heldout3", KINDS, Lang::De, &BLIND_FLOORS);
}

#[test]
fn english_heldout3_blind() {
    run_file("heldout3", KINDS, Lang::En, &BLIND_FLOORS);
}
