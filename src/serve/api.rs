//! The JSON API's work: a request body in, the library's report out in one of the CLI's formats.
//!
//! Everything here is synchronous and runs on a blocking thread; [`super`] keeps the HTTP side.
//! The documents are built with [`Document::from_text`] and judged with [`crate::extract_all`],
//! [`crate::compare`], [`crate::diff`] and [`crate::versions`], so a request gets exactly the
//! records the CLI writes for the same documents.

use std::collections::HashSet;
use std::path::Path;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::document::{Defaults, Document, Format, Lang, Meta, Published};
use crate::report::{FailOn, OutputFormat, WriteOptions};
use crate::{Config, Report};

/// What went wrong with a request, and where: the body as JSON `{"error", "where"}`.
///
/// Bad input is always a 4xx; a 500 means a bug in claimdiff.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body or query cannot be read at all (not JSON, a bad query value): 400.
    #[error("{problem}")]
    Malformed { at: String, problem: String },
    /// Over a limit (body size, documents per request): 413.
    #[error("{problem}")]
    TooLarge { at: String, problem: String },
    /// The body is not JSON by its Content-Type: 415.
    #[error("send the body as JSON with Content-Type: application/json (got {got})")]
    NotJson { got: String },
    /// The page's form was not sent as a form: 415.
    #[error("send the texts as a form (application/x-www-form-urlencoded)")]
    NotForm,
    /// JSON of the wrong shape, or values that cannot be used (an unreadable date, an empty
    /// text, an unknown language): 422.
    #[error("{problem}")]
    Invalid { at: String, problem: String },
    /// Every slot and the queue are taken: 503.
    #[error("the server is busy; try again shortly")]
    Busy,
    /// The request took longer than the time limit: 503.
    #[error(
        "the request took longer than the time limit of {seconds} s; send fewer or shorter texts"
    )]
    TimedOut { seconds: f64 },
    /// No such route: 404.
    #[error("no such route: {path}")]
    NotFound { path: String },
    /// The route exists but not for this method: 405.
    #[error("this route does not take {method}")]
    MethodNotAllowed { method: String },
    /// A bug in claimdiff: 500.
    #[error("internal error; please report it")]
    Internal,
}

impl ApiError {
    /// The HTTP status the error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Malformed { .. } => StatusCode::BAD_REQUEST,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::NotJson { .. } | ApiError::NotForm => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Busy | ApiError::TimedOut { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Where the problem is: a field of the body (`documents[1].published`), `query.format`,
    /// `body`, `content-type`, `path` or `server`.
    pub fn location(&self) -> &str {
        match self {
            ApiError::Malformed { at, .. }
            | ApiError::TooLarge { at, .. }
            | ApiError::Invalid { at, .. } => at,
            ApiError::NotJson { .. } | ApiError::NotForm => "content-type",
            ApiError::NotFound { .. } => "path",
            ApiError::MethodNotAllowed { .. } => "method",
            ApiError::Busy | ApiError::TimedOut { .. } | ApiError::Internal => "server",
        }
    }

    fn invalid(at: impl Into<String>, problem: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            at: at.into(),
            problem: problem.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.to_string(), "where": self.location() });
        let mut response = (
            self.status(),
            [(header::CONTENT_TYPE, "application/json")],
            format!("{body}\n"),
        )
            .into_response();
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

/// The body of `/v1/extract`, `/v1/compare` and `/v1/diff`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub documents: Vec<DocumentInput>,
    /// Publication time for documents that do not give one (as `--published`).
    pub published: Option<String>,
    /// Language for documents that do not say (as `--lang`).
    pub lang: Option<String>,
    /// The keys of `claimdiff.toml`, as JSON; replaces the server's config for this request.
    pub config: Option<serde_json::Value>,
}

/// One document of a request: its text and what is known about it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInput {
    /// The name reports use; unique within a request.
    pub id: String,
    pub text: String,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    pub article: Option<String>,
    pub version: Option<Version>,
    pub title: Option<String>,
    /// How to read `text`; by default guessed from the id's extension and the text, as the CLI
    /// guesses from a file name.
    pub format: Option<InputFormat>,
}

/// A version as a caller writes it: `"2"` or `2`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Version {
    Text(String),
    Number(serde_json::Number),
}

/// The formats a document's text may be in.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

/// The query of the three API routes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// `json` (default), `html`, `markdown`, `sarif`, `csv`, `jsonl` or `text`.
    pub format: Option<String>,
    /// Also show agreeing and compatible findings in text, markdown and sarif (as `--all`).
    pub all: Option<bool>,
    /// Which findings set the `claimdiff-exit` header to 1 (as `--fail-on`).
    pub fail_on: Option<String>,
}

/// What a request asks the library to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// `claimdiff extract`.
    Extract,
    /// `claimdiff compare`.
    Compare,
    /// `claimdiff diff`: two versions, or an ordered list of versions.
    Diff,
}

/// Limits and defaults a request is read with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub max_documents: usize,
    pub config: Config,
}

/// A rendered report with what the CLI's exit status would have been.
#[derive(Debug)]
pub struct Answer {
    pub body: Vec<u8>,
    pub format: OutputFormat,
    /// 1 when a finding reaches `fail_on`, else 0.
    pub exit: u8,
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let mut response = (
            [(header::CONTENT_TYPE, content_type(self.format))],
            self.body,
        )
            .into_response();
        response
            .headers_mut()
            .insert("claimdiff-exit", HeaderValue::from(u16::from(self.exit)));
        if self.format == OutputFormat::Html {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, super::REPORT_POLICY);
        }
        response
    }
}

/// The media type each format is sent as.
pub fn content_type(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Json => "application/json",
        OutputFormat::Jsonl => "application/x-ndjson",
        OutputFormat::Sarif => "application/sarif+json",
        OutputFormat::Html => "text/html; charset=utf-8",
        OutputFormat::Markdown => "text/markdown; charset=utf-8",
        OutputFormat::Csv => "text/csv; charset=utf-8",
        OutputFormat::Text => "text/plain; charset=utf-8",
    }
}

/// Reads a JSON body; syntax errors are 400, a wrong shape 422, both with the field's path.
pub fn parse(bytes: &[u8]) -> Result<Body, ApiError> {
    // serde would also read a struct from an array; an array is refused before it is read.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        return Err(ApiError::invalid(
            "body",
            "the body is a JSON object: {\"documents\": [{\"id\": ..., \"text\": ...}]}",
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let body: Body = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = location(&e.path().to_string(), "body");
        let e = e.into_inner();
        let problem = e.to_string();
        match e.classify() {
            serde_json::error::Category::Data => ApiError::Invalid { at, problem },
            _ => ApiError::Malformed { at, problem },
        }
    })?;
    de.end().map_err(|e| ApiError::Malformed {
        at: "body".into(),
        problem: e.to_string(),
    })?;
    Ok(body)
}

/// A path from serde_path_to_error as a `where`: the root is named by `root`; a part it could
/// not name (`?`, where the JSON broke off) is left out.
fn location(path: &str, root: &str) -> String {
    let path = path.trim_end_matches(".?").trim_end_matches('?');
    match path {
        "." | "" => root.to_string(),
        p if root == "body" => p.to_string(),
        p => format!("{root}.{p}"),
    }
}

/// Runs a job on a request: the documents built, the library called, the report rendered.
pub fn answer(
    job: Job,
    body: Body,
    query: &Query,
    settings: &Settings,
) -> Result<Answer, ApiError> {
    let config = config(body.config, &settings.config)?;
    let format = match (&query.format, &config.format) {
        (Some(name), _) => read_format(name).map_err(|problem| ApiError::Malformed {
            at: "query.format".into(),
            problem,
        })?,
        (None, Some(name)) => {
            read_format(name).map_err(|p| ApiError::invalid("config.format", p))?
        }
        (None, None) => OutputFormat::Json,
    };
    let fail_on: FailOn = match (&query.fail_on, &config.fail_on) {
        (Some(v), _) => v.parse().map_err(|problem| ApiError::Malformed {
            at: "query.fail_on".into(),
            problem,
        })?,
        (None, Some(v)) => v
            .parse()
            .map_err(|p: String| ApiError::invalid("config.fail_on", p))?,
        (None, None) => FailOn::Contradiction,
    };
    let needed = if job == Job::Diff { 2 } else { 1 };
    if body.documents.len() < needed {
        return Err(ApiError::invalid(
            "documents",
            format!(
                "{} needs at least {needed} document{}",
                job.name(),
                if needed == 1 { "" } else { "s" }
            ),
        ));
    }
    if body.documents.len() > settings.max_documents {
        return Err(ApiError::TooLarge {
            at: "documents".into(),
            problem: format!(
                "{} documents; this server takes at most {} per request",
                body.documents.len(),
                settings.max_documents
            ),
        });
    }
    let defaults = defaults(body.published.as_deref(), body.lang.as_deref())?;
    let docs = documents(body.documents, &defaults)?;
    let report = run(job, docs, &config);
    let options = WriteOptions {
        color: false,
        all: query.all.unwrap_or(false),
    };
    let mut out = Vec::new();
    crate::report::write(&report, format, &options, &mut out).map_err(|_| ApiError::Internal)?;
    Ok(Answer {
        body: out,
        format,
        exit: u8::from(report.count_at_least(fail_on) > 0),
    })
}

impl Job {
    /// The CLI command the job is.
    pub fn name(self) -> &'static str {
        match self {
            Job::Extract => "extract",
            Job::Compare => "compare",
            Job::Diff => "diff",
        }
    }
}

/// The library call the CLI makes for the same command and documents.
fn run(job: Job, mut docs: Vec<Document>, config: &Config) -> Report {
    match job {
        Job::Extract => crate::extract_all(docs, config),
        Job::Compare => crate::compare(docs, config),
        Job::Diff if docs.len() == 2 => {
            let new = docs.pop().unwrap_or_else(|| unreachable!("two documents"));
            let old = docs.pop().unwrap_or_else(|| unreachable!("two documents"));
            crate::diff(old, new, config)
        }
        Job::Diff => crate::versions(docs, config),
    }
}

fn read_format(name: &str) -> Result<OutputFormat, String> {
    <OutputFormat as clap::ValueEnum>::from_str(name, true).map_err(|_| {
        format!("unknown format {name:?} (json, html, markdown, sarif, csv, jsonl, text)")
    })
}

/// The request's defaults, as `--published` and `--lang` give them.
fn defaults(published: Option<&str>, lang: Option<&str>) -> Result<Defaults, ApiError> {
    Ok(Defaults {
        published: published
            .map(|p| read_published("published", p))
            .transpose()?,
        lang: lang.map(|l| read_lang("lang", l)).transpose()?,
    })
}

fn read_published(at: &str, raw: &str) -> Result<Published, ApiError> {
    Published::parse(raw).ok_or_else(|| {
        ApiError::invalid(
            at,
            format!("cannot read {raw:?} as a date or time (2025-03-27 or RFC 3339)"),
        )
    })
}

fn read_lang(at: &str, raw: &str) -> Result<Lang, ApiError> {
    raw.parse().map_err(|e: String| ApiError::invalid(at, e))
}

/// Builds the documents, each checked field by field so an error names the field.
fn documents(inputs: Vec<DocumentInput>, defaults: &Defaults) -> Result<Vec<Document>, ApiError> {
    let mut seen = HashSet::new();
    let mut docs = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.into_iter().enumerate() {
        let at = |field: &str| format!("documents[{i}].{field}");
        if input.id.trim().is_empty() {
            return Err(ApiError::invalid(at("id"), "the id is empty"));
        }
        if !seen.insert(input.id.clone()) {
            return Err(ApiError::invalid(
                at("id"),
                format!("the id {:?} is given twice", input.id),
            ));
        }
        // As the CLI refuses a file with NUL bytes: they mean binary data, not an article.
        if let Some(offset) = memchr::memchr(0, input.text.as_bytes()) {
            return Err(ApiError::invalid(
                at("text"),
                format!("a NUL byte at offset {offset}: binary data, not text"),
            ));
        }
        if let Some(p) = &input.published {
            read_published(&at("published"), p)?;
        }
        if let Some(l) = &input.lang {
            read_lang(&at("lang"), l)?;
        }
        let format = match input.format {
            Some(InputFormat::Text) => Format::Text,
            Some(InputFormat::Markdown) => Format::Markdown,
            Some(InputFormat::Html) => Format::Html,
            None => Format::guess(Path::new(&input.id), &input.text),
        };
        let meta = Meta {
            id: None,
            published: input.published,
            outlet: input.outlet,
            article: input.article,
            version: input.version.map(|v| match v {
                Version::Text(s) => s,
                Version::Number(n) => n.to_string(),
            }),
            lang: input.lang,
            title: input.title,
        };
        let doc =
            Document::from_text(&input.id, input.text, format, &meta, defaults).map_err(|e| {
                // The library names the document by its id; here the field says which.
                let problem = match e {
                    crate::Error::Input { problem, .. } => problem,
                    other => other.to_string(),
                };
                ApiError::invalid(at("text"), problem)
            })?;
        docs.push(doc);
    }
    Ok(docs)
}

/// The config of a request: the server's, or the body's `config` read as `claimdiff.toml` is.
fn config(value: Option<serde_json::Value>, server: &Config) -> Result<Config, ApiError> {
    let Some(mut value) = value else {
        return Ok(server.clone());
    };
    drop_nulls(&mut value);
    let Some(table) = value.as_object() else {
        return Err(ApiError::invalid(
            "config",
            "the config is an object with the keys of claimdiff.toml",
        ));
    };
    if table.contains_key("baseline") {
        return Err(ApiError::invalid(
            "config.baseline",
            "a baseline names a file on the server, which a request cannot do",
        ));
    }
    // The shape first, for an error that names the field ...
    serde_path_to_error::deserialize::<_, Config>(&value).map_err(|e| {
        ApiError::invalid(
            location(&e.path().to_string(), "config"),
            e.into_inner().to_string(),
        )
    })?;
    // ... then claimdiff.toml's own reader, so its checks and defaults apply unchanged.
    let text = toml::to_string(&value).map_err(|e| ApiError::invalid("config", e.to_string()))?;
    Config::parse(Path::new("config"), &text).map_err(|e| {
        let problem = match e {
            crate::Error::Input { problem, .. } | crate::Error::Record { problem, .. } => problem,
            other => other.to_string(),
        };
        ApiError::invalid("config", problem)
    })
}

/// `null` means "not given", as a key left out of `claimdiff.toml` does (TOML has no null).
fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(json: &str) -> Result<Body, ApiError> {
        parse(json.as_bytes())
    }

    #[test]
    fn errors_name_the_field() {
        let cases: &[(&str, StatusCode, &str)] = &[
            ("{", StatusCode::BAD_REQUEST, "body"),
            (r#"{"documents": []} x"#, StatusCode::BAD_REQUEST, "body"),
            (
                r#"{"documents": [{"id": "a", "text": "x"#,
                StatusCode::BAD_REQUEST,
                "documents[0].text",
            ),
            ("[]", StatusCode::UNPROCESSABLE_ENTITY, "body"),
            (
                r#"{"documents": 3}"#,
                StatusCode::UNPROCESSABLE_ENTITY,
                "documents",
            ),
            (
                r#"{"documents": [{"id": "a", "text": 1}]}"#,
                StatusCode::UNPROCESSABLE_ENTITY,
                "documents[0].text",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x", "colour": 1}]}"#,
                StatusCode::UNPROCESSABLE_ENTITY,
                "documents[0].colour",
            ),
        ];
        for (json, status, at) in cases {
            let err = body(json).unwrap_err();
            assert_eq!(
                (err.status(), err.location()),
                (*status, *at),
                "{json}: {err}"
            );
        }
    }

    #[test]
    fn values_are_checked_field_by_field() {
        let settings = Settings {
            max_documents: 2,
            config: Config::default(),
        };
        let run = |json: &str| {
            answer(
                Job::Compare,
                body(json).unwrap(),
                &Query::default(),
                &settings,
            )
            .unwrap_err()
        };
        let cases: &[(&str, &str)] = &[
            (r#"{"documents": []}"#, "documents"),
            (
                r#"{"documents": [{"id": "a", "text": " "}]}"#,
                "documents[0].text",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x", "published": "Dienstag"}]}"#,
                "documents[0].published",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x", "lang": "fr"}]}"#,
                "documents[0].lang",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}"#,
                "documents[1].id",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}], "published": "soon"}"#,
                "published",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}], "config": {"hedges": {"approx": "x"}}}"#,
                "config.hedges.approx",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}], "config": {"hedges": {"approx": 2}}}"#,
                "config",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}], "config": {"baseline": "/etc/passwd"}}"#,
                "config.baseline",
            ),
        ];
        for (json, at) in cases {
            let err = run(json);
            assert_eq!(
                err.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{json}: {err}"
            );
            assert_eq!(err.location(), *at, "{json}: {err}");
        }
        let err = run(
            r#"{"documents": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}, {"id": "c", "text": "z"}]}"#,
        );
        assert_eq!(
            (err.status(), err.location()),
            (StatusCode::PAYLOAD_TOO_LARGE, "documents")
        );
    }

    #[test]
    fn a_config_in_the_body_is_read_as_claimdiff_toml() {
        let json = r#"{"fail_on": "update", "format": null, "running_tallies": ["house"],
            "hedges": {"approx": 0.2, "vague": [{"word": "dozens", "lo": 13, "hi": 99}]},
            "concept": [{"word": "Wahlbeteiligung", "lang": "de", "key": "turnout"}]}"#;
        let config = config(
            Some(serde_json::from_str(json).unwrap()),
            &Config::default(),
        )
        .unwrap();
        assert_eq!(config.fail_on.as_deref(), Some("update"));
        assert_eq!(config.hedges.approx, 0.2);
        assert!(config.is_running_tally("house"));
        assert_eq!(config.concept(Lang::De, "wahlbeteiligung"), Some("turnout"));
        let en = crate::extract::lexicon::Lexicon::of(Lang::En);
        assert!(config
            .hedges
            .vague_for(en)
            .contains(&("dozens", 13.0, Some(99.0))));
    }
}
