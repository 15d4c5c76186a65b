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
                let text_start = text.len();
                let source_len = s.span.end.saturating_sub(s.span.start);
                pieces.push(Piece::new(
                    text_start,
                    s.span.start,
                    source_len,
                    value.len(),
                ));
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
