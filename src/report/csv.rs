//! `csv`: one row per finding (or per claim for `extract`), RFC 4180 quoting, and cells that a
//! spreadsheet would run as a formula neutralised with a leading apostrophe.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDate;

use super::{Command, Report};
use crate::claim::{Claim, ClaimRecord, Kind, Number};
use crate::judge::{Finding, Judged, Verdict};

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
    // The first byte tells: every risky character is ASCII (no char decoding per cell).
    let risky = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && s.parse::<f64>().is_err() {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A number of whole tenths as that count of tenths ("35.4" is 354), when it is one: the
/// nearest double to k/10 is `v` itself, so k/10 with one decimal is the shortest text that
/// reads back as `v` (no whole number does, and two texts a tenth apart cannot both, below
/// 10^14), which is what `Display` writes.
fn tenths(v: f64) -> Option<usize> {
    let k = (v * 10.0).round();
    (k / 10.0 == v).then_some(k as usize)
}

/// Whether a cell holds `,`, `"`, CR or LF, looked for eight bytes at a time: most cells need
/// no quotes, and a reason is long. A byte of a word equals `b` exactly when the word XOR `b`
/// in every byte has a zero byte, which `(y - 0x01…) & !y & 0x80…` tells without a branch.
fn needs_quotes(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let holds = |word: u64, b: u8| {
        let y = word ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGHS != 0
    };
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let word = u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]));
        if holds(word, b',') | holds(word, b'"') | holds(word, b'\r') | holds(word, b'\n') {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// Rows written straight into a buffer: RFC 4180 quoting exactly as the `csv` crate writes
/// it (a cell holding `,`, `"`, CR or LF is quoted, quotes doubled; records end in LF), with
/// no allocation per cell. A corpus run writes millions of rows; this is its inner loop.
pub struct Rows<'o> {
    out: &'o mut Vec<u8>,
    /// Whether the next cell is the first of its row.
    first: bool,
    /// The reason of the finding being written: one buffer for every row.
    reason: String,
}

impl<'o> Rows<'o> {
    pub fn new(out: &'o mut Vec<u8>) -> Rows<'o> {
        Rows {
            out,
            first: true,
            reason: String::new(),
        }
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    /// Ends the row.
    pub fn end(&mut self) {
        self.out.push(b'\n');
        self.first = true;
    }

    /// A cell of text as it stands (quoted when it must be).
    pub fn raw(&mut self, s: &str) {
        self.separate();
        let bytes = s.as_bytes();
        if !needs_quotes(bytes) {
            self.out.extend_from_slice(bytes);
            return;
        }
        self.out.push(b'"');
        for piece in bytes.split_inclusive(|&b| b == b'"') {
            self.out.extend_from_slice(piece);
            if piece.last() == Some(&b'"') {
                self.out.push(b'"');
            }
        }
        self.out.push(b'"');
    }

    /// A cell of text, made safe to open in a spreadsheet ([`safe_cell`]).
    pub fn text(&mut self, s: &str) {
        match safe_cell(s) {
            Cow::Borrowed(s) => self.raw(s),
            Cow::Owned(s) => self.raw(&s),
        }
    }

    /// A cell holding a whole number.
    pub fn int(&mut self, n: usize) {
        self.separate();
        // Lines, offsets and most figures have at most four digits: written as one array of a
        // length known at compile time (no call to memcpy, no check of room per digit).
        let d = |k: usize| b'0' + (k % 10) as u8;
        match n {
            0..=9 => self.out.push(d(n)),
            10..=99 => self.out.extend_from_slice(&[d(n / 10), d(n)]),
            100..=999 => self.out.extend_from_slice(&[d(n / 100), d(n / 10), d(n)]),
            1000..=9999 => self
                .out
                .extend_from_slice(&[d(n / 1000), d(n / 100), d(n / 10), d(n)]),
            _ => {
                let mut digits = [0u8; 20];
                let mut at = digits.len();
                let mut n = n;
                loop {
                    at -= 1;
                    digits[at] = d(n);
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                self.out.extend_from_slice(&digits[at..]);
            }
        }
    }

    /// A cell holding a number as [`Number`] prints it, or nothing.
    pub fn number(&mut self, n: Option<Number>) {
        match n {
            Some(Number(v)) if v.fract() == 0.0 && (0.0..9.0e15).contains(&v) => {
                self.int(v as usize)
            }
            Some(Number(v)) if (0.0..1.0e14).contains(&v) && tenths(v).is_some() => {
                // "35.4", "0.5": tenths are what shares and hedged counts mostly hold.
                let k = tenths(v).unwrap_or(0);
                self.int(k / 10);
                self.out.push(b'.');
                self.out.push(b'0' + (k % 10) as u8);
            }
            Some(n) => self.display(n),
            None => self.separate(),
        }
    }

    /// A cell holding a day as chrono prints it (`2025-03-27`), or nothing.
    pub fn date(&mut self, d: Option<NaiveDate>) {
        use chrono::Datelike;
        match d {
            Some(d) if (0..=9999).contains(&d.year()) => {
                self.separate();
                let (y, m, day) = (d.year() as u32, d.month(), d.day());
                self.out.extend_from_slice(&[
                    b'0' + (y / 1000) as u8,
                    b'0' + (y / 100 % 10) as u8,
                    b'0' + (y / 10 % 10) as u8,
                    b'0' + (y % 10) as u8,
                    b'-',
                    b'0' + (m / 10) as u8,
                    b'0' + (m % 10) as u8,
                    b'-',
                    b'0' + (day / 10) as u8,
                    b'0' + (day % 10) as u8,
                ]);
            }
            Some(d) => self.display(d),
            None => self.separate(),
        }
    }

    /// A cell holding what `Display` prints (numbers and days: nothing to quote).
    fn display(&mut self, v: impl std::fmt::Display) {
        self.separate();
        // Writing to a Vec cannot fail.
        let _ = write!(self.out, "{v}");
    }

    /// The nine cells of one side of a finding; empty cells for no claim.
    fn side(&mut self, c: Option<&Claim>) {
        match c {
            Some(c) => {
                self.text(&c.doc());
                self.int(c.span.line);
                self.int(c.span.start);
                self.int(c.span.end);
                self.text(&c.text());
                self.number(c.lo().map(Number));
                self.number(c.hi().map(Number));
                self.date(c.days.map(|d| d.start));
                self.date(c.days.and_then(|d| d.end));
            }
            None => {
                for _ in 0..9 {
                    self.separate();
                }
            }
        }
    }

    /// A header row.
    pub fn header(&mut self, columns: &[&str]) {
        for column in columns {
            self.raw(column);
        }
        self.end();
    }

    /// One claim as a row under [`CLAIM_COLUMNS`].
    pub fn claim(&mut self, c: &Claim) {
        let r = ClaimRecord::from(c);
        self.text(r.doc);
        self.raw(r.lang.code());
        self.raw(r.kind.as_str());
        self.text(r.text);
        self.int(r.start);
        self.int(r.end);
        self.int(r.line);
        self.int(r.sentence);
        self.text(r.subject);
        self.text(r.subject_text);
        self.raw(r.qualifier.as_str());
        self.number(r.value);
        self.number(r.lo);
        self.number(r.hi);
        self.raw(r.unit.unwrap_or(""));
        self.date(r.date);
        self.date(r.date_end);
        self.text(r.attribution.unwrap_or(""));
        self.end();
    }

    /// One finding as a row under [`FINDING_COLUMNS`].
    pub fn finding(&mut self, f: &Finding) {
        self.finding_of(
            f.verdict,
            f.kind,
            &f.subject,
            f.a.as_ref(),
            f.b.as_ref(),
            &f.reason(),
        );
    }

    /// One finding that borrows its claims as a row under [`FINDING_COLUMNS`].
    pub fn judged(&mut self, f: &Judged) {
        let mut reason = std::mem::take(&mut self.reason);
        reason.clear();
        f.reason_into(&mut reason);
        self.finding_of(f.verdict, f.kind, f.subject, f.a, f.b, &reason);
        self.reason = reason;
    }

    fn finding_of(
        &mut self,
        verdict: Verdict,
        kind: Kind,
        subject: &str,
        a: Option<&Claim>,
        b: Option<&Claim>,
        reason: &str,
    ) {
        self.raw(verdict.as_str());
        self.raw(kind.as_str());
        self.text(subject);
        self.side(a);
        self.side(b);
        self.text(reason);
        self.end();
    }
}

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    let spill = |buf: &mut Vec<u8>, out: &mut dyn Write| -> io::Result<()> {
        if buf.len() >= 1 << 16 {
            out.write_all(buf)?;
            buf.clear();
        }
        Ok(())
    };
    if report.command == Command::Extract {
        Rows::new(&mut buf).header(CLAIM_COLUMNS);
        for c in &report.claims {
            Rows::new(&mut buf).claim(c);
            spill(&mut buf, out)?;
        }
    } else {
        Rows::new(&mut buf).header(FINDING_COLUMNS);
        for f in &report.findings {
            Rows::new(&mut buf).finding(f);
            spill(&mut buf, out)?;
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::{safe_cell, Number, Rows};

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("-3"), "-3");
        assert_eq!(safe_cell("31 Länder"), "31 Länder");
    }

    #[test]
    fn rows_are_quoted_as_the_csv_crate_quotes_them() {
        let cells = [
            "",
            "plain",
            "31 Länder",
            "a, b",
            "say \"no\"",
            "\"",
            "two\nlines",
            "cr\rhere",
            "=1+1",
            "-3",
            "'quoted'",
            "ends with quote\"",
            "\t tab",
        ];
        let mut expected = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        let mut ours = Vec::new();
        for cell in cells {
            let row = [
                safe_cell(cell).into_owned(),
                "x".to_string(),
                cell.to_string(),
            ];
            expected.write_record(&row).unwrap();
            let mut rows = Rows::new(&mut ours);
            rows.text(cell);
            rows.raw("x");
            rows.raw(cell);
            rows.end();
        }
        let expected = expected.into_inner().unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn cells_to_quote_are_found_wherever_the_byte_stands() {
        for len in 0..40 {
            for at in 0..len {
                for special in [b',', b'"', b'\r', b'\n'] {
                    let mut cell = vec![b'a'; len];
                    cell[at] = special;
                    assert!(super::needs_quotes(&cell), "{len} {at} {special}");
                }
            }
            // Bytes next to the special ones, and every byte above ASCII, need no quotes.
            let plain: Vec<u8> = (0..len)
                .map(|k| [b'+', b'-', b'!', b'#', 0xc3, 0xff, 0x0b, 0x0e][k % 8])
                .collect();
            assert!(!super::needs_quotes(&plain), "{len}");
        }
    }

    #[test]
    fn numbers_and_days_print_as_their_display_does() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut numbers = vec![
            0.0,
            -0.0,
            7.0,
            40.0,
            2.5e9,
            -12.0,
            3.5,
            1e16,
            0.1,
            1e14 - 0.5,
        ];
        // Tenths and what lies near them: hundredths, thirds, sums of tenths.
        for k in 0..3000 {
            let k = k as f64;
            numbers.extend([
                k / 10.0,
                k / 100.0,
                k / 3.0,
                k * 0.1,
                0.1 + k * 0.2,
                k + 0.05,
            ]);
        }
        numbers.extend([
            1e13 + 0.1,
            5e13 + 0.7,
            9.9e13 + 0.3,
            123456789.1,
            0.30000000000000004,
        ]);
        let days = [
            day(2025, 3, 27),
            day(1, 1, 1),
            day(12345, 12, 31),
            day(-44, 3, 15),
        ];
        let mut ours = Vec::new();
        let mut expected = String::new();
        for n in numbers {
            Rows::new(&mut ours).number(Some(Number(n)));
            ours.push(b' ');
            expected.push_str(&format!("{} ", Number(n)));
        }
        for d in days {
            Rows::new(&mut ours).date(Some(d));
            ours.push(b' ');
            expected.push_str(&format!("{d} "));
        }
        for n in [
            0, 7, 9, 10, 42, 99, 100, 505, 999, 1000, 4711, 9999, 10_000, 123_456,
        ] {
            Rows::new(&mut ours).int(n);
            ours.push(b' ');
            expected.push_str(&format!("{n} "));
        }
        Rows::new(&mut ours).int(18_446_744_073_709_551_615);
        expected.push_str("18446744073709551615");
        assert_eq!(String::from_utf8(ours).unwrap(), expected);
    }
}
