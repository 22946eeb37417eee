#!/usr/bin/env python3
"""The eventgraph executable as a user meets it: help text, exit codes, bad input.

Usage: check_cli.py EVENTGRAPH DATA_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

exe, data_dir = sys.argv[1:3]
failures = []


def run(*args, stdin=None):
    return subprocess.run([exe, *args], capture_output=True, text=True, input=stdin)


def check(condition, message):
    if not condition:
        failures.append(message)


top = run("--help")
check(top.returncode == 0 and "build" in top.stdout and "Exit codes" in top.stdout, "eventgraph --help")
build_help = run("build", "--help")
for option in ("--out", "--date", "--data-dir", "--jobs", "--strict", "--quiet", "--json", "inputs"):
    check(option in build_help.stdout, f"build --help explains {option}")
check(run().returncode == 2, "no subcommand is a usage error (2)")
check(run("build", "--out", "/tmp/x").returncode == 2, "no input is a usage error (2)")

with tempfile.TemporaryDirectory() as work:
    article = os.path.join(work, "a.txt")
    with open(article, "w") as f:
        f.write("date 2020-05-06 Rebels attacked the town of Dorvik on Monday.\n")

    missing = run("build", "--out", os.path.join(work, "o1"), os.path.join(work, "nope.txt"))
    check(missing.returncode == 2 and "nope.txt" in missing.stderr, "a missing input is named, exit 2")

    bad_date = run("build", "--date", "2020-02-30", "--out", os.path.join(work, "o2"), article)
    check(bad_date.returncode == 2 and "--date" in bad_date.stderr, "an impossible --date is refused, exit 2")

    # A corrupt lexicon stops the run at start-up with file:line.
    broken = os.path.join(work, "data")
    shutil.copytree(data_dir, broken)
    with open(os.path.join(broken, "temporal", "words.tsv"), "a") as f:
        f.write("unit\tfortnight\tfortnight\n")
    bad_data = run("build", "--data-dir", broken, "--out", os.path.join(work, "o3"), article)
    check(bad_data.returncode == 2 and "words.tsv:" in bad_data.stderr, "a bad data file is reported as file:line")

    # An output directory that cannot be created fails before the work.
    blocker = os.path.join(work, "file")
    open(blocker, "w").close()
    unwritable = run("build", "--out", os.path.join(blocker, "out"), article)
    check(unwritable.returncode == 3, "an unwritable output directory exits 3")

    # Bad JSONL lines are skipped with file:line; the rest is processed; --strict makes it fail.
    corpus = os.path.join(work, "c.jsonl")
    with open(corpus, "w") as f:
        f.write('{"id": "ok", "date": "2020-05-06", "text": "Troops attacked Dorvik on Monday."}\n')
        f.write("{broken\n")
    lenient = run("build", "--out", os.path.join(work, "o4"), corpus)
    check(lenient.returncode == 0 and "c.jsonl:2" in lenient.stderr, "a bad JSONL line is reported and skipped")
    check(os.path.exists(os.path.join(work, "o4", "timeline.json")), "the rest of the corpus is written")
    strict = run("build", "--strict", "--out", os.path.join(work, "o5"), corpus)
    check(strict.returncode == 1, "--strict turns a skipped document into exit 1")

    # Standard input, and binary junk.
    stdin = run("build", "--out", os.path.join(work, "o6"), "-",
                stdin='{"text": "Police arrested two men in Nairobi yesterday.", "date": "2021-03-04"}\n')
    check(stdin.returncode == 0 and "1 documents" in stdin.stdout, "JSONL on standard input")
    junk = os.path.join(work, "junk.txt")
    with open(junk, "wb") as f:
        f.write(bytes(range(256)) * 64)
    binary = run("build", "--out", os.path.join(work, "o7"), junk)
    check(binary.returncode == 0 and "invalid UTF-8" in binary.stderr, "binary junk is repaired and reported")

    # An undated document with --date resolves relative dates.
    undated = os.path.join(work, "u.txt")
    with open(undated, "w") as f:
        f.write("Rebels attacked Dorvik yesterday.\n")
    fallback = run("build", "--date", "2020-05-06", "--out", os.path.join(work, "o8"), undated)
    with open(os.path.join(work, "o8", "timeline.json")) as f:
        check('"2020-05-05"' in f.read(), "--date anchors an undated document")

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: e2e cli")
sys.exit(1 if failures else 0)
