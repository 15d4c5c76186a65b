//! `csv`: one row per finding (or per claim for `extract`), RFC 4180 quoting, and cells that a
//! spreadsheet would run as a formula neutralised with a leading apostrophe.

use std::io::{self, Write};

use super::{Command, Report, Side};
use crate::claim::{Claim, ClaimRecord};
use crate::judge::Finding;

/// Columns of the findings CSV, documented in the README.
pub const FINDING_COLUMNS: &[&str] = &[
    "finding",
    "kind",
    "subject",
    "a_doc",
    "a_line",
    "a_start",
    "a_end",
    "a_text",
    "a_lo",
    "a_hi",
    "a_date",
    "a_date_end",
    "b_doc",
    "b_line",
    "b_start",
    "b_end",
    "b_text",
    "b_lo",
    "b_hi",
    "b_date",
    "b_date_end",
    "reason",
];

/// Columns of the claims CSV, documented in the README.
pub const CLAIM_COLUMNS: &[&str] = &[
    "doc",
    "lang",
    "kind",
    "text",
    "start",
    "end",
    "line",
    "sentence",
    "subject",
    "subject_text",
    "qualifier",
    "value",
    "lo",
    "hi",
    "unit",
    "date",
    "date_end",
    "attribution",
];

/// Makes a cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, tab or
/// carriage return would run as a formula, so it gets a leading apostrophe. Numbers stay numbers.
pub fn safe_cell(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn side(s: Option<Side>) -> [String; 9] {
    match s {
        Some(s) => [
            safe_cell(s.doc),
            s.line.to_string(),
            s.start.to_string(),
            s.end.to_string(),
            safe_cell(s.text),
            opt(s.lo),
            opt(s.hi),
            opt(s.date),
            opt(s.date_end),
        ],
        None => Default::default(),
    }
}

/// One claim as a row under [`CLAIM_COLUMNS`].
pub fn claim_row(c: &Claim) -> Vec<String> {
    let r = ClaimRecord::from(c);
    vec![
        safe_cell(r.doc),
        r.lang.code().into(),
        r.kind.as_str().into(),
        safe_cell(r.text),
        r.start.to_string(),
        r.end.to_string(),
        r.line.to_string(),
        r.sentence.to_string(),
        safe_cell(r.subject),
        safe_cell(r.subject_text),
        r.qualifier.as_str().into(),
        opt(r.value),
        opt(r.lo),
        opt(r.hi),
        opt(r.unit),
        opt(r.date),
        opt(r.date_end),
        safe_cell(r.attribution.unwrap_or("")),
    ]
}

/// One finding as a row under [`FINDING_COLUMNS`].
pub fn finding_row(f: &Finding) -> Vec<String> {
    let mut row = vec![
        f.verdict.as_str().to_string(),
        f.kind.as_str().to_string(),
        safe_cell(&f.subject),
    ];
    row.extend(side(f.a.as_ref().map(Side::from)));
    row.extend(side(f.b.as_ref().map(Side::from)));
    row.push(safe_cell(&f.reason));
    row
}

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    if report.command == Command::Extract {
        w.write_record(CLAIM_COLUMNS)?;
        for c in &report.claims {
            w.write_record(claim_row(c))?;
        }
    } else {
        w.write_record(FINDING_COLUMNS)?;
        for f in &report.findings {
            w.write_record(finding_row(f))?;
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("-3"), "-3");
        assert_eq!(safe_cell("31 Länder"), "31 Länder");
    }
}
