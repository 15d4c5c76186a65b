//! `claimdiff serve`: the library over HTTP, for newsroom systems and for editors in a browser.
//!
//! Takes requests on a socket and gives the CLI's reports: `POST /v1/extract`, `/v1/compare`
//! and `/v1/diff` read JSON documents and answer in any `--format` (JSON by default); `/` is a
//! page where an editor pastes versions and reads the HTML report; `GET /healthz` and
//! `GET /openapi.json` are for operators and client generators.
//!
//! Limits keep one caller from starving the others: a body size, documents per request, a time
//! limit per request (503 when it passes; a computation already started finishes in the
//! background and keeps its slot until then), and a bounded number of computations at once with
//! a bounded queue before them (503 when full). On SIGTERM or Ctrl-C the server stops taking
//! connections and finishes the requests in flight.
//!
//! The text a caller sends is held in memory only: never logged (the access log has method,
//! route, status, time and size), never written to disk, and escaped wherever a page shows it.

pub mod api;
mod page;

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, HttpBody};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Extension, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::Config;
use api::{ApiError, Job};

/// Reports shown in a browser may style themselves but run and load nothing.
const REPORT_POLICY: HeaderValue = HeaderValue::from_static(
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
);

/// How the server runs: where it listens, its limits and the config requests start from.
#[derive(Debug, Clone)]
pub struct Options {
    pub addr: SocketAddr,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Most documents in one request.
    pub max_documents: usize,
    /// Longest a request may take, from its headers to its answer.
    pub time_limit: Duration,
    /// Computations at once.
    pub concurrency: usize,
    /// Requests that may wait for a computation slot (or still be sending their body).
    pub queue: usize,
    /// The config of requests that do not bring one.
    pub config: Config,
    /// Write one access-log line per request to standard error.
    pub log: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8321)),
            max_body: 8 * 1024 * 1024,
            max_documents: 32,
            time_limit: Duration::from_secs(30),
            concurrency: std::thread::available_parallelism().map_or(1, |n| n.get()),
            queue: 64,
            config: Config::default(),
            log: true,
        }
    }
}

/// The `serve` subcommand's arguments.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on; 127.0.0.1 takes requests from this machine only, 0.0.0.0 from
    /// any (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8321")]
    pub addr: SocketAddr,
    /// Largest request body (bytes, or with K, M or G: 8M).
    #[arg(long, default_value = "8M", value_name = "SIZE", value_parser = parse_size)]
    pub max_body: usize,
    /// Most documents in one request.
    #[arg(long, default_value_t = 32, value_name = "N")]
    pub max_documents: usize,
    /// Longest a request may take, in seconds; then it is answered with 503.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub time_limit: f64,
    /// Computations at once (default: every core).
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
    /// Requests that may wait for a computation; more are answered with 503.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub queue: usize,
    /// Config for requests that bring none (default: ./claimdiff.toml when present).
    #[arg(long)]
    pub config: Option<std::path::PathBuf>,
    /// No access log on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

impl Args {
    /// The server options the arguments give.
    pub fn options(&self) -> Result<Options> {
        if !(self.time_limit.is_finite() && self.time_limit > 0.0) {
            return Err(Error::Usage(format!(
                "--time-limit: {} is not a positive number of seconds",
                self.time_limit
            )));
        }
        let defaults = Options::default();
        Ok(Options {
            addr: self.addr,
            max_body: self.max_body,
            max_documents: self.max_documents.max(1),
            time_limit: Duration::from_secs_f64(self.time_limit),
            concurrency: self.concurrency.unwrap_or(defaults.concurrency).max(1),
            queue: self.queue,
            config: Config::load(self.config.as_deref())?,
            log: !self.quiet,
        })
    }
}

/// Reads `8M`, `512K`, `1G` or a number of bytes.
fn parse_size(s: &str) -> std::result::Result<usize, String> {
    let t = s.trim().trim_end_matches(['B', 'b']);
    let (digits, unit) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_uppercase()),
        _ => (t, ' '),
    };
    let n: usize = digits
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size (bytes, or 512K, 8M, 1G)"))?;
    let factor: usize = match unit {
        ' ' => 1,
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => return Err(format!("{s:?}: the unit is K, M or G")),
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("{s:?} is too large"))
}

/// Listens on `options.addr` and serves until SIGTERM or Ctrl-C; prints the address it listens
/// on (useful with port 0) to standard error.
pub fn run(options: Options) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(async {
        let listener = TcpListener::bind(options.addr)
            .await
            .map_err(|e| Error::Usage(format!("--addr {}: {e}", options.addr)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Usage(format!("--addr {}: {e}", options.addr)))?;
        eprintln!("claimdiff serve: listening on http://{addr}");
        serve(listener, options, shutdown_signal())
            .await
            .map_err(|e| Error::Usage(format!("serving on {addr}: {e}")))?;
        eprintln!("claimdiff serve: stopped");
        Ok(())
    })
}

/// Serves on a bound listener until `shutdown` completes, then finishes the requests in flight.
///
/// ```no_run
/// # async fn example() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let options = claimdiff::serve::Options { log: false, ..Default::default() };
/// claimdiff::serve::serve(listener, options, std::future::pending()).await
/// # }
/// ```
pub async fn serve(
    listener: TcpListener,
    options: Options,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(options))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves at the first SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    eprintln!("claimdiff serve: shutting down; finishing the requests in flight");
}

/// What every request shares: the options and the counts behind the limits.
struct Shared {
    options: Options,
    settings: api::Settings,
    /// One permit per computation that may run at once.
    slots: Arc<Semaphore>,
    /// Requests admitted and not yet finished, computations that outlived their request
    /// included.
    admitted: AtomicUsize,
}

/// A request's place among the admitted ones, given up when the last holder drops it: the
/// request's answer, or the computation it started if that runs on after a time-out.
type Admission = Arc<Admitted>;

struct Admitted(Arc<Shared>);

impl Drop for Admitted {
    fn drop(&mut self) {
        self.0.admitted.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The routes, with their limits.
pub fn router(options: Options) -> Router {
    let shared = Arc::new(Shared {
        settings: api::Settings {
            max_documents: options.max_documents,
            config: options.config.clone(),
        },
        slots: Arc::new(Semaphore::new(options.concurrency.max(1))),
        admitted: AtomicUsize::new(0),
        options,
    });
    let limited = Router::new()
        .route("/v1/extract", post(extract))
        .route("/v1/compare", post(compare))
        .route("/v1/diff", post(diff))
        .route("/report", post(page::report))
        .layer(middleware::from_fn_with_state(shared.clone(), limit));
    Router::new()
        .route("/", get(page::page))
        .route("/page.css", get(page::style))
        .route("/page.js", get(page::script))
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi))
        .merge(limited)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(shared.clone(), access_log))
        .with_state(shared)
}

/// Admits a request if there is room, and answers 503 when it outlives the time limit.
async fn limit(State(shared): State<Arc<Shared>>, mut request: Request, next: Next) -> Response {
    let page = request.uri().path() == "/report";
    let room = shared.options.concurrency + shared.options.queue;
    if shared.admitted.fetch_add(1, Ordering::SeqCst) >= room {
        shared.admitted.fetch_sub(1, Ordering::SeqCst);
        return page::error_response(ApiError::Busy, page);
    }
    request
        .extensions_mut()
        .insert::<Admission>(Arc::new(Admitted(shared.clone())));
    match tokio::time::timeout(shared.options.time_limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => page::error_response(
            ApiError::TimedOut {
                seconds: shared.options.time_limit.as_secs_f64(),
            },
            page,
        ),
    }
}

/// One line per request on standard error: never the body, never the query's values.
async fn access_log(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    // Only methods and routes the server knows are named, so a caller cannot smuggle text in.
    let method = match *request.method() {
        Method::GET
        | Method::POST
        | Method::HEAD
        | Method::PUT
        | Method::DELETE
        | Method::PATCH
        | Method::OPTIONS => request.method().as_str().to_string(),
        _ => "(other)".to_string(),
    };
    let path = request.uri().path().to_string();
    let size = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if shared.options.log {
        let route = match path.as_str() {
            "/" | "/page.css" | "/page.js" | "/healthz" | "/openapi.json" | "/report"
            | "/v1/extract" | "/v1/compare" | "/v1/diff" => path.as_str(),
            _ => "(other)",
        };
        eprintln!(
            "claimdiff serve: {method} {route} {} {} ms{}",
            response.status().as_u16(),
            started.elapsed().as_millis(),
            size.map_or(String::new(), |n| format!(" {n} bytes in")),
        );
    }
    response
}

/// Whether a request says its body is JSON (`application/json`, or any `+json` type).
fn is_json(headers: &HeaderMap) -> std::result::Result<(), ApiError> {
    let value = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let essence = value
        .as_deref()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
    {
        return Ok(());
    }
    let mut got: String = value.unwrap_or_else(|| "no Content-Type".into());
    got.truncate(100);
    Err(ApiError::NotJson { got })
}

/// Reads a request body of at most `max_body` bytes: 413 over the limit, 400 when it could not
/// be read.
///
/// A body over the limit is still read to its end (up to four times the limit) and thrown
/// away before the answer goes out: a server that answers and closes while the client is still
/// sending makes the client's network stack discard the answer. A client that said
/// `Expect: 100-continue` has not sent the body yet, so it is told at once.
async fn read_body(
    headers: &HeaderMap,
    mut body: Body,
    max_body: usize,
) -> std::result::Result<Vec<u8>, ApiError> {
    let too_large = || ApiError::TooLarge {
        at: "body".into(),
        problem: format!("the body is larger than this server's limit of {max_body} bytes"),
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let waits = headers
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    if waits && declared.is_some_and(|n| n > max_body as u64) {
        return Err(too_large());
    }
    let capacity = declared.map_or(0, |n| n.min(max_body as u64) as usize);
    let mut bytes = Vec::with_capacity(capacity);
    let mut total = 0usize;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|e| ApiError::Malformed {
            at: "body".into(),
            problem: format!("the body could not be read: {e}"),
        })?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        total = total.saturating_add(data.len());
        if total <= max_body {
            bytes.extend_from_slice(&data);
        } else if total > max_body.saturating_mul(4) {
            break;
        } else {
            bytes = Vec::new();
        }
    }
    if total > max_body {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Runs the work of one request on a blocking thread once a computation slot is free. The
/// slot and the admission go with the work, so a computation that outlives its request's
/// time limit still counts against the limits until it ends.
async fn compute<T: Send + 'static>(
    shared: &Arc<Shared>,
    admission: Admission,
    work: impl FnOnce(&api::Settings) -> std::result::Result<T, ApiError> + Send + 'static,
) -> std::result::Result<T, ApiError> {
    let slot = shared
        .slots
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| ApiError::Internal)?;
    let shared = shared.clone();
    tokio::task::spawn_blocking(move || {
        let _held = (slot, admission);
        work(&shared.settings)
    })
    .await
    .map_err(|_| ApiError::Internal)?
}

/// The three API routes: JSON body and query in, the report out.
async fn api(
    job: Job,
    shared: Arc<Shared>,
    admission: Admission,
    query: std::result::Result<Query<api::Query>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let Query(query) = query.map_err(|e| ApiError::Malformed {
            at: "query".into(),
            problem: e.body_text(),
        })?;
        is_json(&headers)?;
        let bytes = read_body(&headers, body, shared.options.max_body).await?;
        compute(&shared, admission, move |settings| {
            let body = api::parse(&bytes)?;
            api::answer(job, body, &query, settings)
        })
        .await
    }
    .await;
    match result {
        Ok(answer) => answer.into_response(),
        Err(e) => e.into_response(),
    }
}

async fn extract(
    State(shared): State<Arc<Shared>>,
    Extension(admission): Extension<Admission>,
    query: std::result::Result<Query<api::Query>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    api(Job::Extract, shared, admission, query, headers, body).await
}

async fn compare(
    State(shared): State<Arc<Shared>>,
    Extension(admission): Extension<Admission>,
    query: std::result::Result<Query<api::Query>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    api(Job::Compare, shared, admission, query, headers, body).await
}

async fn diff(
    State(shared): State<Arc<Shared>>,
    Extension(admission): Extension<Admission>,
    query: std::result::Result<Query<api::Query>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    api(Job::Diff, shared, admission, query, headers, body).await
}

async fn healthz() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        format!(
            "{}\n",
            serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") })
        ),
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

async fn not_found(uri: Uri) -> Response {
    let path: String = uri.path().chars().take(200).collect();
    ApiError::NotFound { path }.into_response()
}

async fn method_not_allowed(method: Method) -> Response {
    ApiError::MethodNotAllowed {
        method: method.to_string(),
    }
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        for (s, n) in [
            ("8M", 8 << 20),
            ("512k", 512 << 10),
            ("1G", 1 << 30),
            ("1000", 1000),
            ("8MB", 8 << 20),
        ] {
            assert_eq!(parse_size(s), Ok(n), "{s}");
        }
        for s in ["", "M", "8X", "-1", "99999999999999999999G"] {
            assert!(parse_size(s).is_err(), "{s}");
        }
    }
}
