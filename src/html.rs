//! The article text of a saved news page: headline and paragraphs, without scripts, styles,
//! navigation or markup, with every piece of text mapped back to its bytes in the page.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::document::{Meta, Piece};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "figure", "head",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "article",
    "section",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "main",
    "body",
    "title",
    "hr",
    "dd",
    "dt",
];

/// Deeper nesting than this is treated as flat: the text is still read, the depth not tracked.
const MAX_DEPTH: usize = 512;

pub(crate) fn article_text(source: &str, meta: &mut Meta) -> (String, Vec<Piece>) {
    let has_article = source.to_ascii_lowercase().contains("<article");
    let tokenizer = Tokenizer::new_with_emitter(source, DefaultEmitter::<usize>::new_with_span());
    let mut text = String::new();
    let mut pieces = Vec::new();
    let mut skip_depth = 0usize;
    let mut article_depth = 0usize;
    let mut in_title = false;
    let mut in_h1 = false;
    let mut title = String::new();
    let mut headline = String::new();
    let mut time_datetime: Option<String> = None;

    let paragraph_break = |text: &mut String, pieces: &mut Vec<Piece>, at: usize| {
        if !text.is_empty() && !text.ends_with("\n\n") {
            let add = if text.ends_with('\n') { "\n" } else { "\n\n" };
            pieces.push(Piece::new(text.len(), at, 0, add.len()));
            text.push_str(add);
        }
    };

    for token in tokenizer {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let attr = |key: &str| {
                    tag.attributes
                        .get(key.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                match name.as_str() {
                    "html" => {
                        if meta.lang.is_none() {
                            meta.lang = attr("lang").filter(|l| l.parse::<crate::Lang>().is_ok());
                        }
                    }
                    "meta" => {
                        let key = attr("property")
                            .or_else(|| attr("name"))
                            .or_else(|| attr("itemprop"));
                        let key = key.unwrap_or_default().to_ascii_lowercase();
                        let content = attr("content");
                        match key.as_str() {
                            "article:published_time"
                            | "datepublished"
                            | "date"
                            | "pubdate"
                            | "publish-date"
                            | "dc.date"
                            | "dc.date.issued"
                            | "og:published_time" => {
                                if meta.published.is_none() {
                                    meta.published = content;
                                }
                            }
                            "og:site_name" | "publisher" => {
                                if meta.outlet.is_none() {
                                    meta.outlet = content;
                                }
                            }
                            _ => {}
                        }
                    }
                    "time" => {
                        if time_datetime.is_none() {
                            time_datetime = attr("datetime");
                        }
                    }
                    _ => {}
                }
                if tag.self_closing {
                    if BLOCKS.contains(&name.as_str()) {
                        paragraph_break(&mut text, &mut pieces, tag.span.start);
                    }
                    continue;
                }
                if name == "title" {
                    in_title = true;
                }
                if name == "h1" {
                    in_h1 = true;
                }
                if name == "article" && article_depth < MAX_DEPTH {
                    article_depth += 1;
                }
                if SKIPPED.contains(&name.as_str()) && skip_depth < MAX_DEPTH {
                    skip_depth += 1;
                }
                if BLOCKS.contains(&name.as_str()) {
                    paragraph_break(&mut text, &mut pieces, tag.span.start);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                }
                if name == "h1" {
                    in_h1 = false;
                }
                if name == "article" {
                    article_depth = article_depth.saturating_sub(1);
                }
                if SKIPPED.contains(&name.as_str()) {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                if BLOCKS.contains(&name.as_str()) {
                    paragraph_break(&mut text, &mut pieces, tag.span.end);
                }
            }
            Token::String(s) => {
                let value = String::from_utf8_lossy(&s.value);
                if in_title {
                    title.push_str(&value);
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                if in_h1 {
                    headline.push_str(&value);
                }
                if has_article && article_depth == 0 && !in_h1 {
                    continue;
                }
                let raw = source.get(s.span.start..s.span.end).unwrap_or("");
                map_pieces(raw, &value, text.len(), s.span.start, &mut pieces);
                text.push_str(&value);
            }
            _ => {}
        }
    }
    if meta.published.is_none() {
        meta.published = time_datetime;
    }
    if meta.title.is_none() {
        let t = if headline.trim().is_empty() {
            title
        } else {
            headline
        };
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            meta.title = Some(t);
        }
    }
    (text, pieces)
}

/// Maps a piece of text back to its source, character by character where they agree, so that
/// an entity (`&auml;`) or a line end the tokenizer normalised (`\r\n` read as `\n`) does not
/// blur the offsets of the words around it. Where the two cannot be followed any further, the
/// rest is one piece that maps to its whole stretch of source.
fn map_pieces(
    raw: &str,
    value: &str,
    text_start: usize,
    source_start: usize,
    pieces: &mut Vec<Piece>,
) {
    if raw == value {
        pieces.push(Piece::new(text_start, source_start, raw.len(), value.len()));
        return;
    }
    let (src, val) = (raw.as_bytes(), value.as_bytes());
    let (mut i, mut k) = (0, 0);
    // The start of the verbatim run being collected.
    let (mut run_i, mut run_k) = (0, 0);
    let flush = |pieces: &mut Vec<Piece>, run_i: usize, run_k: usize, i: usize, k: usize| {
        if k > run_k {
            pieces.push(Piece::new(
                text_start + run_k,
                source_start + run_i,
                i - run_i,
                k - run_k,
            ));
        }
    };
    while i < src.len() && k < val.len() {
        let (Some(sc), Some(vc)) = (raw[i..].chars().next(), value[k..].chars().next()) else {
            break;
        };
        // A line end the tokenizer normalised: "\r\n" or a lone "\r" read as "\n".
        let step = if sc == '\r' && vc == '\n' {
            Some(if src.get(i + 1) == Some(&b'\n') { 2 } else { 1 })
        } else if sc == '&' {
            entity_len(raw, i, value, k)
        } else {
            None
        };
        match step {
            Some(source_len) => {
                flush(pieces, run_i, run_k, i, k);
                let text_len = if sc == '&' {
                    entity_text_len(raw, i + source_len, value, k)
                } else {
                    Some(1)
                };
                let Some(text_len) = text_len else { break };
                pieces.push(Piece::new(
                    text_start + k,
                    source_start + i,
                    source_len,
                    text_len,
                ));
                i += source_len;
                k += text_len;
                (run_i, run_k) = (i, k);
            }
            None if sc == vc => {
                i += sc.len_utf8();
                k += vc.len_utf8();
            }
            None => {
                // One character replaced by another (a NUL read as U+FFFD).
                flush(pieces, run_i, run_k, i, k);
                pieces.push(Piece::new(
                    text_start + k,
                    source_start + i,
                    sc.len_utf8(),
                    vc.len_utf8(),
                ));
                i += sc.len_utf8();
                k += vc.len_utf8();
                (run_i, run_k) = (i, k);
            }
        }
    }
    flush(pieces, run_i, run_k, i, k);
    if k < val.len() {
        pieces.push(Piece::new(
            text_start + k,
            source_start + i,
            src.len() - i,
            val.len() - k,
        ));
    }
}

/// The length in the source of a character reference starting at `i` (`&auml;`, `&#228;`,
/// `&#xE4;`), when the text there does not read it literally.
fn entity_len(raw: &str, i: usize, value: &str, k: usize) -> Option<usize> {
    let rest = &raw.as_bytes()[i + 1..];
    let name = rest
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    if name == 0 {
        return None;
    }
    let len = 1 + name + usize::from(rest.get(name) == Some(&b';'));
    // "&" kept as it stands ("AT&T"): the text reads the same bytes.
    if value.as_bytes().get(k..k + len) == Some(&raw.as_bytes()[i..i + len]) {
        return None;
    }
    Some(len)
}

/// How many bytes of text a character reference became: the text resumes where the source
/// after the reference does (at most two characters, as for a few named references).
fn entity_text_len(raw: &str, after: usize, value: &str, k: usize) -> Option<usize> {
    let next: String = raw[after..].chars().take(8).collect();
    let mut end = k;
    for c in value[k..].chars().take(2) {
        end += c.len_utf8();
        let resumes = if next.is_empty() {
            end == value.len()
        } else {
            value[end..].starts_with(&next)
        };
        if resumes {
            return Some(end - k);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::document::{Defaults, Document, Format, Meta};

    const PAGE: &str = r#"<!DOCTYPE html><html lang="de"><head><title>Kurier</title>
<meta property="article:published_time" content="2025-03-27T09:00:00+01:00">
<script>var x = "30 Länder";</script><style>p{}</style></head>
<body><nav>Startseite 12 Rubriken</nav>
<article><h1>Gipfel in Paris</h1><p>Fast 30 L&auml;nder kamen am Mittwoch.</p>
<p>Es war das dritte Treffen.</p></article><footer>Impressum Seite 3</footer></body></html>"#;

    #[test]
    fn reads_headline_and_paragraphs_only() {
        let d = Document::from_text(
            "p.html",
            PAGE.into(),
            Format::Html,
            &Meta::default(),
            &Defaults::default(),
        )
        .unwrap();
        let text = d.text();
        assert!(text.contains("Gipfel in Paris"));
        assert!(text.contains("Fast 30 Länder kamen am Mittwoch."));
        assert!(!text.contains("var x"));
        assert!(!text.contains("Startseite"));
        assert!(!text.contains("Impressum"));
        assert_eq!(d.lang, crate::Lang::De);
        assert_eq!(d.published.unwrap().day.to_string(), "2025-03-27");
        assert_eq!(d.title.as_deref(), Some("Gipfel in Paris"));
    }

    #[test]
    fn offsets_point_into_the_page() {
        let d = Document::from_text(
            "p.html",
            PAGE.into(),
            Format::Html,
            &Meta::default(),
            &Defaults::default(),
        )
        .unwrap();
        let at = d.text().find("dritte Treffen").unwrap();
        let src = d.source_offset(at);
        assert_eq!(
            &d.source[src..src + "dritte Treffen".len()],
            "dritte Treffen"
        );
        assert_eq!(d.line_of(src), 6);
    }

    #[test]
    fn markup_in_text_stays_text() {
        let page = "<html><body><p>A &lt;script&gt; tag and 3 people.</p></body></html>";
        let d = Document::from_text(
            "p.html",
            page.into(),
            Format::Html,
            &Meta::default(),
            &Defaults::default(),
        )
        .unwrap();
        assert!(d.text().contains("<script>"));
    }
}
