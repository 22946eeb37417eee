#!/usr/bin/env python3
"""SIGKILL during the export of a large corpus leaves no partial output: every output file is the
complete one of the run before, and the next run clears the killed run's temporary files.

Usage: check_kill.py EVENTGRAPH SOURCE_DIR
"""
import glob
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import xml.dom.minidom

exe, source = sys.argv[1:3]
failures = []
OUTPUTS = ("timeline.json", "graph.graphml", "graph.gexf", "timelinejs.json", "graph.json")


def check(condition, message):
    if not condition:
        failures.append(message)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def complete(out):
    """Every output parses: JSON as JSON, GraphML and GEXF as XML."""
    for name in OUTPUTS:
        path = os.path.join(out, name)
        if name.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                json.load(f)
        else:
            xml.dom.minidom.parse(path)


with tempfile.TemporaryDirectory() as work:
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(source, "bench", "make-corpus"), "1500", corpus, "--dense"],
                   check=True, capture_output=True)
    out = os.path.join(work, "out")
    build = [exe, "build", "--quiet", "--data-dir", os.path.join(source, "data"), "--out", out, corpus]
    first = subprocess.run(build, capture_output=True, text=True)
    check(first.returncode == 0, f"the first build succeeds: {first.stderr[-500:]}")
    before = {name: digest(os.path.join(out, name)) for name in OUTPUTS}

    # One more article, so that the killed run would have written other bytes.
    with open(os.path.join(corpus, "extra.txt"), "w") as f:
        f.write("date 2024-02-02\nRebels attacked a convoy near Kalma on Tuesday.\n")
    killed_mid_write = False
    for attempt in range(3):
        process = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None:
            if glob.glob(os.path.join(out, "*.tmp.*")):
                time.sleep(0.005)  # well into the writing
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
        process.wait()
        if process.returncode == -signal.SIGKILL:
            killed_mid_write = True
            break
    check(killed_mid_write, "the build was killed while it wrote its outputs")
    if killed_mid_write:
        left = glob.glob(os.path.join(out, "*.tmp.*"))
        check(left, "the killed run left its temporary files (it was mid-write)")
        # Each output is whole: the previous run's, or (renamed before the kill) the new one.
        try:
            complete(out)
        except Exception as error:  # noqa: BLE001 - any parse error is the failure we look for
            check(False, f"an output is partial after SIGKILL: {error}")
        unchanged = [name for name in OUTPUTS if digest(os.path.join(out, name)) == before[name]]
        check("timeline.json" in unchanged or "graph.graphml" in unchanged,
              "the previous timeline.json or graph.graphml is still there, intact")

    again = subprocess.run(build, capture_output=True, text=True)
    check(again.returncode == 0, "the next build succeeds")
    check(not glob.glob(os.path.join(out, "*.tmp.*")), "and clears the killed run's temporary files")
    try:
        complete(out)
    except Exception as error:  # noqa: BLE001
        check(False, f"an output of the next build does not parse: {error}")

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: SIGKILL during export")
sys.exit(1 if failures else 0)
