//! Scores judgement on the story fixtures (`fixtures/stories/<slug>/`, format in its README):
//! every story is run the way its `gold.toml` says (`versions`: consecutive diffs; `outlets`:
//! every pair), each reported contradiction, update and correction is matched to the gold
//! findings, and the quiet pairs (traps) are checked. Precision and recall per verdict are
//! printed (`cargo test --test stories -- --nocapture`) and held above honest floors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimdiff::{Claim, Config, Defaults, Document, Finding, Verdict};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    mode: String,
    docs: Vec<String>,
    #[serde(default)]
    finding: Vec<GoldFinding>,
    #[serde(default)]
    quiet: Vec<GoldPair>,
}

#[derive(Deserialize)]
struct GoldFinding {
    finding: String,
    #[serde(default)]
    kind: String,
    a: Mention,
    b: Mention,
    why: String,
}

#[derive(Deserialize)]
struct GoldPair {
    a: Mention,
    b: Mention,
    why: String,
}

#[derive(Deserialize)]
struct Mention {
    doc: String,
    text: String,
}

/// A gold mention located in its document's text: (file name, byte range of the text).
type Located = (String, std::ops::Range<usize>);

struct Story {
    slug: String,
    docs: Vec<Document>,
    /// File name of each document id.
    names: BTreeMap<String, String>,
    gold: Gold,
}

fn load(dir: &Path) -> Story {
    let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
    let raw = std::fs::read_to_string(dir.join("gold.toml")).unwrap();
    let gold: Gold = toml::from_str(&raw).unwrap_or_else(|e| panic!("{slug}/gold.toml: {e}"));
    let mut docs = Vec::new();
    let mut names = BTreeMap::new();
    for name in &gold.docs {
        let doc = Document::read(&dir.join(name), &Defaults::default())
            .unwrap_or_else(|e| panic!("{slug}: {e}"));
        names.insert(doc.id.clone(), name.clone());
        docs.push(doc);
    }
    Story {
        slug,
        docs,
        names,
        gold,
    }
}

fn locate(story: &Story, m: &Mention) -> Located {
    let doc = story
        .docs
        .iter()
        .find(|d| story.names[&d.id] == m.doc)
        .unwrap_or_else(|| panic!("{}: gold names unknown document {}", story.slug, m.doc));
    let at = doc
        .text()
        .find(&m.text)
        .unwrap_or_else(|| panic!("{}: {:?} not found in {}", story.slug, m.text, m.doc));
    (m.doc.clone(), at..at + m.text.len())
}

fn covers(story: &Story, claim: &Option<Claim>, place: &Located) -> bool {
    let Some(c) = claim else { return false };
    story.names[&*c.doc()] == place.0 && c.text_start < place.1.end && place.1.start < c.text_end
}

fn matches(story: &Story, f: &Finding, a: &Located, b: &Located, ordered: bool) -> bool {
    (covers(story, &f.a, a) && covers(story, &f.b, b))
        || (!ordered && covers(story, &f.a, b) && covers(story, &f.b, a))
}

fn run(story: &Story, config: &Config) -> Vec<Finding> {
    let docs = story.docs.clone();
    let report = match story.gold.mode.as_str() {
        "versions" => claimdiff::versions(docs, config),
        "outlets" => claimdiff::compare(docs, config),
        other => panic!("{}: unknown mode {other}", story.slug),
    };
    report
        .findings
        .into_iter()
        .filter(|f| f.verdict.is_alarm())
        .collect()
}

/// Why the tool did not pair two outlets' figures that gold pairs, for the log of a miss.
fn explain(story: &Story, a: &Located, b: &Located, config: &Config) -> String {
    let doc = |l: &Located| {
        story
            .docs
            .iter()
            .find(|d| story.names[&d.id] == l.0)
            .unwrap()
    };
    let (da, db) = (doc(a), doc(b));
    if story.gold.mode != "outlets"
        || da.id == db.id
        || da.outlet.is_some() && da.outlet == db.outlet
    {
        return String::new();
    }
    match claimdiff::explain_outlet_pair(da, a.1.clone(), db, b.1.clone(), config) {
        Some(why) => format!("\n    tool: {why}"),
        None => "\n    tool: no claim at one of the two".to_string(),
    }
}

fn side(story: &Story, c: &Option<Claim>) -> String {
    c.as_ref()
        .map(|c| format!("{}:{:?}", story.names[&*c.doc()], c.text()))
        .unwrap_or_default()
}

#[derive(Default)]
struct Score {
    reported: usize,
    gold: usize,
    hits: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.reported == 0 {
            1.0
        } else {
            self.hits as f64 / self.reported as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.hits as f64 / self.gold as f64
        }
    }
}

const VERDICTS: [Verdict; 3] = [Verdict::Contradiction, Verdict::Update, Verdict::Correction];

/// What judgement on one set of stories scored.
struct SetScore {
    stories: usize,
    per_verdict: BTreeMap<&'static str, Score>,
    all: Score,
    quiet_total: usize,
    quiet_violated: usize,
}

/// Runs every story under `fixtures/<set>/`, prints what was missed and what was flagged
/// wrongly, then the scores per verdict.
fn score_set(set: &str) -> SetScore {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(set);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.toml").is_file())
        .collect();
    dirs.sort();

    let config = Config::default();
    let mut scores: BTreeMap<&str, Score> = VERDICTS
        .iter()
        .map(|v| (v.as_str(), Score::default()))
        .collect();
    let (mut quiet_total, mut quiet_violated) = (0, 0);
    let mut log = Vec::new();
    for dir in &dirs {
        let story = load(dir);
        let findings = run(&story, &config);
        let gold: Vec<(Verdict, Located, Located, &GoldFinding)> = story
            .gold
            .finding
            .iter()
            .map(|g| {
                (
                    g.finding.parse().unwrap(),
                    locate(&story, &g.a),
                    locate(&story, &g.b),
                    g,
                )
            })
            .collect();
        let mut found = vec![false; gold.len()];
        for f in &findings {
            let score = scores.get_mut(f.verdict.as_str()).unwrap();
            score.reported += 1;
            let ordered = f.verdict != Verdict::Contradiction;
            let hit = gold.iter().enumerate().find(|(k, (v, a, b, _))| {
                !found[*k] && *v == f.verdict && matches(&story, f, a, b, ordered)
            });
            match hit {
                Some((k, _)) => {
                    found[k] = true;
                    score.hits += 1;
                }
                None => log.push(format!(
                    "{}: false {} [{}] {} ~ {} ({})",
                    story.slug,
                    f.verdict.as_str(),
                    f.kind.as_str(),
                    side(&story, &f.a),
                    side(&story, &f.b),
                    f.reason()
                )),
            }
        }
        for (k, (v, _, _, g)) in gold.iter().enumerate() {
            scores.get_mut(v.as_str()).unwrap().gold += 1;
            if !found[k] {
                log.push(format!(
                    "{}: missed {} [{}] {}:{:?} ~ {}:{:?} ({}){}",
                    story.slug,
                    g.finding,
                    g.kind,
                    g.a.doc,
                    g.a.text,
                    g.b.doc,
                    g.b.text,
                    g.why,
                    explain(&story, &gold[k].1, &gold[k].2, &config)
                ));
            }
        }
        for q in &story.gold.quiet {
            quiet_total += 1;
            let (a, b) = (locate(&story, &q.a), locate(&story, &q.b));
            if let Some(f) = findings.iter().find(|f| matches(&story, f, &a, &b, false)) {
                quiet_violated += 1;
                log.push(format!(
                    "{}: quiet pair flagged as {}: {}:{:?} ~ {}:{:?} ({}; tool: {})",
                    story.slug,
                    f.verdict.as_str(),
                    q.a.doc,
                    q.a.text,
                    q.b.doc,
                    q.b.text,
                    q.why,
                    f.reason()
                ));
            }
        }
    }

    let all = Score {
        reported: scores.values().map(|s| s.reported).sum(),
        gold: scores.values().map(|s| s.gold).sum(),
        hits: scores.values().map(|s| s.hits).sum(),
    };
    println!("{}", log.join("\n"));
    println!("\n{set}: {} stories", dirs.len());
    println!(
        "{:<14} {:>5} {:>8} {:>4} {:>9} {:>7}",
        "verdict", "gold", "reported", "hit", "precision", "recall"
    );
    for (name, s) in scores.iter().map(|(n, s)| (*n, s)).chain([("all", &all)]) {
        println!(
            "{name:<14} {:>5} {:>8} {:>4} {:>9.2} {:>7.2}",
            s.gold,
            s.reported,
            s.hits,
            s.precision(),
            s.recall()
        );
    }
    println!("quiet pairs flagged: {quiet_violated} of {quiet_total}");
    SetScore {
        stories: dirs.len(),
        per_verdict: scores
            .into_iter()
            .map(|(k, v)| (verdict_name(k), v))
            .collect(),
        all,
        quiet_total,
        quiet_violated,
    }
}

fn verdict_name(name: &str) -> &'static str {
    VERDICTS
        .iter()
        .map(|v| v.as_str())
        .find(|v| *v == name)
        .unwrap()
}

/// Asserts precision and recall floors, per verdict or for "all".
fn assert_floors(set: &str, score: &SetScore, floors: &[(&str, f64, f64)]) {
    for &(name, p, r) in floors {
        let s = if name == "all" {
            &score.all
        } else {
            &score.per_verdict[name]
        };
        assert!(
            s.precision() >= p,
            "{set} {name}: precision {:.2} fell under {p}",
            s.precision()
        );
        assert!(
            s.recall() >= r,
            "{set} {name}: recall {:.2} fell under {r}",
            s.recall()
        );
    }
}

#[test]
fn judgement_on_the_stories() {
    let score = score_set("stories");
    assert!(
        score.stories >= 20,
        "the benchmark needs at least 20 stories, found {}",
        score.stories
    );
    // Floors a few points under what the current tool measures; raise them as judgement improves.
    assert_floors(
        "stories",
        &score,
        &[
            ("contradiction", 0.86, 0.86),
            ("update", 0.95, 0.95),
            ("correction", 0.95, 0.95),
            ("all", 0.92, 0.92),
        ],
    );
    assert!(
        score.quiet_violated <= 2,
        "quiet pairs flagged: {} of {}",
        score.quiet_violated,
        score.quiet_total
    );
}

/// The blind set (`fixtures/blind/`, its README): 29 stories written on 2026-12-04 by someone
/// who had not read the judge and never ran the tool on them. It is not tuned to: a rule
/// changed after its first score is measured here, and a new blind set is written to check it.
///
/// First score (build 7026972, before any change it prompted), 70 gold findings:
/// contradiction P 0.63 R 0.37, correction P 0.73 R 0.79, update P 0.83 R 1.00,
/// all P 0.70 R 0.54; quiet pairs flagged 4 of 241.
#[test]
fn judgement_on_the_blind_set() {
    let score = score_set("blind");
    assert!(score.stories >= 20);
    // Floors under the current figures (after the changes it prompted: all P 0.73 R 0.66):
    // they catch a rule that makes things worse.
    assert_floors("blind", &score, &[("all", 0.80, 0.69)]);
    assert!(score.quiet_violated <= 5);
}

/// Real coverage (`fixtures/real/`, its README): sentences with figures quoted from real
/// outlets' pages on 8 events, each file naming its page's address, with gold written by
/// someone who had not read the judge. Not tuned to, like the blind set.
///
/// First score (build dced8d4, before any change it prompted), 75 gold findings: contradiction
/// P 0.10 R 0.23, update P 0.36 R 0.29, all P 0.19 R 0.27; quiet pairs flagged 5 of 161.
#[test]
fn judgement_on_real_coverage() {
    let score = score_set("real");
    assert!(score.stories >= 6);
    // Floors under the current figures: they catch a rule that makes things worse.
    assert_floors("real", &score, &[("all", 0.50, 0.41)]);
    assert!(score.quiet_violated <= 6);
}

/// The second blind set (`fixtures/blind2/`, its README): 28 stories written on 2026-12-04 by
/// someone who had read neither the judge nor the first blind set, after the rules prompted by
/// the first blind set were changed. It measures those changes on text they were not written
/// from.
///
/// First score (build of this commit), 73 gold findings: contradiction P 0.64 R 0.36,
/// correction P 0.81 R 1.00, update P 1.00 R 0.70, all P 0.75 R 0.52; quiet pairs flagged
/// 6 of 266. The build before the first blind set's changes (e0cfb3e) scored all P 0.73
/// R 0.49, 7 quiet pairs flagged.
#[test]
fn judgement_on_the_second_blind_set() {
    let score = score_set("blind2");
    assert!(score.stories >= 20);
    assert_floors("blind2", &score, &[("all", 0.85, 0.56)]);
    assert!(score.quiet_violated <= 7);
}

/// The third blind set (`fixtures/blind3/`, its README): 21 stories written on 2026-12-04 by
/// someone who had read neither the judge nor the other sets, after the changes that the
/// first two sets prompted.
///
/// First score (build of this commit), 51 gold findings: contradiction P 0.74 R 0.61,
/// correction P 0.86 R 0.92, update P 1.00 R 0.80, all P 0.82 R 0.73; quiet pairs flagged
/// 3 of 153. The build before this session's changes (e0cfb3e): all P 0.83 R 0.69, 2 flagged.
#[test]
fn judgement_on_the_third_blind_set() {
    let score = score_set("blind3");
    assert!(score.stories >= 20);
    assert_floors("blind3", &score, &[("all", 0.82, 0.77)]);
    assert!(score.quiet_violated <= 4);
}

/// The fourth blind set (`fixtures/blind4/`, its README): 24 stories written on 2026-12-05 by
/// someone who had read neither the judge nor the other sets, after the outlet pairing moved
/// into `judge::pairing`.
///
/// First score (34e7912 and the build after it, neither written from this set), 80 gold
/// findings: contradiction P 0.82 R 0.58, correction P 0.83 R 0.95, update P 0.92 R 1.00,
/// all P 0.84 R 0.74; quiet pairs flagged 4 of 220.
#[test]
fn judgement_on_the_fourth_blind_set() {
    let score = score_set("blind4");
    assert!(score.stories >= 20);
    assert_floors("blind4", &score, &[("all", 0.86, 0.71)]);
    assert!(score.quiet_violated <= 5);
}

/// The fifth blind set (`fixtures/blind5/`, its README): 24 stories written on 2026-12-05 by
/// someone who had read neither the judge nor the other sets.
///
/// First score (74ffbfe, not written from this set; 2bd5d65 scores alike), 98 gold findings:
/// contradiction P 0.83 R 0.52, correction P 0.90 R 0.90, update P 1.00 R 1.00,
/// all P 0.88 R 0.65 (64 of 73 reported); quiet pairs flagged 3 of 217.
#[test]
fn judgement_on_the_fifth_blind_set() {
    let score = score_set("blind5");
    assert!(score.stories >= 20);
    assert_floors("blind5", &score, &[("all", 0.88, 0.69)]);
    assert!(score.quiet_violated <= 4);
}

/// The sixth blind set (`fixtures/blind6/`, its README): 24 stories written on 2026-12-05 by
/// someone who had read neither the judge nor the other sets.
///
/// First score (15f13d1, not written from this set), 113 gold findings: contradiction
/// P 0.64 R 0.28, correction P 0.93 R 0.93, update P 1.00 R 0.55, all P 0.79 R 0.46
/// (52 of 66 reported); quiet pairs flagged 8 of 239.
#[test]
fn judgement_on_the_sixth_blind_set() {
    let score = score_set("blind6");
    assert!(score.stories >= 20);
    assert_floors("blind6", &score, &[("all", 0.83, 0.55)]);
    assert!(score.quiet_violated <= 9);
}

/// The sets the pairing model (`judge::pairing::model`) is fitted on; the later blind and
/// real-coverage sets measure it (its doc says why the seventh and fifth have not joined).
const FITTED_ON: [&str; 11] = [
    "stories", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "real", "real2", "real3",
    "real4",
];

/// Writes `target/pairing-rows.csv`: every clash between two outlets' texts of the sets the
/// model is fitted on, with the model's inputs and whether gold flags that pair (any
/// verdict). `scripts/fit-pairing.py` fits the model on it.
#[test]
#[ignore = "writes the rows the pairing model is fitted on; run by scripts/fit-pairing.py"]
fn pairing_rows() {
    let config = Config::default();
    let mut out = String::from("set,story,verdict,label");
    for name in claimdiff::judge::model::FEATURES {
        out.push(',');
        out.push_str(name);
    }
    out.push('\n');
    for set in FITTED_ON {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(set);
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("gold.toml").is_file())
            .collect();
        dirs.sort();
        for dir in &dirs {
            let story = load(dir);
            if story.gold.mode != "outlets" {
                continue;
            }
            let gold: Vec<(Located, Located)> = story
                .gold
                .finding
                .iter()
                .map(|g| (locate(&story, &g.a), locate(&story, &g.b)))
                .collect();
            let overlaps = |doc: &str, r: &std::ops::Range<usize>, l: &Located| {
                l.0 == doc && r.start < l.1.end && l.1.start < r.end
            };
            for (k, da) in story.docs.iter().enumerate() {
                for db in &story.docs[k + 1..] {
                    if da.outlet.is_some() && da.outlet == db.outlet {
                        continue;
                    }
                    let (na, nb) = (&story.names[&da.id], &story.names[&db.id]);
                    for (ra, rb, row) in claimdiff::outlet_clash_rows(da, db, &config) {
                        let label = gold.iter().any(|(x, y)| {
                            (overlaps(na, &ra, x) && overlaps(nb, &rb, y))
                                || (overlaps(na, &ra, y) && overlaps(nb, &rb, x))
                        });
                        out.push_str(&format!(
                            "{set},{},{},{}",
                            story.slug,
                            row.verdict.as_str(),
                            u8::from(label)
                        ));
                        for x in row.inputs {
                            out.push_str(&format!(",{x:.4}"));
                        }
                        out.push('\n');
                    }
                }
            }
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pairing-rows.csv");
    std::fs::write(&path, out).unwrap();
}

/// The second real-coverage set (`fixtures/real2/`, its README): 8 real events, 60 outlets'
/// pages quoted on 2026-12-05 by someone who had read neither the judge nor the other sets.
///
/// First score (f8fe5ae, before the fitted pairing model), 65 gold findings: contradiction
/// P 0.07 R 0.47, update P 0.71 R 0.50, all P 0.21 R 0.49; quiet pairs flagged 19 of 269.
#[test]
fn judgement_on_real_coverage_2() {
    let score = score_set("real2");
    assert!(score.stories >= 6);
    assert_floors("real2", &score, &[("all", 0.41, 0.54)]);
}

/// The third real-coverage set (`fixtures/real3/`, its README): 8 real events, 63 outlets'
/// pages quoted on 2026-12-05 by someone who had read neither the judge nor the other sets.
///
/// First score (882fff8), 112 gold findings, 166 reported, 48 hit: contradiction P 0.18 R 0.36,
/// update P 0.47 R 0.49, all P 0.29 R 0.43; quiet pairs flagged 15 of 173.
#[test]
fn judgement_on_real_coverage_3() {
    let score = score_set("real3");
    assert!(score.stories >= 6);
    assert_floors("real3", &score, &[("all", 0.37, 0.44)]);
}

/// The fourth real-coverage set (`fixtures/real4/`, its README): 8 real events, 69 outlets'
/// pages quoted on 2026-12-05 by someone who had read neither the judge nor the other sets.
///
/// First score (code of 15f13d1, gold frozen in the commit before this test), 148 gold findings,
/// 118 reported, 36 hit: contradiction P 0.10 R 0.15, update P 0.59 R 0.29, all P 0.31 R 0.24;
/// quiet pairs flagged 15 of 308.
#[test]
fn judgement_on_real_coverage_4() {
    let score = score_set("real4");
    assert!(score.stories >= 6);
    assert_floors("real4", &score, &[("all", 0.34, 0.27)]);
}

/// The seventh blind set (`fixtures/blind7/`, its README): 24 invented stories (8 de, 8 en,
/// 8 de↔en; 7 in versions mode, 17 in outlets mode) in domains the earlier sets did not stress,
/// written on 2026-12-05 by someone who had read neither the judge nor the other sets.
///
/// First score (code of 5c322cd, gold frozen in the commit before this test), 117 gold findings,
/// 69 reported, 61 hit: contradiction P 0.94 R 0.39, correction P 0.80 R 0.92, update P 1.00
/// R 0.47, all P 0.88 R 0.52; quiet pairs flagged 1 of 215.
#[test]
fn judgement_on_the_seventh_blind_set() {
    let score = score_set("blind7");
    assert!(score.stories >= 20);
    assert_floors("blind7", &score, &[("all", 0.85, 0.50)]);
}

/// The fifth real-coverage set (`fixtures/real5/`, its README): 7 real events (Christchurch,
/// the Camp Fire, Beirut, Ethiopian 302, Soma, Dorian, Sewol), 57 outlets' pages quoted on
/// 2026-12-05 by someone who had read neither the judge nor the other sets.
///
/// First score (code of 5c322cd, gold frozen in the commit before this test), 159 gold findings,
/// 89 reported, 40 hit: contradiction P 0.25 R 0.16, update P 0.52 R 0.28, all P 0.45 R 0.25;
/// quiet pairs flagged 4 of 225.
#[test]
fn judgement_on_real_coverage_5() {
    let score = score_set("real5");
    assert!(score.stories >= 6);
    assert_floors("real5", &score, &[("all", 0.50, 0.34)]);
}

/// The eighth blind set (`fixtures/blind8/`, its README): 27 invented stories (9 de, 9 en,
/// 9 de↔en; 9 in versions mode, 18 in outlets mode) in domains the earlier sets did not stress
/// (elections with seats, fines and sentences, company results, a census, a volcano, ...),
/// written on 2026-12-05 by someone who had read neither the judge nor the other sets.
///
/// First score (code of 63503b4, gold frozen in its merge), 141 gold findings, 92 reported,
/// 78 hit: contradiction P 0.95 R 0.45, correction P 0.73 R 0.88, update P 0.90 R 0.45, all
/// P 0.85 R 0.55; quiet pairs flagged 3 of 229.
#[test]
fn judgement_on_the_eighth_blind_set() {
    let score = score_set("blind8");
    assert!(score.stories >= 20);
    assert_floors("blind8", &score, &[("all", 0.83, 0.52)]);
}

/// The sixth real-coverage set (`fixtures/real6/`, its README): 8 real events (Haiyan, the
/// Breivik verdict, the 2019 UK election, the Santiago train crash, the 2018 World Cup final,
/// the 2015 Greek bailout, the Singapore summit, a million Covid-19 deaths), 120 outlets' pages
/// quoted on 2026-12-05 by someone who had read neither the judge nor the other sets (its
/// README says which one gold file of another set was glanced at for the format).
///
/// First score (code of 63503b4, gold frozen in its merge), 172 gold findings, 195 reported,
/// 47 hit: contradiction P 0.16 R 0.24, update P 0.50 R 0.31, all P 0.24 R 0.27; quiet pairs
/// flagged 6 of 373.
#[test]
fn judgement_on_real_coverage_6() {
    let score = score_set("real6");
    assert!(score.stories >= 6);
    assert_floors("real6", &score, &[("all", 0.22, 0.25)]);
}

/// The ninth blind set (`fixtures/blind9/`, its README): 27 invented stories (9 de, 9 en,
/// 9 de↔en; 8 in versions mode, 19 in outlets mode), written on 2026-12-06 by someone who had
/// read neither the judge nor the other sets.
///
/// First score (code of 70b10bb, before that session's rule changes; gold frozen in df7d903),
/// 143 gold findings, 79 reported, 66 hit: contradiction P 0.92 R 0.35, correction P 0.74
/// R 0.74, update P 0.82 R 0.56, all P 0.84 R 0.46; quiet pairs flagged 6 of 266.
#[test]
fn judgement_on_the_ninth_blind_set() {
    let score = score_set("blind9");
    assert!(score.stories >= 20);
    assert_floors("blind9", &score, &[("all", 0.80, 0.43)]);
}

/// The seventh real-coverage set (`fixtures/real7/`, its README): 8 real events (the Surfside
/// collapse, the 2019 Hong Kong marches, the Chilean miners' rescue, the 2013 conclave, the
/// Rigopiano avalanche, the Notre-Dame fire, the Chibok kidnapping, the Catalan referendum),
/// 125 outlets' pages quoted by someone who had read neither the judge nor the other sets.
///
/// First score (code of c3c5f4a, which none of its pages was read for; gold frozen in its
/// merge), 374 gold findings, 206 reported, 62 hit: contradiction P 0.20 R 0.16, update P 0.60
/// R 0.17, all P 0.30 R 0.17; quiet pairs flagged 10 of 636.
#[test]
fn judgement_on_real_coverage_7() {
    let score = score_set("real7");
    assert!(score.stories >= 8);
    assert_floors("real7", &score, &[("all", 0.28, 0.15)]);
}

/// The tenth blind set (`fixtures/blind10/`, its README): 27 invented stories (9 de, 9 en,
/// 9 de↔en; 8 in versions mode, 19 in outlets mode), written on 2026-12-06 by someone who had
/// read neither the judge nor the other sets.
///
/// First score (code of e2babd3, before that session's rule changes; gold frozen in d4c1409),
/// 142 gold findings, 90 reported, 73 hit: contradiction P 0.92 R 0.36, correction P 0.70
/// R 0.82, update P 0.81 R 0.74, all P 0.81 R 0.51; quiet pairs flagged 4 of 201. With that
/// session's rules (fractions, feminine forms, cognates, cases and the displaced as tallies):
/// 74 hit in 90, all P 0.82 R 0.52.
#[test]
fn judgement_on_the_tenth_blind_set() {
    let score = score_set("blind10");
    assert!(score.stories >= 20);
    assert_floors("blind10", &score, &[("all", 0.79, 0.49)]);
}
