//! `claimdiff serve` over a real socket: the binary is started on a free port and spoken to as
//! a newsroom system would (an HTTP client crate) and as an editor would (headless Chromium,
//! driven by keyboard through the DevTools protocol).
//!
//! The browser test is skipped, with a message, when no `chromium` is installed; under CI
//! (`CI=true`), where `.ci/run` installs it, its absence is a failure.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const DEMO: [&str; 3] = [
    "fixtures/demo/kurier-v1.md",
    "fixtures/demo/kurier-v2.md",
    "fixtures/demo/northern-wire.md",
];
const FIRE: [&str; 3] = [
    "fixtures/stories/canyon-creek-fire/v1.md",
    "fixtures/stories/canyon-creek-fire/v2.md",
    "fixtures/stories/canyon-creek-fire/v3.md",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `claimdiff serve` process on a free loopback port, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("claimdiff serve starts");
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        let addr = first
            .trim()
            .strip_prefix("claimdiff serve: listening on http://")
            .unwrap_or_else(|| panic!("the server says where it listens: {first:?}"))
            .parse()
            .unwrap();
        // The access log is read all along, so the server never blocks on a full pipe.
        let log = Arc::new(Mutex::new(first));
        let sink = log.clone();
        std::thread::spawn(move || {
            let mut line = String::new();
            while stderr.read_line(&mut line).is_ok_and(|n| n > 0) {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        Server { child, addr, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// The log once it holds `needle`: the server writes a request's line after answering it,
    /// so a client that has its answer may read the log before that line is there.
    fn log_with(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let log = self.log();
            if log.contains(needle) || std::time::Instant::now() > deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// An answer: status, the headers asked about, and the body.
struct Answer {
    status: u16,
    content_type: String,
    exit: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("JSON expected ({e}): {}", self.body))
    }

    /// An error answer: the status, and the JSON `{error, where}` body.
    fn error(&self) -> (u16, String) {
        let v = self.json();
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{}",
            self.body
        );
        assert!(self.content_type.starts_with("application/json"));
        (self.status, v["where"].as_str().unwrap().to_string())
    }
}

fn read(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.expect("the server answers");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    let content_type = header("content-type").unwrap_or_default();
    let exit = header("claimdiff-exit");
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .unwrap();
    Answer {
        status,
        content_type,
        exit,
        body,
    }
}

fn post(agent: &ureq::Agent, url: &str, content_type: &str, body: &[u8]) -> Answer {
    read(
        agent
            .post(url)
            .header("Content-Type", content_type)
            .send(body),
    )
}

fn post_json(agent: &ureq::Agent, url: &str, body: &Value) -> Answer {
    post(agent, url, "application/json", body.to_string().as_bytes())
}

fn get(agent: &ureq::Agent, url: &str) -> Answer {
    read(agent.get(url).call())
}

/// A request body with the files as documents, named by their paths as the CLI names them.
fn documents(files: &[&str]) -> Value {
    let docs: Vec<Value> = files
        .iter()
        .map(|f| json!({ "id": f, "text": std::fs::read_to_string(root().join(f)).unwrap() }))
        .collect();
    json!({ "documents": docs })
}

/// What the CLI prints for a command, and its exit status.
fn cli(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn every_route_answers_as_the_cli_does() {
    let server = Server::start(&["--quiet"]);
    let agent = agent();

    let health = get(&agent, &server.url("/healthz"));
    assert_eq!(
        (health.status, health.json()["status"].clone()),
        (200, json!("ok"))
    );

    // The machine-readable description names every API route.
    let openapi = get(&agent, &server.url("/openapi.json")).json();
    assert_eq!(openapi["openapi"], "3.1.0");
    for path in [
        "/v1/extract",
        "/v1/compare",
        "/v1/diff",
        "/healthz",
        "/openapi.json",
    ] {
        assert!(openapi["paths"][path].is_object(), "{path} is described");
    }

    // Each command and format gives exactly the CLI's bytes and exit status.
    let cases: &[(&str, &[&str])] = &[
        ("extract", &DEMO[..1]),
        ("compare", &DEMO),
        ("diff", &DEMO[..2]),
        ("diff", &FIRE),
    ];
    for (command, files) in cases {
        for format in ["json", "html", "markdown", "sarif", "csv"] {
            let answer = post_json(
                &agent,
                &server.url(&format!("/v1/{command}?format={format}")),
                &documents(files),
            );
            let mut args = vec![*command, "--format", format];
            args.extend(files.iter());
            let (expected, status) = cli(&args);
            assert_eq!(answer.status, 200, "{command} {format}: {}", answer.body);
            assert_eq!(
                answer.body, expected,
                "{command} {format} as the CLI gives it"
            );
            assert_eq!(answer.exit, Some(status.to_string()), "{command} {format}");
        }
    }
    // JSON is the default, and the content types say what each format is.
    let compare = |query: &str| {
        post_json(
            &agent,
            &server.url(&format!("/v1/compare{query}")),
            &documents(&DEMO),
        )
    };
    assert_eq!(
        compare("").body,
        cli(&["compare", "-f", "json", DEMO[0], DEMO[1], DEMO[2]]).0
    );
    for (format, content_type) in [
        ("", "application/json"),
        ("?format=html", "text/html; charset=utf-8"),
        ("?format=markdown", "text/markdown; charset=utf-8"),
        ("?format=sarif", "application/sarif+json"),
        ("?format=csv", "text/csv; charset=utf-8"),
    ] {
        assert_eq!(compare(format).content_type, content_type);
    }
    // A config in the body applies as claimdiff.toml would: with fail_on "never" nothing fails.
    let mut body = documents(&DEMO);
    body["config"] = json!({ "fail_on": "never", "hedges": { "almost": 0.2 } });
    assert_eq!(
        post_json(&agent, &server.url("/v1/compare"), &body)
            .exit
            .as_deref(),
        Some("0")
    );

    // The page, its style and script come from this server and load nothing from elsewhere.
    let page = get(&agent, &server.url("/"));
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert_eq!(
        page.body.matches("<textarea").count(),
        2,
        "two texts to start with"
    );
    assert!(
        !page.body.contains("http://")
            && !page.body.contains("https://")
            && !page.body.contains("//cdn")
    );
    let three = get(&agent, &server.url("/?texts=3"));
    assert_eq!(
        three.body.matches("<textarea").count(),
        3,
        "a third text without scripts"
    );
    let example = get(&agent, &server.url("/?example"));
    assert!(
        example.body.contains("aus fast 30 Ländern") && example.body.contains("aus 31 Ländern")
    );
    for (path, kind) in [("/page.css", "text/css"), ("/page.js", "text/javascript")] {
        let file = get(&agent, &server.url(path));
        assert_eq!(file.status, 200);
        assert!(file.content_type.starts_with(kind), "{path}");
        assert!(
            !file.body.contains("http"),
            "{path} loads nothing from elsewhere"
        );
    }
    // The form's route answers with the HTML report, the texts escaped.
    let form = "command=compare&text=Delegates+from+31+countries+met.+%3Cscript%3Ealert(1)%3C%2Fscript%3E&name=&published=2025-03-27&lang=en\
                &text=Delegates+from+almost+30+countries+met.&name=&published=2025-03-27&lang=";
    let report = post(
        &agent,
        &server.url("/report"),
        "application/x-www-form-urlencoded",
        form.as_bytes(),
    );
    assert_eq!(report.status, 200, "{}", report.body);
    assert!(report.body.contains("class=\"finding contradiction\""));
    assert!(
        report
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            && !report.body.contains("<script>")
    );
    let one = post(
        &agent,
        &server.url("/report"),
        "application/x-www-form-urlencoded",
        b"text=Only+one.&text=",
    );
    assert_eq!(one.status, 422);
    assert!(
        one.content_type.starts_with("text/html") && one.body.contains("paste at least two texts")
    );
}

#[test]
fn bad_input_is_a_json_error_that_says_where() {
    let server = Server::start(&["--quiet", "--max-body", "64K", "--max-documents", "3"]);
    let agent = agent();
    let url = server.url("/v1/compare");
    let raw = |content_type: &str, body: &str| post(&agent, &url, content_type, body.as_bytes());

    let cases: Vec<(Answer, u16, &str)> = vec![
        (raw("application/json", "{\"documents\": ["), 400, "documents"),
        (raw("application/json", "not json"), 400, "body"),
        (raw("application/json; charset=utf-8", &"[".repeat(10_000)), 422, "body"),
        (raw("application/json", &format!("{{\"documents\": {}", "[".repeat(10_000))), 422, "documents[0][0]"),
        (post_json(&agent, &server.url("/v1/compare?format=pdf"), &documents(&DEMO)), 400, "query.format"),
        (post_json(&agent, &server.url("/v1/compare?fail_on=sometimes"), &documents(&DEMO)), 400, "query.fail_on"),
        (raw("application/json", &format!("{{\"documents\": [{{\"id\": \"a\", \"text\": \"{}\"}}]}}", "x".repeat(70_000))), 413, "body"),
        (post_json(&agent, &url, &documents(&[DEMO[0], DEMO[1], DEMO[2], FIRE[0]])), 413, "documents"),
        (raw("text/plain", "{}"), 415, "content-type"),
        (raw("application/x-www-form-urlencoded", "documents=1"), 415, "content-type"),
        (raw("application/json", "{\"documents\": [{\"id\": \"a\"}]}"), 422, "documents[0]"),
        (raw("application/json", "{\"documents\": [{\"id\": \"a\", \"text\": \"x\", \"published\": \"last Tuesday\"}]}"), 422, "documents[0].published"),
        (raw("application/json", "{\"documents\": [{\"id\": \"a\", \"text\": \"\\u0000\\n \"}]}"), 422, "documents[0].text"),
        (raw("application/json", "{\"documents\": [{\"id\": \"a\", \"text\": \"x\", \"lang\": \"fr\"}]}"), 422, "documents[0].lang"),
        (raw("application/json", "{\"documents\": [{\"id\": \"a\", \"text\": \"x\"}], \"config\": {\"hedges\": {\"approx\": 7}}}"), 422, "config"),
        (raw("application/json", "{\"documents\": [{\"id\": \"a\", \"text\": \"x\"}], \"config\": {\"baseline\": \"accepted.json\"}}"), 422, "config.baseline"),
        (post_json(&agent, &server.url("/v1/diff"), &documents(&DEMO[..1])), 422, "documents"),
        (get(&agent, &server.url("/v2/compare")), 404, "path"),
        (get(&agent, &url), 405, "method"),
    ];
    for (i, (answer, status, at)) in cases.iter().enumerate() {
        assert_eq!(
            answer.error(),
            (*status, at.to_string()),
            "case {i}: {}",
            answer.body
        );
    }

    // A body over the limit is refused whether or not it says its length up front.
    let chunks = std::iter::repeat_n(vec![b' '; 8192], 10).map(std::io::Cursor::new);
    let mut chained: Box<dyn Read + Send> = Box::new(std::io::empty());
    for chunk in chunks {
        chained = Box::new(chained.chain(chunk));
    }
    let chunked = read(
        agent
            .post(&url)
            .header("Content-Type", "application/json")
            .send(ureq::SendBody::from_owned_reader(chained)),
    );
    assert_eq!(chunked.error(), (413, "body".to_string()));

    // A client that waits for "100 Continue" before sending is told at once, and sends nothing.
    let mut stream = TcpStream::connect(server.addr).unwrap();
    write!(
        stream,
        "POST /v1/compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let (status, text) = answer_of(stream);
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("\"where\":\"body\""), "{text}");

    // Odd but well-formed input is never a server error.
    for text in [
        "",
        " ",
        "\u{feff}",
        "<html><body></body></html>",
        "---\npublished: nie\n---\nText.",
        "9".repeat(5000).as_str(),
        "\u{202e}31 Länder\u{0}",
    ] {
        let body = json!({ "documents": [{ "id": "a.html", "text": text }, { "id": "b.md", "text": "31 Länder." }] });
        for route in ["/v1/extract", "/v1/compare", "/v1/diff"] {
            let answer = post_json(&agent, &server.url(route), &body);
            assert!(
                answer.status < 500,
                "{route} {text:?}: {} {}",
                answer.status,
                answer.body
            );
        }
    }
    let health = get(&agent, &server.url("/healthz"));
    assert_eq!(health.status, 200, "the server goes on");
}

#[test]
fn unusable_arguments_are_a_one_line_error_with_status_2() {
    let server = Server::start(&["--quiet"]);
    let addr = server.addr.to_string();
    let taken: &[&str] = &["serve", "--addr", &addr];
    for (args, message) in [
        (taken, "claimdiff: --addr"),
        (
            &["serve", "--time-limit", "0"][..],
            "claimdiff: --time-limit",
        ),
        (&["serve", "--max-body", "8X"][..], "--max-body"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

/// Sends a request's headers and the first part of its body, and holds the rest back.
fn stalled_request(addr: SocketAddr, body: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST /v1/compare HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(&body[..body.len() / 2]).unwrap();
    stream.flush().unwrap();
    stream
}

/// Sends the rest of a stalled request's body; gives the status and body of the answer.
fn finish_request(mut stream: TcpStream, body: &[u8]) -> (u16, String) {
    stream.write_all(&body[body.len() / 2..]).unwrap();
    answer_of(stream)
}

fn answer_of(mut stream: TcpStream) -> (u16, String) {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let status = raw
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP answer: {raw:?}"));
    let body = raw.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

/// Starts a stalled request on a server with one place (`--concurrency 1 --queue 0`) and shows
/// that it holds the place: another request is refused as busy meanwhile.
fn hold_the_only_place(agent: &ureq::Agent, server: &Server, body: &[u8]) -> TcpStream {
    for attempt in 1..=20 {
        let stalled = stalled_request(server.addr, body);
        std::thread::sleep(Duration::from_millis(100 * attempt));
        let probe = post_json(agent, &server.url("/v1/compare"), &documents(&DEMO[..1]));
        if probe.status == 503 {
            assert_eq!(probe.error(), (503, "server".to_string()));
            assert!(probe.body.contains("busy"), "{}", probe.body);
            return stalled;
        }
        // The probe came first (a loaded machine) and the stalled request was the one
        // refused: start again.
        assert_eq!(probe.status, 200, "{}", probe.body);
    }
    panic!("the stalled request never held the only place");
}

#[test]
fn a_request_over_the_time_limit_ends_with_503_and_the_server_goes_on() {
    let server = Server::start(&["--quiet", "--time-limit", "0.25"]);
    let agent = agent();
    // A long computation: 2.8 MB of the demo's texts, each repeated 2,400 times, take seconds
    // to compare (about ten times the limit on a 2-core machine).
    let text = |file: &str| {
        let t = std::fs::read_to_string(root().join(file)).unwrap();
        t.split("---\n").nth(2).unwrap().repeat(2400)
    };
    let heavy = json!({
        "published": "2025-03-27",
        "documents": [{ "id": "a", "text": text(DEMO[0]) }, { "id": "b", "text": text(DEMO[2]) }],
    });
    let started = Instant::now();
    let answer = post_json(&agent, &server.url("/v1/compare"), &heavy);
    assert_eq!(
        answer.error(),
        (503, "server".to_string()),
        "{}",
        answer.body
    );
    assert!(answer.body.contains("time limit"), "{}", answer.body);
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "answered at the limit, not after the work"
    );

    // A client that stops sending its body is cut off at the limit too.
    let body = documents(&DEMO).to_string().into_bytes();
    let (status, text) = answer_of(stalled_request(server.addr, &body));
    assert_eq!(status, 503, "{text}");

    // The server goes on.
    assert_eq!(get(&agent, &server.url("/healthz")).status, 200);
    let small = post_json(&agent, &server.url("/v1/compare"), &documents(&DEMO[..1]));
    assert_eq!(small.status, 200, "{}", small.body);
}

#[test]
fn requests_beyond_the_slots_and_queue_get_503_until_there_is_room() {
    let server = Server::start(&["--quiet", "--concurrency", "1", "--queue", "0"]);
    let agent = agent();
    let body = documents(&DEMO).to_string().into_bytes();
    let stalled = hold_the_only_place(&agent, &server, &body);
    let (status, text) = finish_request(stalled, &body);
    assert_eq!(status, 200, "{text}");
    assert_eq!(
        text,
        cli(&["compare", "-f", "json", DEMO[0], DEMO[1], DEMO[2]]).0
    );
    let after = post_json(&agent, &server.url("/v1/compare"), &documents(&DEMO[..1]));
    assert_eq!(after.status, 200, "room again: {}", after.body);
}

#[test]
fn fifty_concurrent_clients_get_the_cli_s_records() {
    let server = Server::start(&["--quiet"]);
    let stories = [&DEMO[..], &FIRE[..]];
    let expected: Vec<(String, i32)> = stories
        .iter()
        .map(|files| {
            let mut args = vec!["compare", "--format", "json"];
            args.extend(files.iter());
            cli(&args)
        })
        .collect();
    let bodies: Vec<Value> = stories.iter().map(|files| documents(files)).collect();
    let clients = 50;
    let start = Barrier::new(clients);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|i| {
                let (start, server, bodies, expected) = (&start, &server, &bodies, &expected);
                scope.spawn(move || {
                    let agent = agent();
                    start.wait();
                    let story = i % 2;
                    let answer = post_json(&agent, &server.url("/v1/compare"), &bodies[story]);
                    assert_eq!(answer.status, 200, "client {i}: {}", answer.body);
                    assert!(
                        answer.body == expected[story].0,
                        "client {i}: the CLI's records"
                    );
                    assert_eq!(answer.exit, Some(expected[story].1.to_string()));
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    });
}

#[test]
fn the_text_a_caller_sends_is_never_logged() {
    let server = Server::start(&[]);
    let agent = agent();
    let secret = "Quellenschutz-7f3a9c";
    let text = format!("Ein Informant ({secret}) sagte, 31 Länder kamen.");
    let doc = |id: &str| json!({ "id": id, "text": text, "published": "2025-03-27" });
    for route in ["/v1/extract", "/v1/compare", "/v1/diff"] {
        let answer = post_json(
            &agent,
            &server.url(route),
            &json!({ "documents": [doc("a"), doc("b")] }),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
    let bad = json!({ "documents": [{ "id": secret, "text": text, "published": secret }] });
    assert_eq!(
        post_json(&agent, &server.url("/v1/compare"), &bad).status,
        422
    );
    assert_eq!(get(&agent, &server.url(&format!("/{secret}"))).status, 404);
    assert_eq!(
        post_json(
            &agent,
            &server.url(&format!("/v1/compare?format={secret}")),
            &bad
        )
        .status,
        400
    );
    let form = format!("text={secret}&text={secret}");
    post(
        &agent,
        &server.url("/report"),
        "application/x-www-form-urlencoded",
        form.as_bytes(),
    );
    let log = server.log_with("POST /report");
    assert!(
        log.contains("POST /v1/compare 200"),
        "requests are logged: {log}"
    );
    assert!(!log.contains(secret), "the caller's text is not: {log}");
}

#[test]
fn sigterm_finishes_the_requests_in_flight_then_stops() {
    let mut server = Server::start(&["--concurrency", "1", "--queue", "0"]);
    let agent = agent();
    let body = documents(&DEMO).to_string().into_bytes();
    let stalled = hold_the_only_place(&agent, &server, &body);
    let pid = server.child.id().to_string();
    let kill = format!("kill -TERM {pid}");
    assert!(Command::new("sh")
        .args(["-c", &kill])
        .status()
        .unwrap()
        .success());
    // New connections are refused once the server stops listening ...
    let started = Instant::now();
    while TcpStream::connect_timeout(&server.addr, Duration::from_millis(200)).is_ok() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still listening after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // ... while the request in flight is answered in full.
    let (status, text) = finish_request(stalled, &body);
    assert_eq!(status, 200, "{text}");
    assert_eq!(
        text,
        cli(&["compare", "-f", "json", DEMO[0], DEMO[1], DEMO[2]]).0
    );
    let started = Instant::now();
    let exit = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    let log = server.log_with("shutting down");
    assert!(log.contains("shutting down"), "{log}");
}

// ---------------------------------------------------------------------------------------------
// The page in a browser.

use common::chromium;

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands in on its descriptor 3, answers out on 4), so no port and no driver are needed.
struct Browser {
    child: Child,
    commands: std::process::ChildStdin,
    answers: BufReader<std::process::ChildStdout>,
    next: u64,
    session: Option<String>,
    events: Vec<Value>,
}

impl Browser {
    fn start(path: &Path, profile: &Path) -> Browser {
        // The shell moves our pipes to descriptors 3 and 4, where Chromium expects them.
        let mut child = Command::new("sh")
            .args(["-c", "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null"])
            .arg(path)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--remote-debugging-pipe",
                "--window-size=1280,1400",
                &format!("--user-data-dir={}", profile.display()),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let commands = child.stdin.take().unwrap();
        let answers = BufReader::new(child.stdout.take().unwrap());
        let mut browser = Browser {
            child,
            commands,
            answers,
            next: 0,
            session: None,
            events: Vec::new(),
        };
        let target = browser.call("Target.createTarget", json!({ "url": "about:blank" }));
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target["targetId"], "flatten": true }),
        );
        browser.session = Some(attached["sessionId"].as_str().unwrap().to_string());
        browser.call("Page.enable", json!({}));
        browser.call("Runtime.enable", json!({}));
        browser
    }

    fn receive(&mut self) -> Value {
        let mut raw = Vec::new();
        self.answers.read_until(0, &mut raw).unwrap();
        assert!(raw.pop() == Some(0), "chromium closed the pipe");
        serde_json::from_slice(&raw).unwrap()
    }

    /// Sends a command to the page (or the browser before a page is attached); gives its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let mut message = json!({ "id": self.next, "method": method, "params": params });
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        self.commands
            .write_all(message.to_string().as_bytes())
            .unwrap();
        self.commands.write_all(b"\0").unwrap();
        self.commands.flush().unwrap();
        loop {
            let answer = self.receive();
            if answer["id"] == json!(self.next) {
                assert!(answer["error"].is_null(), "{method}: {answer}");
                return answer["result"].clone();
            }
            self.events.push(answer);
        }
    }

    fn wait_for_event(&mut self, method: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(i) = self.events.iter().position(|e| e["method"] == method) {
                self.events.drain(..=i);
                return;
            }
            assert!(Instant::now() < deadline, "no {method} within 30 s");
            let event = self.receive();
            self.events.push(event);
        }
    }

    fn open(&mut self, url: &str) {
        self.events.clear();
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_for_event("Page.loadEventFired");
    }

    /// Evaluates JavaScript in the page; gives its value.
    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        assert!(
            result["exceptionDetails"].is_null(),
            "{expression}: {result}"
        );
        result["result"]["value"].clone()
    }

    /// Presses a key as a person would, with the browser's default action (focus, submit).
    fn press(&mut self, key: &str, code: u32) {
        // As a keyboard sends them: a key that types a character goes down as `keyDown` with
        // its text, any other as `rawKeyDown`.
        let text = if key == "Enter" { "\r" } else { "" };
        let down = if text.is_empty() {
            "rawKeyDown"
        } else {
            "keyDown"
        };
        let event = |kind: &str, text: &str| json!({ "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code, "text": text });
        self.call("Input.dispatchKeyEvent", event(down, text));
        self.call("Input.dispatchKeyEvent", event("keyUp", ""));
    }

    /// Presses Tab until the element with this id has the focus; gives how many presses.
    fn tab_to(&mut self, id: &str) -> usize {
        for presses in 1..=40 {
            self.press("Tab", 9);
            if self.eval("document.activeElement.id") == json!(id) {
                return presses;
            }
        }
        panic!("#{id} cannot be reached with the Tab key");
    }

    fn type_text(&mut self, text: &str) {
        self.call("Input.insertText", json!({ "text": text }));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn an_editor_compares_versions_in_the_page_by_keyboard() {
    let Some(path) = chromium() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must have chromium: .ci/run installs it"
        );
        eprintln!("SKIPPED: no chromium installed (apt-get install chromium); .ci/run installs it");
        return;
    };
    let server = Server::start(&["--quiet"]);
    let dir = std::env::temp_dir().join(format!("claimdiff-serve-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut browser = Browser::start(&path, &dir.join("profile"));
    browser.open(&server.url("/"));
    assert_eq!(
        browser.eval("document.title"),
        json!("claimdiff: compare versions")
    );
    assert_eq!(
        browser.eval("document.querySelectorAll('textarea').length"),
        json!(2)
    );
    assert_eq!(
        browser.eval("document.getElementById('add-text').hidden"),
        json!(false),
        "the script ran and offers to add a text in place"
    );

    // Keyboard only: the kind of texts, two versions pasted, a third text added and pasted.
    let body = |file: &str| {
        let t = std::fs::read_to_string(root().join(file)).unwrap();
        t.split("---\n").nth(2).unwrap().trim().to_string()
    };
    browser.tab_to("kind-diff");
    browser.press("ArrowDown", 40);
    assert_eq!(
        browser.eval("document.querySelector('input[value=compare]').checked"),
        json!(true),
        "the arrow key picks the other kind"
    );
    browser.tab_to("text-1");
    browser.type_text(&std::fs::read_to_string(root().join(DEMO[0])).unwrap());
    browser.tab_to("text-2");
    browser.type_text(&std::fs::read_to_string(root().join(DEMO[1])).unwrap());
    browser.tab_to("add-text");
    browser.press("Enter", 13);
    assert_eq!(
        browser.eval("document.activeElement.id"),
        json!("text-3"),
        "the new box has the focus"
    );
    browser.type_text(&format!(
        "{} <script>parent.document.title='pwned'</script><img src=x onerror=\"parent.document.title='img'\">",
        body(DEMO[2])
    ));
    // The third text has no front matter: its date and language come from its own fields.
    browser.eval(
        "(() => { const box = document.querySelectorAll('fieldset.text')[2];\
         box.querySelector('input[type=date]').value = '2025-03-27';\
         box.querySelector('select').value = 'en'; })()",
    );
    browser.tab_to("run");
    browser.press("Enter", 13);

    let deadline = Instant::now() + Duration::from_secs(60);
    while browser.eval("document.getElementById('report').getAttribute('data-state')")
        != json!("ready")
    {
        assert!(Instant::now() < deadline, "no report within a minute");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        browser.eval("document.getElementById('status').textContent"),
        json!("The report is ready below."),
        "the status line tells a screen reader"
    );
    let report = browser.eval("document.getElementById('report').contentDocument.body.innerText");
    let report = report.as_str().unwrap();
    assert!(report.contains("claimdiff report"), "{report}");
    assert!(report.contains("contradiction"), "{report}");
    assert!(
        report.contains("fast 30 Ländern") && report.contains("31 countries"),
        "{report}"
    );
    assert!(
        report.contains("text 3"),
        "the pasted text is named by its box"
    );
    assert!(
        !report.contains("text 3: no publication time"),
        "its date field was used"
    );
    let findings = browser.eval(
        "document.getElementById('report').contentDocument.querySelectorAll('li.finding.contradiction').length",
    );
    assert!(findings.as_u64().unwrap() >= 2, "{findings}");
    // The script and image in the pasted text are shown as text, and nothing ran.
    assert_eq!(
        browser.eval("document.title"),
        json!("claimdiff: compare versions")
    );
    assert_eq!(
        browser.eval("document.getElementById('report').contentDocument.querySelectorAll('script, img').length"),
        json!(0)
    );
    assert!(report.contains("<script>parent.document.title='pwned'</script>"));
    // Everything the page loaded came from this server.
    let elsewhere = browser.eval(&format!(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('{}'))",
        server.url("/")
    ));
    assert_eq!(elsewhere, json!([]));

    let shot = browser.call("Page.captureScreenshot", json!({ "format": "png" }));
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD
        .decode(shot["data"].as_str().unwrap())
        .unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    // The example in reports/ is rewritten when missing or when blessing, like the reports.
    let kept = root().join("reports/serve-page.png");
    if std::env::var_os("CLAIMDIFF_BLESS").is_some() || !kept.exists() {
        std::fs::write(&kept, &png).unwrap();
    }
    drop(browser);
    let _ = std::fs::remove_dir_all(&dir);
}
