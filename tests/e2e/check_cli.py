#!/usr/bin/env python3
"""The eventgraph executable as a user meets it: help text, exit codes, bad input.

Usage: check_cli.py EVENTGRAPH DATA_DIR
"""
import json
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
check(top.returncode == 0 and "build" in top.stdout and "timex" in top.stdout and "Exit codes" in top.stdout,
      "eventgraph --help")
build_help = run("build", "--help")
for option in ("--out", "--date", "--data-dir", "--lexicon", "--jobs", "--strict", "--quiet", "--json", "--max-doc-bytes",
               "--formats", "inputs"):
    check(option in build_help.stdout, f"build --help explains {option}")
check(run().returncode == 2, "no subcommand is a usage error (2)")
export_help = run("export", "--help")
for option in ("--format", "--graph", "--out", "graphml", "gexf", "timelinejs", "dot", "csv"):
    check(option in export_help.stdout, f"export --help explains {option}")
check("export" in top.stdout, "eventgraph --help lists export")
check(run("build", "--out", "/tmp/x").returncode == 2, "no input is a usage error (2)")

with tempfile.TemporaryDirectory() as work:
    article = os.path.join(work, "a.txt")
    with open(article, "w") as f:
        f.write("date 2020-05-06 Rebels attacked the town of Dorvik on Monday.\n")

    # export: a graph that is not ours is named and refused (2); an unknown format too.
    not_graph = os.path.join(work, "not-graph.json")
    with open(not_graph, "w") as f:
        f.write('{"schema": "something-else"}')
    refused_graph = run("export", "--format", "graphml", "--graph", not_graph, "--out", os.path.join(work, "g.graphml"))
    check(refused_graph.returncode == 2 and "not-graph.json" in refused_graph.stderr
          and not os.path.exists(os.path.join(work, "g.graphml")), "export refuses a file that is not graph.json, exit 2")
    unknown_format = run("export", "--format", "pdf", "--graph", not_graph, "--out", os.path.join(work, "g.pdf"))
    check(unknown_format.returncode == 2, "export --format pdf is a usage error (2)")

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

    # User lexicons: a missing one is a usage error; a bad line is named with file:line.
    missing_lexicon = run("build", "--lexicon", os.path.join(work, "none.tsv"), "--out", os.path.join(work, "o9"), article)
    check(missing_lexicon.returncode == 2, "a missing --lexicon file is a usage error")
    bad_lexicon = os.path.join(work, "bad-lexicon.tsv")
    with open(bad_lexicon, "w") as f:
        f.write("entity\tAcme\torganization\tAcme\tXXX\n")
    refused = run("build", "--lexicon", bad_lexicon, "--out", os.path.join(work, "o10"), article)
    check(refused.returncode == 2 and "bad-lexicon.tsv:1" in refused.stderr, "a bad --lexicon line is reported as file:line")
    good_lexicon = os.path.join(work, "lexicon.tsv")
    with open(good_lexicon, "w") as f:
        f.write("entity\tDorvik\tlocation\tDorvik\tNOR\n")
    added = run("build", "--json", "--lexicon", good_lexicon, "--out", os.path.join(work, "o11"), article)
    with open(os.path.join(work, "o11", "timeline.json")) as f:
        dorvik = [e for e in json.load(f)["entities"] if e["name"] == "Dorvik"]
    check(added.returncode == 0 and dorvik and dorvik[0]["country"] == "NOR", "a --lexicon entry is used")

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
    binary = run("build", "--out", os.path.join(work, "o7"), junk, article)
    check(binary.returncode == 0 and "junk.txt: binary file" in binary.stderr
          and "(1 skipped" in binary.stdout, "binary junk is skipped and reported, the rest built")
    mojibake = os.path.join(work, "mojibake.txt")
    with open(mojibake, "wb") as f:
        f.write(b"date 2020-05-06\nTroops attacked Dorvik on Monday, caf\xe9 owners said.\n")
    repaired = run("build", "--out", os.path.join(work, "o7b"), mojibake)
    check(repaired.returncode == 0 and "1 invalid UTF-8 sequence(s) replaced" in repaired.stderr,
          "invalid UTF-8 in text is replaced and reported")

    # --formats: only the files asked for (DOT too, when asked); an unknown format is a usage error.
    chosen = run("build", "--formats", "json,dot", "--formats", "timelinejs", "--out", os.path.join(work, "o12"), article)
    check(chosen.returncode == 0
          and sorted(os.listdir(os.path.join(work, "o12"))) == ["graph.dot", "graph.json", "timelinejs.json"],
          "build --formats writes exactly the formats asked for")
    check("graph.dot" in chosen.stdout and "timeline.json" not in chosen.stdout, "the summary names only what was written")
    default = run("build", "--out", os.path.join(work, "o13"), article)
    check(sorted(os.listdir(os.path.join(work, "o13")))
          == ["graph.gexf", "graph.graphml", "graph.json", "timeline.json", "timelinejs.json"],
          "build writes the five formats by default (no DOT)")
    unknown = run("build", "--formats", "json,pdf", "--out", os.path.join(work, "o14"), article)
    check(unknown.returncode == 2 and "pdf" in unknown.stderr and not os.path.exists(os.path.join(work, "o14")),
          "build --formats pdf is a usage error (2), before anything is written")

    # An undated document with --date resolves relative dates.
    undated = os.path.join(work, "u.txt")
    with open(undated, "w") as f:
        f.write("Rebels attacked Dorvik yesterday.\n")
    fallback = run("build", "--date", "2020-05-06", "--out", os.path.join(work, "o8"), undated)
    with open(os.path.join(work, "o8", "timeline.json")) as f:
        check('"2020-05-05"' in f.read(), "--date anchors an undated document")

# `eventgraph timex`: TimeML in, TimeML out; articles in, a table or JSON out.
TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{docid}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>Harbour reopens</TITLE>
<TEXT>
The harbour of Dorvik reopened on Friday after three weeks, officials said. It had closed last month &amp; will be
inspected again next year. Traffic rose 4% in the first quarter.
</TEXT>
</TimeML>
"""
timex_help = run("timex", "--help")
for option in ("--out", "--date", "--numeric-dates", "--data-dir", "--json", "--jobs", "--max-doc-bytes", "inputs"):
    check(option in timex_help.stdout, f"timex --help explains {option}")
check(run("timex", "--numeric-dates", "ymd", "x.tml").returncode == 2, "a bad --numeric-dates is a usage error")

import xml.etree.ElementTree as ElementTree

with tempfile.TemporaryDirectory() as work:
    tml = os.path.join(work, "harbour.tml")
    with open(tml, "w") as f:
        f.write(TIMEML.format(docid="harbour"))
    single = run("timex", tml)
    check(single.returncode == 0, "timex tags a TimeML file")
    try:
        root = ElementTree.fromstring(single.stdout)
        text = root.find("TEXT")
        found = {t.text: (t.get("type"), t.get("value")) for t in text.iter("TIMEX3")}
        check(found.get("Friday") == ("DATE", "2013-03-22"), "Friday, said on a Friday, is that day")
        check(found.get("three weeks") == ("DURATION", "P3W"), "three weeks is a duration")
        check(found.get("last month") == ("DATE", "2013-02"), "last month against the DCT")
        check(found.get("next year") == ("DATE", "2014"), "next year against the DCT")
        check(found.get("the first quarter") == ("DATE", "2013-Q1"), "the first quarter of the DCT's year")
        check(root.find("DCT/TIMEX3").get("tid") == "t0", "the DCT is left as it was")
        tids = [t.get("tid") for t in root.iter("TIMEX3")]
        check(len(tids) == len(set(tids)), "tids are unique")
        original = ElementTree.fromstring(TIMEML.format(docid="harbour")).find("TEXT")
        check("".join(text.itertext()) == "".join(original.itertext()), "the text is unchanged but for the tags")
    except ElementTree.ParseError as error:
        check(False, f"timex writes well-formed XML ({error})")

    second = os.path.join(work, "second.TE3input")
    with open(second, "w") as f:
        f.write(TIMEML.format(docid="second_doc"))
    out_dir = os.path.join(work, "system")
    several = run("timex", "--out", out_dir, tml, second)
    check(several.returncode == 0 and sorted(os.listdir(out_dir)) == ["harbour.tml", "second_doc.tml"],
          "several TimeML files go to --out DIR, named by DOCID")
    check(run("timex", tml, second).returncode == 2, "several TimeML files without --out is a usage error")

    broken = os.path.join(work, "broken.tml")
    with open(broken, "w") as f:
        f.write("<TimeML><DOCID>x</DOCID></TimeML>")
    bad = run("timex", "--out", os.path.join(work, "s2"), tml, broken)
    check(bad.returncode == 1 and "broken.tml" in bad.stderr and "TEXT" in bad.stderr,
          "a TimeML file without a body is named and skipped, exit 1")

    article = os.path.join(work, "a.txt")
    with open(article, "w") as f:
        f.write("date 2017-04-12\nThe strike came last week; talks will resume on Monday.\n")
    listed = run("timex", "--json", article)
    try:
        doc = json.loads(listed.stdout)["documents"][0]
        values = {t["text"]: (t["value"], t["rule"], t["anchor"]) for t in doc["timexes"]}
        check(doc["anchor"] == "2017-04-12" and doc["anchor_source"] == "document", "timex --json gives the anchor")
        check(values.get("last week", ("",))[0] == "2017-W14", "last week is ISO week 14")
        check(values.get("Monday", ("",))[0] == "2017-04-17", "a future Monday lies ahead")
        check(all(rule and anchor == "2017-04-12" for _, rule, anchor in values.values()),
              "each value records its rule and anchor")
    except (ValueError, KeyError, IndexError) as error:
        check(False, f"timex --json prints JSON ({error})")
    table = run("timex", article)
    check(table.returncode == 0 and table.stdout.startswith("document\tbegin\tend\ttype\tvalue"),
          "timex prints a table by default")
    undated = os.path.join(work, "u.txt")
    with open(undated, "w") as f:
        f.write("Rebels attacked Dorvik on Tuesday.\n")
    unresolved = run("timex", "--json", undated)
    check('"XXXX-WXX-2"' in unresolved.stdout, "without a date, Tuesday stays unresolved")
    anchored = run("timex", "--json", "--date", "2017-04-12", undated)
    check('"2017-04-11"' in anchored.stdout, "--date anchors an undated article")

    # Tagged on several threads, articles are still listed in input order with the same values;
    # --json says how long tagging took.
    many = os.path.join(work, "many.jsonl")
    with open(many, "w") as f:
        for i in range(1500):  # more than one batch of 1,024
            day = 1 + i % 28
            f.write(json.dumps({"id": f"doc-{i:04d}", "date": f"2017-03-{day:02d}",
                                "text": f"Talks resumed on Tuesday after {i % 9 + 2} days; a vote is due on April {day}."}) + "\n")
    one = run("timex", "--json", "--jobs", "1", many)
    four = run("timex", "--json", "--jobs", "4", many)
    try:
        one_json, four_json = json.loads(one.stdout), json.loads(four.stdout)
        check([d["id"] for d in four_json["documents"]] == [f"doc-{i:04d}" for i in range(1500)],
              "timex --jobs 4 lists articles in input order")
        check(one_json["documents"] == four_json["documents"], "timex gives the same values for any --jobs")
        check(one_json["seconds"]["tagging"] > 0, "timex --json reports the seconds spent tagging")
    except (ValueError, KeyError) as error:
        check(False, f"timex --json prints JSON with --jobs ({error})")
    check(run("timex", "--max-doc-bytes", "10", article).returncode == 1,
          "timex skips a document over --max-doc-bytes (exit 1)")

    # One JSONL file is built on every thread, a few lines at a time: the same bytes for any --jobs,
    # its documents in line order.
    built = {}
    for jobs in ("1", "3"):
        out = os.path.join(work, f"many-{jobs}")
        done = run("build", "--quiet", "--json", "--jobs", jobs, "--formats", "json,timeline", "--out", out, many)
        check(done.returncode == 0 and '"documents": 1500' in done.stdout, f"build --jobs {jobs} reads every JSONL line")
        built[jobs] = {name: open(os.path.join(out, name), "rb").read() for name in ("graph.json", "timeline.json")
                       if os.path.exists(os.path.join(out, name))}
    check(len(built["1"]) == 2 and built["1"] == built["3"], "a JSONL file builds the same bytes with --jobs 1 and 3")
    try:
        ids = [d["id"] for d in json.loads(built["1"]["graph.json"])["documents"]]
        check(ids == [f"doc-{i:04d}" for i in range(1500)], "a JSONL file's documents stay in line order")
    except (ValueError, KeyError) as error:
        check(False, f"build writes graph.json for a JSONL file ({error})")

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: e2e cli")
sys.exit(1 if failures else 0)
