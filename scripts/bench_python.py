"""Helper of scripts/bench-python.sh: times `claimdiff batch` and `claimdiff.batch` on one corpus.

    python scripts/bench_python.py CLAIMDIFF_BIN CORPUS.jsonl OUT_DIR ROUNDS

For each number of jobs (1, then every core) the command and Python run in turn, ROUNDS times;
the figures are the medians, per second of wall time and per CPU-second (user and system time
of every thread, which the machine's other load does not inflate). The command reads and parses
the manifest itself; so does Python in `claimdiff.batch(open(corpus, "rb"))`, the row to set
against it. The other Python row has the records already in memory as dicts, as in a notebook.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time

import claimdiff


def children_cpu() -> float:
    """User and system seconds of the finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    binary, corpus, out, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    started = time.perf_counter()
    with open(corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    load = time.perf_counter() - started
    docs = len(records)
    cores = os.cpu_count() or 1
    size = os.path.getsize(corpus) / 1e6
    load_avg = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"corpus: {size:.1f} MB, {docs} documents; {cores} cores; load average {load_avg}")
    print(f"json.loads of the manifest into dicts: {load:.2f} s ({docs / load:,.0f} documents/s)")
    print(f"{'':44} {'documents/s':>12} {'per CPU-second':>15} {'Python / command':>17}")
    for jobs in (1, cores):
        runs = {"command": [], "file": [], "dicts": []}
        for _ in range(rounds):
            before = children_cpu()
            t = time.perf_counter()
            subprocess.run(
                [binary, "batch", corpus, "-q", "-j", str(jobs),
                 "--claims", f"{out}/claims.csv", "--findings", f"{out}/findings.csv"],
                check=True,
            )
            runs["command"].append((time.perf_counter() - t, children_cpu() - before))
            t, cpu = time.perf_counter(), time.process_time()
            with open(corpus, "rb") as lines:
                claimdiff.batch(lines, jobs=jobs)
            runs["file"].append((time.perf_counter() - t, time.process_time() - cpu))
            t, cpu = time.perf_counter(), time.process_time()
            claims, findings = claimdiff.batch(records, jobs=jobs)
            runs["dicts"].append((time.perf_counter() - t, time.process_time() - cpu))
        wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
        cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
        names = {
            "command": f"claimdiff batch CORPUS -j {jobs}",
            "file": f"claimdiff.batch(open(CORPUS), jobs={jobs})",
            "dicts": f"claimdiff.batch(dicts, jobs={jobs})",
        }
        for key, name in names.items():
            line = f"{name:44} {docs / wall[key]:>12,.0f} {docs / cpu[key]:>15,.0f}"
            if key != "command":
                line += f" {wall['command'] / wall[key]:>9.2f}x wall {cpu['command'] / cpu[key]:.2f}x CPU"
            print(line)
    t = time.perf_counter()
    claims.to_pandas()
    findings.to_pandas()
    frames = time.perf_counter() - t
    print(f"to_pandas of {len(claims):,} claims and {len(findings):,} findings: {frames:.2f} s")


if __name__ == "__main__":
    main()
