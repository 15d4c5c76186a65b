#!/usr/bin/env bash
# Corpus-mode figures (a measurement, not a test): generates synthetic DE/EN corpora of 50 and
# 200 MB (several versions per article, lines interleaved), then prints for the 200 MB corpus the
# throughput of `cat`, of a plain regex scan (every number, Rust regex), of the floor every
# design pays (reading, JSON parsing and sentence splitting, no extraction) and of
# `claimdiff batch` with 1 and 2 jobs, and the batch run's peak memory at 50 and 200 MB.
#
#   scripts/bench-batch.sh            # corpora in a temporary folder, removed afterwards
#   BENCH_DIR=/some/dir BENCH_MB="50 200" scripts/bench-batch.sh
#   BASELINE_BIN=old/claimdiff scripts/bench-batch.sh   # also an older build, same corpus, same run
#
# The machine's other load skews the figures: the script prints the load average beside them.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${BENCH_MB:-"50 200"}
largest=$(printf '%s\n' $sizes | sort -n | tail -1)
cargo build --release --quiet --bin claimdiff --example batch_corpus
bin=target/release/claimdiff
corpus_tool=target/release/examples/batch_corpus

if [[ -n "${BENCH_DIR:-}" ]]; then
    dir=$BENCH_DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
fi

now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }

# Runs a command; sets $secs (wall), $cpu (user + system seconds) and $peak_kb (max resident
# set), the last two when GNU time is there.
measure() {
    local out=$dir/time.out
    if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' true 2>/dev/null; then
        /usr/bin/time -o "$out" -f '%e %M %U %S' "$@" >/dev/null
        local user sys
        read -r secs peak_kb user sys <"$out"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    else
        local t0
        t0=$(now)
        "$@" >/dev/null
        secs=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
        peak_kb="n/a"
        cpu=0
    fi
}

declare -A peak
for mb in $sizes; do
    corpus=$dir/corpus-$mb.jsonl
    [[ -s $corpus ]] || "$corpus_tool" generate "$corpus" "$mb"
    if [[ $mb != "$largest" ]]; then
        measure "$bin" batch "$corpus" -q -j 2 --claims "$dir/claims.csv" --findings "$dir/findings.csv"
        peak[$mb]=$peak_kb
    fi
done

corpus=$dir/corpus-$largest.jsonl
bytes=$(stat -c %s "$corpus")
cat "$corpus" >/dev/null # warm the page cache so every run reads from memory

measure cat "$corpus"
cat_rate=$(mbps "$bytes" "$secs")
read -r _ scan_secs matches < <("$corpus_tool" scan "$corpus")
scan_rate=$(mbps "$bytes" "$scan_secs")
read -r _ floor_secs sentences < <("$corpus_tool" floor "$corpus")
floor_rate=$(mbps "$bytes" "$floor_secs")
measure "$bin" batch "$corpus" -q -j 1 --claims "$dir/claims.csv" --findings "$dir/findings.csv"
j1_rate=$(mbps "$bytes" "$secs")
j1_cpu_rate=$(mbps "$bytes" "$cpu")
j1_peak=$peak_kb
if [[ -n "${BASELINE_BIN:-}" ]]; then
    measure "$BASELINE_BIN" batch "$corpus" -q -j 1 --claims "$dir/claims.csv" --findings "$dir/findings.csv"
    base_rate=$(mbps "$bytes" "$secs")
    base_cpu_rate=$(mbps "$bytes" "$cpu")
fi
measure "$bin" batch "$corpus" -q -j 2 --claims "$dir/claims.csv" --findings "$dir/findings.csv"
j2_rate=$(mbps "$bytes" "$secs")
j2_cpu_rate=$(mbps "$bytes" "$cpu")
j2_peak=$peak_kb
peak[$largest]=$j2_peak
docs=$(wc -l <"$corpus")

echo "corpus: $(mbps "$bytes" 1) MB, $docs documents; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-30s %12s %16s\n' "" "MB/s (wall)" "MB per CPU-second"
printf '%-30s %12s\n' "cat" "$cat_rate"
printf '%-30s %12s %16s   (%s numbers)\n' "regex scan (every number)" "$scan_rate" "$scan_rate" "$matches"
printf '%-30s %12s %16s   (%s sentences)\n' "read + parse + split, 1 thread" "$floor_rate" "$floor_rate" "$sentences"
printf '%-30s %12s %16s   peak %s KB\n' "claimdiff batch -j 1" "$j1_rate" "$j1_cpu_rate" "$j1_peak"
printf '%-30s %12s %16s   peak %s KB\n' "claimdiff batch -j 2" "$j2_rate" "$j2_cpu_rate" "$j2_peak"
if [[ -n "${BASELINE_BIN:-}" ]]; then
    printf '%-30s %12s %16s\n' "baseline build -j 1" "$base_rate" "$base_cpu_rate"
    awk -v a="$j1_cpu_rate" -v b="$base_cpu_rate" 'BEGIN {
        printf "batch -j 1 / baseline -j 1:        %.2f x   (per CPU-second)\n", (b > 0 ? a / b : 0)
    }'
fi
awk -v a="$j1_rate" -v b="$j2_rate" -v r="$scan_rate" 'BEGIN {
    printf "batch -j 2 / regex scan:           %.1f %%   (target >= 20 %%)\n", (r > 0 ? 100 * b / r : 0)
    printf "batch -j 2 / batch -j 1:           %.2f x   (target >= 1.7 x)\n", (a > 0 ? b / a : 0)
}'
for mb in $sizes; do
    printf 'peak memory, batch -j 2, %4s MB corpus: %s KB\n' "$mb" "${peak[$mb]}"
done
