#!/usr/bin/env python3
"""Fits the pairing model (src/judge/pairing/model.rs): a logistic regression that says how
likely two clashing figures of two outlets' texts speak of one thing.

    scripts/fit-pairing.py            # writes the rows, fits, rewrites the weights
    scripts/fit-pairing.py --dry-run  # prints the fit and the cross-validated scores only

The rows come from `cargo test --release --test stories pairing_rows -- --ignored` (every
clash the pairing rules allow in the sets the model is fitted on, with the model's inputs and
whether gold flags the pair). The fit is L2-regularised (Newton's method, no dependencies).
It prints precision and recall of the rows over leave-one-set-out predictions (each set
predicted by weights fitted on the others) at a few thresholds. The threshold itself
(`THRESHOLD` in the model) is chosen on the end-to-end scores of the story tests, since a row
the model lets through may still lose to a better pair.
"""
import argparse
import csv
import math
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "src/judge/pairing/model.rs"
ROWS = ROOT / "target/pairing-rows.csv"
L2 = 1.0


def read_rows():
    with open(ROWS, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        names = header[4:]
        rows = [(r[0], int(r[3]), [float(x) for x in r[4:]]) for r in reader]
    return names, rows


def solve(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows):
    """Weights (bias first) of an L2-regularised logistic regression. Each set weighs alike,
    whatever its number of rows: a set of long real pages must not drown the others."""
    n = len(rows[0][2]) + 1
    per_set = {}
    for s, _, _ in rows:
        per_set[s] = per_set.get(s, 0) + 1
    weight = {s: len(rows) / len(per_set) / k for s, k in per_set.items()}
    w = [0.0] * n
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for s, y, x in rows:
            v = [1.0] + x
            p = sigmoid(sum(a * b for a, b in zip(w, v)))
            c = weight[s]
            d = c * p * (1 - p)
            for i in range(n):
                grad[i] += c * (p - y) * v[i]
                for j in range(i, n):
                    hess[i][j] += d * v[i] * v[j]
        for i in range(n):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i > 0:  # the bias is not shrunk
                grad[i] += L2 * w[i]
                hess[i][i] += L2
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def predict(w, x):
    return sigmoid(w[0] + sum(a * b for a, b in zip(w[1:], x)))


def scores(pairs, threshold):
    tp = sum(1 for p, y in pairs if p >= threshold and y)
    fp = sum(1 for p, y in pairs if p >= threshold and not y)
    fn = sum(1 for p, y in pairs if p < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--rows", action="store_true", help="use the rows already written")
    args = parser.parse_args()
    if not args.rows:
        subprocess.run(
            ["cargo", "test", "--release", "--quiet", "--test", "stories", "pairing_rows",
             "--", "--ignored"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    names, rows = read_rows()
    sets = sorted({s for s, _, _ in rows})
    print(f"{len(rows)} clashes, {sum(y for _, y, _ in rows)} flagged by gold, sets {', '.join(sets)}")

    # Leave one set out: predictions on rows the weights did not see.
    held = []
    for s in sets:
        w = fit([r for r in rows if r[0] != s])
        held += [(predict(w, x), y) for t, y, x in rows if t == s]
    print("rows held out set by set:")
    for t in (0.15, 0.25, 0.35, 0.5, 0.65):
        print(f"  at {t:.2f}: precision {scores(held, t)[0]:.2f}, recall {scores(held, t)[1]:.2f}")

    w = fit(rows)
    print(f"bias {w[0]:+.3f}")
    for name, x in sorted(zip(names, w[1:]), key=lambda t: -abs(t[1])):
        print(f"  {name:12} {x:+.3f}")
    if args.dry_run:
        return
    text = MODEL.read_text()
    # As rustfmt lays it out: the trailing comments aligned one space after the widest value.
    values = [f"{x:.4f}," for x in w[1:]]
    width = max(len(v) for v in values)
    weights = "".join(f"\n    {v:<{width}} // {name}" for name, v in zip(names, values))
    text = re.sub(r"const BIAS: f64 = [^;]*;", f"const BIAS: f64 = {w[0]:.4f};", text)
    text = re.sub(r"const WEIGHTS: \[f64; N\] = \[[^\]]*\];", f"const WEIGHTS: [f64; N] = [{weights}\n];", text, flags=re.S)
    MODEL.write_text(text)
    print(f"wrote {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
