//! Helpers of `scripts/bench-batch.sh`: generates a synthetic news corpus for `claimdiff batch`
//! and runs the plain regex scan that the benchmark uses as a reference, and the floor: reading,
//! parsing and splitting the corpus with no extraction.
//!
//! ```text
//! cargo run --release --example batch_corpus -- generate corpus.jsonl 200   # about 200 MB
//! cargo run --release --example batch_corpus -- scan corpus.jsonl           # prints bytes seconds matches
//! cargo run --release --example batch_corpus -- floor corpus.jsonl          # bytes seconds sentences
//! ```
//!
//! The corpus: articles in German and English, each with two to five versions from one or two
//! outlets, whose figures change between versions (running tallies rise, a hedge changes, a
//! paragraph is added), the manifest lines of neighbouring articles interleaved and some
//! versions listed out of order. Filler sentences are composed from parts, so a text seldom
//! repeats one. The same seed gives the same corpus.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const DE_CITIES: &[&str] = &[
    "Bremen",
    "Leipzig",
    "Kassel",
    "Freiburg",
    "Rostock",
    "Augsburg",
    "Münster",
    "Erfurt",
    "Saarbrücken",
    "Lübeck",
];
const EN_CITIES: &[&str] = &[
    "Leeds", "Cardiff", "Glasgow", "Bristol", "Norwich", "Halifax", "Dundee", "Exeter", "Derby",
    "York",
];
const DE_WEEKDAYS: &[&str] = &[
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const EN_WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DE_MONTHS: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const EN_MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DE_ORDINALS: &[&str] = &["zweite", "dritte", "vierte", "fünfte", "sechste"];
const EN_ORDINALS: &[&str] = &["second", "third", "fourth", "fifth", "sixth"];
const DE_HEDGES: &[&str] = &[
    "",
    "rund ",
    "fast ",
    "mehr als ",
    "mindestens ",
    "etwa ",
    "knapp ",
];
const EN_HEDGES: &[&str] = &[
    "",
    "about ",
    "nearly ",
    "more than ",
    "at least ",
    "around ",
    "almost ",
];

// Filler sentences are put together from a subject, a predicate and a tail, so that (as in
// real articles) a text seldom repeats a sentence, while the versions of one article still share
// most of theirs.
const DE_SUBJECTS: &[&str] = &[
    "Ein Sprecher der Stadtverwaltung",
    "Die Opposition im Landtag",
    "Die Oberbürgermeisterin",
    "Der Innenminister des Landes",
    "Eine Sprecherin des Roten Kreuzes",
    "Die Gewerkschaft der Beschäftigten",
    "Der Verband der Handwerksbetriebe",
    "Die Staatsanwaltschaft",
    "Ein Vertreter der Anwohnerinitiative",
    "Die Leiterin des Krisenstabs",
    "Der Landrat des Nachbarkreises",
    "Eine Expertin für Katastrophenschutz",
];
const DE_PREDICATES: &[&str] = &[
    "verlangte eine rasche und lückenlose Aufklärung der Abläufe",
    "warnte vor den Folgen für kleinere Betriebe in der Region",
    "wollte sich zu den Einzelheiten zunächst nicht äußern",
    "kritisierte die Abstimmung zwischen den beteiligten Behörden",
    "lobte den Einsatz der Helferinnen und Helfer ausdrücklich",
    "forderte zusätzliche Mittel für die betroffenen Gemeinden",
    "verwies auf die noch laufenden Ermittlungen",
    "hielt die bisherigen Maßnahmen für unzureichend",
    "bat die Bevölkerung um Geduld und Besonnenheit",
    "sprach von einer schwierigen Lage für alle Beteiligten",
    "mahnte eine bessere Ausstattung der Rettungsdienste an",
    "zeigte sich von der Entscheidung enttäuscht",
];
const DE_TAILS: &[&str] = &[
    "",
    " am Rande einer Pressekonferenz",
    " in einer schriftlichen Stellungnahme",
    " nach einer Sitzung im Rathaus",
    " im Gespräch mit Journalisten",
    " vor Vertretern der örtlichen Presse",
    " in einem Interview mit dem Regionalfernsehen",
    " bei einem Besuch an der Unglücksstelle",
    " auf einer Versammlung im Gemeindesaal",
    " in einer ersten Reaktion",
];
const EN_SUBJECTS: &[&str] = &[
    "A council spokesperson",
    "The opposition leader",
    "The mayor",
    "The regional interior minister",
    "A spokeswoman for the Red Cross",
    "The staff union",
    "The association of small businesses",
    "The public prosecutor",
    "A representative of the residents' group",
    "The head of the emergency committee",
    "The leader of the neighbouring county",
    "An expert on disaster response",
];
const EN_PREDICATES: &[&str] = &[
    "called for a swift and complete inquiry into what went wrong",
    "warned of the consequences for smaller firms in the region",
    "declined to comment on the details",
    "criticised the coordination between the authorities involved",
    "praised the work of the volunteers and rescue crews",
    "asked for more money for the communities affected",
    "pointed to the investigation that is still under way",
    "described the measures taken so far as inadequate",
    "asked residents to stay calm and patient",
    "spoke of a difficult situation for everyone involved",
    "urged better equipment for the emergency services",
    "voiced disappointment at the decision",
];
const EN_TAILS: &[&str] = &[
    "",
    " on the sidelines of a press conference",
    " in a written statement",
    " after a meeting at the town hall",
    " in an interview with reporters",
    " in front of the local press",
    " in an interview with regional television",
    " during a visit to the scene",
    " at a meeting in the parish hall",
    " in a first reaction",
];

fn filler(de: bool, rng: &mut Rng) -> String {
    let (subjects, predicates, tails) = if de {
        (DE_SUBJECTS, DE_PREDICATES, DE_TAILS)
    } else {
        (EN_SUBJECTS, EN_PREDICATES, EN_TAILS)
    };
    let subject = rng.pick(subjects);
    let predicate = rng.pick(predicates);
    let tail = rng.pick(tails);
    format!("{subject} {predicate}{tail}.")
}

/// The figures of one article; versions change some of them.
#[derive(Clone)]
struct Facts {
    killed: usize,
    injured: usize,
    countries: usize,
    hedge: usize,
    ordinal: usize,
    weekday: usize,
    day: usize,
    month: usize,
    percent: usize,
    millions: usize,
    days: usize,
    city: usize,
}

fn fact_sentences(de: bool, f: &Facts) -> Vec<String> {
    if de {
        let city = DE_CITIES[f.city];
        vec![
            format!(
                "Bei dem Unglück in {city} kamen nach Angaben der Polizei {} Menschen ums Leben.",
                f.killed
            ),
            format!(
                "{} weitere Personen wurden verletzt, einige von ihnen schwer.",
                f.injured
            ),
            format!(
                "Am {} trafen sich Vertreter aus {}{} Ländern, um über die Folgen zu beraten.",
                DE_WEEKDAYS[f.weekday], DE_HEDGES[f.hedge], f.countries
            ),
            format!(
                "Es war bereits das {} Treffen dieser Art in diesem Jahr.",
                DE_ORDINALS[f.ordinal]
            ),
            format!(
                "Die Schäden werden auf {} Millionen Euro geschätzt.",
                f.millions
            ),
            format!(
                "Die Zahl der Arbeitslosen in der Region stieg zuletzt um {},{} Prozent.",
                f.percent / 10,
                f.percent % 10
            ),
            format!(
                "Der Streik der Beschäftigten dauert inzwischen {} Tage.",
                f.days
            ),
            format!(
                "Ein Abschlussbericht soll am {}. {} vorliegen.",
                f.day, DE_MONTHS[f.month]
            ),
        ]
    } else {
        let city = EN_CITIES[f.city];
        vec![
            format!(
                "Police said {} people were killed in the accident in {city}.",
                f.killed
            ),
            format!("{} others were injured, some of them seriously.", f.injured),
            format!(
                "On {} delegates from {}{} countries met to discuss the consequences.",
                EN_WEEKDAYS[f.weekday], EN_HEDGES[f.hedge], f.countries
            ),
            format!(
                "It was already the {} meeting of its kind this year.",
                EN_ORDINALS[f.ordinal]
            ),
            format!("The damage is estimated at {} million euros.", f.millions),
            format!(
                "Unemployment in the region rose by {}.{} percent.",
                f.percent / 10,
                f.percent % 10
            ),
            format!("The strike by staff has now lasted {} days.", f.days),
            format!("A final report is due on {} {}.", f.day, EN_MONTHS[f.month]),
        ]
    }
}

/// One version's text: paragraphs of fact and filler sentences, about 3 to 5 kB.
fn text(de: bool, facts: &Facts, layout_seed: u64, extra_paragraphs: usize) -> String {
    let mut rng = Rng(layout_seed | 1);
    let facts = fact_sentences(de, facts);
    let mut out = String::new();
    let paragraphs = 6 + extra_paragraphs;
    for p in 0..paragraphs {
        let mut sentences: Vec<String> = Vec::new();
        if p < facts.len() {
            sentences.push(facts[p].clone());
        }
        for _ in 0..4 + rng.below(3) {
            sentences.push(filler(de, &mut rng));
        }
        if p + 6 < facts.len() {
            sentences.push(facts[p + 6].clone());
        }
        out.push_str(&sentences.join(" "));
        out.push_str("\n\n");
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn generate(path: &str, megabytes: u64) -> std::io::Result<()> {
    let target = megabytes * 1_000_000;
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut written = 0u64;
    let mut article = 0usize;
    let mut lines: Vec<String> = Vec::new();
    while written < target {
        let de = article % 2 == 0;
        let mut facts = Facts {
            killed: 1 + rng.below(5),
            injured: 3 + rng.below(40),
            countries: 12 + rng.below(30),
            hedge: rng.below(DE_HEDGES.len()),
            ordinal: rng.below(5),
            weekday: rng.below(7),
            day: 1 + rng.below(28),
            month: rng.below(12),
            percent: 5 + rng.below(60),
            millions: 2 + rng.below(300),
            days: 2 + rng.below(20),
            city: rng.below(10),
        };
        let versions = 2 + rng.below(4);
        let outlets = 1 + rng.below(2);
        let layout = rng.next();
        for outlet in 0..outlets {
            let mut f = facts.clone();
            for v in 0..versions {
                if v > 0 {
                    // Later versions: the death toll rises, a figure is corrected, a hedge changes.
                    f.killed += rng.below(3);
                    if rng.chance(30) {
                        f.countries += 1;
                    }
                    if rng.chance(30) {
                        f.hedge = rng.below(DE_HEDGES.len());
                    }
                    if rng.chance(20) {
                        f.ordinal = (f.ordinal + 1) % 5;
                    }
                }
                let body = text(de, &f, layout ^ outlet as u64, v);
                let outlet_name = if de {
                    ["Weser-Bote", "Mitteldeutsche Rundschau"][outlet]
                } else {
                    ["Northern Ledger", "Coastal Times"][outlet]
                };
                let published = format!(
                    "2025-{:02}-{:02}T{:02}:15:00+01:00",
                    1 + article % 12,
                    1 + article % 27,
                    6 + v * 3 + outlet
                );
                lines.push(format!(
                    "{{\"id\":\"a{article}-o{outlet}-v{}\",\"article\":\"a{article}\",\"version\":{},\"published\":\"{published}\",\"outlet\":{},\"lang\":\"{}\",\"text\":{}}}\n",
                    v + 1,
                    v + 1,
                    json_string(outlet_name),
                    if de { "de" } else { "en" },
                    json_string(&body)
                ));
            }
            facts.countries += outlet;
        }
        article += 1;
        // Interleave neighbouring articles and list some versions out of order, as real
        // exports do.
        if article % 2 == 0 {
            let n = lines.len();
            for i in 0..n {
                let j = rng.below(n);
                if rng.chance(50) {
                    lines.swap(i, j);
                }
            }
            for line in lines.drain(..) {
                written += line.len() as u64;
                out.write_all(line.as_bytes())?;
            }
        }
    }
    for line in lines.drain(..) {
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}

/// The reference: every number in the corpus found with one regular expression.
fn scan(path: &str) -> std::io::Result<()> {
    let number = regex::bytes::Regex::new(r"[0-9]+(?:[.,][0-9]+)*").expect("valid regex");
    let started = Instant::now();
    let mut reader = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut line = Vec::new();
    let (mut bytes, mut matches) = (0u64, 0u64);
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        matches += number.find_iter(&line).count() as u64;
    }
    println!("{bytes} {:.3} {matches}", started.elapsed().as_secs_f64());
    Ok(())
}

/// The part of a batch run that every design pays: reading each record, parsing its JSON,
/// building the document and splitting it into sentences, with no extraction, comparison or
/// output. One thread. Prints bytes, seconds and sentences.
fn floor(path: &str) -> std::io::Result<()> {
    let manifest = std::path::Path::new(path);
    let base = manifest.parent().unwrap_or(std::path::Path::new("."));
    let defaults = claimdiff::Defaults::default();
    let started = Instant::now();
    let mut reader = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut line = String::new();
    let (mut bytes, mut sentences, mut line_no) = (0u64, 0u64, 0usize);
    loop {
        line.clear();
        let n = reader.read_line(&mut line)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        line_no += 1;
        let doc = claimdiff::manifest::parse_line(manifest, line_no, line.trim_end())
            .and_then(|record| record.into_document(base, &defaults, path))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        sentences += doc.sentences().len() as u64;
    }
    println!("{bytes} {:.3} {sentences}", started.elapsed().as_secs_f64());
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", path, mb] => match mb.parse() {
            Ok(mb) => generate(path, mb),
            Err(_) => Err(std::io::Error::other(format!("not a size in MB: {mb}"))),
        },
        ["scan", path] => scan(path),
        ["floor", path] => floor(path),
        _ => Err(std::io::Error::other(
            "usage: batch_corpus generate FILE MB | scan FILE | floor FILE",
        )),
    };
    if let Err(e) = result {
        eprintln!("batch_corpus: {e}");
        std::process::exit(2);
    }
}
