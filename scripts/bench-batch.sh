#!/usr/bin/env bash
# Corpus-mode figures (a measurement, not a test), on two corpora:
#
# - dense: what `gen_corpus.py --seed 3` writes (the shared corpus generator, ../shared/tools
#   beside the repository; GEN_CORPUS names another copy): three versions per article, DE and
#   EN, about 18,000 claims per MB, one .md file per version and a manifest of paths. Its
#   reference (issue 18) is ripgrep counting numbers and number words over ALL.txt, the .md
#   files concatenated, on one thread.
# - synthetic: what `examples/batch_corpus.rs` generates (two to five versions per article,
#   text inline in the manifest, lines of articles interleaved); its references are `cat`, a
#   plain regex scan for every number, the floor every design pays (reading, JSON parsing and
#   sentence splitting on one thread), and the same ripgrep scan over the manifest's texts.
#
# For each corpus: the throughput of `claimdiff batch` with 1 and 2 jobs as MB/s and as a share
# of ripgrep's, the 2-job/1-job ratio, and the batch's peak memory at 50 and 200 MB.
#
#   scripts/bench-batch.sh                 # corpora in a temporary folder, removed afterwards
#   BENCH_DIR=/some/dir scripts/bench-batch.sh           # kept there (and reused) instead
#   BENCH_MB="50 200" BENCH_RUNS=3 scripts/bench-batch.sh # sizes; runs per figure (fastest kept)
#   BASELINE_BIN=old/claimdiff scripts/bench-batch.sh     # also an older build, same run
#
# The machine's other load skews the figures: the script prints the load average beside them,
# and the ratios, measured in the same run, skew less than the rates. Run it with `nice` on a
# shared machine. Every measured command reads its input from the page cache, warmed first.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${BENCH_MB:-"50 200"}
runs=${BENCH_RUNS:-3}
largest=$(printf '%s\n' $sizes | sort -n | tail -1)
smallest=$(printf '%s\n' $sizes | sort -n | head -1)
gen=${GEN_CORPUS:-../shared/tools/gen_corpus.py}
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

# The reference of issue 18: numbers and number words, case aside, whole words.
words='\b(\d+|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|dreißig|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|dutzende|dozens|hunderte|hundreds)\b'
have_rg=$(command -v rg >/dev/null && echo yes || echo no)
[[ $have_rg == yes ]] || echo "ripgrep (rg) is not installed: the rg reference is skipped" >&2

now() { date +%s.%N; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }'; }
mb_of_kb() { awk -v k="$1" 'BEGIN { if (k == "n/a") print k; else printf "%.1f MB", k / 1024 }'; }

# Reads every file of a corpus once, so that the measured runs read from memory.
warm() {
    case $1 in
    *.jsonl) cat "$1" >/dev/null ;;
    *) find "$1" -type f -print0 | xargs -0 cat >/dev/null ;;
    esac
}

# Runs a command `runs` times after warming `$1`; keeps the fastest run's wall seconds in
# $secs, its user + system seconds in $cpu and the largest peak resident set in $peak_kb.
measure() {
    local input=$1
    shift
    local out=$dir/time.out best="" best_cpu=0 top=0 s m u y
    for _ in $(seq "$runs"); do
        warm "$input"
        if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e' true 2>/dev/null; then
            /usr/bin/time -o "$out" -f '%e %M %U %S' "$@" >/dev/null
            read -r s m u y <"$out"
        else
            local t0
            t0=$(now)
            "$@" >/dev/null
            s=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
            m=0 u=0 y=0
        fi
        if [[ -z $best ]] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$s
            best_cpu=$(awk -v u="$u" -v y="$y" 'BEGIN { print u + y }')
        fi
        ((m > top)) && top=$m
    done
    secs=$best cpu=$best_cpu
    peak_kb=$([[ $top -gt 0 ]] && echo "$top" || echo n/a)
}

# The batch command on a manifest with some jobs (and another build): `measure` runs it.
outputs() { echo --claims "$dir/claims.csv" --findings "$dir/findings.csv"; }

# One corpus's table. Arguments: a name, the manifest, the bytes the rates count, the file
# ripgrep scans, the folder (or manifest) to warm, and the peak of the -j 2 run per size
# (as "MB:KB" words) measured beforehand.
report() {
    local name=$1 manifest=$2 bytes=$3 scan_file=$4 input=$5 peaks=$6
    local rg_rate=0 rg_cpu_rate=0
    echo
    echo "$name: $(mbps "$bytes" 1) MB, $(wc -l <"$manifest") documents; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-32s %12s %18s %9s %12s\n' "" "MB/s (wall)" "MB per CPU-second" "% of rg" "peak memory"
    if [[ $have_rg == yes ]]; then
        measure "$scan_file" rg -j 1 -c -i "$words" "$scan_file"
        rg_rate=$(mbps "$bytes" "$secs")
        rg_cpu_rate=$(mbps "$bytes" "$cpu")
        printf '%-32s %12s %18s %9s\n' "rg, one thread (issue 18)" "$rg_rate" "$rg_cpu_rate" "100"
    fi
    measure "$input" "$bin" batch "$manifest" -q -j 1 $(outputs)
    local j1_rate j1_cpu j2_rate j2_cpu
    j1_rate=$(mbps "$bytes" "$secs")
    j1_cpu=$(mbps "$bytes" "$cpu")
    printf '%-32s %12s %18s %9s %12s\n' "claimdiff batch -j 1" "$j1_rate" "$j1_cpu" \
        "$(percent "$j1_rate" "$rg_rate")" "$(mb_of_kb "$peak_kb")"
    measure "$input" "$bin" batch "$manifest" -q -j 2 $(outputs)
    j2_rate=$(mbps "$bytes" "$secs")
    j2_cpu=$(mbps "$bytes" "$cpu")
    printf '%-32s %12s %18s %9s %12s\n' "claimdiff batch -j 2" "$j2_rate" "$j2_cpu" \
        "$(percent "$j2_rate" "$rg_rate")" "$(mb_of_kb "$peak_kb")"
    if [[ -n "${BASELINE_BIN:-}" ]]; then
        for j in 1 2; do
            measure "$input" "$BASELINE_BIN" batch "$manifest" -q -j "$j" $(outputs)
            local rate
            rate=$(mbps "$bytes" "$secs")
            printf '%-32s %12s %18s %9s %12s\n' "baseline build -j $j" "$rate" "$(mbps "$bytes" "$cpu")" \
                "$(percent "$rate" "$rg_rate")" "$(mb_of_kb "$peak_kb")"
        done
    fi
    if [[ $have_rg == yes ]]; then
        echo "batch -j 2 / rg:                 $(percent "$j2_rate" "$rg_rate") %   (target >= 50 %, beyond: 100 %)"
    fi
    echo "batch -j 2 / batch -j 1:         $(ratio "$j2_rate" "$j1_rate") x   (target >= 1.85 x)"
    for p in $peaks; do
        printf 'peak memory, batch -j 2, %4s MB corpus: %s   (target < 100 MB)\n' "${p%%:*}" "$(mb_of_kb "${p#*:}")"
    done
}

# The synthetic corpus.
synthetic_peaks=""
for mb in $sizes; do
    corpus=$dir/corpus-$mb.jsonl
    [[ -s $corpus ]] || "$corpus_tool" generate "$corpus" "$mb"
    if [[ $mb != "$smallest" ]]; then
        measure "$corpus" "$bin" batch "$corpus" -q -j 2 $(outputs)
        synthetic_peaks+=" $mb:$peak_kb"
    fi
done
corpus=$dir/corpus-$smallest.jsonl
bytes=$(stat -c %s "$corpus")
measure "$corpus" "$bin" batch "$corpus" -q -j 2 $(outputs)
synthetic_peaks="$smallest:$peak_kb$synthetic_peaks"
warm "$corpus"
measure "$corpus" cat "$corpus"
cat_rate=$(mbps "$bytes" "$secs")
read -r _ scan_secs matches < <("$corpus_tool" scan "$corpus")
read -r _ floor_secs sentences < <("$corpus_tool" floor "$corpus")
# ripgrep counts matching lines and leaves a line at its first match: it scans the texts, one
# line a paragraph as in the dense corpus's ALL.txt, not the manifest's one line a document.
texts=$dir/corpus-$smallest.txt
if [[ ! -s $texts ]] && command -v python3 >/dev/null; then
    python3 -c '
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        out.write(json.loads(line).get("text") or "")
' "$corpus" "$texts"
fi
[[ -s $texts ]] || texts=$corpus
report "synthetic corpus (examples/batch_corpus.rs, $smallest MB)" "$corpus" "$bytes" "$texts" "$corpus" "$synthetic_peaks"
printf '%-32s %12s\n' "cat" "$cat_rate"
printf '%-32s %12s   (%s numbers)\n' "regex scan (every number)" "$(mbps "$bytes" "$scan_secs")" "$matches"
printf '%-32s %12s   (%s sentences)\n' "read + parse + split, 1 thread" "$(mbps "$bytes" "$floor_secs")" "$sentences"

# The dense corpus.
if [[ ! -f $gen ]] || ! command -v python3 >/dev/null; then
    echo
    echo "the dense corpus is skipped: no $gen (set GEN_CORPUS) or no python3" >&2
    exit 0
fi
dense_peaks=""
for mb in $sizes; do
    folder=$dir/dense-$mb
    if [[ ! -s $folder/manifest.jsonl ]]; then
        python3 "$gen" --out "$folder" --mb "$mb" --seed 3 >/dev/null
        # ALL.txt: the .md files concatenated, in manifest order.
        python3 - "$folder" <<'EOF'
import json, os, sys
folder = sys.argv[1]
with open(os.path.join(folder, "ALL.txt"), "wb") as out:
    for line in open(os.path.join(folder, "manifest.jsonl"), encoding="utf-8"):
        with open(os.path.join(folder, json.loads(line)["path"]), "rb") as f:
            out.write(f.read())
EOF
    fi
    if [[ $mb != "$smallest" ]]; then
        measure "$folder" "$bin" batch "$folder/manifest.jsonl" -q -j 2 $(outputs)
        dense_peaks+=" $mb:$peak_kb"
    fi
done
folder=$dir/dense-$smallest
measure "$folder" "$bin" batch "$folder/manifest.jsonl" -q -j 2 $(outputs)
dense_peaks="$smallest:$peak_kb$dense_peaks"
report "dense corpus (gen_corpus.py --mb $smallest --seed 3)" "$folder/manifest.jsonl" \
    "$(stat -c %s "$folder/ALL.txt")" "$folder/ALL.txt" "$folder" "$dense_peaks"
