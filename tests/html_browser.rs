//! The HTML report as a reader sees it: headless Chromium opens the page, and the test reads
//! the DOM it rendered and takes a laptop-sized screenshot.
//!
//! Skipped, with a message, when no `chromium` is installed; under CI (`CI=true`), where
//! `.ci/run` installs it, its absence is a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimdiff::document::Meta;
use claimdiff::report::{self, OutputFormat, WriteOptions};
use claimdiff::{Config, Defaults, Document, Format, Published, Report};

use common::chromium;

/// Runs Chromium headless on a page with one extra flag; gives its standard output.
fn run_chromium(browser: &Path, page: &Path, flag: &str, profile: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1366,768",
            &format!("--user-data-dir={}", profile.display()),
            flag,
        ])
        .arg(page)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page(report: &Report, dir: &Path, name: &str) -> PathBuf {
    let mut html = Vec::new();
    report::write(
        report,
        OutputFormat::Html,
        &WriteOptions::default(),
        &mut html,
    )
    .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, html).unwrap();
    path
}

#[test]
fn html_report_renders_in_a_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must have chromium: .ci/run installs it"
        );
        eprintln!("SKIPPED: no chromium installed (apt-get install chromium); .ci/run installs it");
        return;
    };
    let dir = std::env::temp_dir().join(format!("claimdiff-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let profile = dir.join("profile");

    // The demo: findings listed, mentions with findings highlighted and linked.
    let demo = claimdiff::compare(claimdiff::demo::documents().unwrap(), &Config::default());
    let demo_page = page(&demo, &dir, "demo.html");
    let dom = run_chromium(&browser, &demo_page, "--dump-dom", &profile);
    assert!(
        dom.contains("<h1>claimdiff report</h1>"),
        "the page renders: {}",
        &dom[..dom.len().min(500)]
    );
    let listed = dom.matches("<li id=\"f").count();
    assert_eq!(listed, demo.findings.len(), "every finding is listed");
    assert!(dom.contains("class=\"finding contradiction\""));
    // The mention "fast 30 Ländern" is highlighted as a contradiction or correction and links
    // to its finding.
    let mention = dom
        .find(">fast 30 Ländern</a>")
        .expect("the mention is in the page as a link");
    let tag = &dom[dom[..mention].rfind("<a ").unwrap()..mention];
    assert!(
        tag.contains("class=\"claim ") && tag.contains("href=\"#f"),
        "{tag}"
    );
    assert!(
        dom.contains("<mark id=\"d"),
        "claims without findings are highlighted too"
    );
    let shot = dir.join("demo.png");
    run_chromium(
        &browser,
        &demo_page,
        &format!("--screenshot={}", shot.display()),
        &profile,
    );
    let png = std::fs::read(&shot).expect("a screenshot was taken");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "the screenshot shows a page ({} bytes)",
        png.len()
    );

    // An article that holds a script and markup: shown as text, never run.
    let defaults = Defaults {
        published: Published::parse("2025-03-27"),
        lang: None,
    };
    let doc = |id: &str, text: &str| {
        Document::from_text(
            id,
            text.to_string(),
            Format::Text,
            &Meta::default(),
            &defaults,
        )
        .unwrap()
    };
    let hostile = claimdiff::compare(
        vec![
            doc("a.txt", "Delegates from 31 countries met. <script>document.title='pwned';document.body.innerHTML='gone'</script>"),
            doc("b.txt", "Delegates from almost 30 countries met. <b>bold</b> <img src=x onerror=\"document.title='img'\">"),
        ],
        &Config::default(),
    );
    let dom = run_chromium(
        &browser,
        &page(&hostile, &dir, "hostile.html"),
        "--dump-dom",
        &profile,
    );
    assert!(
        dom.contains("<title>claimdiff:"),
        "no script changed the title"
    );
    assert!(
        !dom.contains("<script") && !dom.contains("<img") && !dom.contains("<b>bold"),
        "markup from the article is not markup in the page"
    );
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned'")
            || dom.contains("&lt;script&gt;document.title=&#39;pwned&#39;"),
        "the script is shown as text"
    );
    assert!(dom.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assert!(dom.contains("class=\"finding contradiction\""));
    let _ = std::fs::remove_dir_all(&dir);
}
