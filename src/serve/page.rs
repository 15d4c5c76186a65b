//! The page at `/`: an editor pastes (or drops) two or more versions, gives each a date and a
//! language, presses the button and reads the HTML report below the form.
//!
//! It works without scripts: the form posts to `/report` into a frame, and "Add a text" is a
//! link to the page with one more box. `page.js` only makes that smoother (a box added in place,
//! files read into the boxes, the frame sized to the report). Nothing is loaded from elsewhere,
//! and the page's Content-Security-Policy says so.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Extension, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;

use super::api::{self, ApiError, DocumentInput, Job};
use super::{compute, read_body, Admission, Shared};
use crate::report::html::escape;

/// The page's own files only; the report frame is the same origin.
const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    form-action 'self'; frame-src 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// `GET /?texts=N` shows N boxes; `GET /?example` fills two with the demo story's versions.
#[derive(Debug, Default, Deserialize)]
pub(super) struct PageQuery {
    texts: Option<usize>,
    example: Option<String>,
}

/// What one box holds.
#[derive(Default)]
struct Entry<'a> {
    text: &'a str,
    name: &'a str,
    published: &'a str,
    lang: &'a str,
}

pub(super) async fn page(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Response {
    // A query the page does not understand shows the page as it is by default.
    let Query(query) = query.unwrap_or_default();
    let max = shared.options.max_documents.max(2);
    let example: Vec<Entry> = if query.example.is_some() {
        crate::demo::FILES
            .iter()
            .filter(|(name, _)| name.contains("kurier"))
            .map(|(name, text)| Entry {
                text,
                name: name.rsplit('/').next().unwrap_or(name),
                ..Entry::default()
            })
            .collect()
    } else {
        Vec::new()
    };
    let count = query.texts.unwrap_or(2).clamp(2, max).max(example.len());
    let boxes: String = (0..count)
        .map(|i| text_box(i + 1, example.get(i).unwrap_or(&Entry::default())))
        .collect();
    let more = if count < max {
        format!(
            "<a id=\"add-link\" class=\"button secondary\" href=\"/?texts={}\">Add a text</a>",
            count + 1
        )
    } else {
        String::new()
    };
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimdiff: compare versions</title>
<link rel="stylesheet" href="/page.css">
<script src="/page.js" defer></script>
</head>
<body>
<header>
<h1>claimdiff</h1>
<p>Paste two or more versions of an article, or articles of different outlets on one story. claimdiff lists where their figures, ordinals and dates disagree. The texts stay on this server only while it reads them. <a href="/?example">Try the example story</a>.</p>
</header>
<main>
<form id="texts" method="post" action="/report" target="report">
<fieldset class="how">
<legend>The texts are</legend>
<label><input type="radio" id="kind-diff" name="command" value="diff" checked> versions of one article, oldest first</label>
<label><input type="radio" id="kind-compare" name="command" value="compare"> articles of different outlets</label>
</fieldset>
<div id="versions" data-max="{max}">
{boxes}</div>
<div class="actions">
{more}<button type="button" id="add-text" class="secondary" hidden>Add a text</button>
<button type="submit" id="run">Compare the texts</button>
</div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<iframe name="report" id="report" title="The report" sandbox="allow-same-origin"></iframe>
</main>
</body>
</html>
"#
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, PAGE_POLICY),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

/// One box: the text, and its date, language and file.
fn text_box(n: usize, entry: &Entry) -> String {
    let option = |value: &str, label: &str| {
        let selected = if entry.lang == value { " selected" } else { "" };
        format!("<option value=\"{value}\"{selected}>{label}</option>")
    };
    format!(
        r#"<fieldset class="text">
<legend>Text {n}</legend>
<label for="text-{n}">Text {n}: paste it here, or drop a file on the box</label>
<textarea id="text-{n}" name="text" rows="10" spellcheck="false">{text}</textarea>
<input type="hidden" name="name" value="{name}">
<div class="meta">
<label>Published <input type="date" name="published" value="{published}"></label>
<label>Language <select name="lang">{detect}{de}{en}</select></label>
<label class="file" hidden>Open a file <input type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"></label>
</div>
</fieldset>
"#,
        text = escape(entry.text),
        name = escape(entry.name),
        published = escape(entry.published),
        detect = option("", "detect"),
        de = option("de", "German"),
        en = option("en", "English"),
    )
}

pub(super) async fn style() -> Response {
    static_file("text/css; charset=utf-8", STYLE)
}

pub(super) async fn script() -> Response {
    static_file("text/javascript; charset=utf-8", SCRIPT)
}

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// `POST /report`: the form's texts judged, the HTML report (or an error page) in the frame.
pub(super) async fn report(
    State(shared): State<Arc<Shared>>,
    Extension(admission): Extension<Admission>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let form = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !form {
            return Err(ApiError::NotForm);
        }
        let bytes = read_body(&headers, body, shared.options.max_body).await?;
        compute(&shared, admission, move |settings| {
            let fields: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&bytes).map_err(|e| ApiError::Malformed {
                    at: "body".into(),
                    problem: format!("the form could not be read: {e}"),
                })?;
            let (job, body) = read_form(fields)?;
            let query = api::Query {
                format: Some("html".into()),
                ..api::Query::default()
            };
            api::answer(job, body, &query, settings)
        })
        .await
    }
    .await;
    match result {
        Ok(answer) => answer.into_response(),
        Err(e) => error_response(e, true),
    }
}

/// The form's fields as an API body: one document per non-empty box, named by its file (so
/// its format is guessed from the name, as the CLI does) or by its number.
fn read_form(fields: Vec<(String, String)>) -> Result<(Job, api::Body), ApiError> {
    let mut job = Job::Diff;
    // (number, file name, document) of each box, in order.
    let mut boxes: Vec<(usize, String, DocumentInput)> = Vec::new();
    for (key, value) in fields {
        // Each box starts with its text; the fields after it belong to it.
        if key == "text" {
            let doc = DocumentInput {
                text: value,
                ..DocumentInput::default()
            };
            boxes.push((boxes.len() + 1, String::new(), doc));
            continue;
        }
        if key == "command" {
            job = match value.as_str() {
                "compare" => Job::Compare,
                _ => Job::Diff,
            };
            continue;
        }
        let (Some((_, name, doc)), false) = (boxes.last_mut(), value.trim().is_empty()) else {
            continue;
        };
        match key.as_str() {
            "name" => *name = value.trim().to_string(),
            "published" => doc.published = Some(value),
            "lang" => doc.lang = Some(value),
            _ => {}
        }
    }
    let mut documents: Vec<DocumentInput> = Vec::new();
    for (n, name, mut doc) in boxes {
        if doc.text.trim().is_empty() {
            continue;
        }
        let taken = |id: &str| documents.iter().any(|d| d.id == id);
        doc.id = if !name.is_empty() && !taken(&name) {
            name
        } else {
            format!("text {n}")
        };
        documents.push(doc);
    }
    if documents.len() < 2 {
        return Err(ApiError::Invalid {
            at: "text".into(),
            problem: "paste at least two texts".into(),
        });
    }
    Ok((
        job,
        api::Body {
            documents,
            ..api::Body::default()
        },
    ))
}

/// An error as the route's caller reads it: JSON for the API, a short page for the frame.
pub(super) fn error_response(error: ApiError, page: bool) -> Response {
    if !page {
        return error.into_response();
    }
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>claimdiff: {title}</title>\n\
         <style>body{{font:1rem/1.5 system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}}h1{{font-size:1.2rem;color:#9b1c1c}}</style>\n\
         </head>\n<body>\n<h1>No report: {title}</h1>\n<p id=\"error\">{message}</p>\n</body>\n</html>\n",
        title = escape(error.status().canonical_reason().unwrap_or("error")),
        message = escape(&error.to_string()),
    );
    let mut response = (
        error.status(),
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, super::REPORT_POLICY);
    if error.status() == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn each_box_keeps_its_own_date_language_and_name() {
        let (job, body) = read_form(fields(&[
            ("command", "compare"),
            ("text", "Eins."),
            ("name", ""),
            ("published", "2025-03-27"),
            ("lang", "de"),
            ("text", "  "),
            ("name", ""),
            ("published", "2025-03-28"),
            ("lang", ""),
            ("text", "Two."),
            ("name", "wire.md"),
            ("published", ""),
            ("lang", "en"),
        ]))
        .unwrap();
        assert_eq!(job, Job::Compare);
        let docs: Vec<_> = body
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.published.as_deref(), d.lang.as_deref()))
            .collect();
        assert_eq!(
            docs,
            [
                ("text 1", Some("2025-03-27"), Some("de")),
                ("wire.md", None, Some("en"))
            ]
        );
        let err = read_form(fields(&[("text", "Eins."), ("text", "")])).unwrap_err();
        assert_eq!(err.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }

    #[test]
    fn the_page_escapes_what_it_shows() {
        let html = text_box(
            1,
            &Entry {
                text: "</textarea><script>alert(1)</script>",
                name: "\"><b>",
                ..Entry::default()
            },
        );
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"));
    }
}
