//! Where a corpus run spends its time, stage by stage: set `CLAIMDIFF_PROFILE=1` and `batch`
//! prints, at the end, the CPU seconds each stage took summed over all threads.
//!
//! CPU time, not wall time: on a machine shared with other work a thread waits for a core at
//! any moment, and wall time would charge that wait to whatever stage it fell in. The timers
//! cost two reads of the thread's CPU clock per stage and group when profiling is on and one
//! relaxed load when it is off, so they stay in release builds.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// The stages of a corpus run, in the order data flows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stage {
    /// The first pass over a manifest or CSV file: record offsets by article.
    Index,
    /// Reading a record (a manifest line, a CSV row, a file), parsing it, building its document.
    Read,
    /// Splitting documents into sentences.
    Segment,
    /// Reading claims from sentences and placing them in their documents.
    Extract,
    /// Reading each claim's context ([`crate::align::Context`]).
    Contexts,
    /// Aligning versions, pairing claims and judging the pairs.
    Judge,
    /// Serialising rows (CSV or JSONL) on the workers.
    Rows,
    /// Putting the rows out in order, on the writer thread.
    Write,
    /// A worker's time on a group beyond the stages above (counting, freeing memory).
    Other,
}

const STAGES: [(Stage, &str); 9] = [
    (Stage::Index, "index the corpus"),
    (Stage::Read, "read + parse records"),
    (Stage::Segment, "split sentences"),
    (Stage::Extract, "extract claims"),
    (Stage::Contexts, "read contexts"),
    (Stage::Judge, "align + judge"),
    (Stage::Rows, "serialise rows"),
    (Stage::Write, "write in order"),
    (Stage::Other, "other worker time"),
];

static NANOS: [AtomicU64; STAGES.len()] = [const { AtomicU64::new(0) }; STAGES.len()];

/// Whether `CLAIMDIFF_PROFILE` is set (to anything but `0` or nothing).
pub(crate) fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var_os("CLAIMDIFF_PROFILE").is_some_and(|v| !v.is_empty() && v != "0")
    })
}

/// Runs `f`, adding its time to `stage` when profiling is on.
pub(crate) fn time<R>(stage: Stage, f: impl FnOnce() -> R) -> R {
    if !enabled() {
        return f();
    }
    let started = thread_nanos();
    let out = f();
    let spent = thread_nanos().saturating_sub(started);
    NANOS[stage as usize].fetch_add(spent, Ordering::Relaxed);
    THREAD_INNER.with(|t| t.set(t.get() + spent));
    out
}

/// Runs a worker's whole turn on one group, `f`, and adds to [`Stage::Other`] the part of its
/// time that no stage inside it counted.
pub(crate) fn worker<R>(f: impl FnOnce() -> R) -> R {
    if !enabled() {
        return f();
    }
    let started = thread_nanos();
    let before = THREAD_INNER.with(|t| t.get());
    let out = f();
    let spent = thread_nanos().saturating_sub(started);
    let counted = THREAD_INNER.with(|t| t.get()) - before;
    NANOS[Stage::Other as usize].fetch_add(spent.saturating_sub(counted), Ordering::Relaxed);
    out
}

/// The CPU time this thread has used, in nanoseconds.
#[cfg(unix)]
fn thread_nanos() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to; the clock exists on every Unix we build for.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as u64 * 1_000_000_000 + t.tv_nsec as u64
}

/// Elsewhere, wall time since the first call (the profile then counts waits too).
#[cfg(not(unix))]
fn thread_nanos() -> u64 {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_nanos() as u64
}

thread_local! {
    /// Nanoseconds this thread counted in any stage, so [`worker`] can tell what is left.
    static THREAD_INNER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The stages' seconds as a small table, for standard error; `None` when profiling is off.
pub(crate) fn report(wall_seconds: f64) -> Option<String> {
    if !enabled() {
        return None;
    }
    let seconds: Vec<f64> = NANOS
        .iter()
        .map(|n| n.load(Ordering::Relaxed) as f64 / 1e9)
        .collect();
    let total: f64 = seconds.iter().sum();
    let mut out =
        format!("stage profile (CPU seconds summed over threads; {wall_seconds:.2} s wall):\n");
    for ((_, name), s) in STAGES.iter().zip(&seconds) {
        let share = if total > 0.0 { 100.0 * s / total } else { 0.0 };
        out.push_str(&format!("  {name:<24} {s:>8.3} s {share:>5.1} %\n"));
    }
    out.push_str(&format!("  {:<24} {total:>8.3} s\n", "all stages"));
    Some(out)
}
