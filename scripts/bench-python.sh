#!/usr/bin/env bash
# Python against the command (a measurement, not a test): documents per second of
# `claimdiff.batch` from Python and of `claimdiff batch` on the same generated corpus, with one
# job and with every core, in alternating runs so the machine's other load falls on both alike.
#
#   scripts/bench-python.sh                        # 20 MB corpus, the package in target/python-venv
#   BENCH_MB=50 ROUNDS=5 PYTHON=.venv/bin/python scripts/bench-python.sh
#
# target/python-venv is the virtual environment .ci/run makes; any Python with the package
# installed (`pip install ./python`) will do.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-target/python-venv/bin/python}
if ! "$python" -c "import claimdiff" 2>/dev/null; then
    echo "bench-python: $python cannot import claimdiff; install it with: $python -m pip install ./python" >&2
    exit 2
fi
cargo build --release --quiet --bin claimdiff --example batch_corpus
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/batch_corpus generate "$dir/corpus.jsonl" "${BENCH_MB:-20}"
"$python" scripts/bench_python.py target/release/claimdiff "$dir/corpus.jsonl" "$dir" "${ROUNDS:-3}"
