//! `csv`: one row per finding (or per claim for `extract`), RFC 4180 quoting, and cells that a
//! spreadsheet would run as a formula neutralised with a leading apostrophe.

use std::borrow::Cow;
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
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.parse::<f64>().is_err() {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn num<T: ToString>(v: T) -> Cow<'static, str> {
    Cow::Owned(v.to_string())
}

fn opt<T: ToString>(v: Option<T>) -> Cow<'static, str> {
    v.map_or(Cow::Borrowed(""), num)
}

fn side(s: Option<Side<'_>>) -> [Cow<'_, str>; 9] {
    match s {
        Some(s) => [
            safe_cell(s.doc),
            num(s.line),
            num(s.start),
            num(s.end),
            safe_cell(s.text),
            opt(s.lo),
            opt(s.hi),
            opt(s.date),
            opt(s.date_end),
        ],
        None => Default::default(),
    }
}

/// One claim as a row under [`CLAIM_COLUMNS`]; text cells are borrowed from the claim.
pub fn claim_row(c: &Claim) -> Vec<Cow<'_, str>> {
    let r = ClaimRecord::from(c);
    vec![
        safe_cell(r.doc),
        Cow::Borrowed(r.lang.code()),
        Cow::Borrowed(r.kind.as_str()),
        safe_cell(r.text),
        num(r.start),
        num(r.end),
        num(r.line),
        num(r.sentence),
        safe_cell(r.subject),
        safe_cell(r.subject_text),
        Cow::Borrowed(r.qualifier.as_str()),
        opt(r.value),
        opt(r.lo),
        opt(r.hi),
        r.unit.map_or(Cow::Borrowed(""), Cow::Borrowed),
        opt(r.date),
        opt(r.date_end),
        safe_cell(r.attribution.unwrap_or("")),
    ]
}

/// One finding as a row under [`FINDING_COLUMNS`]; text cells are borrowed from the finding.
pub fn finding_row(f: &Finding) -> Vec<Cow<'_, str>> {
    let mut row = Vec::with_capacity(FINDING_COLUMNS.len());
    row.push(Cow::Borrowed(f.verdict.as_str()));
    row.push(Cow::Borrowed(f.kind.as_str()));
    row.push(safe_cell(&f.subject));
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
            w.write_record(claim_row(c).iter().map(|cell| cell.as_bytes()))?;
        }
    } else {
        w.write_record(FINDING_COLUMNS)?;
        for f in &report.findings {
            w.write_record(finding_row(f).iter().map(|cell| cell.as_bytes()))?;
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
