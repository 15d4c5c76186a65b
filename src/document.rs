//! Documents in: plain text, Markdown with front matter, HTML pages and JSONL manifests, each
//! turned into a [`Document`] whose article text keeps a map back to byte offsets in the file.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::segment::Sentence;

/// Largest input file read whole; larger files are refused with a clear error.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The languages claimdiff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// Every language, in the order of [`Lang::index`].
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The language's place in [`Lang::ALL`], for tables kept per language.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The ISO 639-1 code used in reports.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Detects German or English from the text itself.
    ///
    /// ```
    /// use claimdiff::Lang;
    /// assert_eq!(Lang::detect("Die Regierung hat am Mittwoch entschieden."), Lang::De);
    /// assert_eq!(Lang::detect("The government decided on Wednesday."), Lang::En);
    /// ```
    pub fn detect(text: &str) -> Lang {
        let sample = match text.char_indices().nth(4000) {
            Some((i, _)) => &text[..i],
            None => text,
        };
        // Function words decide a short text clearly ("Turnout was just under 58 percent.");
        // trigrams decide the rest.
        let de = crate::extract::lexicon::Lexicon::of(Lang::De).function_word_count(sample);
        let en = crate::extract::lexicon::Lexicon::of(Lang::En).function_word_count(sample);
        if de > 2 * en && de >= 1 {
            return Lang::De;
        }
        if en > 2 * de && en >= 1 {
            return Lang::En;
        }
        let detector =
            whatlang::Detector::with_allowlist(vec![whatlang::Lang::Deu, whatlang::Lang::Eng]);
        match detector.detect_lang(sample) {
            Some(whatlang::Lang::Deu) => Lang::De,
            _ => Lang::En,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" | "deu" | "ger" | "german" | "deutsch" => Ok(Lang::De),
            "en" | "eng" | "english" => Ok(Lang::En),
            _ => Err(format!(
                "unknown language {s:?} (claimdiff reads de and en)"
            )),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// When a document was published: the anchor of every relative date in it.
///
/// The day is the publication time's own local day, so an article stamped
/// `2025-03-27T23:30:00-05:00` was published on 27 March even though it is already
/// the 28th in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The exact time, when one was given.
    pub instant: Option<DateTime<FixedOffset>>,
    /// The calendar day in the publication time's own zone.
    pub day: NaiveDate,
}

impl Published {
    /// Reads `2025-03-27`, `2025-03-27T14:05:00+01:00`, `2025-03-27T14:05:00Z`,
    /// `2025-03-27 14:05` and `27.03.2025`.
    ///
    /// ```
    /// use claimdiff::Published;
    /// let p = Published::parse("2025-03-27T23:30:00-05:00").unwrap();
    /// assert_eq!(p.day.to_string(), "2025-03-27");
    /// ```
    pub fn parse(s: &str) -> Option<Published> {
        let s = s.trim().trim_matches(['"', '\'']);
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Published {
                instant: Some(t),
                day: t.date_naive(),
            });
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%d %H:%M:%S%z",
            "%Y-%m-%dT%H:%M%z",
        ] {
            if let Ok(t) = DateTime::parse_from_str(s, format) {
                return Some(Published {
                    instant: Some(t),
                    day: t.date_naive(),
                });
            }
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
                return Some(Published {
                    instant: None,
                    day: t.date(),
                });
            }
        }
        for format in ["%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d"] {
            if let Ok(day) = NaiveDate::parse_from_str(s, format) {
                return Some(Published { instant: None, day });
            }
        }
        None
    }

    /// A sort key: the instant when known, otherwise the start of the day.
    pub fn sort_key(&self) -> NaiveDateTime {
        match self.instant {
            Some(t) => t.naive_utc(),
            None => self.day.and_time(NaiveTime::MIN),
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.instant {
            Some(t) => write!(f, "{}", t.to_rfc3339()),
            None => write!(f, "{}", self.day),
        }
    }
}

/// Values that apply to documents that do not say them themselves.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub published: Option<Published>,
    pub lang: Option<Lang>,
}

/// How a stretch of article text maps back to the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    text_start: usize,
    source_start: usize,
    /// Length in the source; equal to the text length when the text was copied verbatim.
    source_len: usize,
    text_len: usize,
}

impl Piece {
    pub(crate) fn new(
        text_start: usize,
        source_start: usize,
        source_len: usize,
        text_len: usize,
    ) -> Piece {
        Piece {
            text_start,
            source_start,
            source_len,
            text_len,
        }
    }
}

#[derive(Debug, Clone)]
enum Body {
    /// The article text is `source[start..]` (plain text, Markdown after front matter).
    Slice(usize),
    /// The article text was assembled from pieces of the source (HTML).
    Assembled {
        text: std::sync::Arc<str>,
        pieces: Vec<Piece>,
    },
}

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// Guesses the format from a file name, falling back to sniffing the content.
    pub fn guess(path: &Path, content: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            _ => {
                let head = content.trim_start_matches('\u{feff}').trim_start();
                let lower: String = head
                    .chars()
                    .take(15)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
                    Format::Html
                } else if head.starts_with("---") {
                    Format::Markdown
                } else {
                    Format::Text
                }
            }
        }
    }
}

/// One article version: its text plus metadata.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable name used in reports: the path as given, or the manifest's id.
    pub id: String,
    pub path: Option<PathBuf>,
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub article: Option<String>,
    pub version: Option<String>,
    pub title: Option<String>,
    pub lang: Lang,
    /// The file as read (UTF-8), shared with the document's claims.
    pub source: std::sync::Arc<str>,
    body: Body,
    line_starts: Vec<usize>,
    /// The text's sentences, split once for extraction and comparison alike, with the
    /// language they were split in.
    sentences: OnceLock<(Lang, Vec<Sentence>)>,
}

/// Metadata a caller may know about a document before reading it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Meta {
    pub id: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub article: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    pub version: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match value {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

impl Document {
    /// Builds a document from text already in memory.
    ///
    /// ```
    /// use claimdiff::{Document, Defaults, Format};
    /// let doc = Document::from_text("a.txt", "Fast 30 Länder kamen.".into(), Format::Text,
    ///     &Default::default(), &Defaults::default()).unwrap();
    /// assert_eq!(doc.lang.code(), "de");
    /// assert_eq!(doc.text(), "Fast 30 Länder kamen.");
    /// ```
    pub fn from_text(
        id: &str,
        source: String,
        format: Format,
        meta: &Meta,
        defaults: &Defaults,
    ) -> Result<Document> {
        let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut meta = meta.clone();
        let body = match format {
            Format::Text => Body::Slice(bom),
            Format::Markdown => {
                let start = front_matter(&source, bom, &mut meta);
                Body::Slice(start)
            }
            Format::Html => {
                let (text, pieces) = crate::html::article_text(&source, &mut meta);
                Body::Assembled {
                    text: text.into(),
                    pieces,
                }
            }
        };
        let published = match &meta.published {
            Some(raw) => Some(Published::parse(raw).ok_or_else(|| {
                Error::input(id, format!("cannot read the publication time {raw:?}"))
            })?),
            None => defaults.published,
        };
        let line_starts = line_starts(&source);
        let mut doc = Document {
            id: meta.id.clone().unwrap_or_else(|| id.to_string()),
            path: None,
            published,
            outlet: meta.outlet.clone(),
            article: meta.article.clone(),
            version: meta.version.clone(),
            title: meta.title.clone(),
            lang: Lang::En,
            source: source.into(),
            body,
            line_starts,
            sentences: OnceLock::new(),
        };
        if doc.text().trim().is_empty() {
            return Err(Error::input(id, "the document has no text"));
        }
        doc.lang = match &meta.lang {
            Some(code) => code.parse().map_err(|e: String| Error::input(id, e))?,
            None => defaults.lang.unwrap_or_else(|| Lang::detect(doc.text())),
        };
        Ok(doc)
    }

    /// A plain-text document in `lang` published at `published`, as unit tests build them.
    #[cfg(test)]
    pub(crate) fn sample(id: &str, published: &str, lang: Lang, text: &str) -> Document {
        let defaults = Defaults {
            published: Published::parse(published),
            lang: Some(lang),
        };
        Document::from_text(id, text.into(), Format::Text, &Meta::default(), &defaults)
            .expect("a sample text reads")
    }

    /// Reads one file, guessing its format from its name and content.
    pub fn read(path: &Path, defaults: &Defaults) -> Result<Document> {
        Self::read_with(path, &Meta::default(), defaults)
    }

    /// Reads one file with metadata already known (from a manifest).
    pub fn read_with(path: &Path, meta: &Meta, defaults: &Defaults) -> Result<Document> {
        let source = read_utf8(path)?;
        let format = Format::guess(path, &source);
        let id = path.to_string_lossy().into_owned();
        let mut doc = Document::from_text(&id, source, format, meta, defaults)?;
        doc.path = Some(path.to_path_buf());
        Ok(doc)
    }

    /// The article text that claims are read from.
    pub fn text(&self) -> &str {
        match &self.body {
            Body::Slice(start) => &self.source[*start..],
            Body::Assembled { text, .. } => text,
        }
    }

    /// The string that holds [`Document::text`] and where the text starts in it, for claims to
    /// share.
    pub(crate) fn shared_text(&self) -> crate::claim::SharedText {
        match &self.body {
            Body::Slice(start) => crate::claim::SharedText {
                holder: self.source.clone(),
                start: *start,
            },
            Body::Assembled { text, .. } => crate::claim::SharedText {
                holder: text.clone(),
                start: 0,
            },
        }
    }

    /// The sentences of [`Document::text`], split once ([`crate::segment::split`]).
    pub fn sentences(&self) -> Cow<'_, [Sentence]> {
        let (lang, sentences) = self
            .sentences
            .get_or_init(|| (self.lang, crate::segment::split(self.text(), self.lang)));
        if *lang == self.lang {
            Cow::Borrowed(sentences)
        } else {
            // The language was changed after the first split: split anew.
            Cow::Owned(crate::segment::split(self.text(), self.lang))
        }
    }

    /// Maps a byte offset in [`Document::text`] to a byte offset in the file.
    pub fn source_offset(&self, text_offset: usize) -> usize {
        match &self.body {
            Body::Slice(start) => start + text_offset,
            Body::Assembled { pieces, .. } => {
                let i = pieces.partition_point(|p| p.text_start <= text_offset);
                if i == 0 {
                    return 0;
                }
                let p = pieces[i - 1];
                let within = text_offset - p.text_start;
                if p.source_len == p.text_len {
                    p.source_start + within
                } else if within >= p.text_len {
                    p.source_start + p.source_len
                } else {
                    p.source_start
                }
            }
        }
    }

    /// Maps the end of a stretch of [`Document::text`] (exclusive) to the end in the file: the
    /// end of its last character's source, never past markup that follows it (`</b>`, `</p>`).
    pub fn source_end(&self, text_offset: usize) -> usize {
        match &self.body {
            Body::Slice(start) => start + text_offset,
            Body::Assembled { pieces, .. } if text_offset > 0 => {
                let i = pieces.partition_point(|p| p.text_start < text_offset);
                if i == 0 {
                    return 0;
                }
                let p = pieces[i - 1];
                let within = text_offset - p.text_start;
                if p.source_len == p.text_len {
                    p.source_start + within.min(p.source_len)
                } else {
                    p.source_start + p.source_len
                }
            }
            Body::Assembled { .. } => 0,
        }
    }

    /// The 1-based line of a byte offset in the file.
    pub fn line_of(&self, source_offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= source_offset)
    }
}

/// Splits a Markdown front-matter block off the top; returns where the body starts.
fn front_matter(source: &str, from: usize, meta: &mut Meta) -> usize {
    let rest = &source[from..];
    let Some(after_open) = rest.strip_prefix("---") else {
        return from;
    };
    let Some(first_nl) = after_open.find('\n') else {
        return from;
    };
    if !after_open[..first_nl].trim().is_empty() {
        return from;
    }
    let block_start = from + 3 + first_nl + 1;
    let mut pos = block_start;
    for line in source[block_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        pos += line.len();
        if content.trim_end() == "---" || content.trim_end() == "..." {
            return pos;
        }
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).to_string();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "published" | "date" => &mut meta.published,
            "outlet" | "source" => &mut meta.outlet,
            "lang" | "language" => &mut meta.lang,
            "title" => &mut meta.title,
            "article" => &mut meta.article,
            "version" => &mut meta.version,
            "id" => &mut meta.id,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    // An unterminated block is not front matter: read the file as text.
    from
}

fn line_starts(source: &str) -> Vec<usize> {
    let bytes = source.as_bytes();
    let mut starts = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

/// Reads a file as UTF-8, refusing directories, huge files, binary data and other encodings.
pub fn read_utf8(path: &Path) -> Result<String> {
    use std::io::Read;
    // Opened once and asked for its size, not looked up by name twice: a corpus of many small
    // files pays per lookup. A file that cannot be opened is looked up by name again below,
    // so that the problem named (a folder, a missing file) stays the same.
    if let Ok(mut file) = std::fs::File::open(path) {
        let meta = file.metadata().map_err(|e| Error::read(path, &e))?;
        if meta.is_file() && meta.len() <= MAX_FILE_BYTES {
            // The size it had when asked, read without a last read that finds the end: one
            // system call in five per file, for a corpus of many small files. A file that grows
            // meanwhile is read as it was when asked; one that shrinks, as far as it goes. A
            // file that gives no size (those of /proc) is read to its end.
            let len = meta.len() as usize;
            if len == 0 {
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes)
                    .map_err(|e| Error::read(path, &e))?;
                return decode(path, bytes);
            }
            let mut bytes = vec![0u8; len];
            let mut filled = 0;
            while filled < len {
                match file.read(&mut bytes[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(Error::read(path, &e)),
                }
            }
            bytes.truncate(filled);
            return decode(path, bytes);
        }
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path, &e))?;
    if meta.is_dir() {
        return Err(Error::input(path, "is a directory, not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::input(
            path,
            format!(
                "the file is {} MB; claimdiff reads files up to {} MB (split it, or use a manifest)",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, &e))?;
    decode(path, bytes)
}

/// Checks that bytes are UTF-8 text, with an error that says what to do when they are not.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if bytes.is_empty() {
        return Err(Error::input(path, "the file is empty"));
    }
    if bytes.contains(&0) {
        return Err(Error::input(
            path,
            "the file contains NUL bytes; it looks binary, not text",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::input(
            path,
            format!(
                "not valid UTF-8 (byte {at}); if it is Latin-1, convert it first, e.g. `iconv -f latin1 -t utf-8`"
            ),
        )
    })
}

/// Reads every document named: files, folders (recursively, in name order) and JSONL manifests.
pub fn read_inputs(paths: &[PathBuf], defaults: &Defaults) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            collect_files(path, &mut files)?;
            if files.is_empty() {
                return Err(Error::input(
                    path,
                    "the folder holds no .txt, .md or .html files",
                ));
            }
            for file in files {
                docs.extend(read_one(&file, defaults)?);
            }
        } else {
            docs.extend(read_one(path, defaults)?);
        }
    }
    Ok(docs)
}

fn read_one(path: &Path, defaults: &Defaults) -> Result<Vec<Document>> {
    if is_manifest(path) {
        crate::manifest::read_manifest(path, defaults)
    } else {
        Ok(vec![Document::read(path, defaults)?])
    }
}

fn is_manifest(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl") | Some("ndjson")
    )
}

/// Extensions of the files read as documents when a folder is given.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, &e))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str, format: Format) -> Document {
        Document::from_text(
            "t",
            source.to_string(),
            format,
            &Meta::default(),
            &Defaults::default(),
        )
        .unwrap()
    }

    #[test]
    fn front_matter_sets_metadata_and_body_offsets() {
        let src = "---\ntitle: Gipfel\npublished: 2025-03-27T10:00:00+01:00\noutlet: Kurier\nlang: de\n---\nFast 30 Länder.\n";
        let d = doc(src, Format::Markdown);
        assert_eq!(d.title.as_deref(), Some("Gipfel"));
        assert_eq!(d.outlet.as_deref(), Some("Kurier"));
        assert_eq!(d.lang, Lang::De);
        assert_eq!(d.published.unwrap().day.to_string(), "2025-03-27");
        assert_eq!(d.text(), "Fast 30 Länder.\n");
        let off = d.source_offset(5);
        assert_eq!(&d.source[off..off + 2], "30");
        assert_eq!(d.line_of(off), 7);
    }

    #[test]
    fn publication_day_is_the_zones_own_day() {
        let p = Published::parse("2025-03-27T23:30:00-05:00").unwrap();
        assert_eq!(p.day, NaiveDate::from_ymd_opt(2025, 3, 27).unwrap());
        let p = Published::parse("2025-03-28T00:30:00+02:00").unwrap();
        assert_eq!(p.day, NaiveDate::from_ymd_opt(2025, 3, 28).unwrap());
        assert!(Published::parse("next week").is_none());
    }

    #[test]
    fn lines_count_crlf_and_lone_cr() {
        let d = doc("a\r\nb\rc\nd", Format::Text);
        assert_eq!(d.line_of(0), 1);
        assert_eq!(d.line_of(3), 2);
        assert_eq!(d.line_of(5), 3);
        assert_eq!(d.line_of(7), 4);
    }

    #[test]
    fn empty_and_binary_input_is_refused() {
        assert!(decode(Path::new("x"), vec![]).is_err());
        assert!(decode(Path::new("x"), vec![b'a', 0, b'b']).is_err());
        let err = decode(Path::new("x.txt"), vec![b'K', 0xe4, b's', b'e']).unwrap_err();
        assert!(err.to_string().contains("x.txt: not valid UTF-8"));
    }
}
