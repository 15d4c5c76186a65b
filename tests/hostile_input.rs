//! Hostile and broken input through the built binary: every bad input gets one line on
//! standard error that names the file (and line or record) and the problem, and exit status 2
//! (SPEC §5); nothing panics or runs away; hostile text cannot reach into a report's markup,
//! a spreadsheet's formulas or a terminal's escape sequences; a failed run never damages an
//! existing report.
//!
//! Each test sets up its inputs in a scratch folder of its own.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A folder that exists for one test and is removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("claimdiff-hostile-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, bytes).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Runs claimdiff in `dir` (so no `claimdiff.toml` of the repository applies).
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("standard output is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("standard error is UTF-8")
}

/// Asserts exit status 2 and a single line `claimdiff: <location>: <problem...>`.
fn assert_error(o: &Output, location: &str, problem: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "status for {location}; stderr: {err}"
    );
    assert!(
        o.stdout.is_empty(),
        "nothing on standard output after an error: {}",
        stdout(o)
    );
    assert_eq!(err.lines().count(), 1, "one line of error: {err:?}");
    let expected = format!("claimdiff: {location}: ");
    assert!(
        err.starts_with(&expected),
        "error should start with {expected:?}: {err:?}"
    );
    assert!(
        err.contains(problem),
        "error should say {problem:?}: {err:?}"
    );
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every jsonl line parses"))
        .collect()
}

// ---- Encodings and binary data -------------------------------------------------------------

#[test]
fn latin1_text_is_refused_with_a_conversion_hint() {
    let s = Scratch::new("latin1");
    s.write("alt.txt", b"Fast 30 L\xe4nder kamen am Mittwoch.");
    let o = run(&s.0, &["extract", "alt.txt"]);
    assert_error(&o, "alt.txt", "not valid UTF-8 (byte 9)");
    assert!(
        stderr(&o).contains("iconv -f latin1 -t utf-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn nul_bytes_and_binary_files_are_refused() {
    let s = Scratch::new("binary");
    s.write("nul.txt", b"Fast 30 L\xc3\xa4nder\0kamen.");
    assert_error(
        &run(&s.0, &["extract", "nul.txt"]),
        "nul.txt",
        "NUL bytes; it looks binary",
    );
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..=255u8).cycle().take(4096));
    s.write("photo.md", &png);
    assert_error(
        &run(&s.0, &["compare", "photo.md", "nul.txt"]),
        "photo.md",
        "binary",
    );
}

#[test]
fn empty_and_blank_files_are_refused() {
    let s = Scratch::new("empty");
    s.write("empty.txt", b"");
    s.write("blank.md", b"---\ntitle: x\n---\n \r\n\t\n");
    assert_error(
        &run(&s.0, &["extract", "empty.txt"]),
        "empty.txt",
        "the file is empty",
    );
    assert_error(
        &run(&s.0, &["extract", "blank.md"]),
        "blank.md",
        "the document has no text",
    );
}

#[test]
fn byte_order_mark_crlf_and_lone_cr_keep_offsets_and_lines() {
    let s = Scratch::new("lineends");
    let source = "\u{feff}---\r\nlang: de\r\npublished: 2025-03-27\r\n---\r\nFast 30 Länder kamen.\r\nDrei Tote.\rZwei Verletzte am Mittwoch.\n";
    s.write("a.md", source);
    let o = run(&s.0, &["extract", "--format", "jsonl", "a.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let claims = jsonl(&o);
    let found: Vec<(&str, u64)> = claims
        .iter()
        .map(|c| (c["text"].as_str().unwrap(), c["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("Fast 30 Länder", 5),
            ("Drei Tote", 6),
            ("Zwei Verletzte", 7),
            ("am Mittwoch", 7)
        ]
    );
    for c in &claims {
        let (start, end) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &source.as_bytes()[start..end],
            c["text"].as_str().unwrap().as_bytes(),
            "{c}"
        );
    }
    // The front matter behind the mark and the CRLF line ends was read.
    assert_eq!(claims[3]["date"], "2025-03-26");
}

// ---- Size and shape limits ------------------------------------------------------------------

#[test]
fn a_file_over_the_size_limit_is_refused_without_being_read() {
    let s = Scratch::new("huge");
    // A sparse 1 GB file: no disk space used, and claimdiff must not try to read it.
    let f = fs::File::create(s.path("huge.txt")).unwrap();
    f.set_len(1024 * 1024 * 1024).unwrap();
    let o = run(&s.0, &["extract", "huge.txt"]);
    assert_error(
        &o,
        "huge.txt",
        "the file is 1024 MB; claimdiff reads files up to 64 MB",
    );
}

#[test]
fn a_manifest_line_over_the_size_limit_is_refused() {
    let s = Scratch::new("hugeline");
    let f = fs::File::create(s.path("corpus.jsonl")).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let o = run(&s.0, &["extract", "corpus.jsonl"]);
    assert_error(&o, "corpus.jsonl:1", "the line is longer than 64 MB");
}

#[test]
fn a_very_long_line_is_read_whole() {
    let s = Scratch::new("longline");
    // 2 MB on one line, then one claim at its end.
    let mut text = "bla ".repeat(512 * 1024);
    text.push_str("Am Ende kamen fast 30 Länder.");
    s.write("long.txt", &text);
    let o = run(
        &s.0,
        &["extract", "--lang", "de", "--format", "jsonl", "long.txt"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let claims = jsonl(&o);
    assert_eq!(claims.len(), 1);
    assert_eq!(
        claims[0]["start"].as_u64().unwrap() as usize,
        text.find("fast 30").unwrap()
    );
    assert_eq!(claims[0]["line"], 1);
}

#[test]
fn a_document_of_nothing_but_digits_has_no_claims() {
    let s = Scratch::new("digits");
    let digits: String = (0..2_000_000)
        .map(|i| char::from(b'0' + (i % 10) as u8))
        .collect();
    s.write("digits.txt", &digits);
    let spaced: String = (0..400_000).map(|i| format!("{} ", i % 1000)).collect();
    s.write("spaced.txt", &spaced);
    let dotted: String = (0..400_000).map(|i| format!("{}.", i % 10)).collect();
    s.write("dotted.txt", &dotted);
    for file in ["digits.txt", "spaced.txt", "dotted.txt"] {
        let o = run(
            &s.0,
            &["extract", "--lang", "en", "--format", "jsonl", file],
        );
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        assert!(jsonl(&o).is_empty(), "{file}: numbers alone are no claims");
    }
}

#[test]
fn deeply_nested_html_is_read() {
    let s = Scratch::new("nested");
    let depth = 100_000;
    let page = format!(
        "<!DOCTYPE html><html lang=\"de\"><body>{}<p>Fast 30 Länder kamen.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    s.write("deep.html", &page);
    let o = run(&s.0, &["extract", "--format", "jsonl", "deep.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let claims = jsonl(&o);
    assert_eq!(claims.len(), 1);
    assert_eq!(
        claims[0]["start"].as_u64().unwrap() as usize,
        page.find("Fast 30").unwrap()
    );
    // Unclosed elements and stray closing tags are not errors either.
    s.write(
        "broken.html",
        "<html><body><p>Fast 30 Länder kamen.</div></span><p><b><i>31 Länder".repeat(1000),
    );
    let o = run(&s.0, &["extract", "--lang", "de", "broken.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn html_entities_and_crlf_keep_offsets_and_lines() {
    let s = Scratch::new("html-offsets");
    let page = "<html lang=\"de\"><body>\r\n<p>Die Stadt &amp; das Land:\r\nfast 30 L&auml;nder kamen.\rDrei Tote &#8211; am Mittwoch.</p>\r\n</body></html>";
    s.write("p.html", page);
    let o = run(
        &s.0,
        &[
            "extract",
            "--published",
            "2025-03-27",
            "--format",
            "jsonl",
            "p.html",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let found: Vec<(String, u64)> = jsonl(&o)
        .iter()
        .map(|c| {
            let (start, end) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            (page[start..end].to_string(), c["line"].as_u64().unwrap())
        })
        .collect();
    let expected = [
        ("fast 30 L&auml;nder", 3),
        ("Drei Tote", 4),
        ("am Mittwoch", 4),
    ];
    assert_eq!(found, expected.map(|(t, l)| (t.to_string(), l)));
}

// ---- Bad records, options and paths --------------------------------------------------------

#[test]
fn bad_manifest_records_name_the_manifest_and_line() {
    let s = Scratch::new("manifest");
    s.write(
        "bad-json.jsonl",
        "{\"id\":\"a\",\"text\":\"Drei Tote.\"}\n{not json\n",
    );
    assert_error(
        &run(&s.0, &["extract", "bad-json.jsonl"]),
        "bad-json.jsonl:2",
        "not a manifest record",
    );

    s.write("neither.jsonl", "\n{\"id\":\"a\"}\n");
    let o = run(&s.0, &["extract", "neither.jsonl"]);
    assert_error(
        &o,
        "neither.jsonl:2",
        "the record has neither `text` nor `path`",
    );
    assert_eq!(
        stderr(&o).matches("neither.jsonl").count(),
        1,
        "the location once: {}",
        stderr(&o)
    );

    s.write("alt.txt", b"Drei Tote in K\xf6ln.");
    s.write("latin.jsonl", "{\"path\":\"alt.txt\"}\n");
    let o = run(&s.0, &["extract", "latin.jsonl"]);
    assert_error(&o, "latin.jsonl:1", "alt.txt: not valid UTF-8");

    s.write("missing.jsonl", "{\"path\":\"gone.txt\"}\n");
    assert_error(
        &run(&s.0, &["extract", "missing.jsonl"]),
        "missing.jsonl:1",
        "gone.txt: no such file",
    );

    s.write(
        "when.jsonl",
        "{\"text\":\"Drei Tote.\",\"published\":\"next week\"}\n",
    );
    assert_error(
        &run(&s.0, &["extract", "when.jsonl"]),
        "when.jsonl:1",
        "cannot read the publication time \"next week\"",
    );

    let mut latin_line = b"{\"text\":\"Drei Tote in K".to_vec();
    latin_line.extend(b"\xf6ln.\"}\n");
    s.write("latin-line.jsonl", latin_line);
    assert_error(
        &run(&s.0, &["extract", "latin-line.jsonl"]),
        "latin-line.jsonl:1",
        "not valid UTF-8",
    );

    s.write("nothing.jsonl", "\n\n");
    assert_error(
        &run(&s.0, &["extract", "nothing.jsonl"]),
        "nothing.jsonl",
        "the manifest holds no documents",
    );
}

#[test]
fn bad_front_matter_names_the_file() {
    let s = Scratch::new("frontmatter");
    s.write("a.md", "---\npublished: gestern\n---\nDrei Tote.\n");
    assert_error(
        &run(&s.0, &["extract", "a.md"]),
        "a.md",
        "cannot read the publication time \"gestern\"",
    );
    s.write("b.md", "---\nlang: fr\n---\nTrois morts.\n");
    assert_error(
        &run(&s.0, &["extract", "b.md"]),
        "b.md",
        "unknown language \"fr\"",
    );
    // An unclosed block is not front matter: the file is read as text.
    s.write("c.md", "---\ntitle: x\nDrei Tote.\n");
    assert_eq!(run(&s.0, &["extract", "c.md"]).status.code(), Some(0));
}

#[test]
fn bad_options_and_paths_are_usage_errors() {
    let s = Scratch::new("options");
    s.write("a.txt", "Drei Tote.");
    assert_error(
        &run(&s.0, &["extract", "--published", "soon", "a.txt"]),
        "--published",
        "cannot read \"soon\"",
    );
    assert_error(
        &run(&s.0, &["extract", "--lang", "fr", "a.txt"]),
        "--lang",
        "unknown language \"fr\"",
    );
    let o = run(&s.0, &["compare", "--fail-on", "sometimes", "a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("claimdiff: unknown --fail-on value \"sometimes\""),
        "{}",
        stderr(&o)
    );
    assert_error(
        &run(&s.0, &["extract", "gone.txt"]),
        "gone.txt",
        "no such file",
    );
    fs::create_dir(s.path("empty-folder")).unwrap();
    assert_error(
        &run(&s.0, &["extract", "empty-folder"]),
        "empty-folder",
        "holds no .txt, .md or .html files",
    );
    s.write("claimdiff.toml", "[hedges]\napprox = \"ten\"\n");
    assert_error(
        &run(&s.0, &["extract", "a.txt"]),
        "claimdiff.toml:2",
        "invalid type",
    );
    s.write("claimdiff.toml", "[hedges]\napprox = 7.0\n");
    assert_error(
        &run(&s.0, &["extract", "a.txt"]),
        "claimdiff.toml",
        "shares between 0 and 1",
    );
    // Unknown flags are clap's usage errors: status 2 as well.
    assert_eq!(
        run(&s.0, &["extract", "--no-such-flag", "a.txt"])
            .status
            .code(),
        Some(2)
    );
}

// ---- Hostile text in outputs ---------------------------------------------------------------

/// Two texts that contradict each other (fast 30 / 31), laced with escape sequences, markup,
/// formulas, bidi overrides and quotes, under hostile document names.
fn hostile_pair(s: &Scratch) -> PathBuf {
    let nasty = "\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[31m <script>alert(1)</script> <img src=x onerror=alert(2)> \
                 \"quoted\" 'single' \\back\\slash =HYPERLINK(\"http://x\") \u{202e}txet\u{202c} \r\u{8}\u{0b}";
    let a = format!("Vertreter aus fast 30 Ländern kamen {nasty} nach Paris.\n");
    let b = format!("Delegates from 31 countries {nasty} attended in Paris.\n");
    let records = [
        serde_json::json!({"id": "=HYPERLINK(\"http://evil\",\"a\")", "text": a, "outlet": "<b>Kurier</b>", "lang": "de", "published": "2025-03-27"}),
        serde_json::json!({"id": "+1\u{1b}[31m</title><script>x</script>", "text": b, "outlet": "@everyone", "lang": "en", "published": "2025-03-27"}),
    ];
    let manifest: String = records.iter().map(|r| format!("{r}\n")).collect();
    s.write("hostile.jsonl", manifest)
}

fn compare_hostile(s: &Scratch, format: &str) -> Output {
    hostile_pair(s);
    let o = run(
        &s.0,
        &[
            "compare",
            "--color",
            "never",
            "--all",
            "--format",
            format,
            "hostile.jsonl",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "the contradiction is found: {}",
        stderr(&o)
    );
    o
}

#[test]
fn hostile_text_cannot_drive_the_terminal() {
    let s = Scratch::new("out-text");
    let out = stdout(&compare_hostile(&s, "text"));
    assert!(out.contains("contradiction"), "{out}");
    let bad: Vec<char> = out
        .chars()
        .filter(|c| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c))
        .collect();
    assert!(
        bad.is_empty(),
        "control characters reached the terminal: {bad:?}"
    );
    // With colours on, the only escape sequences are claimdiff's own SGR colours.
    let o = run(
        &s.0,
        &["compare", "--color", "always", "--all", "hostile.jsonl"],
    );
    let out = stdout(&o);
    for (i, _) in out.match_indices('\u{1b}') {
        let rest = &out[i + 1..];
        let sgr = rest.starts_with('[')
            && rest[1..]
                .chars()
                .take_while(|c| *c != 'm')
                .all(|c| c.is_ascii_digit() || c == ';');
        assert!(
            sgr,
            "not a colour sequence: {:?}",
            &rest[..rest.len().min(12)]
        );
    }
    assert!(!out.contains("\u{1b}]") && !out.contains("\u{1b}[2J") && !out.contains('\u{7}'));
}

#[test]
fn hostile_text_stays_data_in_json_and_jsonl() {
    let s = Scratch::new("out-json");
    let o = compare_hostile(&s, "json");
    let whole: Value = serde_json::from_slice(&o.stdout).expect("json parses");
    let ids: Vec<&str> = whole["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "=HYPERLINK(\"http://evil\",\"a\")",
            "+1\u{1b}[31m</title><script>x</script>"
        ],
        "names survive exactly"
    );
    let o = compare_hostile(&s, "jsonl");
    let records = jsonl(&o);
    let contradiction = records
        .iter()
        .find(|r| r["finding"] == "contradiction")
        .expect("contradiction record");
    assert!(contradiction["a"]["sentence"]
        .as_str()
        .unwrap()
        .contains("<script>alert(1)</script>"));
    assert!(
        contradiction["a"]["sentence"]
            .as_str()
            .unwrap()
            .contains('\u{1b}'),
        "JSON keeps the text exactly, escaped"
    );
    assert_eq!(stdout(&o).lines().count(), records.len());
    let o = run(&s.0, &["extract", "--format", "jsonl", "hostile.jsonl"]);
    assert!(jsonl(&o).iter().all(|c| c["doc"].as_str().is_some()));
}

#[test]
fn hostile_text_cannot_run_as_a_spreadsheet_formula() {
    let s = Scratch::new("out-csv");
    let o = compare_hostile(&s, "csv");
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let mut rows = 0;
    for row in reader.records() {
        let row = row.expect("csv row parses");
        assert_eq!(row.len(), headers.len());
        for cell in row.iter() {
            let formula = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "a cell would run as a formula: {cell:?}");
        }
        rows += 1;
    }
    assert!(rows >= 1);
    let o = run(&s.0, &["extract", "--format", "csv", "hostile.jsonl"]);
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let docs: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert!(
        docs.iter()
            .any(|d| d == "'=HYPERLINK(\"http://evil\",\"a\")"),
        "{docs:?}"
    );
}

#[test]
fn hostile_text_cannot_add_markup_to_the_html_report() {
    let s = Scratch::new("out-html");
    let out = stdout(&compare_hostile(&s, "html"));
    let lower = out.to_lowercase();
    assert!(!lower.contains("<script"), "no script element may appear");
    assert!(
        !lower.contains("<img"),
        "no element from the input may appear"
    );
    assert!(
        !lower.contains("</title><"),
        "the title cannot be closed early"
    );
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown, escaped"
    );
    assert!(
        !out.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t')),
        "no control characters"
    );
}

#[test]
fn hostile_text_cannot_add_markup_to_the_markdown_comment() {
    let s = Scratch::new("out-markdown");
    let out = stdout(&compare_hostile(&s, "markdown"));
    // Code spans show their content literally; everything outside them must be inert.
    let outside_code: String = out
        .lines()
        .flat_map(|l| l.split('`').step_by(2).chain(["\n"]))
        .collect();
    for markup in ["<script", "<img", "<b>", "</title>", "@everyone"] {
        assert!(
            !outside_code.contains(markup),
            "{markup} outside a code span: {out}"
        );
    }
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with('|'))
            .map(|l| l.matches('`').count() % 2)
            .sum::<usize>(),
        0,
        "code spans stay closed"
    );
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "no control characters"
    );
}

#[test]
fn hostile_text_stays_data_in_sarif() {
    let s = Scratch::new("out-sarif");
    let o = compare_hostile(&s, "sarif");
    let log: Value = serde_json::from_slice(&o.stdout).expect("sarif parses as JSON");
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        for loc in r["locations"].as_array().into_iter().flatten() {
            let uri = loc["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or("");
            assert!(
                !uri.chars()
                    .any(|c| c.is_control() || c == ' ' || c == '<' || c == '"'),
                "uri must be encoded: {uri:?}"
            );
        }
    }
}

// ---- Nothing lost ---------------------------------------------------------------------------

#[test]
fn a_failed_run_leaves_an_existing_report_alone() {
    let s = Scratch::new("atomic");
    s.write("a.txt", "Vertreter aus fast 30 Ländern kamen.");
    s.write("b.txt", "Delegates from 31 countries attended.");
    s.write("alt.txt", b"Drei Tote in K\xf6ln.");
    let report = s.write("report.json", "previous report\n");
    // Bad input: the report stays as it was.
    let o = run(
        &s.0,
        &[
            "compare",
            "--format",
            "json",
            "-o",
            "report.json",
            "a.txt",
            "alt.txt",
        ],
    );
    assert_error(&o, "alt.txt", "not valid UTF-8");
    assert_eq!(fs::read_to_string(&report).unwrap(), "previous report\n");
    // A good run replaces it whole.
    let o = run(
        &s.0,
        &[
            "compare",
            "--format",
            "json",
            "-o",
            "report.json",
            "a.txt",
            "b.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let written: Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(written["summary"]["contradiction"], 1);
    // An unwritable destination is an error naming it; no temporary file is left behind.
    let o = run(
        &s.0,
        &[
            "compare",
            "-o",
            "no-such-folder/report.txt",
            "a.txt",
            "b.txt",
        ],
    );
    assert_error(&o, "no-such-folder/report.txt", "cannot write the report");
    let leftovers: Vec<_> = fs::read_dir(&s.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn exit_statuses_follow_the_spec() {
    let s = Scratch::new("status");
    s.write("a.txt", "Vertreter aus fast 30 Ländern kamen.");
    s.write("b.txt", "Delegates from 31 countries attended.");
    s.write("c.txt", "Delegates from 28 countries attended.");
    assert_eq!(
        run(&s.0, &["compare", "a.txt", "b.txt"]).status.code(),
        Some(1),
        "a contradiction"
    );
    assert_eq!(
        run(&s.0, &["compare", "--fail-on", "never", "a.txt", "b.txt"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(&s.0, &["compare", "a.txt", "c.txt"]).status.code(),
        Some(0),
        "compatible only"
    );
    assert_eq!(
        run(&s.0, &["diff", "a.txt", "a.txt"]).status.code(),
        Some(0),
        "a text against itself"
    );
}
