#!/usr/bin/env python3
"""bench/merge-quality scores what it says: on a made corpus of stories (make-corpus --stories), a
graph with every mention in its gold event scores 1, one event of everything scores recall 1 and a
low precision, and eventgraph's own merge scores above a floor (a regression guard, not a target).

Usage: check_merge_quality.py EVENTGRAPH SOURCE_DIR
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

exe, source = sys.argv[1:3]
failures = []
FLOOR = 0.85  # B-cubed F1 of 1,000 made articles was 0.904 when this was written (0.895 before the place rule)


def check(condition, message):
    if not condition:
        failures.append(message)


def score(gold, graph):
    result = subprocess.run([sys.executable, os.path.join(source, "bench", "merge-quality"), "--gold", gold,
                             "--graph", graph, "--json"], capture_output=True, text=True)
    check(result.returncode == 0, f"merge-quality runs: {result.stderr[-500:]}")
    return json.loads(result.stdout) if result.returncode == 0 else {}


with tempfile.TemporaryDirectory() as work:
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(source, "bench", "make-corpus"), "1000", corpus, "--jsonl",
                    "--stories"], check=True, capture_output=True)
    texts = {}
    with open(os.path.join(corpus, "corpus.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    gold_path = os.path.join(corpus, "gold.jsonl")
    stories_of = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for begin, end, key in record["spans"]:
                told = texts[record["id"]][begin:end]
                check(told[:1].isupper() and "\n" not in told, f"{record['id']}: a gold span is one sentence: {told!r}")
                stories_of.setdefault(key.split(":")[0], set()).add(record["id"])
    check(max(len(articles) for articles in stories_of.values()) > 1, "some story is told by several articles")

    out = os.path.join(work, "out")
    build = subprocess.run([exe, "build", "--quiet", "--data-dir", os.path.join(source, "data"), "--formats", "json",
                            "--out", out, os.path.join(corpus, "corpus.jsonl")], capture_output=True, text=True)
    check(build.returncode == 0, f"the build succeeds: {build.stderr[-500:]}")
    graph_path = os.path.join(out, "graph.json")
    ours = score(gold_path, graph_path)
    check(ours.get("mentions", 0) > 5000, f"most news mentions are scored: {ours}")
    check(ours.get("f1", 0) >= FLOOR, f"the merge scores at least {FLOOR}: {ours}")
    check(0 < ours.get("precision", 0) <= 1 and 0 < ours.get("recall", 0) <= 1, f"scores are fractions: {ours}")

    # The same mentions regrouped: by their gold events (a perfect merge), then all in one event.
    with open(graph_path, encoding="utf-8") as f:
        graph = json.load(f)
    import importlib.machinery
    import importlib.util
    loader = importlib.machinery.SourceFileLoader("merge_quality", os.path.join(source, "bench", "merge-quality"))
    spec = importlib.util.spec_from_loader("merge_quality", loader)
    merge_quality = importlib.util.module_from_spec(spec)
    loader.exec_module(merge_quality)
    gold = merge_quality.load_gold(gold_path)
    ids = [d["id"] for d in graph["documents"]]
    by_gold, everything = {}, []
    for event in graph["events"]:
        for mention in event["mentions"]:
            key = merge_quality.gold_key(gold, ids[mention["document"]], mention["begin"], mention["trigger"])
            if key is not None:
                by_gold.setdefault(key, []).append(mention)
                everything.append(mention)
    template = copy.deepcopy(graph["events"][0])
    for name, groups in (("perfect", list(by_gold.values())), ("one", [everything])):
        regrouped = copy.deepcopy(graph)
        regrouped["events"] = [dict(template, mentions=group) for group in groups]
        path = os.path.join(work, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(regrouped, f)
        result = score(gold_path, path)
        if name == "perfect":
            check(abs(result.get("f1", 0) - 1) < 1e-9, f"gold events regrouped score 1: {result}")
        else:
            check(result.get("recall", 0) == 1 and result.get("precision", 1) < 0.01,
                  f"one event of everything: recall 1, precision near 0: {result}")

if failures:
    print("\n".join(f"FAIL: {f}" for f in failures))
    sys.exit(1)
print("check_merge_quality: ok")
