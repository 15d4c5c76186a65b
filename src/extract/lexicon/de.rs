//! German.

use chrono::Weekday;

use super::{Lexicon, MonthPart, Tense};
use crate::claim::{Qualifier, TimeUnit};
use crate::document::Lang;

pub(super) static LEXICON: Lexicon = Lexicon {
    lang: Lang::De,
    hedges: &[
        ("rund", Qualifier::Approx),
        ("etwa", Qualifier::Approx),
        ("ungefähr", Qualifier::Approx),
        ("circa", Qualifier::Approx),
        ("ca", Qualifier::Approx),
        ("zirka", Qualifier::Approx),
        ("an die", Qualifier::Approx),
        ("schätzungsweise", Qualifier::Approx),
        ("gegen", Qualifier::Approx),
        ("annähernd", Qualifier::Approx),
        ("fast", Qualifier::Almost),
        ("knapp", Qualifier::Almost),
        ("beinahe", Qualifier::Almost),
        ("nahezu", Qualifier::Almost),
        ("nicht ganz", Qualifier::Almost),
        ("mehr als", Qualifier::MoreThan),
        ("über", Qualifier::MoreThan),
        ("gut", Qualifier::MoreThan),
        ("weit über", Qualifier::MoreThan),
        ("mindestens", Qualifier::AtLeast),
        ("wenigstens", Qualifier::AtLeast),
        ("zumindest", Qualifier::AtLeast),
        ("weniger als", Qualifier::LessThan),
        ("unter", Qualifier::LessThan),
        ("höchstens", Qualifier::AtMost),
        ("bis zu", Qualifier::AtMost),
        ("maximal", Qualifier::AtMost),
    ],
    vague: &[
        ("dutzende", 24.0, Some(99.0)),
        ("hunderte", 200.0, Some(999.0)),
        ("tausende", 2000.0, Some(9999.0)),
        ("zehntausende", 20000.0, Some(99999.0)),
        ("hunderttausende", 200000.0, Some(999999.0)),
        ("millionen", 2.0e6, Some(9.99e6)),
        ("dutzenden", 24.0, Some(99.0)),
        ("hunderten", 200.0, Some(999.0)),
        ("tausenden", 2000.0, Some(9999.0)),
        ("mehrere", 3.0, Some(9.0)),
        ("mehreren", 3.0, Some(9.0)),
        ("mehrerer", 3.0, Some(9.0)),
        ("einige", 2.0, Some(9.0)),
        ("einigen", 2.0, Some(9.0)),
        ("einiger", 2.0, Some(9.0)),
        ("ein paar", 2.0, Some(9.0)),
        ("zahlreiche", 3.0, None),
        ("zahlreichen", 3.0, None),
        ("etliche", 3.0, None),
        ("etlichen", 3.0, None),
        ("unzählige", 3.0, None),
    ],
    exact_phrases: &[
        ("ein halbes dutzend", 6.0),
        ("ein dutzend", 12.0),
        ("einem dutzend", 12.0),
        ("dutzend", 12.0),
    ],
    scales: &[
        ("tausend", 1e3),
        ("million", 1e6),
        ("millionen", 1e6),
        ("mio", 1e6),
        ("milliarde", 1e9),
        ("milliarden", 1e9),
        ("mrd", 1e9),
        ("billion", 1e12),
        ("billionen", 1e12),
    ],
    range_links: &["bis", "-", "–", "—"],
    range_openers: &["zwischen"],
    range_opener_links: &["und"],
    cardinal,
    ordinal,
    number_joiners: &[],
    article_ones: &["ein", "eine", "einen", "einem", "einer", "eines"],
    concepts: &[
        ("*land", "country"),
        ("*länd", "country"),
        ("staat", "country"),
        ("*mitgliedstaat", "country"),
        ("*mitgliedsstaat", "country"),
        ("nation", "country"),
        ("*regierungschef", "leader"),
        ("*staatschef", "leader"),
        ("staats- und regierungschef", "leader"),
        ("*spitzenpolitiker", "leader"),
        ("mensch", "people"),
        ("person", "people"),
        ("leute", "people"),
        ("einwohner", "people"),
        ("bewohner", "people"),
        ("zivilist", "civilian"),
        ("kind", "child"),
        ("kinder", "child"),
        ("frau", "woman"),
        ("mann", "man"),
        ("männer", "man"),
        ("polizist", "police_officer"),
        ("tote", "people_killed"),
        ("toter", "people_killed"),
        ("toten", "people_killed"),
        ("*todesopfer", "people_killed"),
        ("getötete", "people_killed"),
        ("opfer", "people_killed"),
        ("verletzte", "people_injured"),
        ("*verletzte", "people_injured"),
        ("verwundete", "people_injured"),
        ("vermisste", "people_missing"),
        ("festnahme", "people_arrested"),
        ("festgenommene", "people_arrested"),
        ("evakuierte", "people_evacuated"),
        ("*soldat", "soldier"),
        ("*truppe", "soldier"),
        ("kämpfer", "fighter"),
        ("*treffen", "meeting"),
        ("*gipfel", "meeting"),
        ("*konferenz", "meeting"),
        ("*sitzung", "meeting"),
        ("*runde", "talks"),
        ("*gespräch", "talks"),
        ("*verhandlung", "talks"),
        ("*krieg", "war"),
        ("invasion", "war"),
        ("konflikt", "war"),
        ("*angriff", "attack"),
        ("*anschlag", "attack"),
        ("*attacke", "attack"),
        ("*luftangriff", "attack"),
        ("*drohne", "drone"),
        ("*rakete", "missile"),
        ("*marschflugkörper", "missile"),
        ("stimme", "vote"),
        ("sitz", "seat"),
        ("*mandat", "seat"),
        ("*arbeitsplatz", "job"),
        ("*arbeitsplätz", "job"),
        ("stelle", "job"),
        ("job", "job"),
        ("*wahl", "election"),
        ("*wahlgang", "election"),
        ("*streik", "strike"),
        ("*spiel", "match"),
        ("partie", "match"),
        ("tor", "goal"),
        ("treffer", "goal"),
        ("*haus", "house"),
        ("*häus", "house"),
        ("*gebäude", "house"),
        ("*wohnung", "house"),
        ("*fahrzeug", "vehicle"),
        ("auto", "vehicle"),
        ("*flüchtling", "refugee"),
        ("geflüchtete", "refugee"),
        ("migrant", "migrant"),
        ("geisel", "hostage"),
        ("gefangene", "prisoner"),
        ("häftling", "prisoner"),
        ("beschäftigte", "employee"),
        ("*mitarbeiter", "employee"),
        ("angestellte", "employee"),
        ("*arbeiter", "worker"),
        ("unternehmen", "company"),
        ("firma", "company"),
        ("firmen", "company"),
        ("jahr", "year"),
        ("monat", "month"),
        ("woche", "week"),
        ("tag", "day"),
        ("besuch", "visit"),
        ("*amtszeit", "term"),
        ("*sanktionspaket", "sanctions_package"),
        ("*prozess", "trial"),
        ("*protest", "protest"),
        ("*demonstration", "protest"),
        ("passagier", "passenger"),
        ("fluggast", "passenger"),
        ("fluggäst", "passenger"),
        ("*patient", "patient"),
        ("student", "student"),
        ("journalist", "journalist"),
        ("*feuerwehrleute", "firefighter"),
        ("tourist", "tourist"),
        ("bergleute", "miner"),
        ("jahrestag", "anniversary"),
        ("*etappe", "stage"),
        ("*saison", "season"),
    ],
    noun_endings: &["", "e", "n", "en", "er", "ern", "es", "s", "ns", "nen"],
    predicates: &[
        ("getötet", "killed"),
        ("tot", "killed"),
        ("starben", "killed"),
        ("gestorben", "killed"),
        ("umgekommen", "killed"),
        ("ums leben", "killed"),
        ("getötete", "killed"),
        ("erschossen", "killed"),
        ("verletzt", "injured"),
        ("verwundet", "injured"),
        ("verletzte", "injured"),
        ("schwerverletzt", "injured"),
        ("vermisst", "missing"),
        ("vermisste", "missing"),
        ("festgenommen", "arrested"),
        ("verhaftet", "arrested"),
        ("inhaftiert", "arrested"),
        ("evakuiert", "evacuated"),
        ("in sicherheit gebracht", "evacuated"),
    ],
    linkers: &["von", "an"],
    label_words: &[
        "seite",
        "seiten",
        "artikel",
        "paragraf",
        "paragraph",
        "absatz",
        "kapitel",
        "nr",
        "nummer",
        "abschnitt",
        "ziffer",
        "band",
        "folge",
        "linie",
        "gleis",
        "zimmer",
        "kilometer",
        "km",
        "tel",
        "telefon",
        "fax",
        "jahr",
        "jahre",
        "anno",
        "uhr",
        "platz",
        "rang",
        "ausgabe",
        "az",
    ],
    not_count_after: &[
        "uhr",
        "jährige",
        "jähriger",
        "jährigen",
        "jahre alt",
        "jahren alt",
        "jährig",
    ],
    percent_words: &[
        "prozent",
        "%",
        "prozentpunkte",
        "prozentpunkten",
        "prozentpunkt",
    ],
    currencies: &[
        ("euro", "EUR"),
        ("€", "EUR"),
        ("eur", "EUR"),
        ("dollar", "USD"),
        ("us-dollar", "USD"),
        ("$", "USD"),
        ("usd", "USD"),
        ("pfund", "GBP"),
        ("£", "GBP"),
        ("franken", "CHF"),
        ("rubel", "RUB"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("hrywnja", "UAH"),
        ("griwna", "UAH"),
    ],
    weekdays: &[
        ("montag", Weekday::Mon),
        ("dienstag", Weekday::Tue),
        ("mittwoch", Weekday::Wed),
        ("donnerstag", Weekday::Thu),
        ("freitag", Weekday::Fri),
        ("samstag", Weekday::Sat),
        ("sonnabend", Weekday::Sat),
        ("sonntag", Weekday::Sun),
    ],
    months: &[
        ("januar", 1),
        ("jänner", 1),
        ("jan", 1),
        ("februar", 2),
        ("feb", 2),
        ("märz", 3),
        ("mär", 3),
        ("april", 4),
        ("apr", 4),
        ("mai", 5),
        ("juni", 6),
        ("jun", 6),
        ("juli", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("oktober", 10),
        ("okt", 10),
        ("november", 11),
        ("nov", 11),
        ("dezember", 12),
        ("dez", 12),
    ],
    relative_days: &[
        ("heute", 0),
        ("gestern", -1),
        ("vorgestern", -2),
        ("morgen", 1),
        ("übermorgen", 2),
    ],
    time_units: &[
        ("tag", TimeUnit::Day),
        ("tage", TimeUnit::Day),
        ("tagen", TimeUnit::Day),
        ("tages", TimeUnit::Day),
        ("woche", TimeUnit::Week),
        ("wochen", TimeUnit::Week),
        ("monat", TimeUnit::Month),
        ("monate", TimeUnit::Month),
        ("monaten", TimeUnit::Month),
        ("monats", TimeUnit::Month),
        ("jahr", TimeUnit::Year),
        ("jahre", TimeUnit::Year),
        ("jahren", TimeUnit::Year),
        ("jahres", TimeUnit::Year),
    ],
    direction_words: &[
        ("kommenden", Tense::Future),
        ("kommende", Tense::Future),
        ("nächsten", Tense::Future),
        ("nächste", Tense::Future),
        ("diesen", Tense::Future),
        ("vergangenen", Tense::Past),
        ("vergangene", Tense::Past),
        ("letzten", Tense::Past),
        ("letzte", Tense::Past),
        ("vorigen", Tense::Past),
        ("vorige", Tense::Past),
        ("bereits", Tense::Past),
        ("schon", Tense::Past),
    ],
    future_markers: &[
        "wird",
        "werden",
        "soll",
        "sollen",
        "will",
        "wollen",
        "plant",
        "planen",
        "geplant",
        "kommenden",
        "nächsten",
        "bevorstehenden",
        "anstehenden",
    ],
    month_parts: &[
        ("anfang", MonthPart::Early),
        ("mitte", MonthPart::Mid),
        ("ende", MonthPart::Late),
    ],
    duration_openers: &[
        "seit",
        "seit mehr als",
        "seit über",
        "seit rund",
        "seit fast",
    ],
    duration_closers: &["lang"],
    ago_before: &["vor"],
    ago_after: &[],
    this_words: &["diese", "dieser", "diesem", "dieses", "laufenden"],
    speech_verbs: &[
        "so",
        "sagte",
        "sagt",
        "sagten",
        "erklärte",
        "erklärt",
        "erklärten",
        "betonte",
        "betont",
        "teilte",
        "berichtete",
        "berichteten",
        "meldete",
        "meldeten",
        "zufolge",
        "laut",
        "sprach",
        "warnte",
        "kündigte",
        "bestätigte",
        "schrieb",
        "räumte",
        "fügte",
        "sagen",
    ],
    abbreviations: &[
        "z", "b", "dr", "prof", "nr", "ca", "bzw", "usw", "etc", "vgl", "mio", "mrd", "st", "hl",
        "str", "abs", "art", "jh", "jhd", "bzw", "evtl", "ggf", "inkl", "u", "a", "v", "chr", "mr",
        "mrs", "gen", "min", "max", "tel", "okt", "nov", "dez", "jan", "feb", "sept", "aug", "s",
        "o", "d", "h", "i", "e", "ff", "geb", "verh", "dipl", "ing", "sog", "rd",
    ],
    ordinal_contexts: &[
        "der", "die", "das", "dem", "den", "des", "am", "zum", "im", "vom", "zur", "beim", "ab",
        "seit", "bis", "zu", "und", "oder", "ihr", "ihre", "ihrem", "ihren", "sein", "seine",
        "seinem", "seinen", "vor", "nach", "jeder", "jedem", "diese", "dieser", "dieses", "diesem",
    ],
    anniversary_words: &["jahrestag", "jahrestages", "jahrestags", "jubiläum"],
};

const UNITS: &[(&str, u64)] = &[
    ("null", 0),
    ("ein", 1),
    ("eins", 1),
    ("eine", 1),
    ("einen", 1),
    ("einem", 1),
    ("einer", 1),
    ("eines", 1),
    ("zwei", 2),
    ("zweier", 2),
    ("drei", 3),
    ("dreier", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];
const TENS: &[(&str, u64)] = &[
    ("zwanzig", 20),
    ("dreißig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

fn lookup(table: &[(&str, u64)], w: &str) -> Option<u64> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn below_hundred(w: &str) -> Option<u64> {
    if let Some(v) = lookup(UNITS, w).or_else(|| lookup(TENS, w)) {
        return Some(v);
    }
    let (unit, tens) = w.split_once("und")?;
    let unit = if unit == "ein" {
        1
    } else {
        lookup(UNITS, unit).filter(|v| (2..=9).contains(v))?
    };
    Some(unit + lookup(TENS, tens)?)
}

fn below_thousand(w: &str) -> Option<u64> {
    match w.find("hundert") {
        Some(i) => {
            let left = &w[..i];
            let right = &w[i + "hundert".len()..];
            let l = if left.is_empty() {
                1
            } else {
                lookup(UNITS, left).filter(|v| (1..=9).contains(v))?
            };
            let r = if right.is_empty() {
                0
            } else {
                below_hundred(right)?
            };
            Some(l * 100 + r)
        }
        None => below_hundred(w),
    }
}

fn integer(w: &str) -> Option<u64> {
    match w.find("tausend") {
        Some(i) => {
            let left = &w[..i];
            let right = &w[i + "tausend".len()..];
            let l = if left.is_empty() {
                1
            } else {
                below_thousand(left)?
            };
            let r = if right.is_empty() {
                0
            } else {
                below_thousand(right)?
            };
            Some(l * 1000 + r)
        }
        None => below_thousand(w),
    }
}

/// German cardinal words, compounds included ("einunddreißig", "viertausendvierhundert",
/// "zweieinhalb").
fn cardinal(word: &str) -> Option<f64> {
    let w = word.replace("ss", "ß");
    match w.as_str() {
        "anderthalb" | "eineinhalb" => return Some(1.5),
        "halb" | "halbe" | "halben" => return Some(0.5),
        _ => {}
    }
    if let Some(whole) = w.strip_suffix("einhalb") {
        return integer(whole).map(|n| n as f64 + 0.5);
    }
    integer(&w).map(|n| n as f64)
}

const ORDINAL_STEMS: &[(&str, u32)] = &[
    ("erst", 1),
    ("zweit", 2),
    ("dritt", 3),
    ("viert", 4),
    ("fünft", 5),
    ("sechst", 6),
    ("siebt", 7),
    ("siebent", 7),
    ("acht", 8),
    ("neunt", 9),
    ("zehnt", 10),
    ("elft", 11),
    ("zwölft", 12),
];

/// German ordinal words with their inflection ("dritten", "zwanzigste"); a bare stem is not one.
fn ordinal(word: &str) -> Option<u32> {
    let w = word.replace("ss", "ß");
    let stem = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|e| w.strip_suffix(e))?;
    if let Some((_, n)) = ORDINAL_STEMS.iter().find(|(s, _)| *s == stem) {
        return Some(*n);
    }
    if let Some(base) = stem.strip_suffix("st") {
        return integer(base).filter(|n| *n >= 20).map(|n| n as u32);
    }
    let base = stem.strip_suffix('t')?;
    integer(base)
        .filter(|n| (13..20).contains(n))
        .map(|n| n as u32)
}
