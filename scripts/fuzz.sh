#!/usr/bin/env bash
# Fuzzes claimdiff's readers, extraction and comparison with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Installs cargo-fuzz when missing, seeds each target's corpus from fixtures/, then runs each
# target (default: all three) for SECONDS (default 600), one after another on one core.
# Crashes land in fuzz/artifacts/<target>/; replay one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none -a <target> <file>
# and turn it into a test in tests/hostile_input.rs before fixing it.
#
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept
# them. The address sanitizer is off (safe Rust gains little from it and it halves the speed);
# debug assertions are on, so arithmetic overflow counts as a crash.
#
# FUZZ_TIMEOUT (default 10) is the seconds one input may take before libFuzzer stops with a
# "timeout". On a loaded machine a niced fuzzer gets little CPU, and inputs that take a fraction
# of a second alone can pass 10 s of wall time: raise it there, and replay any timeout alone
# before calling it a hang.
set -euo pipefail

seconds="${1:-600}"
timeout="${FUZZ_TIMEOUT:-10}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(document manifest extract_compare)
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz
fi

# Seeds: the first byte of every input selects a mode in the target (see fuzz_targets/*.rs).
seed() {
    local target="$1" name="$2" selector="$3" file="$4"
    mkdir -p "corpus/$target"
    { printf "\\x$selector"; cat "$file"; } >"corpus/$target/seed-$name"
}

stories="$root/fixtures/stories"
for file in "$root"/fixtures/demo/* "$stories"/*/*; do
    name="$(basename "$(dirname "$file")")-$(basename "$file")"
    case "$file" in
        *.md) seed document "$name" 01 "$file" ;;
        *.html) seed document "$name" 02 "$file" ;;
        *.txt) seed document "$name" 00 "$file" ;;
        *.toml) seed manifest "$name" 02 "$file" ;;
    esac
done
for file in "$root"/fixtures/gold/*.jsonl; do
    seed manifest "$(basename "$file")" 00 "$file"
done
printf '\x012025-03-27T23:30:00-05:00' >corpus/manifest/seed-published

# extract_compare: two texts of one story, separated by a 0xFF byte. Flag byte 0x04 (text,
# language detected, published known) or 0x14 (HTML).
mkdir -p corpus/extract_compare
for story in "$stories"/*/; do
    files=("$story"*.md "$story"*.html)
    existing=()
    for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
    [ ${#existing[@]} -ge 2 ] || continue
    flag='\x04'
    case "${existing[0]}" in *.html) flag='\x14' ;; esac
    { printf "$flag"; cat "${existing[0]}"; printf '\xff'; cat "${existing[1]}"; } \
        >"corpus/extract_compare/seed-$(basename "$story")"
done

for target in "${targets[@]}"; do
    # Comparison does far more work per byte than reading, so its inputs stay shorter.
    max_len=65536
    [ "$target" = extract_compare ] && max_len=8192
    echo "== $target: ${seconds}s"
    cargo fuzz run --sanitizer none --debug-assertions "$target" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
        | tee "$root/fuzz/last-run-$target.log" | grep -E '^(#[0-9]+: *DONE|stat::|==|SUMMARY|Done|.*(panicked|deadly|timeout|crash))' || true
done
