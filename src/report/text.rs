//! `text`: for terminals. Each finding as a compact rustc-style snippet — file:line, the
//! sentence with the mention underlined, the other text's sentence, the reason — and a summary
//! line. Control characters from the input never reach the terminal.

use std::io::{self, Write};
use std::ops::Range;

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

/// The longest sentence shown whole, in characters; longer ones are cut around the mention.
const MAX_SHOWN: usize = 160;

/// Char index of a byte offset.
fn char_at(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].chars().count()
}

/// One side of a finding: file:line, the sentence, the mention underlined with `^` and, for
/// two versions of one sentence, the other changed words with `~`.
fn snippet(
    report: &Report,
    c: &Claim,
    changed: &[Range<usize>],
    width: usize,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Line numbers of one finding share a width, so their bars line up.
    let line = format!("{:>width$}", c.span.line);
    let pad = " ".repeat(line.len());
    let bar = style.paint("1;34", "|");
    writeln!(
        out,
        "{pad}{} {}:{}",
        style.paint("1;34", "-->"),
        sanitize(&c.doc()),
        c.span.line
    )?;
    let sentence = &c.sentence_text();
    let chars: Vec<char> = sanitize(sentence).chars().collect();
    let mut marks = vec![' '; chars.len()];
    for r in changed {
        for m in &mut marks[char_at(sentence, r.start)..char_at(sentence, r.end)] {
            *m = '~';
        }
    }
    let mention = super::mention_in_sentence(report, c)
        .map(|r| (char_at(sentence, r.start), char_at(sentence, r.end)));
    if let Some((from, to)) = mention {
        for m in &mut marks[from..to.max(from + 1).min(chars.len())] {
            *m = '^';
        }
    }
    // Cut long sentences to a window around the mention, marked with an ellipsis.
    let (mut lo, mut hi) = (0, chars.len());
    if chars.len() > MAX_SHOWN {
        let centre = mention.map_or(0, |(f, t)| (f + t) / 2);
        lo = centre.saturating_sub(MAX_SHOWN / 2);
        hi = (lo + MAX_SHOWN).min(chars.len());
        lo = hi.saturating_sub(MAX_SHOWN);
        // Cut between words, never through the mention.
        let keep_from = mention.map_or(lo, |(f, _)| f);
        let keep_to = mention.map_or(hi, |(_, t)| t);
        while lo > 0 && lo < keep_from && !chars[lo - 1].is_whitespace() {
            lo += 1;
        }
        while hi < chars.len() && hi > keep_to && !chars[hi].is_whitespace() {
            hi -= 1;
        }
    }
    let (head, tail) = (
        if lo > 0 { "…" } else { "" },
        if hi < chars.len() { "…" } else { "" },
    );
    let shown: String = chars[lo..hi].iter().collect();
    writeln!(out, "{pad} {bar}")?;
    writeln!(
        out,
        "{} {bar} {head}{shown}{tail}",
        style.paint("1;34", &line)
    )?;
    let mut marker = String::new();
    if !head.is_empty() {
        marker.push(' ');
    }
    // Runs of one mark get one colour each.
    let visible = &marks[lo..hi];
    let mut i = 0;
    while i < visible.len() {
        let m = visible[i];
        let run = visible[i..].iter().take_while(|&&x| x == m).count();
        let piece: String = std::iter::repeat_n(m, run).collect();
        marker.push_str(&match m {
            '^' => style.paint("1;31", &piece),
            '~' => style.paint("1;33", &piece),
            _ => piece,
        });
        i += run;
    }
    let marker = marker.trim_end().to_string();
    let quoted = c
        .attribution
        .as_ref()
        .map(|who| format!(" quoted: {}", sanitize(who)))
        .unwrap_or_default();
    if !marker.is_empty() || !quoted.is_empty() {
        writeln!(out, "{pad} {bar} {marker}{}", style.paint("1;31", &quoted))?;
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
                sanitize(&c.doc()),
                c.span.line,
                style.paint("1", c.kind.as_str()),
                sanitize(&c.subject),
                sanitize(&c.text()),
                value,
                c.unresolved
                    .as_ref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            )?;
        }
        for note in report.limit_notes() {
            writeln!(out, "note: {}", sanitize(&note))?;
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
    for f in report.shown(options) {
        shown += 1;
        writeln!(
            out,
            "{}: {} {}",
            style.paint(verdict_color(f.verdict), f.verdict.as_str()),
            style.paint(
                "1",
                &format!("[{} {}]", f.kind.as_str(), sanitize(&f.subject))
            ),
            sanitize(&f.reason())
        )?;
        let width = [&f.a, &f.b]
            .into_iter()
            .flatten()
            .map(|c| c.span.line.to_string().len())
            .max()
            .unwrap_or(1);
        let (old_changed, new_changed) = match (&f.a, &f.b) {
            (Some(a), Some(b)) => {
                super::changed_words(&a.sentence_text(), &b.sentence_text()).unwrap_or_default()
            }
            _ => Default::default(),
        };
        if let Some(a) = &f.a {
            snippet(report, a, &old_changed, width, &style, out)?;
        }
        if let Some(b) = &f.b {
            snippet(report, b, &new_changed, width, &style, out)?;
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
    for note in report.limit_notes() {
        writeln!(out, "note: {}", sanitize(&note))?;
    }
    write_timelines(report, &style, out)?;
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
    let mut notes = Vec::new();
    if hidden > 0 {
        notes.push(format!(
            "{hidden} agreeing or compatible not shown; --all shows them"
        ));
    }
    if report.suppressed > 0 {
        notes.push(format!(
            "{} accepted in the baseline not shown",
            report.suppressed
        ));
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    writeln!(
        out,
        "{}: {summary} in {} documents{notes}",
        style.paint("1", "summary"),
        report.documents.len()
    )
}

/// Each figure followed through three or more versions, one line each:
/// "timeline: count of country: fast 30 Ländern → 31 Ländern → 31 Ländern".
fn write_timelines(report: &Report, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    for t in &report.timelines {
        let what = super::what(t.kind, &t.subject);
        writeln!(
            out,
            "{}: {}: {}",
            style.paint("1", "timeline"),
            sanitize(&what),
            sanitize(&t.line())
        )?;
    }
    Ok(())
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
