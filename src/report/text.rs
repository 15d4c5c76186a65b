//! `text`: for terminals. Each finding as a compact rustc-style snippet — file:line, the
//! sentence with the mention underlined, the other text's sentence, the reason — and a summary
//! line. Control characters from the input never reach the terminal.

use std::io::{self, Write};

use super::{Command, Report, WriteOptions};
use crate::claim::Claim;
use crate::judge::Verdict;

/// Replaces control characters (escape sequences, bells, carriage returns) with visible
/// stand-ins, and line breaks with spaces.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                '\u{fffd}'
            }
            c => c,
        })
        .collect()
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn verdict_color(v: Verdict) -> &'static str {
    match v {
        Verdict::Contradiction => "1;31",
        Verdict::Correction => "1;35",
        Verdict::Update => "1;33",
        Verdict::Added => "1;32",
        Verdict::Removed => "1;34",
        _ => "1",
    }
}

fn snippet(c: &Claim, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let line = c.span.line.to_string();
    let pad = " ".repeat(line.len());
    writeln!(
        out,
        "{pad}{} {}:{}",
        style.paint("1;34", "-->"),
        sanitize(&c.doc),
        c.span.line
    )?;
    let sentence = &c.sentence_text;
    let offset_in_sentence = sentence.find(&c.text);
    let shown = sanitize(sentence);
    writeln!(out, "{pad} {}", style.paint("1;34", "|"))?;
    writeln!(
        out,
        "{} {} {shown}",
        style.paint("1;34", &line),
        style.paint("1;34", "|")
    )?;
    if let Some(at) = offset_in_sentence {
        let before = sentence[..at].chars().count();
        let width = c.text.chars().count().max(1);
        let mut marker = format!("{}{}", " ".repeat(before), "^".repeat(width));
        if let Some(who) = &c.attribution {
            marker.push_str(&format!(" quoted: {}", sanitize(who)));
        }
        writeln!(
            out,
            "{pad} {} {}",
            style.paint("1;34", "|"),
            style.paint("1;31", &marker)
        )?;
    }
    Ok(())
}

pub(super) fn write(
    report: &Report,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let style = Style { on: options.color };
    if report.command == Command::Extract {
        for c in &report.claims {
            let value = match (c.days, c.interval) {
                (Some(d), _) => match d.end {
                    Some(e) => format!("{}..{}", d.start, e),
                    None => d.start.to_string(),
                },
                (None, Some(_)) => crate::judge::describe(c),
                _ => c
                    .value
                    .map(|v| crate::claim::Number(v).to_string())
                    .unwrap_or_default(),
            };
            writeln!(
                out,
                "{}:{}: {} {} {:?} = {}{}",
                sanitize(&c.doc),
                c.span.line,
                style.paint("1", c.kind.as_str()),
                sanitize(&c.subject),
                sanitize(&c.text),
                value,
                c.unresolved
                    .as_ref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            )?;
        }
        writeln!(
            out,
            "{} claims in {} documents",
            report.claims.len(),
            report.documents.len()
        )?;
        return Ok(());
    }
    let mut shown = 0;
    for f in &report.findings {
        if !options.all
            && !(f.verdict.is_alarm() || matches!(f.verdict, Verdict::Added | Verdict::Removed))
        {
            continue;
        }
        shown += 1;
        writeln!(
            out,
            "{}: {} {}",
            style.paint(verdict_color(f.verdict), f.verdict.as_str()),
            style.paint(
                "1",
                &format!("[{} {}]", f.kind.as_str(), sanitize(&f.subject))
            ),
            sanitize(&f.reason)
        )?;
        for c in [&f.a, &f.b].into_iter().flatten() {
            snippet(c, &style, out)?;
        }
        writeln!(out)?;
    }
    for doc in report.unresolved_documents() {
        writeln!(
            out,
            "note: {}: no publication time, so relative dates stay unresolved (give --published)",
            sanitize(doc)
        )?;
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
    let hidden = report.findings.len() - shown;
    let hidden_note = if hidden > 0 && !options.all {
        format!(" ({hidden} agreeing or compatible not shown; --all shows them)")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}: {summary} in {} documents{hidden_note}",
        style.paint("1", "summary"),
        report.documents.len()
    )
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let s = sanitize("a\x1b[31mred\x07\u{202e}b\nc");
        assert!(
            !s.contains('\x1b')
                && !s.contains('\x07')
                && !s.contains('\u{202e}')
                && !s.contains('\n')
        );
    }
}
