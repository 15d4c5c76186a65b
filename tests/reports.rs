//! Reports in every format, as a reader and a CI job see them.
//!
//! Expected output lives in files: `reports/` holds the example reports (the demo and one
//! fixture story, every format), `tests/snapshots/` more fixture stories. When findings change
//! on purpose, bless them all with one command:
//!
//! ```sh
//! CLAIMDIFF_BLESS=1 cargo test --test reports
//! ```

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use claimdiff::document::Meta;
use claimdiff::report::{self, baseline, OutputFormat, WriteOptions};
use claimdiff::{Config, Defaults, Document, Format, Published, Report};

const BLESS: &str = "CLAIMDIFF_BLESS";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn render(report: &Report, format: OutputFormat) -> String {
    let mut out = Vec::new();
    report::write(report, format, &WriteOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Compares (or, when blessing, writes) one expected file; returns a complaint when stale.
fn check(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os(BLESS).is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        if std::fs::read_to_string(path).ok().as_deref() != Some(actual) {
            std::fs::write(path, actual).unwrap();
        }
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => None,
        Ok(expected) => {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
            Some(format!(
                "{}: differs from line {}\n  expected: {:?}\n  actual:   {:?}",
                path.display(),
                line + 1,
                expected.lines().nth(line).unwrap_or(""),
                actual.lines().nth(line).unwrap_or("")
            ))
        }
        Err(_) => Some(format!("{}: missing", path.display())),
    }
}

fn check_all(dir: &str, name: &str, report: &Report, stale: &mut Vec<String>) {
    for format in OutputFormat::ALL {
        let path = root()
            .join(dir)
            .join(format!("{name}.{}", format.extension()));
        stale.extend(check(&path, &render(report, format)));
    }
}

fn fail_if_stale(stale: Vec<String>) {
    assert!(stale.is_empty(), "stale expected output; if the change is intended, run `{BLESS}=1 cargo test --test reports`\n{}", stale.join("\n"));
}

/// The documents of a fixture story, read with paths relative to the repository so reports
/// name them the same on every machine; versions carry their article and number.
fn story(name: &str, files: &[&str], versions: bool) -> Vec<Document> {
    // Integration tests run in the repository's folder, so these relative paths resolve.
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let meta = Meta {
                article: versions.then(|| name.to_string()),
                version: versions.then(|| (i + 1).to_string()),
                ..Meta::default()
            };
            Document::read_with(
                Path::new(&format!("fixtures/stories/{name}/{f}")),
                &meta,
                &Defaults::default(),
            )
            .unwrap()
        })
        .collect()
}

fn doc(id: &str, text: &str) -> Document {
    let defaults = Defaults {
        published: Published::parse("2025-03-27"),
        lang: None,
    };
    Document::from_text(
        id,
        text.to_string(),
        Format::Markdown,
        &Meta::default(),
        &defaults,
    )
    .unwrap()
}

/// Two texts written to attack every format: markup, scripts, terminal escapes, bidi
/// overrides, formulas, Markdown and mentions.
fn hostile() -> Report {
    let a = doc(
        "=HYPERLINK(\"x\")|a.md",
        "Delegates from 31 countries <script>document.title='pwned'</script> met in **Paris** @editor.\n\n\
         The fourth meeting \x1b[2J\x1b[31mended\x07 [link](javascript:alert(1)), \"quoted\", with 12 arrests.",
    );
    let b = doc(
        "b\u{202e}.md",
        "Delegates from almost 30 countries <img src=x onerror=alert(1)> met in Paris.\n\n\
         The third meeting, | a | table |, ended with =SUM(A1) and 12 arrests.",
    );
    claimdiff::compare(vec![a, b], &Config::default())
}

#[test]
fn example_reports_are_fresh() {
    let mut stale = Vec::new();
    let demo = claimdiff::compare(claimdiff::demo::documents().unwrap(), &Config::default());
    check_all("reports", "demo", &demo, &mut stale);
    let fire = claimdiff::compare(
        story("canyon-creek-fire", &["v1.md", "v2.md", "v3.md"], true),
        &Config::default(),
    );
    check_all("reports", "canyon-creek-fire", &fire, &mut stale);
    fail_if_stale(stale);
}

#[test]
fn every_format_over_fixture_stories() {
    let mut stale = Vec::new();
    let config = Config::default();
    let outlets = claimdiff::compare(story("wahl-slowenien", &["de.md", "en.md"], false), &config);
    check_all("tests/snapshots", "wahl-slowenien", &outlets, &mut stale);
    let html_input = claimdiff::compare(
        story(
            "kesselberg-stellenabbau",
            &["a.md", "b.html", "c.md"],
            false,
        ),
        &config,
    );
    check_all(
        "tests/snapshots",
        "kesselberg-stellenabbau",
        &html_input,
        &mut stale,
    );
    let mut versions = story("mietendemo-berlin", &["v1.md", "v2.md"], true).into_iter();
    let diff = claimdiff::diff(versions.next().unwrap(), versions.next().unwrap(), &config);
    check_all(
        "tests/snapshots",
        "mietendemo-berlin-diff",
        &diff,
        &mut stale,
    );
    let extract = claimdiff::extract_all(
        story("berlin-marathon", &["de.md", "en.md"], false),
        &config,
    );
    check_all(
        "tests/snapshots",
        "berlin-marathon-extract",
        &extract,
        &mut stale,
    );
    check_all("tests/snapshots", "hostile", &hostile(), &mut stale);
    fail_if_stale(stale);
}

#[test]
fn terminal_control_characters_never_reach_the_terminal() {
    let report = hostile();
    assert!(
        !report.findings.is_empty(),
        "the hostile texts should disagree"
    );
    for format in [OutputFormat::Text, OutputFormat::Markdown] {
        let out = render(&report, format);
        let bad: Vec<char> = out
            .chars()
            .filter(|c| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c))
            .collect();
        assert!(bad.is_empty(), "{format:?} lets through {bad:?}");
    }
    let mut coloured = Vec::new();
    report::write(
        &report,
        OutputFormat::Text,
        &WriteOptions {
            color: true,
            all: false,
        },
        &mut coloured,
    )
    .unwrap();
    let coloured = String::from_utf8(coloured).unwrap();
    assert!(coloured.contains("\x1b[1;31m"), "colours when asked for");
    // Every escape in coloured output is one of ours: ESC [ digits/semicolons m.
    for piece in coloured.split('\x1b').skip(1) {
        let code: String = piece.chars().take_while(|c| *c != 'm').collect();
        assert!(
            piece.starts_with('[') && code[1..].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "foreign escape {piece:?}"
        );
    }
}

#[test]
fn markdown_and_html_show_input_markup_as_text() {
    let report = hostile();
    let md = render(&report, OutputFormat::Markdown);
    assert!(
        !md.contains("<script") && !md.contains("<img") && !md.contains("@editor"),
        "{md}"
    );
    assert!(md.contains("&lt;script&gt;") && md.contains("\\*\\*Paris\\*\\*"));
    let html = render(&report, OutputFormat::Html);
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(
        !html.contains("http://")
            || html
                .matches("http://")
                .all(|_| html.contains("xmlns=\"http://www.w3.org/2000/svg\"")),
        "no external links"
    );
    assert!(
        !html.contains("<link") && !html.contains("<iframe") && !html.contains("url("),
        "nothing loaded from outside the page"
    );
}

#[test]
fn csv_round_trips_hostile_cells() {
    let report = hostile();
    let text = render(&report, OutputFormat::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[..3], ["finding", "kind", "subject"]);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.a.as_ref().is_some_and(|a| a.doc().starts_with('='))),
        "a formula-like cell is tested"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), report.findings.len(), "one row per finding");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    // What a cell must hold: the value, with an apostrophe before a would-be formula.
    let safe = |s: &str| {
        if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
            format!("'{s}")
        } else {
            s.to_string()
        }
    };
    for (row, f) in rows.iter().zip(&report.findings) {
        assert_eq!(row.len(), headers.len());
        assert_eq!(&row[col("finding")], f.verdict.as_str());
        assert_eq!(
            row[col("reason")],
            safe(&f.reason()),
            "reason survives quotes, commas and line breaks"
        );
        if let Some(a) = &f.a {
            assert_eq!(&row[col("a_text")], a.text());
            assert_eq!(&row[col("a_line")], a.span.line.to_string().as_str());
            // A cell a spreadsheet would run as a formula is neutralised, and nothing else changes.
            assert_eq!(row[col("a_doc")], safe(&a.doc()));
        }
        if let Some(b) = &f.b {
            assert_eq!(
                row[col("b_doc")],
                safe(&b.doc()),
                "UTF-8 and bidi characters kept in the cell"
            );
        }
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '@'])
                    && !(cell.starts_with('-') && cell.parse::<f64>().is_err()),
                "formula cell {cell:?}"
            );
        }
    }
    let extract = claimdiff::extract_all(
        story("berlin-marathon", &["de.md"], false),
        &Config::default(),
    );
    let text = render(&extract, OutputFormat::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.records().count(),
        extract.claims.len(),
        "one row per claim for extract"
    );
}

#[test]
fn sarif_parses_back_with_locations_at_the_mentions() {
    use serde_sarif::sarif::Sarif;
    let report = claimdiff::compare(claimdiff::demo::documents().unwrap(), &Config::default());
    let log: Sarif = serde_json::from_str(&render(&report, OutputFormat::Sarif)).unwrap();
    assert_eq!(log.version, serde_json::json!("2.1.0"));
    let run = &log.runs[0];
    let rules: Vec<&str> = run
        .tool
        .driver
        .rules
        .as_ref()
        .unwrap()
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let results = run.results.as_ref().unwrap();
    let shown: Vec<_> = report
        .findings
        .iter()
        .filter(|f| report::is_shown_by_default(f.verdict))
        .collect();
    assert_eq!(results.len(), shown.len(), "one result per finding");
    for (r, f) in results.iter().zip(shown) {
        assert_eq!(r.rule_id.as_deref(), Some(f.verdict.as_str()));
        assert!(rules.contains(&f.verdict.as_str()));
        let claim = f.b.as_ref().or(f.a.as_ref()).unwrap();
        let loc = r.locations.as_ref().unwrap()[0]
            .physical_location
            .as_ref()
            .unwrap();
        assert_eq!(
            loc.artifact_location.as_ref().unwrap().uri.as_deref(),
            Some(claim.doc())
        );
        let region = loc.region.as_ref().unwrap();
        assert_eq!(region.start_line, Some(claim.span.line as i64));
        // The line and columns point at the mention in the file as read.
        let source = &report
            .documents
            .iter()
            .find(|d| *d.id == *claim.doc())
            .unwrap()
            .source;
        let line: Vec<char> = source
            .lines()
            .nth(claim.span.line - 1)
            .unwrap()
            .chars()
            .collect();
        let (from, to) = (
            region.start_column.unwrap() as usize - 1,
            region.end_column.unwrap() as usize - 1,
        );
        assert_eq!(line[from..to].iter().collect::<String>(), claim.text());
        let fp = r
            .partial_fingerprints
            .as_ref()
            .unwrap()
            .values()
            .next()
            .unwrap();
        assert_eq!(fp, &baseline::fingerprint(f));
    }
}

fn claimdiff_cmd(dir: &Path) -> Process {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_claimdiff"));
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimdiff-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["kurier-v1.md", "northern-wire.md"] {
        std::fs::copy(root().join("fixtures/demo").join(f), dir.join(f)).unwrap();
    }
    dir
}

#[test]
fn baseline_survives_edits_that_move_lines() {
    let dir = scratch("baseline");
    let run = |extra: &[&str]| {
        let out = claimdiff_cmd(&dir)
            .args([
                "compare",
                "kurier-v1.md",
                "northern-wire.md",
                "--format",
                "jsonl",
                "--published",
                "2025-03-27",
            ])
            .args(extra)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, before, _) = run(&[]);
    assert_eq!(code, Some(1), "the demo texts contradict each other");
    let (code, _, err) = run(&["--write-baseline", "accepted.json"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("accepted.json"), "{err}");

    // An unrelated paragraph above every finding moves all of them down the file.
    let path = dir.join("kurier-v1.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let body = text.find("\n---\n").map_or(0, |i| i + 5);
    let edited = format!(
        "{}Eine Vorbemerkung der Redaktion.\n\nNoch ein Absatz ohne Zahlen.\n\n{}",
        &text[..body],
        &text[body..]
    );
    std::fs::write(&path, &edited).unwrap();
    let (_, moved, _) = run(&[]);
    assert_ne!(moved, before, "lines moved");
    let (code, out, err) = run(&["--baseline", "accepted.json"]);
    assert_eq!(
        (code, out.as_str()),
        (Some(0), ""),
        "all findings still accepted after the edit: {err}"
    );

    // A changed figure is a new finding.
    std::fs::write(&path, edited.replace("fast 30", "knapp 25")).unwrap();
    let (code, out, _) = run(&["--baseline", "accepted.json"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("knapp 25") && !out.contains("dritte Treffen"),
        "only the new finding: {out}"
    );

    // claimdiff.toml can name the baseline and the format.
    std::fs::write(
        dir.join("claimdiff.toml"),
        "baseline = \"accepted.json\"\nformat = \"markdown\"\n",
    )
    .unwrap();
    let out = claimdiff_cmd(&dir)
        .args([
            "compare",
            "kurier-v1.md",
            "northern-wire.md",
            "--published",
            "2025-03-27",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("## claimdiff:")
            && stdout.contains("knapp 25")
            && !stdout.contains("dritte"),
        "{stdout}"
    );

    // A config file elsewhere finds its baseline beside itself; json reports the suppressed.
    std::fs::create_dir_all(dir.join("ci")).unwrap();
    std::fs::rename(dir.join("accepted.json"), dir.join("ci/accepted.json")).unwrap();
    std::fs::write(
        dir.join("ci/claimdiff.toml"),
        "baseline = \"accepted.json\"\n",
    )
    .unwrap();
    let out = claimdiff_cmd(&dir)
        .args([
            "compare",
            "kurier-v1.md",
            "northern-wire.md",
            "--published",
            "2025-03-27",
            "--config",
            "ci/claimdiff.toml",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = json["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("accepted in the baseline")),
        "{notes:?}"
    );
    assert_eq!(
        json["findings"].as_array().unwrap().len(),
        1,
        "only the changed figure"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_run_never_leaves_a_half_written_report() {
    let dir = scratch("atomic");
    std::fs::write(dir.join("report.md"), "the previous report\n").unwrap();
    let run = |args: &[&str]| claimdiff_cmd(&dir).args(args).output().unwrap();
    let out = run(&[
        "compare",
        "kurier-v1.md",
        "missing.md",
        "-o",
        "report.md",
        "-f",
        "markdown",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md"));
    std::fs::write(dir.join("broken.json"), "{ not json").unwrap();
    let out = run(&[
        "compare",
        "kurier-v1.md",
        "northern-wire.md",
        "--baseline",
        "broken.json",
        "-o",
        "report.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.json"));
    assert_eq!(
        std::fs::read_to_string(dir.join("report.md")).unwrap(),
        "the previous report\n",
        "an error leaves the old report whole"
    );

    let out = run(&[
        "compare",
        "kurier-v1.md",
        "northern-wire.md",
        "-o",
        "no-such-folder/report.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder/report.md"));

    let out = run(&[
        "compare",
        "kurier-v1.md",
        "northern-wire.md",
        "-o",
        "report.md",
        "-f",
        "markdown",
        "--published",
        "2025-03-27",
    ]);
    assert_eq!(out.status.code(), Some(1), "findings reach --fail-on");
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    let written = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(written.starts_with("## claimdiff:") && written.ends_with('\n'));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn colours_only_on_a_terminal_and_never_with_no_color() {
    let dir = scratch("colour");
    let plain = claimdiff_cmd(&dir)
        .args(["compare", "kurier-v1.md", "northern-wire.md"])
        .output()
        .unwrap();
    assert!(!plain.stdout.contains(&0x1b), "no colours into a pipe");
    let always = claimdiff_cmd(&dir)
        .args([
            "compare",
            "kurier-v1.md",
            "northern-wire.md",
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    assert!(always.stdout.contains(&0x1b));
    // `script` runs the command on a pseudo-terminal, as a person would see it.
    let on_tty = |no_color: bool, flag: &str| {
        let mut cmd = Process::new("script");
        let line = format!(
            "{} compare kurier-v1.md northern-wire.md {flag}",
            env!("CARGO_BIN_EXE_claimdiff")
        );
        cmd.current_dir(&dir)
            .args(["-qec", &line, "/dev/null"])
            .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        cmd.output().ok().map(|o| o.stdout)
    };
    match on_tty(false, "") {
        None => eprintln!("`script` is not installed; terminal colour check skipped"),
        Some(out) => {
            assert!(out.contains(&0x1b), "colours on a terminal");
            assert!(
                !on_tty(true, "").unwrap().contains(&0x1b),
                "NO_COLOR turns them off"
            );
            assert!(
                !on_tty(false, "--color never").unwrap().contains(&0x1b),
                "--color never turns them off"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_draws_a_timeline_for_a_figure_across_three_versions() {
    let defaults = Defaults {
        published: Published::parse("2025-03-27"),
        lang: None,
    };
    let version = |n: usize, killed: &str| {
        let meta = Meta {
            article: Some("unglueck".into()),
            version: Some(n.to_string()),
            ..Meta::default()
        };
        let text =
            format!("Bei dem Unglück in Bremen wurden {killed} getötet, teilte die Polizei mit.");
        Document::from_text(&format!("v{n}.md"), text, Format::Text, &meta, &defaults).unwrap()
    };
    let three = claimdiff::compare(
        vec![
            version(1, "zwei Menschen"),
            version(2, "drei Menschen"),
            version(3, "fünf Menschen"),
        ],
        &Config::default(),
    );
    assert!(
        three
            .findings
            .iter()
            .any(|f| f.verdict == claimdiff::Verdict::Update),
        "{:?}",
        three.findings
    );
    let html = render(&three, OutputFormat::Html);
    let section = &html[html
        .find("<section id=\"timelines\">")
        .expect("a timelines section")..];
    let figure = &section[..section.find("</figure>").unwrap()];
    assert_eq!(
        figure.matches("<circle").count(),
        3,
        "one point per version: {figure}"
    );
    for label in ["v1.md", "v2.md", "v3.md", ">2<", ">3<", ">5<"] {
        assert!(figure.contains(label), "{label} in {figure}");
    }
    let two = claimdiff::compare(
        vec![version(1, "zwei Menschen"), version(2, "drei Menschen")],
        &Config::default(),
    );
    assert!(
        !render(&two, OutputFormat::Html).contains("<section id=\"timelines\">"),
        "two versions need no chart"
    );
}

#[test]
fn markdown_fits_a_pull_request_comment() {
    let defaults = Defaults {
        published: Published::parse("2025-03-27"),
        lang: None,
    };
    let version = |n: usize| {
        let meta = Meta {
            article: Some("haushalt".into()),
            version: Some(n.to_string()),
            ..Meta::default()
        };
        let text: String = (1..=120)
            .map(|i| format!("Bei dem Unfall auf der Landstraße bei Kilometer {i} wurden {} Menschen verletzt und {} Autos beschädigt, teilte die Feuerwehr am Abend in einer Erklärung mit.\n\n", i + 10 * n, i + 300 * n))
            .collect();
        Document::from_text(&format!("v{n}.md"), text, Format::Text, &meta, &defaults).unwrap()
    };
    let report = claimdiff::diff(version(1), version(2), &Config::default());
    let shown = report
        .findings
        .iter()
        .filter(|f| report::is_shown_by_default(f.verdict))
        .count();
    assert!(shown > 200, "a large report: {shown} findings");
    let md = render(&report, OutputFormat::Markdown);
    assert!(
        md.chars().count() <= 65_536,
        "{} characters",
        md.chars().count()
    );
    assert!(
        md.contains(&format!("of {shown} findings listed")),
        "the comment says it is cut: {}",
        &md[..300]
    );
    assert!(md.contains("### 1. "), "the first findings are detailed");
}
