//! The claimdiff command: arguments in, library calls, exit status out.
//!
//! Exit statuses: 0 nothing reaches `--fail-on`, 1 something does, 2 bad usage or input.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use claimdiff::report::baseline::Baseline;
use claimdiff::report::{self, FailOn, OutputFormat, WriteOptions};
use claimdiff::{Config, Defaults, Document, Lang, Published, Report};

#[derive(Parser)]
#[command(
    name = "claimdiff",
    version,
    about = "Finds where news texts disagree on facts: counts, ordinals, event ages and dates, across versions, outlets and languages."
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// List the claims of each document.
    Extract {
        /// Files, folders or JSONL manifests.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Compare two versions of one article, sentence by sentence.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// Compare every pair of documents (outlets or versions) and each with itself.
    Compare {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Run `compare` on the example story built into the binary.
    Demo {
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct Common {
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    format: Option<OutputFormat>,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Publication time for documents that do not give one (2025-03-27 or RFC 3339).
    #[arg(long)]
    published: Option<String>,
    /// Language for documents that do not say (de, en); otherwise detected.
    #[arg(long)]
    lang: Option<String>,
    /// Exit with status 1 when a finding of this kind or worse is reported.
    #[arg(long, value_name = "contradiction|correction|update|any|never")]
    fail_on: Option<String>,
    /// Config file (default: ./claimdiff.toml when present).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Colours in text output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Also show agreeing and compatible findings in text, markdown and sarif output.
    #[arg(long)]
    all: bool,
    /// Leave out the findings accepted in this baseline file (default: claimdiff.toml's `baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every finding of this run to a baseline file, to accept them, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
}

impl Common {
    fn defaults(&self) -> Result<Defaults> {
        let published = match &self.published {
            Some(p) => Some(
                Published::parse(p)
                    .with_context(|| format!("--published: cannot read {p:?} as a date or time"))?,
            ),
            None => None,
        };
        let lang = match &self.lang {
            Some(l) => Some(
                l.parse::<Lang>()
                    .map_err(anyhow::Error::msg)
                    .context("--lang")?,
            ),
            None => None,
        };
        Ok(Defaults { published, lang })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let mut message = format!("{err}");
            for cause in err.chain().skip(1) {
                message.push_str(&format!(": {cause}"));
            }
            eprintln!("claimdiff: {}", message.replace('\n', " "));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let (report, common) = match cli.command {
        Cmd::Extract { files, common } => {
            let config = Config::load(common.config.as_deref())?;
            let docs = claimdiff::document::read_inputs(&files, &common.defaults()?)?;
            (claimdiff::extract_all(docs, &config), common)
        }
        Cmd::Diff { old, new, common } => {
            let config = Config::load(common.config.as_deref())?;
            let defaults = common.defaults()?;
            let old = Document::read(&old, &defaults)?;
            let new = Document::read(&new, &defaults)?;
            (claimdiff::diff(old, new, &config), common)
        }
        Cmd::Compare { files, common } => {
            let config = Config::load(common.config.as_deref())?;
            let docs = claimdiff::document::read_inputs(&files, &common.defaults()?)?;
            (claimdiff::compare(docs, &config), common)
        }
        Cmd::Demo { common } => {
            let config = Config::load(common.config.as_deref())?;
            (
                claimdiff::compare(claimdiff::demo::documents()?, &config),
                common,
            )
        }
    };
    emit(report, &common)
}

fn emit(mut report: Report, common: &Common) -> Result<ExitCode> {
    let config = Config::load(common.config.as_deref())?;
    if let Some(path) = &common.write_baseline {
        let baseline = Baseline::of(&report);
        write_atomically(path, baseline.to_json().as_bytes())?;
        eprintln!(
            "claimdiff: {}: accepted {} findings",
            path.display(),
            baseline.accepted.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    // A baseline named in a config file is found beside that file.
    let configured =
        config
            .baseline
            .as_ref()
            .map(|b| match common.config.as_deref().and_then(Path::parent) {
                Some(dir) if b.is_relative() => dir.join(b),
                _ => b.clone(),
            });
    if let Some(path) = common.baseline.clone().or(configured) {
        Baseline::read(&path)?.apply(&mut report);
    }
    let report = &report;
    let format = match (common.format, &config.format) {
        (Some(f), _) => f,
        (None, Some(name)) => OutputFormat::from_str(name, true)
            .map_err(anyhow::Error::msg)
            .context("claimdiff.toml: format")?,
        (None, None) => OutputFormat::Text,
    };
    let fail_on: FailOn = common
        .fail_on
        .as_deref()
        .or(config.fail_on.as_deref())
        .unwrap_or("contradiction")
        .parse()
        .map_err(anyhow::Error::msg)?;
    let color = match common.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            common.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let options = WriteOptions {
        color,
        all: common.all,
    };
    let mut buffer = Vec::new();
    report::write(report, format, &options, &mut buffer)?;
    match &common.output {
        Some(path) => write_atomically(path, &buffer)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(&buffer).and_then(|_| stdout.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("standard output");
                }
            }
        }
    }
    Ok(if report.count_at_least(fail_on) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes through a temporary file in the same folder, renamed into place, so a failed run
/// never leaves a half-written or emptied report.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.claimdiff-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{}: cannot write the report", path.display()));
    }
    Ok(())
}
