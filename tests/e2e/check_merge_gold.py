#!/usr/bin/env python3
"""bench/merge-gold and its gold hold together: the scorer gives the textbook values on a small
example and 100 on an annotation against itself; every gold file labels each mention once, and
each names an EVENT of its .tml file; the whole gold scores with the built eventgraph, whose graph
is found in it and beats nothing it should not (singletons have B-cubed precision 100).
Skips what needs ../shared/corpora/tbaq when it is absent, saying so.

Usage: check_merge_gold.py EVENTGRAPH SOURCE_DIR
"""
import importlib.machinery
import importlib.util
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


loader = importlib.machinery.SourceFileLoader("merge_gold", os.path.join(source, "bench", "merge-gold"))
spec = importlib.util.spec_from_loader("merge_gold", loader)
merge_gold = importlib.util.module_from_spec(spec)
loader.exec_module(merge_gold)

# Key {a,b,c},{d}; response {a,b},{c,d}: MUC 1/2 both ways; B3 R 2/3, P 3/4; CEAF-e (4/5 + 2/3) / 2.
scores = merge_gold.measures({"a": 1, "b": 1, "c": 1, "d": 2}, {"a": 1, "b": 1, "c": 2, "d": 2})
check(abs(scores["muc"]["recall"] - 0.5) < 1e-9 and abs(scores["muc"]["precision"] - 0.5) < 1e-9, f"MUC {scores['muc']}")
check(abs(scores["b3"]["recall"] - 2 / 3) < 1e-9 and abs(scores["b3"]["precision"] - 0.75) < 1e-9, f"B3 {scores['b3']}")
check(abs(scores["ceafe"]["f1"] - (0.8 + 2 / 3) / 2) < 1e-9, f"CEAF-e {scores['ceafe']}")

gold_dir = os.path.join(source, "tests", "data", "merge-gold")
gold = merge_gold.load_gold(gold_dir)
check(len(gold) >= 400, f"at least 400 gold mentions ({len(gold)})")
check(len({m.split(':')[0] for m in gold}) >= 40, "at least 40 gold documents")
for name in ("nato", "doctor"):
    path = os.path.join(gold_dir, name + ".tsv")
    run = subprocess.run([sys.executable, os.path.join(source, "bench", "merge-gold"), "--agreement", path, path,
                          "--json"], capture_output=True, text=True)
    check(run.returncode == 0 and json.loads(run.stdout)["conll_f1"] == 1.0, f"{name} against itself: {run.stdout}{run.stderr}")

corpus = os.path.join(source, "..", "shared", "corpora", "tbaq", "AQUAINT")
if not os.path.isdir(corpus):
    print(f"SKIP: {corpus} not found: the gold's mentions and the scoring of a build are not checked")
else:
    for mention in gold:
        document, eid = mention.split(":")
        events = merge_gold.read_timeml(os.path.join(corpus, document + ".tml"))[1]
        check(eid in events, f"{mention}: no such EVENT")
    run = subprocess.run([sys.executable, os.path.join(source, "bench", "merge-gold"), "--exe", exe, "--json"],
                         capture_output=True, text=True)
    check(run.returncode == 0, f"bench/merge-gold runs: {run.stderr[-500:]}")
    if run.returncode == 0:
        result = json.loads(run.stdout)
        check(result["found_mentions"] > 0, "the graph's mentions are found in the gold")
        check(result["all"]["singletons"]["b3"]["precision"] == 1.0, "singletons have B3 precision 1")
        check(result["all"]["singletons"]["muc"]["f1"] == 0.0, "singletons have MUC F1 0")

for failure in failures:
    print("FAIL:", failure)
print(f"{'0' if failures else 'all'} passed, {len(failures)} failed: merge-gold")
sys.exit(1 if failures else 0)
