//! `markdown`: a pull-request comment. A heading with the tally, a summary table with one row
//! per finding, then one section per finding: both sentences quoted with the mention in bold
//! and, for two versions of one sentence, the other changed words underlined, and the reason.
//!
//! Everything taken from the input is escaped, so an article's text can neither add markup,
//! links or images to the comment nor notify anyone with an `@name`.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::text::sanitize;
use super::{Command, Report, WriteOptions};
use crate::claim::Claim;
use crate::judge::Finding;

/// The most a report takes, in bytes: GitHub holds at most 65,536 characters in a comment.
pub const COMMENT_LIMIT: usize = 60_000;

/// Escapes inline text for Markdown (GitHub and CommonMark): characters that start emphasis,
/// code, links, images, tables, maths or strike-through get a backslash, HTML specials become
/// entities, a line cannot start a heading or list, `@` is kept from forming a mention, and
/// control characters and line breaks go.
pub fn escape(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len());
    let leading_digits = clean.chars().take_while(|c| c.is_ascii_digit()).count();
    for (i, c) in clean.chars().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // A word joiner after the at sign: shown the same, but no longer a mention.
            '@' => out.push_str("@\u{2060}"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == leading_digits && i > 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A sentence with the mention in bold and the other changed words underlined.
fn marked_sentence(
    sentence: &str,
    mention: Option<Range<usize>>,
    changed: &[Range<usize>],
) -> String {
    super::mark_sentence(
        sentence,
        mention,
        changed,
        &escape,
        ("**", "**"),
        ("<ins>", "</ins>"),
    )
}

fn place(c: &Claim) -> String {
    format!("`{}:{}`", sanitize(&c.doc()).replace('`', "'"), c.span.line)
}

fn quote(report: &Report, c: &Claim, changed: &[Range<usize>], out: &mut String) {
    let mention = super::mention_in_sentence(report, c);
    let who = c
        .attribution
        .as_ref()
        .map(|w| format!(", quoted: {}", escape(w)))
        .unwrap_or_default();
    writeln!(
        out,
        "> {}\n>\n> — {}{who}\n",
        marked_sentence(&c.sentence_text(), mention, changed),
        place(c)
    )
    .unwrap();
}

fn section(report: &Report, n: usize, f: &Finding, out: &mut String) {
    writeln!(
        out,
        "### {n}. {}: {}\n",
        f.verdict.as_str(),
        escape(&super::what(f.kind, &f.subject))
    )
    .unwrap();
    let (old_changed, new_changed) = match (&f.a, &f.b) {
        (Some(a), Some(b)) => {
            super::changed_words(&a.sentence_text(), &b.sentence_text()).unwrap_or_default()
        }
        _ => Default::default(),
    };
    if let Some(a) = &f.a {
        quote(report, a, &old_changed, out);
    }
    if let Some(b) = &f.b {
        quote(report, b, &new_changed, out);
    }
    writeln!(out, "**Why:** {}\n", escape(&f.reason())).unwrap();
}

fn cell(c: &Option<Claim>) -> String {
    match c {
        Some(c) => format!("{} {}", place(c), escape(&c.text())),
        None => "—".to_string(),
    }
}

pub(super) fn write(
    report: &Report,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::new();
    if report.command == Command::Extract {
        writeln!(
            s,
            "## claimdiff: {} claims in {} documents\n",
            report.claims.len(),
            report.documents.len()
        )
        .unwrap();
        if !report.claims.is_empty() {
            s.push_str("| where | kind | subject | mention | value |\n|---|---|---|---|---|\n");
            for c in &report.claims {
                let value = c
                    .unresolved
                    .as_ref()
                    .map_or_else(|| crate::judge::describe(c), |u| u.to_string());
                writeln!(
                    s,
                    "| {} | {} | {} | {} | {} |",
                    place(c),
                    c.kind.as_str(),
                    escape(&c.subject),
                    escape(&c.text()),
                    escape(&value)
                )
                .unwrap();
            }
        }
        for note in report.limit_notes() {
            writeln!(s, "\nNote: {}.", escape(&note)).unwrap();
        }
        return out.write_all(s.as_bytes());
    }
    let tally = report.tally();
    let summary = if tally.is_empty() {
        "no findings".to_string()
    } else {
        tally
            .iter()
            .map(|(v, n)| format!("{n} {}", v.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        s,
        "## claimdiff: {summary} in {} documents\n",
        report.documents.len()
    )
    .unwrap();
    let shown: Vec<&Finding> = report.shown(options).collect();
    // A comment has a size limit; rows and sections stop before it, and the comment says so.
    let mut table = String::new();
    let mut rows = 0;
    for (i, f) in shown.iter().enumerate() {
        let row = format!(
            "| {} | **{}** | {} | {} | {} |\n",
            i + 1,
            f.verdict.as_str(),
            escape(&super::what(f.kind, &f.subject)),
            cell(&f.a),
            cell(&f.b)
        );
        if table.len() + row.len() > COMMENT_LIMIT / 2 {
            break;
        }
        table.push_str(&row);
        rows += 1;
    }
    let mut notes = String::new();
    let hidden = report.findings.len() - shown.len();
    if hidden > 0 {
        writeln!(
            notes,
            "{hidden} agreeing or compatible findings not shown (`--all` shows them).\n"
        )
        .unwrap();
    }
    if report.suppressed > 0 {
        writeln!(
            notes,
            "{} findings accepted in the baseline not shown.\n",
            report.suppressed
        )
        .unwrap();
    }
    for note in report.limit_notes() {
        writeln!(notes, "Note: {}.\n", escape(&note)).unwrap();
    }
    for doc in report.unresolved_documents() {
        writeln!(
            notes,
            "Note: {} has no publication time, so its relative dates stay unresolved.\n",
            escape(doc)
        )
        .unwrap();
    }
    let mut sections = String::new();
    let mut detailed = 0;
    for (i, f) in shown.iter().enumerate().take(rows) {
        let mut one = String::new();
        section(report, i + 1, f, &mut one);
        if s.len() + table.len() + notes.len() + sections.len() + one.len() > COMMENT_LIMIT {
            break;
        }
        sections.push_str(&one);
        detailed += 1;
    }
    if rows < shown.len() || detailed < shown.len() {
        writeln!(
            s,
            "**{} of {} findings listed and {detailed} detailed here, to fit a pull-request comment; `--format html` or `--format sarif` carries them all.**\n",
            rows,
            shown.len()
        )
        .unwrap();
    }
    if rows > 0 {
        s.push_str("| # | finding | what | one text | other text |\n|---|---|---|---|---|\n");
        s.push_str(&table);
        s.push('\n');
    }
    s.push_str(&notes);
    s.push_str(&sections);
    out.write_all(s.trim_end().as_bytes())?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_cannot_add_markup_or_mentions() {
        let e = escape("<img src=x> **bold** [link](http://x) @editor | `code`\n# head");
        assert!(
            !e.contains("<img") && !e.contains("@e") && !e.contains("\n"),
            "{e}"
        );
        assert!(
            e.contains("\\*\\*bold\\*\\*") && e.contains("\\[link\\]") && e.contains("\\|"),
            "{e}"
        );
        assert_eq!(escape("- 2. Tag"), "\\- 2. Tag");
        assert_eq!(escape("2025. Jahr"), "2025\\. Jahr");
    }

    #[test]
    fn mention_bold_changed_words_inserted() {
        let s = "Aus fast 30 Ländern kamen sie.";
        assert_eq!(
            marked_sentence(s, Some(4..20), &[4..11]),
            "Aus **fast 30 Ländern** kamen sie."
        );
        assert_eq!(
            marked_sentence(s, Some(12..20), &[4..11]),
            "Aus <ins>fast 30</ins> **Ländern** kamen sie."
        );
    }
}
