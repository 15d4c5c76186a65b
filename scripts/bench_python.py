"""Helper of scripts/bench-python.sh: times `claimdiff batch` and `claimdiff.batch` on one corpus.

    python scripts/bench_python.py CLAIMDIFF_BIN CORPUS.jsonl OUT_DIR ROUNDS

For each number of jobs (1, then every core) the command and Python run in turn, ROUNDS times;
the figures are the medians, per second of wall time and per CPU-second (user and system time
of every thread, which the machine's other load does not inflate). The command reads and parses
the manifest itself; from Python the records are already in memory (as in a notebook), and the
time `json.loads` takes is shown beside it.
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
    print(f"json.loads of the manifest in Python: {load:.2f} s ({docs / load:,.0f} documents/s)")
    print(f"{'':38} {'documents/s':>12} {'per CPU-second':>15} {'Python / command':>17}")
    for jobs in (1, cores):
        command, command_cpu, python, python_cpu = [], [], [], []
        for _ in range(rounds):
            before = children_cpu()
            t = time.perf_counter()
            subprocess.run(
                [binary, "batch", corpus, "-q", "-j", str(jobs),
                 "--claims", f"{out}/claims.csv", "--findings", f"{out}/findings.csv"],
                check=True,
            )
            command.append(time.perf_counter() - t)
            command_cpu.append(children_cpu() - before)
            t, cpu = time.perf_counter(), time.process_time()
            claims, findings = claimdiff.batch(records, jobs=jobs)
            python.append(time.perf_counter() - t)
            python_cpu.append(time.process_time() - cpu)
        c, p = statistics.median(command), statistics.median(python)
        cc, pc = statistics.median(command_cpu), statistics.median(python_cpu)
        print(f"{f'claimdiff batch -j {jobs}':38} {docs / c:>12,.0f} {docs / cc:>15,.0f}")
        print(
            f"{f'claimdiff.batch(records, jobs={jobs})':38} {docs / p:>12,.0f} {docs / pc:>15,.0f}"
            f" {c / p:>9.2f}x wall {cc / pc:.2f}x CPU"
        )
        print(
            f"{'  the same with json.loads':38} {docs / (p + load):>12,.0f} {docs / (pc + load):>15,.0f}"
            f" {c / (p + load):>9.2f}x wall {cc / (pc + load):.2f}x CPU"
        )
    t = time.perf_counter()
    claims.to_pandas()
    findings.to_pandas()
    frames = time.perf_counter() - t
    print(f"to_pandas of {len(claims):,} claims and {len(findings):,} findings: {frames:.2f} s")


if __name__ == "__main__":
    main()
