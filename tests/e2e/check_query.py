#!/usr/bin/env python3
"""`eventgraph query` as a user meets it, and docs/query.md kept true: the worked session in the
docs is re-run on a fresh build of data/samples and must print what the page shows.

Usage: check_query.py EVENTGRAPH REPOSITORY_ROOT
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

exe, root = sys.argv[1:3]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


with tempfile.TemporaryDirectory() as work:
    out = os.path.join(work, "samples")
    build = subprocess.run([exe, "build", "--quiet", "--out", out, os.path.join(root, "data", "samples")],
                           capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(f"build failed: {build.stderr}")

    def query(*args):
        return subprocess.run([exe, "query", "--graph", out, *args], capture_output=True, text=True)

    # The worked session of docs/query.md, command by command.
    with open(os.path.join(root, "docs", "query.md"), encoding="utf-8") as f:
        page = f.read()
    blocks = re.findall(r"```\n\$ eventgraph query --graph out/samples (.*?)\n(.*?)\[exit status (\d)\]\n```", page, re.S)
    check(len(blocks) >= 5, f"docs/query.md shows a worked session ({len(blocks)} commands found)")
    for command, shown, status in blocks:
        run = query(*shlex.split(command))
        check(run.returncode == int(status), f"docs/query.md: '{command}' exits {run.returncode}, the page says {status}")
        printed = run.stdout + run.stderr
        check(printed == shown, f"docs/query.md: '{command}' now prints:\n{printed}")

    # Every subcommand answers --help and --json.
    for sub in ("events", "event", "explain", "causes", "effects", "before", "after", "timeline", "path", "neighbors",
                "entities", "stats"):
        help_run = query(sub, "--help")
        check(help_run.returncode == 0 and "--json" in help_run.stdout and "--graph" in help_run.stdout,
              f"query {sub} --help")
    for args in (("stats",), ("events",), ("timeline",), ("entities",), ("event", "evt-0001"),
                 ("explain", "evt-0001"), ("causes", "protest"), ("effects", "evt-0001"), ("after", "evt-0001"),
                 ("neighbors", "Mudavadi"), ("path", "Mudavadi", "evt-0001")):
        run = query("--json", *args)
        try:
            json.loads(run.stdout)
            parsed = True
        except ValueError:
            parsed = False
        check(parsed, f"query --json {' '.join(args)} prints one JSON object: {run.stdout[:200]!r} {run.stderr}")

    # Exit codes: 0 found, 1 nothing found, 2 usage or input error.
    check(query("events", "--type", "earthquake").returncode == 1, "no earthquake: exit 1")
    unknown = query("events", "--entity", "Rutto")
    check(unknown.returncode == 1 and "William Ruto" in unknown.stderr, "an unknown name suggests the closest")
    ambiguous = query("event", "a")
    check(ambiguous.returncode == 1 and "evt-0001" in ambiguous.stderr, "an ambiguous event text lists candidates")
    check(query("events", "--from", "2024-02-30").returncode == 2, "an impossible --from is a usage error")
    missing = subprocess.run([exe, "query", "--graph", os.path.join(work, "nowhere"), "stats"],
                             capture_output=True, text=True)
    check(missing.returncode == 2, "a missing graph is a usage error")
    not_graph = os.path.join(work, "not.json")
    with open(not_graph, "w") as f:
        f.write("[]")
    bad = subprocess.run([exe, "query", "--graph", not_graph, "stats"], capture_output=True, text=True)
    check(bad.returncode == 2 and "not.json" in bad.stderr, "a file that is not graph.json is named, exit 2")

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: e2e query")
sys.exit(1 if failures else 0)
