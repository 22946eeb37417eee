#!/usr/bin/env python3
"""bench/run times what it says: on a small made corpus, its JSON rows name the corpus, the build and
its counts; --beside runs a second build on the same corpus (the same build twice makes the same
events) and prints their ratio; a build that fails stops it with a message naming the executable.

Usage: check_bench_run.py EVENTGRAPH SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

exe, source = sys.argv[1:3]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


bench_run = os.path.join(source, "bench", "run")
with tempfile.TemporaryDirectory() as work:
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(source, "bench", "make-corpus"), "200", corpus], check=True,
                   capture_output=True)
    base = [sys.executable, bench_run, "--corpus", corpus, "--jobs", "1", "--exe", exe]

    result = subprocess.run(base + ["--beside", exe, "--json"], capture_output=True, text=True)
    check(result.returncode == 0, f"--beside --json runs: {result.stderr[-500:]}")
    rows = json.loads(result.stdout) if result.returncode == 0 else []
    check([row.get("build") for row in rows] == ["exe", "beside"], f"a row for each build: {rows}")
    for row in rows:
        check(row.get("documents") == 200 and row.get("jobs") == 1, f"the corpus's 200 documents, --jobs 1: {row}")
        check(row.get("seconds", 0) > 0 and row.get("mb", 0) > 0.1 and row.get("peak_rss_mb", 0) > 1,
              f"time, size and memory measured: {row}")
        check(row.get("events", 0) > 1000, f"the events counted: {row}")
        check({"events", "make_events"} <= set(row.get("merge_stages", {})), f"the merge's stages: {row}")
    if len(rows) == 2:
        check(rows[0]["events"] == rows[1]["events"], f"the same build twice makes the same events: {rows}")

    result = subprocess.run(base + ["--beside", exe], capture_output=True, text=True)
    lines = result.stdout.splitlines()
    check(result.returncode == 0 and any(line.split()[1:2] == ["beside"] for line in lines[3:]),
          f"the table has a row of the build beside: {result.stdout}")
    check(any("beside/exe:" in line for line in lines), f"the table gives the ratio: {result.stdout}")

    result = subprocess.run(base + ["--beside", "/bin/false"], capture_output=True, text=True)
    check(result.returncode != 0 and "/bin/false: build failed" in result.stderr,
          f"a failing build stops the run and is named: rc {result.returncode}, {result.stderr[-300:]}")

if failures:
    print("\n".join(f"FAIL: {f}" for f in failures))
    sys.exit(1)
print("check_bench_run: ok")
