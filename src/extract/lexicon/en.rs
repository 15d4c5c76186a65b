//! English.

use chrono::Weekday;

use super::{Lexicon, MonthPart, Tense};
use crate::claim::{Qualifier, TimeUnit};
use crate::document::Lang;

pub(super) static LEXICON: Lexicon = Lexicon {
    lang: Lang::En,
    hedges: &[
        ("about", Qualifier::Approx), ("around", Qualifier::Approx), ("roughly", Qualifier::Approx),
        ("some", Qualifier::Approx), ("approximately", Qualifier::Approx), ("an estimated", Qualifier::Approx),
        ("estimated", Qualifier::Approx), ("circa", Qualifier::Approx), ("ca", Qualifier::Approx),
        ("nearly", Qualifier::Almost), ("almost", Qualifier::Almost), ("just under", Qualifier::Almost),
        ("close to", Qualifier::Almost), ("not quite", Qualifier::Almost),
        ("more than", Qualifier::MoreThan), ("over", Qualifier::MoreThan), ("upwards of", Qualifier::MoreThan),
        ("just over", Qualifier::MoreThan), ("well over", Qualifier::MoreThan),
        ("at least", Qualifier::AtLeast), ("no fewer than", Qualifier::AtLeast), ("no less than", Qualifier::AtLeast),
        ("fewer than", Qualifier::LessThan), ("less than", Qualifier::LessThan), ("under", Qualifier::LessThan),
        ("at most", Qualifier::AtMost), ("up to", Qualifier::AtMost), ("no more than", Qualifier::AtMost),
    ],
    vague: &[
        ("dozens", 24.0, Some(99.0)), ("hundreds", 200.0, Some(999.0)), ("thousands", 2000.0, Some(9999.0)),
        ("tens of thousands", 20000.0, Some(99999.0)), ("hundreds of thousands", 200000.0, Some(999999.0)),
        ("millions", 2.0e6, Some(9.99e6)),
        ("several", 3.0, Some(9.0)), ("a few", 2.0, Some(9.0)), ("a handful of", 2.0, Some(9.0)),
        ("numerous", 3.0, None), ("scores", 40.0, Some(99.0)), ("many", 3.0, None),
    ],
    exact_phrases: &[("half a dozen", 6.0), ("a dozen", 12.0), ("one dozen", 12.0), ("dozen", 12.0), ("a couple of", 2.0)],
    scales: &[
        ("thousand", 1e3), ("million", 1e6), ("millions", 1e6), ("mn", 1e6), ("m", 1e6),
        ("billion", 1e9), ("billions", 1e9), ("bn", 1e9), ("trillion", 1e12), ("tn", 1e12), ("k", 1e3),
    ],
    range_links: &["to", "-", "–", "—"],
    range_openers: &["between"],
    range_opener_links: &["and"],
    cardinal,
    ordinal,
    number_joiners: &["and"],
    article_ones: &["a", "an", "one"],
    concepts: &[
        ("country", "country"), ("countries", "country"), ("nation", "country"), ("state", "country"),
        ("member state", "country"),
        ("leader", "leader"), ("head of state", "leader"), ("heads of state", "leader"),
        ("head of government", "leader"), ("heads of government", "leader"),
        ("people", "people"), ("person", "people"), ("persons", "people"), ("resident", "people"),
        ("inhabitant", "people"), ("civilian", "civilian"), ("child", "child"), ("children", "child"),
        ("woman", "woman"), ("women", "woman"), ("man", "man"), ("men", "man"),
        ("police officer", "police_officer"), ("officer", "police_officer"), ("policeman", "police_officer"),
        ("policemen", "police_officer"),
        ("dead", "people_killed"), ("death", "people_killed"), ("fatality", "people_killed"),
        ("fatalities", "people_killed"), ("casualty", "people_killed"), ("casualties", "people_killed"),
        ("victim", "people_killed"), ("injured", "people_injured"), ("wounded", "people_injured"),
        ("injury", "people_injured"), ("injuries", "people_injured"), ("missing", "people_missing"),
        ("arrest", "people_arrested"), ("evacuee", "people_evacuated"),
        ("soldier", "soldier"), ("troop", "soldier"), ("fighter", "fighter"),
        ("meeting", "meeting"), ("summit", "meeting"), ("conference", "meeting"), ("session", "meeting"),
        ("round", "talks"), ("talks", "talks"), ("negotiation", "talks"),
        ("war", "war"), ("invasion", "war"), ("conflict", "war"),
        ("attack", "attack"), ("strike", "attack"), ("airstrike", "attack"), ("raid", "attack"),
        ("drone", "drone"), ("missile", "missile"), ("rocket", "missile"),
        ("vote", "vote"), ("seat", "seat"), ("job", "job"), ("position", "job"),
        ("election", "election"), ("ballot", "election"), ("match", "match"), ("matches", "match"),
        ("game", "match"), ("goal", "goal"), ("house", "house"), ("building", "house"), ("home", "house"),
        ("vehicle", "vehicle"), ("car", "vehicle"), ("refugee", "refugee"), ("migrant", "migrant"),
        ("hostage", "hostage"), ("prisoner", "prisoner"), ("detainee", "prisoner"),
        ("employee", "employee"), ("staff", "employee"), ("worker", "worker"),
        ("company", "company"), ("companies", "company"), ("firm", "company"),
        ("year", "year"), ("month", "month"), ("week", "week"), ("day", "day"),
        ("visit", "visit"), ("term", "term"), ("sanctions package", "sanctions_package"),
        ("package", "sanctions_package"), ("trial", "trial"), ("protest", "protest"),
        ("passenger", "passenger"), ("patient", "patient"), ("student", "student"),
        ("journalist", "journalist"), ("firefighter", "firefighter"), ("tourist", "tourist"),
        ("miner", "miner"), ("anniversary", "anniversary"), ("anniversaries", "anniversary"),
        ("stage", "stage"), ("season", "season"),
    ],
    noun_endings: &["", "s", "es"],
    predicates: &[
        ("killed", "killed"), ("dead", "killed"), ("died", "killed"), ("die", "killed"),
        ("perished", "killed"), ("lost their lives", "killed"), ("shot dead", "killed"),
        ("injured", "injured"), ("wounded", "injured"), ("hurt", "injured"), ("injuring", "injured"),
        ("wounding", "injured"), ("killing", "killed"),
        ("missing", "missing"), ("unaccounted", "missing"),
        ("arrested", "arrested"), ("detained", "arrested"), ("held", "arrested"),
        ("evacuated", "evacuated"),
    ],
    linkers: &["of"],
    label_words: &[
        "page", "pages", "article", "section", "paragraph", "chapter", "no", "number", "room",
        "platform", "route", "flight", "gate", "tel", "phone", "year", "in", "since", "at", "line",
        "highway", "interstate", "channel", "episode", "level", "rank",
    ],
    not_count_after: &["a.m", "p.m", "am", "pm", "o'clock", "year-old", "years old", "year old", "-year-old", "gmt", "utc", "bst", "cet"],
    percent_words: &["percent", "per cent", "%", "percentage points", "percentage point", "pct"],
    currencies: &[
        ("euro", "EUR"), ("euros", "EUR"), ("€", "EUR"), ("eur", "EUR"), ("dollar", "USD"),
        ("dollars", "USD"), ("$", "USD"), ("usd", "USD"), ("pound", "GBP"), ("pounds", "GBP"),
        ("£", "GBP"), ("gbp", "GBP"), ("sterling", "GBP"), ("francs", "CHF"), ("roubles", "RUB"),
        ("rubles", "RUB"), ("yen", "JPY"), ("yuan", "CNY"), ("hryvnias", "UAH"),
    ],
    weekdays: &[
        ("monday", Weekday::Mon), ("tuesday", Weekday::Tue), ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu), ("friday", Weekday::Fri), ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ],
    months: &[
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
        ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
        ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9), ("october", 10),
        ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    ],
    relative_days: &[("today", 0), ("yesterday", -1), ("tomorrow", 1), ("tonight", 0)],
    time_units: &[
        ("day", TimeUnit::Day), ("days", TimeUnit::Day), ("week", TimeUnit::Week), ("weeks", TimeUnit::Week),
        ("month", TimeUnit::Month), ("months", TimeUnit::Month), ("year", TimeUnit::Year), ("years", TimeUnit::Year),
    ],
    direction_words: &[
        ("next", Tense::Future), ("coming", Tense::Future), ("this", Tense::Future),
        ("last", Tense::Past), ("past", Tense::Past), ("previous", Tense::Past),
    ],
    future_markers: &[
        "will", "shall", "'ll", "due", "scheduled", "expected", "set", "plans", "planned", "upcoming",
        "next", "coming", "going",
    ],
    month_parts: &[("early", MonthPart::Early), ("mid", MonthPart::Mid), ("late", MonthPart::Late)],
    duration_openers: &["for", "for more than", "for over", "for nearly", "for almost", "for about", "for at least", "for the past", "for the last"],
    duration_closers: &["long"],
    ago_before: &[],
    ago_after: &["ago", "earlier"],
    this_words: &["this"],
    speech_verbs: &[
        "said", "says", "told", "stated", "added", "announced", "reported", "according", "warned",
        "confirmed", "wrote", "insisted", "claimed", "estimated",
    ],
    abbreviations: &[
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "rep", "sen",
        "gov", "no", "vs", "etc", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
        "mt", "ft", "est",
    ],
    ordinal_contexts: &[],
    anniversary_words: &["anniversary"],
};

const UNITS: &[(&str, u64)] = &[
    ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
    ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
    ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
    ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40),
    ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ("hundred", 100),
];

fn lookup(w: &str) -> Option<u64> {
    UNITS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// English cardinal words, hyphenated compounds included ("thirty-one"). Multi-word numbers
/// ("one hundred and five") are joined by the number scanner through `number_joiners` and scales.
fn cardinal(word: &str) -> Option<f64> {
    if let Some((tens, unit)) = word.split_once('-') {
        let t = lookup(tens).filter(|v| *v >= 20 && v % 10 == 0)?;
        let u = lookup(unit).filter(|v| (1..=9).contains(v))?;
        return Some((t + u) as f64);
    }
    lookup(word).map(|v| v as f64)
}

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6),
    ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12),
    ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16),
    ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20),
    ("thirtieth", 30), ("fortieth", 40), ("fiftieth", 50), ("sixtieth", 60), ("seventieth", 70),
    ("eightieth", 80), ("ninetieth", 90), ("hundredth", 100),
];

/// English ordinals: words ("third", "twenty-first") and digits with suffix ("3rd", "21st").
fn ordinal(word: &str) -> Option<u32> {
    if let Some((_, n)) = ORDINALS.iter().find(|(w, _)| *w == word) {
        return Some(*n);
    }
    if let Some((tens, unit)) = word.split_once('-') {
        let t = lookup(tens).filter(|v| *v >= 20 && v % 10 == 0)? as u32;
        let u = ORDINALS.iter().find(|(w, _)| *w == unit).map(|(_, n)| *n).filter(|n| *n <= 9)?;
        return Some(t + u);
    }
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 4 || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}
