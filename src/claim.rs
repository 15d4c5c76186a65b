//! Claims: one checkable statement of fact, with where it stands and the interval it allows.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::document::Lang;

/// What a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Ordinal,
    EventAge,
    Date,
    Duration,
    Percent,
    Money,
}

impl Kind {
    /// Every kind, in the order of the enum.
    pub const ALL: [Kind; 7] = [
        Kind::Count,
        Kind::Ordinal,
        Kind::EventAge,
        Kind::Date,
        Kind::Duration,
        Kind::Percent,
        Kind::Money,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Ordinal => "ordinal",
            Kind::EventAge => "event_age",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Percent => "percent",
            Kind::Money => "money",
        }
    }
}

/// The hedge as said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    Almost,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
    Vague,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Almost => "almost",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// Calendar units of durations and event ages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Year,
}

impl TimeUnit {
    const ALL: [TimeUnit; 4] = [
        TimeUnit::Day,
        TimeUnit::Week,
        TimeUnit::Month,
        TimeUnit::Year,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }

    /// The unit a claim's `unit` names ("day", "week", "month", "year").
    pub fn parse(unit: &str) -> Option<TimeUnit> {
        TimeUnit::ALL.into_iter().find(|u| u.as_str() == unit)
    }

    /// How many days the unit lasts on average.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Month => 365.25 / 12.0,
            TimeUnit::Year => 365.25,
        }
    }
}

/// A closed interval of numbers; `hi == None` is open upwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: Option<f64>,
}

impl Interval {
    pub fn exact(n: f64) -> Interval {
        Interval { lo: n, hi: Some(n) }
    }

    /// Whether two intervals share at least one value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let a_hi = self.hi.unwrap_or(f64::INFINITY);
        let b_hi = other.hi.unwrap_or(f64::INFINITY);
        self.lo <= b_hi && other.lo <= a_hi
    }

    pub fn same(&self, other: &Interval) -> bool {
        self.lo == other.lo && self.hi == other.hi
    }
}

/// An interval of days; `end == None` is a single day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl DayRange {
    pub fn day(d: NaiveDate) -> DayRange {
        DayRange {
            start: d,
            end: None,
        }
    }

    pub fn between(start: NaiveDate, end: NaiveDate) -> DayRange {
        if start == end {
            DayRange::day(start)
        } else {
            DayRange {
                start,
                end: Some(end),
            }
        }
    }

    pub fn last(&self) -> NaiveDate {
        self.end.unwrap_or(self.start)
    }

    /// How many days the range covers: 1 for a single day.
    pub fn days(&self) -> i64 {
        (self.last() - self.start).num_days().max(0) + 1
    }

    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.start <= other.last() && other.start <= self.last()
    }
}

/// Where a claim stands in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offsets into the file as read.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 0-based sentence index.
    pub sentence: usize,
}

/// One checkable statement of fact in one sentence: its [`ClaimFields`] behind a shared
/// pointer. A finding, a timeline or a report that holds a claim holds the one the extractor
/// made, not a copy of its sentence and words, so memory grows with the claims of a text and
/// not with how often they are judged. Fields read through it (`claim.subject`,
/// `claim.text()`); writing one first copies the fields if another holder shares them.
///
/// ```
/// use claimdiff::{extract, Config, Defaults, Document, Format, Published};
/// let defaults = Defaults { published: Published::parse("2025-03-27"), lang: None };
/// let doc = Document::from_text("a.md", "Drei Menschen kamen ins Krankenhaus.".into(), Format::Text, &Default::default(), &defaults).unwrap();
/// let claims = extract::extract(&doc, &Config::default());
/// let kept = claims[0].clone();
/// assert!(kept.shares_fields_with(&claims[0]));
/// assert_eq!(kept.sentence_text(), "Drei Menschen kamen ins Krankenhaus.");
/// ```
#[derive(Clone, PartialEq)]
pub struct Claim(Arc<ClaimFields>);

impl Claim {
    /// Whether two claims are one claim held twice (not merely equal).
    pub fn shares_fields_with(&self, other: &Claim) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<ClaimFields> for Claim {
    fn from(fields: ClaimFields) -> Claim {
        Claim(Arc::new(fields))
    }
}

impl std::ops::Deref for Claim {
    type Target = ClaimFields;
    fn deref(&self) -> &ClaimFields {
        &self.0
    }
}

impl std::ops::DerefMut for Claim {
    fn deref_mut(&mut self) -> &mut ClaimFields {
        Arc::make_mut(&mut self.0)
    }
}

impl std::fmt::Debug for Claim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What a [`Claim`] says and where it stands. The mention and its sentence are read from the
/// document's text, which every claim of the document shares ([`ClaimFields::text`],
/// [`ClaimFields::sentence_text`]), not copied into each claim.
#[derive(Clone)]
pub struct ClaimFields {
    pub lang: Lang,
    pub kind: Kind,
    pub span: Span,
    /// Byte offsets of the mention in the document's text (not the file).
    pub text_start: usize,
    pub text_end: usize,
    /// The document the claim was read from: its id and text, shared by its claims.
    pub(crate) source: Arc<Origin>,
    /// Byte offsets of the claim's sentence in the document's text.
    pub(crate) sentence: std::ops::Range<u32>,
    /// Normalized key of what is counted or which event is meant.
    pub subject: SharedStr,
    /// The word(s) the subject was read from.
    pub subject_text: SharedStr,
    pub qualifier: Qualifier,
    /// The number said, if any.
    pub value: Option<f64>,
    /// The numeric interval the hedge allows (counts, percent, money, durations).
    pub interval: Option<Interval>,
    pub unit: Option<SharedStr>,
    /// Resolved days (dates; for event ages, the interval of the event's start).
    pub days: Option<DayRange>,
    /// Why a time claim has no resolved day.
    pub unresolved: Option<SharedStr>,
    /// Who said it, when the claim stands in a quote or reported speech.
    pub attribution: Option<SharedStr>,
    /// A date on which its event began ("der Krieg begann am 24. Februar 2022", "seit
    /// Mittwoch streiken"): comparable with the event's age ("im vierten Jahr").
    pub event_start: bool,
}

/// A string held once and shared by every claim that says it: the subject, words, unit or
/// speaker of a sentence's claim, read once per sentence, not copied into each claim of a text
/// that repeats the sentence. Reads as a `str`.
///
/// Short strings (subject keys, units, the words of a subject, speakers: a corpus says a few
/// thousand of them over and over) are interned: held once for the whole run and copied as a
/// pointer, with no allocation and no reference count per claim. Others are reference-counted.
///
/// ```
/// use claimdiff::claim::SharedStr;
/// let subject = SharedStr::from("people_killed");
/// assert_eq!(subject, "people_killed");
/// assert!(subject.starts_with("people_"));
/// assert_eq!(SharedStr::from("people_killed".to_string()), subject);
/// ```
#[derive(Clone)]
pub struct SharedStr(Repr);

#[derive(Clone)]
enum Repr {
    Interned(&'static str),
    Counted(Arc<str>),
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr(Repr::Interned(""))
    }
}

impl SharedStr {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Interned(s) => s,
            Repr::Counted(s) => s,
        }
    }

    /// The bytes the string holds of its own, roughly, as a memo weighs it: none for an
    /// interned string (held once for the run), its bytes and counts for a counted one.
    pub(crate) fn held_bytes(&self) -> usize {
        match &self.0 {
            Repr::Interned(_) => 0,
            Repr::Counted(s) => s.len() + 16,
        }
    }

    /// The interned copy of `s`, or a counted one when `s` is long or the interned strings
    /// are as many as they may be.
    fn of(s: &str) -> SharedStr {
        match interned(s) {
            Some(s) => SharedStr(Repr::Interned(s)),
            None => SharedStr(Repr::Counted(s.into())),
        }
    }
}

/// Strings longer than this are not interned.
const INTERNED_LEN: usize = 48;

/// How many strings are interned at most (about 256 KB held for the run).
const INTERNED_COUNT: usize = 1 << 12;

/// The run's copy of a short string, made the first time it is asked for. Each thread keeps
/// the copies it has asked for, so the shared table (and its lock) is asked once per string
/// and thread.
fn interned(s: &str) -> Option<&'static str> {
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, OnceLock};
    static TABLE: OnceLock<Mutex<foldhash::HashSet<&'static str>>> = OnceLock::new();
    static FULL: AtomicBool = AtomicBool::new(false);
    thread_local! {
        static KNOWN: RefCell<foldhash::HashSet<&'static str>> = RefCell::default();
    }
    if s.is_empty() {
        return Some("");
    }
    if s.len() > INTERNED_LEN {
        return None;
    }
    if let Some(known) = KNOWN.with_borrow(|known| known.get(s).copied()) {
        return Some(known);
    }
    if FULL.load(Ordering::Relaxed) {
        return None;
    }
    let mut table = TABLE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let held = match table.get(s) {
        Some(held) => *held,
        None if table.len() >= INTERNED_COUNT => {
            FULL.store(true, Ordering::Relaxed);
            return None;
        }
        None => {
            let held: &'static str = Box::leak(s.into());
            table.insert(held);
            held
        }
    };
    drop(table);
    KNOWN.with_borrow_mut(|known| known.insert(held));
    Some(held)
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl std::hash::Hash for SharedStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr::of(s)
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        match interned(&s) {
            Some(held) => SharedStr(Repr::Interned(held)),
            None => SharedStr(Repr::Counted(s.into())),
        }
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A document's text as its claims share it: the string that holds it (the file as read, or
/// the text assembled from an HTML page) and where the text starts in it.
#[derive(Clone)]
pub(crate) struct SharedText {
    pub(crate) holder: Arc<str>,
    pub(crate) start: usize,
}

/// What every claim of a document shares, behind one pointer: the document's id and text.
pub(crate) struct Origin {
    pub(crate) id: Box<str>,
    pub(crate) text: SharedText,
}

impl SharedText {
    /// Bytes `range` of the document's text.
    pub(crate) fn get(&self, range: std::ops::Range<usize>) -> &str {
        &self.holder[self.start + range.start..self.start + range.end]
    }
}

impl PartialEq for ClaimFields {
    /// Equal in every field, the mention and sentence compared as text.
    fn eq(&self, o: &ClaimFields) -> bool {
        self.doc() == o.doc()
            && self.lang == o.lang
            && self.kind == o.kind
            && self.text() == o.text()
            && self.span == o.span
            && self.text_start == o.text_start
            && self.text_end == o.text_end
            && self.sentence_text() == o.sentence_text()
            && self.subject == o.subject
            && self.subject_text == o.subject_text
            && self.qualifier == o.qualifier
            && self.value == o.value
            && self.interval == o.interval
            && self.unit == o.unit
            && self.days == o.days
            && self.unresolved == o.unresolved
            && self.attribution == o.attribution
            && self.event_start == o.event_start
    }
}

impl std::fmt::Debug for ClaimFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimFields")
            .field("doc", &self.doc())
            .field("lang", &self.lang)
            .field("kind", &self.kind)
            .field("text", &self.text())
            .field("span", &self.span)
            .field("text_start", &self.text_start)
            .field("text_end", &self.text_end)
            .field("sentence_text", &self.sentence_text())
            .field("subject", &self.subject)
            .field("subject_text", &self.subject_text)
            .field("qualifier", &self.qualifier)
            .field("value", &self.value)
            .field("interval", &self.interval)
            .field("unit", &self.unit)
            .field("days", &self.days)
            .field("unresolved", &self.unresolved)
            .field("attribution", &self.attribution)
            .field("event_start", &self.event_start)
            .finish()
    }
}

impl ClaimFields {
    /// The mention exactly as it stands in the text.
    pub fn text(&self) -> &str {
        self.source.text.get(self.text_start..self.text_end)
    }

    /// The id of the document the claim was read from.
    pub fn doc(&self) -> &str {
        &self.source.id
    }

    /// Whether two claims stand in documents of one id, told without comparing the ids when
    /// both were read from one document (one shared origin).
    pub fn same_doc(&self, other: &ClaimFields) -> bool {
        Arc::ptr_eq(&self.source, &other.source) || self.doc() == other.doc()
    }

    /// Whether two claims stand in sentences of the same words, told without comparing the
    /// words when both stand in the same sentence of one document.
    pub fn same_sentence_text(&self, other: &ClaimFields) -> bool {
        (Arc::ptr_eq(&self.source, &other.source) && self.sentence == other.sentence)
            || self.sentence_text() == other.sentence_text()
    }

    /// The whole sentence the claim stands in.
    pub fn sentence_text(&self) -> &str {
        self.source
            .text
            .get(self.sentence.start as usize..self.sentence.end as usize)
    }

    pub fn lo(&self) -> Option<f64> {
        self.interval.map(|i| i.lo)
    }

    pub fn hi(&self) -> Option<f64> {
        self.interval.and_then(|i| i.hi)
    }
}

/// A number that prints as an integer when it is one (`40`, not `40.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            write!(f, "{}", v as i64)
        } else {
            write!(f, "{v}")
        }
    }
}

/// The SPEC §5 record of a claim, as written by `extract --format jsonl`.
#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    pub doc: &'a str,
    pub lang: Lang,
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub sentence: usize,
    pub subject: &'a str,
    pub subject_text: &'a str,
    pub qualifier: Qualifier,
    pub value: Option<Number>,
    pub lo: Option<Number>,
    pub hi: Option<Number>,
    pub unit: Option<&'a str>,
    pub date: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub attribution: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<&'a str>,
}

impl<'a> From<&'a Claim> for ClaimRecord<'a> {
    fn from(c: &'a Claim) -> Self {
        ClaimRecord {
            doc: &c.doc(),
            lang: c.lang,
            kind: c.kind,
            text: c.text(),
            start: c.span.start,
            end: c.span.end,
            line: c.span.line,
            sentence: c.span.sentence,
            subject: &c.subject,
            subject_text: &c.subject_text,
            qualifier: c.qualifier,
            value: c.value.map(Number),
            lo: c.lo().map(Number),
            hi: c.hi().map(Number),
            unit: c.unit.as_deref(),
            date: c.days.map(|d| d.start),
            date_end: c.days.and_then(|d| d.end),
            attribution: c.attribution.as_deref(),
            unresolved: c.unresolved.as_deref(),
        }
    }
}
