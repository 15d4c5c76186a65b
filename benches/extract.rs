//! Throughput of claim extraction on generated German and English news text.
//!
//! `cargo bench --bench extract` writes at least 50 MB of article-sized documents from sentence
//! templates with varied numbers, hedges, days and nouns (the same text on every run), then
//! times `extract()` over all of them — language detection, sentences, claims, dates — and,
//! as a baseline, a plain regex scan for digit runs over the same text. It prints MB/s for
//! both and their ratio. `CLAIMDIFF_BENCH_MB` sets another corpus size.

use std::hint::black_box;
use std::time::Instant;

use claimdiff::{extract, Config, Defaults, Document, Format, Published};
use regex::Regex;

const GERMAN: &[&str] = &[
    "{HEDGE_DE} {N} Menschen wurden bei dem Unglück am {TAG} verletzt, teilte die Polizei mit.",
    "Nach Angaben der Behörden kamen {N} Personen ums Leben, {M} weitere werden vermisst.",
    "Vertreter aus {N} Ländern kamen am {TAG} in {STADT} zu Beratungen zusammen.",
    "Es war bereits das {ORD_DE} Treffen der Außenminister in diesem Jahr.",
    "Die Inflationsrate lag im {MONAT} bei {P} Prozent, nach {Q} Prozent im Vormonat.",
    "Der Konzern will bis zu {N}.000 Stellen streichen und {G} Millionen Euro einsparen.",
    "Zwischen {N} und {N2} Demonstranten zogen am {TAG}abend durch die Innenstadt.",
    "„Wir haben {P} Prozent der Stimmen geholt“, sagte die Spitzenkandidatin in {STADT}.",
    "Die Zahl der Toten stieg nach Angaben des Gouverneurs auf {N}.",
    "Dutzende Häuser wurden beschädigt, mehrere Straßen bleiben bis {TAG} gesperrt.",
    "Die Gewerkschaft ruft zum {ORD_DE} Mal in diesem Monat zu einem Warnstreik auf.",
    "Der Haushalt sieht Ausgaben von {G},{K} Milliarden Euro vor, rund {P} Prozent mehr als {JAHR}.",
    "Seit {N} Tagen kämpfen {HEDGE_DE} {M}00 Einsatzkräfte gegen die Flammen.",
    "Die Ermittler nahmen {N} Verdächtige fest und stellten {M} Fahrzeuge sicher.",
    "Laut Innenministerium wurden im vergangenen Jahr {N}.{K}00 Asylanträge gestellt.",
    "Das Gericht verurteilte den Angeklagten am {TAG} zu {M} Jahren Haft.",
    "Die Bahn strich wegen des Sturms mehr als {N}0 Verbindungen im Fernverkehr.",
    "Im {ORD_DE} Wahlgang erhielt der Kandidat {P} Prozent der Stimmen.",
    "Die Mieten in der Stadt sind seit {JAHR} um knapp {P} Prozent gestiegen.",
    "Nach dem Erdbeben der Stärke {M},{K} suchen Helfer nach Überlebenden.",
];

const ENGLISH: &[&str] = &[
    "{HEDGE_EN} {N} people were injured in the crash on {DAY}, police said.",
    "Officials said {N} people had died and {M} others were still missing.",
    "Delegates from {N} countries met in {CITY} on {DAY} for the {ORD_EN} round of talks.",
    "Inflation rose to {P}% in {MONTH}, up from {Q}% a month earlier, the statistics office said.",
    "The company plans to cut up to {N},000 jobs and save ${G}.{K} billion a year.",
    "Between {N} and {N2} protesters marched through the city centre on {DAY} evening.",
    "\"We won {P} percent of the vote,\" the party leader told supporters in {CITY}.",
    "The death toll rose to {N} on {DAY}, according to the regional governor.",
    "Dozens of homes were damaged and several roads will stay closed until {DAY}.",
    "It is the {ORD_EN} strike at the port this year, and it will last for {M} days.",
    "The budget foresees spending of £{G}.{K}bn, about {P} percent more than in {YEAR}.",
    "More than {M}00 firefighters have been battling the blaze for {N} days.",
    "Police arrested {N} suspects and seized {M} vehicles in raids across the region.",
    "The court sentenced the former minister to {M} years in prison on {DAY}.",
    "Nearly {N}0 flights were cancelled at the airport because of the storm.",
    "In the {ORD_EN} round, the incumbent won just under {P} percent of the vote.",
    "Rents in the capital have risen by almost {P}% since {YEAR}, a survey found.",
    "Rescue teams are searching for survivors after the magnitude {M}.{K} earthquake.",
    "About {N},{K}00 workers walked out at {M} plants on {DAY}, the union said.",
    "The ceasefire, now in its {ORD_EN} week, has largely held despite {M} violations.",
];

const HEDGE_DE: &[&str] = &[
    "Mindestens",
    "Rund",
    "Fast",
    "Mehr als",
    "Etwa",
    "Knapp",
    "Über",
    "Bis zu",
];
const HEDGE_EN: &[&str] = &[
    "At least",
    "About",
    "Nearly",
    "More than",
    "Around",
    "Almost",
    "Over",
    "Up to",
];
const TAG: &[&str] = &[
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const DAY: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONAT: &[&str] = &[
    "Januar",
    "März",
    "Mai",
    "Juli",
    "September",
    "Oktober",
    "Dezember",
];
const MONTH: &[&str] = &[
    "January",
    "March",
    "May",
    "July",
    "September",
    "October",
    "December",
];
const ORD_DE: &[&str] = &[
    "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte",
];
const ORD_EN: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
];
const STADT: &[&str] = &[
    "Brüssel", "Genf", "Wien", "Hamburg", "Leipzig", "Kiel", "Bonn",
];
const CITY: &[&str] = &[
    "Brussels", "Geneva", "Vienna", "Leeds", "Bristol", "Denver", "Dublin",
];

/// A small linear congruential generator: the corpus is the same on every run and machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len() as u64) as usize]
    }
}

fn fill(template: &str, rng: &mut Lcg) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open
            + rest[open..]
                .find('}')
                .expect("templates close their braces");
        let slot = &rest[open + 1..close];
        let n = 2 + rng.below(480);
        let word = match slot {
            "N" => n.to_string(),
            "N2" => (n + 5 + rng.below(200)).to_string(),
            "M" => (1 + rng.below(9)).to_string(),
            "G" => (1 + rng.below(90)).to_string(),
            "K" => rng.below(10).to_string(),
            "P" => format!("{}.{}", rng.below(60), rng.below(10)),
            "Q" => format!("{}.{}", rng.below(60), rng.below(10)),
            "JAHR" | "YEAR" => (2015 + rng.below(10)).to_string(),
            "HEDGE_DE" => rng.pick(HEDGE_DE).to_string(),
            "HEDGE_EN" => rng.pick(HEDGE_EN).to_string(),
            "TAG" => rng.pick(TAG).to_string(),
            "DAY" => rng.pick(DAY).to_string(),
            "MONAT" => rng.pick(MONAT).to_string(),
            "MONTH" => rng.pick(MONTH).to_string(),
            "ORD_DE" => rng.pick(ORD_DE).to_string(),
            "ORD_EN" => rng.pick(ORD_EN).to_string(),
            "STADT" => rng.pick(STADT).to_string(),
            "CITY" => rng.pick(CITY).to_string(),
            other => panic!("unknown slot {other}"),
        };
        out.push_str(&word);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// German decimals take a comma: "{P}" is written "3.4" by `fill` and turned here.
fn german_decimals(sentence: String) -> String {
    let bytes = sentence.as_bytes();
    let mut out = String::with_capacity(sentence.len());
    for (i, c) in sentence.char_indices() {
        let between_digits = c == '.'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && bytes.get(i + 2).is_none_or(|b| !b.is_ascii_digit());
        out.push(if between_digits { ',' } else { c });
    }
    out
}

/// Article-sized documents (8 to 20 sentences in paragraphs), alternating languages, until
/// `bytes` are written.
fn corpus(bytes: usize) -> Vec<String> {
    let mut rng = Lcg(0x5eed_cafe);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let german = docs.len() % 2 == 0;
        let sentences = 8 + rng.below(13);
        let mut text = String::new();
        for s in 0..sentences {
            let sentence = if german {
                german_decimals(fill(rng.pick(GERMAN), &mut rng))
            } else {
                fill(rng.pick(ENGLISH), &mut rng)
            };
            text.push_str(&sentence);
            text.push_str(if s % 3 == 2 { "\n\n" } else { " " });
        }
        total += text.len();
        docs.push(text);
    }
    docs
}

fn main() {
    let megabytes: usize = std::env::var("CLAIMDIFF_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let docs = corpus(megabytes * 1_000_000);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} documents, {mb:.1} MB, German and English alternating",
        docs.len()
    );

    let digits = Regex::new(r"\d+").expect("the baseline pattern compiles");
    let start = Instant::now();
    let mut runs = 0usize;
    for doc in &docs {
        runs += digits.find_iter(doc).count();
    }
    let baseline = start.elapsed().as_secs_f64();
    black_box(runs);

    let config = Config::default();
    let defaults = Defaults {
        published: Published::parse("2025-03-27"),
        lang: None,
    };
    let start = Instant::now();
    let mut claims = 0usize;
    for (i, text) in docs.iter().enumerate() {
        let doc = Document::from_text(
            &format!("bench-{i}.txt"),
            text.clone(),
            Format::Text,
            &Default::default(),
            &defaults,
        )
        .expect("generated text reads as a document");
        claims += extract::extract(&doc, &config).len();
    }
    let extraction = start.elapsed().as_secs_f64();
    black_box(claims);

    let extract_rate = mb / extraction;
    let baseline_rate = mb / baseline;
    println!("extract:  {extract_rate:8.1} MB/s  ({claims} claims in {extraction:.2} s)");
    println!("baseline: {baseline_rate:8.1} MB/s  (regex \\d+ scan, {runs} digit runs in {baseline:.3} s)");
    println!(
        "ratio:    extraction takes {:.0}x the time of the digit scan",
        baseline_rate / extract_rate
    );
}
