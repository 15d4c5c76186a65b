//! Requests per second of `claimdiff serve` for a 2-document compare of the demo story (the
//! first Kurier version against the Northern Wire text), at 1, 8 and 32 concurrent clients.
//!
//! ```sh
//! cargo run --release --example serve_bench            # 5 s per level
//! cargo run --release --example serve_bench -- 10      # 10 s per level
//! ```
//!
//! The server runs in this process on a free loopback port with the default limits (one
//! computation per core, a queue of 64); each client is a thread with its own keep-alive
//! connection sending one request after another. Server and clients share the machine's cores.

use std::time::{Duration, Instant};

use claimdiff::serve::{serve, Options};

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .map(|s| s.parse().expect("seconds per level"))
        .unwrap_or(5.0);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a free port");
    let addr = listener.local_addr().unwrap();
    let options = Options {
        log: false,
        ..Options::default()
    };
    let concurrency = options.concurrency;
    runtime.spawn(serve(listener, options, std::future::pending()));

    let files = claimdiff::demo::FILES;
    let pick = |name: &str| files.iter().find(|(n, _)| n.ends_with(name)).unwrap();
    let docs: Vec<serde_json::Value> = [pick("kurier-v1.md"), pick("northern-wire.md")]
        .iter()
        .map(|(id, text)| serde_json::json!({ "id": id, "text": text }))
        .collect();
    let body = serde_json::json!({ "documents": docs }).to_string();
    let url = format!("http://{addr}/v1/compare");

    println!(
        "POST /v1/compare, 2 documents ({} bytes), {concurrency} computations at once, {seconds} s per level",
        body.len()
    );
    // The floor: the same work without HTTP, on one thread (documents built from text as the
    // server builds them, then compared and written as JSON).
    let library = {
        let pairs: Vec<(&str, &str)> = [pick("kurier-v1.md"), pick("northern-wire.md")]
            .iter()
            .map(|(id, text)| (*id, *text))
            .collect();
        let config = claimdiff::Config::default();
        let once = || {
            let docs = pairs
                .iter()
                .map(|(id, text)| {
                    claimdiff::Document::from_text(
                        id,
                        text.to_string(),
                        claimdiff::Format::Markdown,
                        &Default::default(),
                        &Default::default(),
                    )
                    .unwrap()
                })
                .collect();
            let report = claimdiff::compare(docs, &config);
            let mut out = Vec::new();
            claimdiff::report::write(
                &report,
                claimdiff::report::OutputFormat::Json,
                &Default::default(),
                &mut out,
            )
            .unwrap();
        };
        once();
        let started = Instant::now();
        let mut n = 0u32;
        while started.elapsed() < Duration::from_secs_f64(seconds.min(2.0)) {
            once();
            n += 1;
        }
        f64::from(n) / started.elapsed().as_secs_f64()
    };
    println!("library alone, one thread, no HTTP: {library:.0} compares/s");
    println!("| clients | requests | requests/s | median ms | p99 ms | errors |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for clients in [1, 8, 32] {
        let run = |duration: Duration| {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..clients)
                    .map(|_| {
                        let (url, body) = (&url, &body);
                        scope.spawn(move || {
                            let agent: ureq::Agent = ureq::Agent::config_builder()
                                .http_status_as_error(false)
                                .build()
                                .into();
                            let mut latencies = Vec::new();
                            let mut errors = 0usize;
                            let started = Instant::now();
                            while started.elapsed() < duration {
                                let sent = Instant::now();
                                let ok = agent
                                    .post(url.as_str())
                                    .header("Content-Type", "application/json")
                                    .send(body.as_bytes())
                                    .ok()
                                    .filter(|r| r.status() == 200)
                                    .and_then(|mut r| r.body_mut().read_to_string().ok())
                                    .is_some();
                                if ok {
                                    latencies.push(sent.elapsed());
                                } else {
                                    errors += 1;
                                }
                            }
                            (latencies, errors)
                        })
                    })
                    .collect();
                let mut all = Vec::new();
                let mut errors = 0;
                for h in handles {
                    let (l, e) = h.join().unwrap();
                    all.extend(l);
                    errors += e;
                }
                (all, errors)
            })
        };
        run(Duration::from_millis(500)); // warm-up: connections open, lexicons built
        let started = Instant::now();
        let (mut latencies, errors) = run(Duration::from_secs_f64(seconds));
        let elapsed = started.elapsed().as_secs_f64();
        latencies.sort();
        let at = |q: f64| {
            latencies
                .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        println!(
            "| {clients} | {} | {:.0} | {:.1} | {:.1} | {errors} |",
            latencies.len(),
            latencies.len() as f64 / elapsed,
            at(0.5),
            at(0.99),
        );
    }
}
