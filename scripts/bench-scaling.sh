#!/usr/bin/env bash
# Scaling figures (a measurement, not a test): for each shape of input that used to cost time
# or memory in the square of its size, doubles the input six times from a small size to 64x
# and prints wall time and peak memory per step, and their ratio to the step before. Linear
# cost shows as ratios near 2; the goal of issue 15 is a time ratio of at most 2.3.
#
#   scripts/bench-scaling.sh                 # all shapes
#   scripts/bench-scaling.sh report line     # some of them
#   BIN=old/claimdiff scripts/bench-scaling.sh   # another build, same inputs
#
# Shapes (inputs written by scripts/bench-scaling.py):
#   report    compare of a four-claim report repeated N times with itself, N = 40 .. 2,560
#   line      extract of one line without sentence ends, "fast rund mehr als etwa 30 " repeated
#             N times, N = 625 .. 40,000 (1 MB)
#   subjects  compare of two texts of N sentences, each of its own subject, N = 250 .. 16,000
#   versions  diff of 8 versions of N sentences that differ a lot, N = 125 .. 8,000
#
# Prints wall time and CPU time (user + system); the time ratio is of CPU time, which other
# load on the machine skews less than wall time (the script prints the load average first).
# Times under 0.05 s are too short for a ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${BIN:-}" ]]; then
    cargo build --release --quiet --bin claimdiff
    BIN=target/release/claimdiff
fi
shapes=("$@")
[[ ${#shapes[@]} -gt 0 ]] || shapes=(report line subjects versions)

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

declare -A smallest=([report]=40 [line]=625 [subjects]=250 [versions]=125)
# The command a shape runs on the inputs in folder $2, into the array `cmd`.
command_for() {
    local shape=$1 in=$2
    local opts=(--published 2025-03-27 --format json --all)
    case $shape in
        report | subjects) cmd=("$BIN" compare "${opts[@]}" "$in"/a.txt "$in"/b.txt) ;;
        line) cmd=("$BIN" extract "${opts[@]}" "$in"/line.txt) ;;
        versions) cmd=("$BIN" diff "${opts[@]}" "$in"/v{1..8}.txt) ;;
    esac
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %7s %9s %8s %8s %8s %7s %7s\n' shape size input_kb wall_s cpu_s peak_mb t_ratio m_ratio
for shape in "${shapes[@]}"; do
    prev_s="" prev_kb=""
    for step in 0 1 2 3 4 5 6; do
        size=$((smallest[$shape] << step))
        in=$dir/$shape-$size
        python3 scripts/bench-scaling.py "$shape" "$size" "$in"
        input_kb=$(du -sk --apparent-size "$in" | cut -f1)
        command_for "$shape" "$in"
        # Exit status 1 means findings were reported, which is what these inputs give.
        status=0
        /usr/bin/time -o "$dir/time" -f '%e %M %U %S' "${cmd[@]}" >/dev/null 2>"$dir/stderr" || status=$?
        [[ $status -le 1 ]] || { cat "$dir/stderr" "$dir/time"; exit 2; }
        read -r wall peak_kb user sys < <(tail -1 "$dir/time")
        secs=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        ratios=$(awk -v s="$secs" -v ps="$prev_s" -v m="$peak_kb" -v pm="$prev_kb" 'BEGIN {
            t = (ps != "" && ps >= 0.05) ? sprintf("%.2f", s / ps) : "-"
            r = (pm != "") ? sprintf("%.2f", m / pm) : "-"
            print t, r }')
        printf '%-9s %7s %9s %8s %8s %8s %7s %7s\n' "$shape" "$size" "$input_kb" "$wall" "$secs" \
            "$((peak_kb / 1024))" $ratios
        prev_s=$secs prev_kb=$peak_kb
        rm -rf "$in"
    done
done
