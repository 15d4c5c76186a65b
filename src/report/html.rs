//! `html`: one self-contained page for a reader on a laptop. No scripts and no external files
//! (a Content-Security-Policy forbids both): the findings listed, each with both sentences and
//! links to its mentions; for stories of three or more versions, each changing figure's
//! timeline as a small inline SVG chart; then the texts side by side with every claim
//! highlighted and each mention with a finding linked back to it.
//!
//! Everything taken from the input is escaped: an article's `<script>` is shown as text.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Command, Report, WriteOptions};
use crate::claim::{Claim, Kind, Number};
use crate::document::Document;
use crate::judge::{describe, Finding, Timeline, Verdict};

/// Escapes text for HTML content and attribute values; control characters other than line
/// breaks and tabs are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --fg: #1d1d1f; --muted: #5f6368; --bg: #fcfcfa; --panel: #ffffff; --line: #dcdcd6;
  --claim: #e6ecfa; --contradiction: #c62828; --correction: #8e24aa; --update: #b26a00;
  --added: #2e7d32; --removed: #1565c0; --quiet: #6d6d6d; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { padding: 1rem 2rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header h1 { margin: 0; font-size: 1.35rem; }
header p { margin: .25rem 0 0; color: var(--muted); }
main { padding: 1rem 2rem 3rem; max-width: 120rem; margin: 0 auto; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
ol.findings { padding-left: 1.5rem; }
.finding { margin: 0 0 1rem; padding: .5rem .75rem; background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--quiet); border-radius: 4px; }
.finding.contradiction { border-left-color: var(--contradiction); }
.finding.correction { border-left-color: var(--correction); }
.finding.update { border-left-color: var(--update); }
.finding.added { border-left-color: var(--added); }
.finding.removed { border-left-color: var(--removed); }
.verdict { font-weight: 700; text-transform: uppercase; font-size: .8rem; letter-spacing: .04em; }
.contradiction .verdict { color: var(--contradiction); } .correction .verdict { color: var(--correction); }
.update .verdict { color: var(--update); } .added .verdict { color: var(--added); } .removed .verdict { color: var(--removed); }
.what { color: var(--muted); margin-left: .5rem; }
.reason { margin: .25rem 0; }
blockquote { margin: .35rem 0; padding: .1rem .75rem; border-left: 3px solid var(--line); font-family: Georgia, "Times New Roman", serif; }
blockquote cite { display: block; font: .8rem system-ui, sans-serif; color: var(--muted); font-style: normal; }
blockquote strong { background: #fff1a8; }
ins { text-decoration: underline wavy #b26a00; text-decoration-skip-ink: none; }
details { margin: .5rem 0 1rem; }
.timelines { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.timeline { margin: 0; padding: .5rem; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; }
figure.timeline figcaption { font-size: .85rem; color: var(--muted); }
.texts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; align-items: start; }
article.doc { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .5rem 1rem; min-width: 0; }
article.doc h3 { margin: .25rem 0; font-size: 1rem; overflow-wrap: anywhere; }
article.doc .meta { margin: 0 0 .5rem; color: var(--muted); font-size: .85rem; }
article.doc .body { font-family: Georgia, "Times New Roman", serif; overflow-wrap: anywhere; }
.claim { background: var(--claim); border-radius: 3px; padding: 0 .1em; color: inherit; }
a.claim { text-decoration: none; border-bottom: 2px solid var(--quiet); }
a.claim.contradiction { background: #fde0e0; border-bottom-color: var(--contradiction); }
a.claim.correction { background: #f3e0f7; border-bottom-color: var(--correction); }
a.claim.update { background: #fff0d6; border-bottom-color: var(--update); }
a.claim.added { background: #e3f3e4; border-bottom-color: var(--added); }
a.claim.removed { background: #e1ecfa; border-bottom-color: var(--removed); }
:target { outline: 3px solid #f5a623; outline-offset: 2px; scroll-margin-top: 2rem; }
.legend { font-size: .85rem; color: var(--muted); }
.notes { color: var(--muted); }
table.claims { border-collapse: collapse; font-size: .9rem; }
table.claims td, table.claims th { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
"#;

/// The value range a claim plots at: numbers, ordinals, or days (as days since the epoch).
fn plot_range(c: &Claim) -> Option<(f64, Option<f64>)> {
    if let Some(d) = c.days {
        let n = |x: chrono::NaiveDate| {
            x.signed_duration_since(chrono::NaiveDate::default())
                .num_days() as f64
        };
        return Some((n(d.start), Some(n(d.last()))));
    }
    if c.kind == Kind::Ordinal {
        return c.value.map(|v| (v, Some(v)));
    }
    c.interval.map(|i| (i.lo, i.hi))
}

fn short_name(id: &str) -> &str {
    id.rsplit(['/', '\\']).next().unwrap_or(id)
}

/// A small line chart: one column per version, the interval a claim allows as a bar, its
/// middle joined to the next version's.
fn chart(t: &Timeline, ids: &HashMap<(&str, usize), String>, out: &mut String) {
    // The versions that state the figure, in order.
    let points: Vec<&Claim> = t.points.iter().flatten().collect();
    let ranges: Vec<Option<(f64, Option<f64>)>> = points.iter().map(|c| plot_range(c)).collect();
    let finite: Vec<f64> = ranges
        .iter()
        .flatten()
        .flat_map(|(lo, hi)| [Some(*lo), *hi])
        .flatten()
        .collect();
    if finite.is_empty() {
        return;
    }
    let (min, max) = finite
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let span = if max > min { max - min } else { 1.0 };
    let (w, h, left, right, top, bottom) = (360.0, 160.0, 24.0, 24.0, 24.0, 40.0);
    let n = points.len();
    let x = |i: usize| left + (w - left - right) * (i as f64 + 0.5) / n as f64;
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - min) / span);
    let label = format!("{} across {n} versions", super::what(t.kind, &t.subject));
    write!(
        out,
        "<figure class=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(&label)
    )
    .unwrap();
    write!(
        out,
        "<line x1=\"{left}\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#bbb\"/>",
        h - bottom + 6.0,
        w - right
    )
    .unwrap();
    let mids: Vec<Option<(f64, f64)>> = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| r.map(|(lo, hi)| (x(i), y(hi.map_or(lo, |hi| (lo + hi) / 2.0)))))
        .collect();
    let path: Vec<String> = mids
        .iter()
        .flatten()
        .map(|(px, py)| format!("{px:.1},{py:.1}"))
        .collect();
    write!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#5f6368\" stroke-width=\"1.5\"/>",
        path.join(" ")
    )
    .unwrap();
    for (i, c) in points.iter().enumerate() {
        let px = x(i);
        if let Some((lo, hi)) = ranges[i] {
            let (y_lo, y_hi) = (y(lo), hi.map_or(top - 4.0, y));
            write!(out, "<line x1=\"{px:.1}\" y1=\"{y_lo:.1}\" x2=\"{px:.1}\" y2=\"{y_hi:.1}\" stroke=\"#1565c0\" stroke-width=\"6\" stroke-linecap=\"round\" opacity=\".35\"/>").unwrap();
            if let Some((mx, my)) = mids[i] {
                write!(out, "<circle cx=\"{mx:.1}\" cy=\"{my:.1}\" r=\"4\" fill=\"#1565c0\"><title>{}</title></circle>", escape(&describe(c))).unwrap();
            }
            let value = match c.days {
                Some(d) => d.start.format("%d %b").to_string(),
                None => {
                    let v = c.value.unwrap_or(lo);
                    if hi.is_none() {
                        format!("{}+", Number(v))
                    } else {
                        Number(v).to_string()
                    }
                }
            };
            let ty = mids[i].map_or(top, |m| m.1) - 8.0;
            write!(out, "<text x=\"{px:.1}\" y=\"{ty:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1d1d1f\">{}</text>", escape(&value)).unwrap();
        }
        let href = ids
            .get(&(c.doc(), c.text_start))
            .map(|i| format!("#{i}"))
            .unwrap_or_default();
        write!(
            out,
            "<a href=\"{href}\"><text x=\"{px:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1565c0\">{}</text></a>",
            h - bottom + 22.0,
            escape(short_name(&c.doc()))
        )
        .unwrap();
    }
    write!(
        out,
        "</svg><figcaption>{}</figcaption></figure>",
        escape(&label)
    )
    .unwrap();
}

/// Ids of every claim's mark in the texts: `d<document>-c<claim>`.
fn claim_ids(report: &Report) -> HashMap<(&str, usize), String> {
    let mut ids = HashMap::new();
    let mut per_doc: HashMap<&str, usize> = HashMap::new();
    let positions: HashMap<&str, usize> = report
        .documents
        .iter()
        .enumerate()
        .rev()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    for c in &report.claims {
        let d = positions.get(c.doc()).copied().unwrap_or(usize::MAX);
        let n = per_doc.entry(c.doc()).or_insert(0);
        ids.entry((c.doc(), c.text_start))
            .or_insert_with(|| format!("d{d}-c{n}"));
        *n += 1;
    }
    ids
}

fn link_to(c: &Claim, ids: &HashMap<(&str, usize), String>) -> String {
    let label = format!("{}:{}", c.doc(), c.span.line);
    match ids.get(&(c.doc(), c.text_start)) {
        Some(id) => format!("<a href=\"#{id}\">{}</a>", escape(&label)),
        None => escape(&label),
    }
}

fn finding_item(
    report: &Report,
    number: usize,
    f: &Finding,
    ids: &HashMap<(&str, usize), String>,
    out: &mut String,
) {
    let v = f.verdict.as_str();
    write!(
        out,
        "<li id=\"f{number}\" class=\"finding {v}\"><span class=\"verdict\">{v}</span><span class=\"what\">{}</span><p class=\"reason\">{}</p>",
        escape(&super::what(f.kind, &f.subject)),
        escape(&f.reason())
    )
    .unwrap();
    let (old_changed, new_changed) = match (&f.a, &f.b) {
        (Some(a), Some(b)) => {
            super::changed_words(&a.sentence_text(), &b.sentence_text()).unwrap_or_default()
        }
        _ => Default::default(),
    };
    for (c, changed) in [(&f.a, &old_changed), (&f.b, &new_changed)] {
        let Some(c) = c else { continue };
        let sentence = super::mark_sentence(
            &c.sentence_text(),
            super::mention_in_sentence(report, c),
            changed,
            &escape,
            ("<strong>", "</strong>"),
            ("<ins>", "</ins>"),
        );
        let who = c
            .attribution
            .as_ref()
            .map(|w| format!(", quoted: {}", escape(w)))
            .unwrap_or_default();
        write!(
            out,
            "<blockquote>{sentence}<cite>{}{who}</cite></blockquote>",
            link_to(c, ids)
        )
        .unwrap();
    }
    out.push_str("</li>\n");
}

/// The document's text as paragraphs, every claim marked; mentions with a finding link to it.
fn document_body(
    doc: &Document,
    claims: &[&Claim],
    targets: &HashMap<(&str, usize), (usize, Verdict, Vec<String>)>,
    ids: &HashMap<(&str, usize), String>,
    out: &mut String,
) {
    let text = doc.text();
    let paragraphs = |s: &str| -> String {
        let escaped = escape(s);
        // Blank lines end paragraphs; single line breaks are spaces to a reader. A run of
        // line breaks at the end of a piece is kept, since a claim follows it.
        let mut out = String::new();
        let mut breaks = 0;
        let flush = |out: &mut String, breaks: &mut usize| {
            match *breaks {
                0 => {}
                1 => out.push('\n'),
                _ => out.push_str("</p>\n<p>"),
            }
            *breaks = 0;
        };
        for (i, line) in escaped.split('\n').enumerate() {
            if i > 0 {
                breaks += 1;
                if line.trim().is_empty() {
                    continue;
                }
            }
            flush(&mut out, &mut breaks);
            out.push_str(line);
        }
        flush(&mut out, &mut breaks);
        out
    };
    out.push_str("<div class=\"body\"><p>");
    let mut at = 0;
    let mut sorted: Vec<&&Claim> = claims.iter().collect();
    sorted.sort_by_key(|c| (c.text_start, std::cmp::Reverse(c.text_end)));
    for c in sorted {
        if c.text_start < at
            || text.get(c.text_start..c.text_end).is_none()
            || text.get(at..c.text_start).is_none()
        {
            continue;
        }
        out.push_str(&paragraphs(&text[at..c.text_start]));
        let key = (c.doc(), c.text_start);
        let id = ids.get(&key).cloned().unwrap_or_default();
        let title = format!(
            "{} · {} · {}",
            c.kind.as_str(),
            c.subject,
            c.unresolved
                .as_ref()
                .map_or_else(|| describe(c), |u| u.to_string())
        );
        let mention = escape(&text[c.text_start..c.text_end]);
        match targets.get(&key) {
            Some((n, v, reasons)) => write!(
                out,
                "<a id=\"{id}\" class=\"claim {}\" href=\"#f{n}\" title=\"{}\">{mention}</a>",
                v.as_str(),
                escape(&format!("{title}\n{}", reasons.join("\n")))
            )
            .unwrap(),
            None => write!(
                out,
                "<mark id=\"{id}\" class=\"claim\" title=\"{}\">{mention}</mark>",
                escape(&title)
            )
            .unwrap(),
        }
        at = c.text_end;
    }
    out.push_str(&paragraphs(&text[at..]));
    out.push_str("</p></div>");
}

pub(super) fn write(
    report: &Report,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let ids = claim_ids(report);
    let tally = report.tally();
    let summary = match report.command {
        Command::Extract => format!(
            "{} claims in {} documents",
            report.claims.len(),
            report.documents.len()
        ),
        _ if tally.is_empty() => format!("no findings in {} documents", report.documents.len()),
        _ => format!(
            "{} in {} documents",
            tally
                .iter()
                .map(|(v, n)| format!("{n} {}", v.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            report.documents.len()
        ),
    };
    let mut s = String::new();
    write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>claimdiff: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><h1>claimdiff report</h1><p class=\"summary\">{}</p></header>\n<main>\n",
        escape(&summary),
        escape(&summary)
    )
    .unwrap();

    // Findings: what an editor must look at first, agreements folded away.
    let mut targets: HashMap<(&str, usize), (usize, Verdict, Vec<String>)> = HashMap::new();
    if report.command != Command::Extract {
        s.push_str("<section id=\"findings\"><h2>Findings</h2>\n");
        let (alarms, quiet): (Vec<&Finding>, Vec<&Finding>) = report
            .findings
            .iter()
            .partition(|f| super::is_shown_by_default(f.verdict));
        let numbered: Vec<&Finding> = alarms.iter().chain(quiet.iter()).copied().collect();
        for (i, f) in numbered.iter().enumerate() {
            for c in [&f.a, &f.b].into_iter().flatten() {
                let entry = targets.entry((c.doc(), c.text_start)).or_insert((
                    i + 1,
                    f.verdict,
                    Vec::new(),
                ));
                entry
                    .2
                    .push(format!("{}: {}", f.verdict.as_str(), f.reason()));
            }
        }
        if alarms.is_empty() {
            s.push_str("<p>Nothing to look at: no contradiction, correction, update, added or removed claim.</p>\n");
        } else {
            s.push_str("<ol class=\"findings\">\n");
            for (i, f) in alarms.iter().enumerate() {
                finding_item(report, i + 1, f, &ids, &mut s);
            }
            s.push_str("</ol>\n");
        }
        if !quiet.is_empty() {
            write!(s, "<details{}><summary>{} agreeing or compatible</summary><ol class=\"findings\" start=\"{}\">\n", if options.all { " open" } else { "" }, quiet.len(), alarms.len() + 1).unwrap();
            for (i, f) in quiet.iter().enumerate() {
                finding_item(report, alarms.len() + i + 1, f, &ids, &mut s);
            }
            s.push_str("</ol></details>\n");
        }
        if report.suppressed > 0 {
            writeln!(
                s,
                "<p class=\"notes\">{} findings accepted in the baseline not shown.</p>",
                report.suppressed
            )
            .unwrap();
        }
        s.push_str("</section>\n");
        let lines = &report.timelines;
        if !lines.is_empty() {
            s.push_str("<section id=\"timelines\"><h2>How the figures changed</h2>\n<div class=\"timelines\">");
            for t in lines {
                chart(t, &ids, &mut s);
            }
            s.push_str("</div></section>\n");
        }
    }
    for note in report.limit_notes() {
        writeln!(s, "<p class=\"notes\">{}.</p>", escape(&note)).unwrap();
    }
    for doc in report.unresolved_documents() {
        writeln!(
            s,
            "<p class=\"notes\">{}: no publication time, so relative dates stay unresolved.</p>",
            escape(doc)
        )
        .unwrap();
    }

    // The texts side by side.
    s.push_str("<section id=\"texts\"><h2>Texts</h2>\n<p class=\"legend\">Every claim is shaded; a mention with a finding is underlined in the finding's colour and links to it.</p>\n<div class=\"texts\">\n");
    let mut by_doc: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for c in &report.claims {
        by_doc.entry(c.doc()).or_default().push(c);
    }
    for (i, doc) in report.documents.iter().enumerate() {
        let meta: Vec<String> = [
            doc.title.clone(),
            doc.outlet.clone(),
            doc.version.as_ref().map(|v| format!("version {v}")),
            doc.published.map(|p| format!("published {p}")),
            Some(doc.lang.code().to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        write!(
            s,
            "<article class=\"doc\" id=\"d{i}\"><h3>{}</h3><p class=\"meta\">{}</p>",
            escape(&doc.id),
            escape(&meta.join(" · "))
        )
        .unwrap();
        let claims = by_doc
            .get(doc.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        document_body(doc, claims, &targets, &ids, &mut s);
        s.push_str("</article>\n");
    }
    s.push_str("</div></section>\n");
    s.push_str("</main>\n</body>\n</html>\n");
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_the_input_stays_text() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\x1b[31mb\u{202e}c"), "a[31mbc");
    }
}
