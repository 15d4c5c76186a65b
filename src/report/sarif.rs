//! `sarif`: SARIF 2.1.0, so code-scanning views show each finding at the file and line of its
//! mention. Built from serde-sarif's typed structs, never from string templates.
//!
//! One result per finding: its rule id is the finding (`contradiction`, `correction`, …), its
//! location the later or other text's mention (`b`; the old text's for a removed claim), the
//! other mention a related location, and `partialFingerprints` carry the baseline fingerprint.
//! For `extract`, one `note` result per claim with rule id `claim`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Location, Message, MultiformatMessageString,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::{baseline, Command, Report, WriteOptions};
use crate::claim::Claim;
use crate::judge::{Finding, Verdict};

/// The `$schema` of SARIF 2.1.0 files.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What each rule means, for the rules table a code-scanning view shows.
fn describe_rule(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Contradiction => (
            "Two texts state the same fact with values that cannot both be true.",
            "error",
        ),
        Verdict::Correction => (
            "A later version changes a fixed fact or lowers a running tally.",
            "warning",
        ),
        Verdict::Update => (
            "A later version raises a running tally (casualties, arrests, missing).",
            "warning",
        ),
        Verdict::Added => (
            "A later version states a claim the earlier one did not.",
            "note",
        ),
        Verdict::Removed => (
            "A later version drops a claim the earlier one made.",
            "note",
        ),
        Verdict::Compatible => ("Two texts state one fact with overlapping values.", "none"),
        Verdict::Agree => ("Two texts state one fact with the same value.", "none"),
    }
}

fn level(v: Verdict) -> ResultLevel {
    match describe_rule(v).1 {
        "error" => ResultLevel::Error,
        "warning" => ResultLevel::Warning,
        "note" => ResultLevel::Note,
        _ => ResultLevel::None,
    }
}

/// A document id as a relative URI reference: forward slashes, and every byte outside the
/// unreserved set and `/` percent-encoded.
pub fn uri(id: &str) -> String {
    let mut out = String::new();
    for b in id.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where a claim stands: line and column (Unicode code points, 1-based) in the file as read,
/// and its bytes.
fn location(report: &Report, c: &Claim, message: Option<String>) -> Location {
    let mut region = Region::builder()
        .start_line(c.span.line as i64)
        .byte_offset(c.span.start as i64)
        .byte_length(c.span.end.saturating_sub(c.span.start) as i64)
        .snippet(
            ArtifactContent::builder()
                .text(c.text().to_string())
                .build(),
        )
        .build();
    if let Some(source) = report.document(&c.doc()).map(|d| &*d.source) {
        if let (Some(before), Some(mention)) = (
            source.get(..c.span.start),
            source.get(c.span.start..c.span.end),
        ) {
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let column = before[line_start..].chars().count() as i64 + 1;
            region.start_column = Some(column);
            // A mention never spans lines in practice; when it does, end on its last line.
            let breaks = mention.matches('\n').count() as i64;
            region.end_line = Some(c.span.line as i64 + breaks);
            region.end_column = Some(match mention.rfind('\n') {
                Some(i) => mention[i + 1..].chars().count() as i64 + 1,
                None => column + mention.chars().count() as i64,
            });
        }
    }
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&c.doc())).build())
        .region(region)
        .build();
    match message {
        Some(m) => Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(m).build())
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

fn properties(pairs: &[(&str, serde_json::Value)]) -> PropertyBag {
    let map: BTreeMap<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    PropertyBag::builder().additional_properties(map).build()
}

fn finding_result(report: &Report, f: &Finding) -> SarifResult {
    let (primary, other) = match (&f.a, &f.b) {
        (a, Some(b)) => (Some(b), a.as_ref()),
        (Some(a), None) => (Some(a), None),
        (None, None) => (None, None),
    };
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert(
        format!("claimdiff/v{}", baseline::FINGERPRINT_VERSION),
        baseline::fingerprint(f),
    );
    let mut result = SarifResult::builder()
        .rule_id(f.verdict.as_str())
        .level(level(f.verdict))
        .message(Message::builder().text(f.reason()).build())
        .partial_fingerprints(fingerprints)
        .properties(properties(&[
            ("kind", f.kind.as_str().into()),
            ("subject", f.subject.clone().into()),
        ]))
        .build();
    if let Some(p) = primary {
        result.locations = Some(vec![location(report, p, None)]);
    }
    if let Some(o) = other {
        let said = format!("the other text: '{}'", o.text());
        result.related_locations = Some(vec![location(report, o, Some(said))]);
    }
    result
}

fn claim_result(report: &Report, c: &Claim) -> SarifResult {
    SarifResult::builder()
        .rule_id("claim")
        .level(ResultLevel::Note)
        .message(
            Message::builder()
                .text(format!(
                    "{} claim on {}: '{}' ({})",
                    c.kind.as_str(),
                    c.subject,
                    c.text(),
                    crate::judge::describe(c)
                ))
                .build(),
        )
        .locations(vec![location(report, c, None)])
        .properties(properties(&[
            ("kind", c.kind.as_str().into()),
            ("subject", c.subject.to_string().into()),
        ]))
        .build()
}

fn rule(id: &str, text: &str, level: &str) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(id)
        .name(id)
        .short_description(MultiformatMessageString::builder().text(text).build())
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::Value::from(level))
                .build(),
        )
        .build()
}

/// The whole SARIF log of a report.
pub fn log(report: &Report, options: &WriteOptions) -> Sarif {
    let (rules, results): (Vec<ReportingDescriptor>, Vec<SarifResult>) = if report.command
        == Command::Extract
    {
        (
            vec![rule("claim", "A checkable statement of fact: a count, ordinal, event age, date, duration, share or sum.", "note")],
            report.claims.iter().map(|c| claim_result(report, c)).collect(),
        )
    } else {
        (
            Verdict::ALL
                .iter()
                .map(|v| rule(v.as_str(), describe_rule(*v).0, describe_rule(*v).1))
                .collect(),
            report
                .shown(options)
                .map(|f| finding_result(report, f))
                .collect(),
        )
    };
    let driver = ToolComponent::builder()
        .name("claimdiff")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::Value::from("2.1.0"))
        .runs(vec![run])
        .build()
}

pub(super) fn write(
    report: &Report,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(report, options))?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn ids_become_relative_uris() {
        assert_eq!(uri("demo/kurier-v1.md"), "demo/kurier-v1.md");
        assert_eq!(uri("a b\\ü#.md"), "a%20b/%C3%BC%23.md");
    }
}
