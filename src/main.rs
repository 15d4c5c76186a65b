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

/// The batch allocates many small strings per sentence on every core; mimalloc serves them
/// with per-thread free lists where the system allocator spent about a sixth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use claimdiff::{Config, Defaults, Document, Lang, Published, Report};

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e` of mimalloc.h, which the
/// bindings do not name for mimalloc 3): how many milliseconds memory freed is kept before it
/// is given back. The default (1,000 in mimalloc 3) keeps what the extractor's and the context
/// reader's memos and the lists of one stage free until the next stage has taken its own:
/// compare of two texts peaked 7 to 15 % higher than with 0, and took no less time.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed goes back to the system at once ([`MI_OPTION_PURGE_DELAY`]).
fn purge_at_once() {
    // SAFETY: sets a plain integer option, which mimalloc reads whenever it purges; nothing else
    // runs yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

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
    /// List the claims of each document; with --mentions every figure and time expression.
    Extract {
        /// Files, folders or JSONL manifests.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// List every number, ordinal, percentage, sum and time expression, claim or not (a
        /// figure that is no claim has an empty subject).
        #[arg(long)]
        mentions: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Compare versions of one article, oldest first, each with the next, sentence by sentence;
    /// three or more versions also show each changed figure's timeline.
    Diff {
        #[arg(required = true, num_args = 2.., value_name = "VERSION")]
        versions: Vec<PathBuf>,
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
    /// Corpus mode: claims and findings of a whole corpus as CSV or JSONL rows, article by
    /// article, on every core. Exit 3 when some records could not be read.
    Batch(BatchArgs),
    /// An HTTP server: the JSON API (/v1/extract, /v1/compare, /v1/diff) and a page at / where
    /// an editor pastes versions; runs until SIGTERM or Ctrl-C.
    #[cfg(feature = "serve")]
    Serve(claimdiff::serve::Args),
}

#[derive(Args)]
struct BatchArgs {
    /// A JSONL manifest, a CSV file with the same columns, or a folder (one subfolder per article).
    corpus: PathBuf,
    /// How the corpus is laid out (default: a folder is a tree, `.csv` is CSV, else JSONL).
    #[arg(long, value_enum)]
    input_format: Option<claimdiff::batch::InputFormat>,
    /// Write claims to this file (`-` for standard output).
    #[arg(long, value_name = "FILE")]
    claims: Option<PathBuf>,
    /// Write findings to this file (`-` for standard output; the default when no output is named).
    #[arg(long, value_name = "FILE")]
    findings: Option<PathBuf>,
    /// Row format of the outputs (default: from each file's extension, `.csv` or JSONL).
    #[arg(long, short = 'f', value_enum)]
    format: Option<claimdiff::batch::RowFormat>,
    /// Write one JSON line per record that could not be read (default: the first few on standard error).
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    /// Write the summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Process only shard I of N (0 <= I < N), a stable partition by article.
    #[arg(long, value_name = "I/N")]
    shard: Option<claimdiff::batch::Shard>,
    /// Also compare the latest versions of different outlets within an article.
    #[arg(long)]
    outlets: bool,
    /// No progress bar and no summary on standard error.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Publication time for documents that do not give one.
    #[arg(long)]
    published: Option<String>,
    /// Language for documents that do not say (de, en); otherwise detected.
    #[arg(long)]
    lang: Option<String>,
    /// Exit with status 1 when a finding of this kind or worse is found (default: never).
    #[arg(long, value_name = "contradiction|correction|update|any|never")]
    fail_on: Option<String>,
    /// Config file (default: ./claimdiff.toml when present).
    #[arg(long)]
    config: Option<PathBuf>,
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
        read_defaults(self.published.as_deref(), self.lang.as_deref())
    }
}

fn read_defaults(published: Option<&str>, lang: Option<&str>) -> Result<Defaults> {
    let published = match published {
        Some(p) => Some(
            Published::parse(p)
                .with_context(|| format!("--published: cannot read {p:?} as a date or time"))?,
        ),
        None => None,
    };
    let lang = match lang {
        Some(l) => Some(
            l.parse::<Lang>()
                .map_err(anyhow::Error::msg)
                .context("--lang")?,
        ),
        None => None,
    };
    Ok(Defaults { published, lang })
}

fn main() -> ExitCode {
    purge_at_once();
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
        Cmd::Batch(args) => return batch(args),
        #[cfg(feature = "serve")]
        Cmd::Serve(args) => {
            return claimdiff::serve::run(args.options()?)
                .map(|()| ExitCode::SUCCESS)
                .map_err(Into::into)
        }
        Cmd::Extract {
            files,
            mentions,
            common,
        } => {
            let config = Config::load(common.config.as_deref())?;
            let docs = claimdiff::document::read_inputs(&files, &common.defaults()?)?;
            let report = match mentions {
                true => claimdiff::extract_mentions_all(docs, &config),
                false => claimdiff::extract_all(docs, &config),
            };
            (report, common)
        }
        Cmd::Diff { versions, common } => {
            let config = Config::load(common.config.as_deref())?;
            let defaults = common.defaults()?;
            let mut docs = versions
                .iter()
                .map(|p| Document::read(p, &defaults))
                .collect::<Result<Vec<_>, _>>()?;
            let report = if docs.len() == 2 {
                let new = docs.pop().unwrap_or_else(|| unreachable!());
                let old = docs.pop().unwrap_or_else(|| unreachable!());
                claimdiff::diff(old, new, &config)
            } else {
                claimdiff::versions(docs, &config)
            };
            (report, common)
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
    // Written as it is formatted, not held whole: a long report's text can outweigh its claims.
    let write = |out: &mut dyn Write| report::write(report, format, &options, out);
    match &common.output {
        Some(path) => write_atomically_with(path, write)?,
        None => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            if let Err(e) = write(&mut stdout).and_then(|_| stdout.flush()) {
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
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// [`write_atomically`] what `write` writes, as it writes it.
fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
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
        let mut f = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&tmp)?);
        write(&mut f)?;
        let f = f.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{}: cannot write the report", path.display()));
    }
    Ok(())
}

/// `claimdiff batch`: exit 0 done, 1 findings at `--fail-on`, 2 the corpus or an output could
/// not be used, 3 the run finished but some records could not be read.
fn batch(args: BatchArgs) -> Result<ExitCode> {
    use claimdiff::batch::{self, InputFormat, RowFormat, Sinks};
    let config = Config::load(args.config.as_deref())?;
    let fail_on: FailOn = args
        .fail_on
        .as_deref()
        .unwrap_or("never")
        .parse()
        .map_err(anyhow::Error::msg)?;
    let options = batch::Options {
        format: args
            .input_format
            .unwrap_or_else(|| InputFormat::guess(&args.corpus)),
        input: args.corpus,
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1),
        shard: args.shard,
        outlets: args.outlets,
        defaults: read_defaults(args.published.as_deref(), args.lang.as_deref())?,
        config,
        progress: !args.quiet && std::io::stderr().is_terminal(),
    };
    let findings = match (&args.claims, args.findings) {
        (None, None) => Some(PathBuf::from("-")),
        (_, f) => f,
    };
    let stdout = |p: &Option<PathBuf>| p.as_ref().is_some_and(|p| p.as_os_str() == "-");
    if stdout(&args.claims) && stdout(&findings) {
        anyhow::bail!(
            "--claims and --findings cannot both go to standard output; name a file for one"
        );
    }
    let mut outputs = Vec::new();
    let mut open = |path: Option<PathBuf>| -> Result<Option<(RowFormat, Box<dyn Write + Send>)>> {
        let Some(path) = path else { return Ok(None) };
        let format = args.format.unwrap_or_else(|| RowFormat::guess(&path));
        if path.as_os_str() == "-" {
            return Ok(Some((
                format,
                Box::new(std::io::BufWriter::new(std::io::stdout())),
            )));
        }
        let out = PendingFile::create(&path)?;
        let writer = out.writer()?;
        outputs.push(out);
        Ok(Some((format, writer)))
    };
    let claims = open(args.claims)?;
    let findings = open(findings)?;
    let errors = open(args.errors)?.map(|(_, w)| w);
    let summary = match batch::run(
        &options,
        Sinks {
            claims,
            findings,
            errors,
        },
    ) {
        Ok(summary) => summary,
        Err(e) => {
            for out in &outputs {
                out.discard();
            }
            return Err(e.into());
        }
    };
    for out in &outputs {
        out.commit()?;
    }
    if let Some(path) = &args.summary {
        let json = serde_json::to_vec_pretty(&summary).context("summary")?;
        write_atomically(path, &json)?;
    }
    if !args.quiet {
        eprint!("{}", summary.to_text());
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(3)
    } else if summary.count_at_least(fail_on) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// An output written to a temporary file beside its final name and renamed into place when the
/// run succeeds, so an interrupted run never leaves a half-written file that looks complete.
struct PendingFile {
    path: PathBuf,
    tmp: PathBuf,
}

impl PendingFile {
    fn create(path: &Path) -> Result<PendingFile> {
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
        Ok(PendingFile {
            path: path.to_path_buf(),
            tmp,
        })
    }

    fn writer(&self) -> Result<Box<dyn Write + Send>> {
        let file = std::fs::File::create(&self.tmp)
            .with_context(|| format!("{}: cannot create the file", self.path.display()))?;
        Ok(Box::new(std::io::BufWriter::with_capacity(1 << 20, file)))
    }

    fn commit(&self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path)
            .with_context(|| format!("{}: cannot write the file", self.path.display()))
    }

    fn discard(&self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

#[cfg(test)]
mod tests {
    /// The option at [`super::MI_OPTION_PURGE_DELAY`] is the purge delay: it has mimalloc's
    /// documented default for it, and reads back what is set (the environment may name it).
    #[test]
    fn purge_delay_is_the_option_mimalloc_reads() {
        use libmimalloc_sys::{mi_option_get, mi_option_set};
        let option = super::MI_OPTION_PURGE_DELAY;
        // SAFETY: plain integer options; this test alone touches them.
        unsafe {
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                assert_eq!(mi_option_get(option), 1_000);
            }
            mi_option_set(option, 0);
            assert_eq!(mi_option_get(option), 0);
        }
    }
}
