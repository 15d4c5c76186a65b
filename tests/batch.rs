//! `claimdiff batch`: corpus in, rows out — grouping, order, shards, bad records, formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimdiff::report::csv::{CLAIM_COLUMNS, FINDING_COLUMNS};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
}

/// A fresh folder for one test.
fn workdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("batch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], dir: &Path) -> Output {
    let out = bin().args(args).current_dir(dir).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c != 2),
        "claimdiff {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

/// One manifest line.
struct Doc {
    id: String,
    article: Option<String>,
    published: String,
    outlet: &'static str,
    lang: &'static str,
    text: String,
}

impl Doc {
    fn json(&self) -> String {
        let mut v = serde_json::json!({
            "id": self.id, "published": self.published, "outlet": self.outlet, "lang": self.lang, "text": self.text,
        });
        if let Some(a) = &self.article {
            v["article"] = serde_json::json!(a);
        }
        v.to_string()
    }
}

/// Twelve articles (German and English), three versions each whose death toll rises, plus
/// a second outlet for every third article and two documents without an article. Lines of
/// neighbouring articles are interleaved and versions listed latest first.
fn corpus() -> Vec<Doc> {
    let mut docs = Vec::new();
    for a in 0..12 {
        let de = a % 2 == 0;
        let outlets: &[&'static str] = if a % 3 == 0 {
            &["Weser-Bote", "Elbe-Kurier"]
        } else {
            &["Weser-Bote"]
        };
        for (o, outlet) in outlets.iter().enumerate() {
            for v in (1..=3).rev() {
                let killed = a + v + o;
                let countries = 20 + a + o * 2;
                let text = if de {
                    format!("Bei dem Brand in Halle kamen {killed} Menschen ums Leben. Am Mittwoch berieten Vertreter aus {countries} Ländern über Hilfe. Die Feuerwehr war mit 120 Kräften im Einsatz.")
                } else {
                    format!("Police said {killed} people were killed in the fire in Leeds. On Wednesday delegates from {countries} countries discussed aid. About 120 firefighters were at the scene.")
                };
                docs.push(Doc {
                    id: format!("art{a}-{o}-v{v}"),
                    article: Some(format!("art{a}")),
                    published: format!("2025-03-{:02}T{:02}:00:00+01:00", 10 + a, 8 + v),
                    outlet,
                    lang: if de { "de" } else { "en" },
                    text,
                });
            }
        }
    }
    // Interleave pairs of articles.
    let mut mixed = Vec::new();
    let mut chunks: Vec<Vec<Doc>> = Vec::new();
    let mut current: Vec<Doc> = Vec::new();
    for d in docs {
        if current.last().is_some_and(|l: &Doc| l.article != d.article) && chunks.len() % 2 == 1 {
            chunks.push(std::mem::take(&mut current));
        }
        current.push(d);
    }
    chunks.push(current);
    for chunk in chunks {
        let (even, odd): (Vec<(usize, Doc)>, Vec<(usize, Doc)>) =
            chunk.into_iter().enumerate().partition(|(i, _)| i % 2 == 0);
        mixed.extend(odd.into_iter().map(|(_, d)| d));
        mixed.extend(even.into_iter().map(|(_, d)| d));
    }
    for (i, lang) in ["de", "en"].iter().enumerate() {
        mixed.push(Doc {
            id: format!("loose-{i}"),
            article: None,
            published: "2025-03-20".into(),
            outlet: "Elbe-Kurier",
            lang,
            text: if i == 0 {
                "Fast 30 Länder nahmen teil. Später hieß es, 31 Länder seien gekommen.".into()
            } else {
                "Nearly 30 countries took part.".into()
            },
        });
    }
    mixed
}

fn write_manifest(dir: &Path, docs: &[Doc]) -> PathBuf {
    let path = dir.join("corpus.jsonl");
    let text: String = docs.iter().map(|d| d.json() + "\n").collect();
    std::fs::write(&path, text).unwrap();
    path
}

fn findings_jsonl(dir: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec![
        "batch",
        "corpus.jsonl",
        "-q",
        "--findings",
        "findings.jsonl",
    ];
    args.extend(extra);
    run(&args, dir);
    read(&dir.join("findings.jsonl"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn versions_are_grouped_by_article_and_ordered_by_publication_time() {
    let dir = workdir("order");
    write_manifest(&dir, &corpus());
    let findings = findings_jsonl(&dir, &[]);
    // art4 is listed latest version first and interleaved with art5; still v1 -> v2 -> v3.
    let updates: Vec<(String, String)> = findings
        .iter()
        .filter(|f| {
            f["finding"] == "update" && f["a"]["doc"].as_str().unwrap().starts_with("art4-")
        })
        .map(|f| {
            (
                f["a"]["doc"].as_str().unwrap().to_string(),
                f["b"]["doc"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        updates,
        [
            ("art4-0-v1".to_string(), "art4-0-v2".to_string()),
            ("art4-0-v2".into(), "art4-0-v3".into())
        ]
    );
    // Versions of one outlet are never compared with another outlet's without --outlets.
    assert!(findings.iter().all(|f| {
        let (a, b) = (
            f["a"]["doc"].as_str().unwrap_or(""),
            f["b"]["doc"].as_str().unwrap_or(""),
        );
        a.is_empty() || b.is_empty() || a[..a.len() - 3] == b[..b.len() - 3]
    }));
    // A document without an article is still judged on its own.
    assert!(findings
        .iter()
        .any(|f| f["finding"] == "contradiction" && f["a"]["doc"] == "loose-0"));
}

#[test]
fn outlets_flag_compares_the_latest_version_of_each_outlet() {
    let dir = workdir("outlets");
    write_manifest(&dir, &corpus());
    let findings = findings_jsonl(&dir, &["--outlets"]);
    let across: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| {
            f["a"]["doc"]
                .as_str()
                .is_some_and(|d| d.starts_with("art3-"))
                && f["b"]["doc"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("art3-"))
        })
        .filter(|f| f["a"]["doc"].as_str().unwrap()[..6] != f["b"]["doc"].as_str().unwrap()[..6])
        .collect();
    assert!(!across.is_empty(), "no finding across outlets");
    for f in across {
        assert!(
            f["a"]["doc"].as_str().unwrap().ends_with("-v3")
                && f["b"]["doc"].as_str().unwrap().ends_with("-v3"),
            "{f}"
        );
    }
}

#[test]
fn output_is_the_same_whatever_the_number_of_jobs() {
    let dir = workdir("jobs");
    write_manifest(&dir, &corpus());
    run(
        &[
            "batch",
            "corpus.jsonl",
            "-q",
            "-j",
            "1",
            "--claims",
            "c1.csv",
            "--findings",
            "f1.jsonl",
        ],
        &dir,
    );
    run(
        &[
            "batch",
            "corpus.jsonl",
            "-q",
            "-j",
            "4",
            "--claims",
            "c4.csv",
            "--findings",
            "f4.jsonl",
        ],
        &dir,
    );
    let c1 = read(&dir.join("c1.csv"));
    assert!(c1.lines().count() > 50);
    assert_eq!(c1, read(&dir.join("c4.csv")));
    assert_eq!(read(&dir.join("f1.jsonl")), read(&dir.join("f4.jsonl")));
}

#[test]
fn shards_together_hold_exactly_the_unsharded_rows() {
    let dir = workdir("shards");
    let mut docs = corpus();
    docs.push(Doc {
        id: "bad".into(),
        article: Some("art1".into()),
        published: "gestern".into(),
        outlet: "X",
        lang: "de",
        text: "Zwei Tote.".into(),
    });
    let manifest = write_manifest(&dir, &docs);
    // A malformed line, to check that each error is reported by exactly one shard.
    let mut text = read(&manifest);
    text.push_str("{\"id\": \"broken\", \"text\": \n");
    std::fs::write(&manifest, text).unwrap();
    run(
        &[
            "batch",
            "corpus.jsonl",
            "-q",
            "--claims",
            "claims.csv",
            "--findings",
            "all.csv",
            "--errors",
            "errors.jsonl",
        ],
        &dir,
    );
    let whole_claims = read(&dir.join("claims.csv"));
    let whole = read(&dir.join("all.csv"));
    let whole_errors = read(&dir.join("errors.jsonl"));
    assert_eq!(whole_errors.lines().count(), 2);
    for n in [2, 3, 5] {
        let (mut claims, mut findings, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..n {
            let shard = format!("{i}/{n}");
            run(
                &[
                    "batch",
                    "corpus.jsonl",
                    "-q",
                    "--shard",
                    &shard,
                    "--claims",
                    "s.csv",
                    "--findings",
                    "f.csv",
                    "--errors",
                    "e.jsonl",
                ],
                &dir,
            );
            let c = read(&dir.join("s.csv"));
            let f = read(&dir.join("f.csv"));
            assert_eq!(
                c.lines().next(),
                whole_claims.lines().next(),
                "each shard writes the header"
            );
            claims.extend(c.lines().skip(1).map(str::to_string));
            findings.extend(f.lines().skip(1).map(str::to_string));
            errors.extend(read(&dir.join("e.jsonl")).lines().map(str::to_string));
        }
        claims.sort();
        findings.sort();
        errors.sort();
        let rows = |text: &str| {
            let mut v: Vec<String> = text.lines().skip(1).map(str::to_string).collect();
            v.sort();
            v
        };
        assert_eq!(claims, rows(&whole_claims), "claims of {n} shards");
        assert_eq!(findings, rows(&whole), "findings of {n} shards");
        assert_eq!(errors, sorted_lines(&whole_errors), "errors of {n} shards");
    }
}

#[test]
fn bad_records_are_reported_with_their_line_and_the_run_goes_on() {
    let dir = workdir("errors");
    let good = Doc {
        id: "good".into(),
        article: Some("g".into()),
        published: "2025-03-20".into(),
        outlet: "A",
        lang: "de",
        text: "Drei Menschen wurden verletzt.".into(),
    };
    let mut bytes = Vec::new();
    bytes.extend(b"\xef\xbb\xbf");
    bytes.extend(format!("{}\n", good.json()).as_bytes());
    bytes.extend(b"{\"id\": \"half\", \"text\": \"Zwei\n");
    bytes.extend(b"{\"id\":\"latin1\",\"article\":\"l\",\"text\":\"K\xe4se: 3 Tote.\"}\n");
    bytes.extend(b"{\"id\":\"gone\",\"article\":\"m\",\"path\":\"nowhere/missing.md\"}\n");
    bytes.extend(b"\n");
    bytes.extend(b"{\"id\":\"empty\",\"article\":\"m\"}\n");
    bytes.extend(
        format!(
            "{}\n",
            Doc {
                id: "good2".into(),
                ..good
            }
            .json()
        )
        .as_bytes(),
    );
    std::fs::write(dir.join("corpus.jsonl"), bytes).unwrap();
    let out = run(
        &[
            "batch",
            "corpus.jsonl",
            "-q",
            "--claims",
            "claims.jsonl",
            "--errors",
            "errors.jsonl",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(3), "some records failed");
    let errors: Vec<serde_json::Value> = read(&dir.join("errors.jsonl"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let wheres: Vec<&str> = errors
        .iter()
        .map(|e| e["where"].as_str().unwrap())
        .collect();
    let mut sorted = wheres.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "corpus.jsonl:2",
            "corpus.jsonl:3",
            "corpus.jsonl:4",
            "corpus.jsonl:6"
        ]
    );
    let problem = |at: &str| {
        errors.iter().find(|e| e["where"] == at).unwrap()["problem"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        problem("corpus.jsonl:3").contains("UTF-8"),
        "{}",
        problem("corpus.jsonl:3")
    );
    assert!(
        problem("corpus.jsonl:4").contains("missing.md"),
        "{}",
        problem("corpus.jsonl:4")
    );
    assert!(
        problem("corpus.jsonl:6").contains("neither"),
        "{}",
        problem("corpus.jsonl:6")
    );
    let claims = read(&dir.join("claims.jsonl"));
    assert!(claims.contains("\"doc\":\"good\"") && claims.contains("\"doc\":\"good2\""));
    // Without an errors file the problems go to standard error, one line each.
    let out = bin()
        .args(["batch", "corpus.jsonl", "--claims", "claims.jsonl"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("claimdiff: corpus.jsonl:4 (id gone):"),
        "{stderr}"
    );
    assert!(stderr.contains("errors: 4"), "{stderr}");
}

#[test]
fn an_unreadable_corpus_is_a_usage_error() {
    let dir = workdir("unreadable");
    let out = bin()
        .args(["batch", "nothing.jsonl", "-q"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing.jsonl: no such file"));
    assert!(!dir.join("findings.jsonl").exists());
    std::fs::write(
        dir.join("c.jsonl"),
        "{\"id\":\"a\",\"text\":\"Zwei Tote.\"}\n",
    )
    .unwrap();
    let out = bin()
        .args(["batch", "c.jsonl", "-q", "--claims", "-", "--findings", "-"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "two outputs cannot share standard output"
    );
}

#[test]
fn csv_corpus_gives_the_same_rows_as_the_manifest() {
    let dir = workdir("csv");
    let docs = corpus();
    write_manifest(&dir, &docs);
    let mut w = csv::Writer::from_path(dir.join("corpus.csv")).unwrap();
    w.write_record([
        "id",
        "article",
        "version",
        "published",
        "outlet",
        "lang",
        "text",
    ])
    .unwrap();
    for d in &docs {
        w.write_record([
            &d.id,
            d.article.as_deref().unwrap_or(""),
            "",
            &d.published,
            d.outlet,
            d.lang,
            &d.text.replace(". ", ".\r\n"),
        ])
        .unwrap();
    }
    w.flush().unwrap();
    drop(w);
    // The same texts with line breaks inside quoted cells: offsets and lines differ, so compare
    // the judgements rather than the positions.
    run(
        &[
            "batch",
            "corpus.jsonl",
            "-q",
            "--findings",
            "from-jsonl.csv",
        ],
        &dir,
    );
    run(
        &["batch", "corpus.csv", "-q", "--findings", "from-csv.csv"],
        &dir,
    );
    let judgements = |file: &str| -> Vec<String> {
        let mut r = csv::Reader::from_path(dir.join(file)).unwrap();
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>(),
            FINDING_COLUMNS
        );
        r.records()
            .map(|row| {
                let row = row.unwrap();
                format!(
                    "{} {} {} {} {}",
                    &row[0], &row[1], &row[2], &row[3], &row[12]
                )
            })
            .collect()
    };
    let from_csv = judgements("from-csv.csv");
    assert!(from_csv.len() > 30);
    assert_eq!(from_csv, judgements("from-jsonl.csv"));
}

#[test]
fn a_folder_tree_is_one_article_per_folder() {
    let dir = workdir("tree");
    let corpus = dir.join("corpus");
    for (article, lang) in [("brand-halle", "de"), ("fire-leeds", "en")] {
        std::fs::create_dir_all(corpus.join(article)).unwrap();
        for v in 1..=2 {
            let body = if lang == "de" {
                format!("Bei dem Brand kamen {v} Menschen ums Leben.")
            } else {
                format!("Police said {v} people were killed in the fire.")
            };
            // Named so that name order is the reverse of publication order.
            let name = format!("{}.md", ["z", "a"][v - 1]);
            std::fs::write(
                corpus.join(article).join(name),
                format!("---\npublished: 2025-03-2{v}T10:00:00+01:00\nlang: {lang}\n---\n{body}\n"),
            )
            .unwrap();
        }
    }
    std::fs::write(corpus.join("notes.bin"), b"\x00\x01").unwrap();
    std::fs::create_dir_all(corpus.join(".cache")).unwrap();
    std::fs::write(
        corpus.join(".cache/old.md"),
        "Police said 9 people were killed.",
    )
    .unwrap();
    let out = run(
        &[
            "batch",
            "corpus",
            "-q",
            "--findings",
            "-",
            "--format",
            "jsonl",
        ],
        &dir,
    );
    let findings: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let updates: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f["finding"] == "update")
        .map(|f| {
            (
                f["a"]["doc"].as_str().unwrap(),
                f["b"]["doc"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        updates,
        [
            ("corpus/brand-halle/z.md", "corpus/brand-halle/a.md"),
            ("corpus/fire-leeds/z.md", "corpus/fire-leeds/a.md")
        ]
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "findings do not fail a batch run by default"
    );
    let out = run(&["batch", "corpus", "-q", "--fail-on", "update"], &dir);
    assert_eq!(out.status.code(), Some(1));
    run(
        &[
            "batch",
            "corpus",
            "-q",
            "--findings",
            "f.jsonl",
            "--summary",
            "summary.json",
        ],
        &dir,
    );
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.join("summary.json"))).unwrap();
    assert_eq!(
        (summary["documents"].as_u64(), summary["articles"].as_u64()),
        (Some(4), Some(2)),
        "hidden folders are skipped"
    );
}

#[test]
fn claims_are_the_same_records_extract_writes() {
    let dir = workdir("same-records");
    write_manifest(&dir, &corpus());
    run(
        &["batch", "corpus.jsonl", "-q", "--claims", "claims.jsonl"],
        &dir,
    );
    let out = run(&["extract", "corpus.jsonl", "--format", "jsonl"], &dir);
    assert_eq!(
        sorted_lines(&read(&dir.join("claims.jsonl"))),
        sorted_lines(&String::from_utf8_lossy(&out.stdout))
    );
    run(
        &["batch", "corpus.jsonl", "-q", "--claims", "claims.csv"],
        &dir,
    );
    let out = run(&["extract", "corpus.jsonl", "--format", "csv"], &dir);
    let batch_csv = read(&dir.join("claims.csv"));
    assert_eq!(batch_csv.lines().next().unwrap(), CLAIM_COLUMNS.join(","));
    assert_eq!(
        sorted_lines(&batch_csv),
        sorted_lines(&String::from_utf8_lossy(&out.stdout))
    );
}

#[test]
fn summary_counts_documents_claims_and_findings() {
    let dir = workdir("summary");
    let docs = corpus();
    write_manifest(&dir, &docs);
    run(
        &[
            "batch",
            "corpus.jsonl",
            "-q",
            "--claims",
            "c.jsonl",
            "--findings",
            "f.jsonl",
            "--summary",
            "summary.json",
        ],
        &dir,
    );
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.join("summary.json"))).unwrap();
    assert_eq!(summary["documents"], docs.len());
    assert_eq!(summary["articles"], 14);
    assert_eq!(
        summary["claims"],
        read(&dir.join("c.jsonl")).lines().count()
    );
    assert_eq!(
        summary["findings"],
        read(&dir.join("f.jsonl")).lines().count()
    );
    let updates = read(&dir.join("f.jsonl"))
        .lines()
        .filter(|l| l.contains("\"finding\":\"update\""))
        .count();
    assert_eq!(summary["findings_by_kind"]["update"], updates);
    assert_eq!(summary["errors"], 0);
}
