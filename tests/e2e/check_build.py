#!/usr/bin/env python3
"""End-to-end check of `eventgraph build` on a corpus, read back by independent tools.

Usage: check_build.py EVENTGRAPH CORPUS_NAME INPUT_DIR SCHEMA_JSON
Exits 77 (CTest "skipped") when INPUT_DIR does not exist, e.g. ../shared/seeds
outside the development checkout.
"""
import json
import os
import subprocess
import sys
import tempfile
import csv

import jsonschema
import networkx

exe, corpus, input_dir, schema_path = sys.argv[1:5]
if not os.path.isdir(input_dir):
    print(f"SKIP: corpus folder {input_dir} is absent")
    sys.exit(77)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def build(out, jobs):
    # Two seeds carry no date line; they report the talks of 2017-04-12, as a user would say with --date.
    fallback = ["--date", "2017-04-12"] if corpus == "seeds" else []
    run = subprocess.run([exe, "build", "--json", "--jobs", str(jobs), *fallback, "--out", out, input_dir],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"eventgraph build failed ({run.returncode}):\n{run.stderr}")
    return json.loads(run.stdout)


def document_texts(timeline):
    """The text each document's offsets count in, read back the way the format says."""
    texts = {}
    for doc in timeline["documents"]:
        path = doc["path"]
        if path.endswith(".txt"):
            with open(path, encoding="utf-8", errors="replace") as f:
                content = f.read()
            stripped = content.lstrip(" \t\r\n\ufeff")
            if stripped.startswith("date ") and doc["date"]:
                rest = stripped[5:].lstrip(" \t")[10:]
                content = rest.lstrip(" \t")
            texts[doc["id"]] = content
        elif path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        record = json.loads(line)
                        texts[record.get("id") or doc["id"]] = record["text"]
    return texts


with tempfile.TemporaryDirectory() as parallel_dir, tempfile.TemporaryDirectory() as serial_dir:
    summary = build(parallel_dir, 2)
    build(serial_dir, 1)
    timeline_path = os.path.join(parallel_dir, "timeline.json")
    graph_path = os.path.join(parallel_dir, "graph.graphml")
    check(summary["timeline"] == timeline_path, "summary names the timeline file")

    # The same bytes for any number of jobs.
    for name in ("timeline.json", "graph.graphml", "graph.gexf", "timelinejs.json", "graph.json"):
        with open(os.path.join(parallel_dir, name), "rb") as a, open(os.path.join(serial_dir, name), "rb") as b:
            check(a.read() == b.read(), f"{name} differs between --jobs 2 and --jobs 1")
    check(not [f for f in os.listdir(parallel_dir) if ".tmp." in f], "no temporary files are left behind")

    with open(timeline_path, encoding="utf-8") as f:
        timeline = json.load(f)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator(schema).validate(timeline)
    except jsonschema.ValidationError as error:
        failures.append(f"timeline.json does not match the schema: {error.message} at {list(error.absolute_path)}")

    events = timeline["events"]
    entities = {e["id"]: e for e in timeline["entities"]}
    check(summary["events"] == len(events) and summary["entities"] == len(entities), "summary counts match the file")
    keys = [(e["start"] is None, e["start"] or "", e["id"]) for e in events]
    check(keys == sorted(keys), "events are sorted by start (undated last), then id")
    check(len({e["id"] for e in events}) == len(events), "event ids are unique")
    for event in events:
        for p in event["participants"]:
            check(p["entity"] in entities, f"{event['id']} names an unknown entity {p['entity']}")
        if event["start"]:
            check(event["start"] <= event["end"], f"{event['id']} starts after it ends")

    # Offsets are code points into the document text and cover the trigger.
    texts = document_texts(timeline)
    checked = 0
    for event in events:
        for m in event["mentions"]:
            text = texts.get(m["doc"])
            if text is None:
                continue
            checked += 1
            check(text[m["begin"]:m["end"]] == m["trigger"],
                  f"{event['id']}: offsets {m['begin']}-{m['end']} give {text[m['begin']:m['end']]!r}, not {m['trigger']!r}")
    check(checked > 0, "some mention offsets were checked")

    # Every dated mention says which temporal rule dated it and from which anchor.
    for event in events:
        for m in event["mentions"]:
            if m["time"] is None:
                continue
            check(m["time"]["rule"] != "", f"{event['id']}: a dated mention names its rule")
            anchor = m["time"]["anchor"]
            check(anchor is None or anchor[:4].isdigit(), f"{event['id']}: anchor {anchor!r} is a date or null")

    # GraphML: well-formed for xmllint, and loaded by networkx with the same content.
    lint = subprocess.run(["xmllint", "--noout", graph_path], capture_output=True, text=True)
    check(lint.returncode == 0, f"xmllint rejects graph.graphml: {lint.stderr}")
    graph = networkx.read_graphml(graph_path)
    check(graph.number_of_nodes() == len(events) + len(entities), "GraphML has one node per event and entity")
    edges = sum(len(e["participants"]) for e in events) + len(timeline["relations"])
    check(graph.number_of_edges() == edges, f"GraphML has {graph.number_of_edges()} edges, expected {edges}")
    for event in events:
        node = graph.nodes.get(event["id"], {})
        check(node.get("label") == event["label"] and node.get("kind") == "event", f"{event['id']} node attributes")
        check(abs(node.get("confidence", -1) - event["confidence"]) < 0.006, f"{event['id']} confidence is a double")
    for source, target, data in graph.edges(data=True):
        check("date" in data or graph.nodes[target].get("date") is None and graph.nodes[source].get("date") is None,
              f"edge {source}->{target} of a dated event carries no date")

    # GEXF 1.3, dynamic. Debian 12's networkx (2.8) reads GEXF up to 1.2draft, whose elements and
    # attributes ours uses unchanged: it reads our file with the namespace mapped back.
    gexf_path = os.path.join(parallel_dir, "graph.gexf")
    check(summary.get("gexf") == gexf_path, "summary names the GEXF file")
    lint = subprocess.run(["xmllint", "--noout", gexf_path], capture_output=True, text=True)
    check(lint.returncode == 0, f"xmllint rejects graph.gexf: {lint.stderr}")
    with open(gexf_path, encoding="utf-8") as f:
        gexf_text = f.read()
    check('mode="dynamic"' in gexf_text and 'timeformat="date"' in gexf_text, "the GEXF graph is dynamic")
    as_12 = gexf_text.replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz") \
                     .replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
    with tempfile.NamedTemporaryFile("w", suffix=".gexf", encoding="utf-8", delete=False) as f:
        f.write(as_12)
    try:
        gexf = networkx.read_gexf(f.name)
    finally:
        os.unlink(f.name)
    check(gexf.number_of_nodes() == len(events) + len(entities), "GEXF has one node per event and entity")
    check(gexf.number_of_edges() == edges, f"GEXF has {gexf.number_of_edges()} edges, expected {edges}")
    for event in events:
        node = gexf.nodes.get(event["id"], {})
        check(node.get("label") == event["label"], f"{event['id']}: GEXF label")
        if event["start"]:
            check(node.get("start") == event["start"] and node.get("end") == event["end"],
                  f"{event['id']}: GEXF start/end {node.get('start')}..{node.get('end')}")
        check("viz" in node and "color" in node["viz"] and "size" in node["viz"], f"{event['id']}: GEXF viz")

    # TimelineJS3: one slide per dated event, each with a numeric start year.
    with open(os.path.join(parallel_dir, "timelinejs.json"), encoding="utf-8") as f:
        slides = json.load(f)
    check(slides["title"]["text"]["headline"], "the TimelineJS file has a title")
    dated = [e for e in events if e["start"]]
    check(len(slides["events"]) == len(dated), f"{len(slides['events'])} slides for {len(dated)} dated events")
    for slide in slides["events"]:
        check(isinstance(slide["start_date"].get("year"), int), f"{slide['unique_id']}: a numeric start year")
        check(slide["text"]["headline"] and slide["group"], f"{slide['unique_id']}: headline and group")

    # export re-writes the built graph (graph.json) into the very bytes build wrote.
    with tempfile.TemporaryDirectory() as export_dir:
        for fmt, name in (("timeline", "timeline.json"), ("graphml", "graph.graphml"), ("gexf", "graph.gexf"),
                          ("timelinejs", "timelinejs.json"), ("json", "graph.json")):
            target = os.path.join(export_dir, name)
            run = subprocess.run([exe, "export", "--format", fmt, "--graph", parallel_dir, "--out", target],
                                 capture_output=True, text=True)
            check(run.returncode == 0, f"export --format {fmt} failed: {run.stderr}")
            if run.returncode == 0:
                with open(target, "rb") as a, open(os.path.join(parallel_dir, name), "rb") as b:
                    check(a.read() == b.read(), f"export --format {fmt} differs from what build wrote")
        run = subprocess.run([exe, "export", "--format", "csv", "--graph", os.path.join(parallel_dir, "graph.json"),
                              "--out", export_dir], capture_output=True, text=True)
        check(run.returncode == 0, f"export --format csv failed: {run.stderr}")
        with open(os.path.join(export_dir, "nodes.csv"), encoding="utf-8", newline="") as f:
            nodes = list(csv.DictReader(f))
        with open(os.path.join(export_dir, "relationships.csv"), encoding="utf-8", newline="") as f:
            rels = list(csv.DictReader(f))
        check(len(nodes) == len(events) + len(entities) and {"id:ID", ":LABEL"} <= set(nodes[0]),
              "Neo4j nodes.csv: one row per node, with :ID and :LABEL")
        check(len(rels) == edges and {":START_ID", ":END_ID", ":TYPE"} <= set(rels[0]),
              "Neo4j relationships.csv: one row per edge, with :START_ID, :END_ID and :TYPE")
        ids = {n["id:ID"] for n in nodes}
        check(all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels), "every relationship ends at a node")
        dot = os.path.join(export_dir, "graph.dot")
        run = subprocess.run([exe, "export", "--format", "dot", "--graph", parallel_dir, "--out", dot],
                             capture_output=True, text=True)
        check(run.returncode == 0 and open(dot, encoding="utf-8").read().startswith("digraph eventgraph {"),
              "export --format dot writes a digraph")

    def find(event_type, predicate=lambda e: True):
        return [e for e in events if e["type"] == event_type and predicate(e)]

    def names(event):
        return {p["name"] for p in event["participants"]}

    if corpus == "seeds":
        # Issue 5's acceptance: one event for each of these, with its participants and mentions.
        attacks = find("chemical_attack")
        check(len(attacks) == 1 and attacks[0]["date"] == "2017-04-04",
              f"one chemical attack, dated 2017-04-04: {[(e['date'], len(e['mentions'])) for e in attacks]}")
        check(attacks and len(attacks[0]["mentions"]) >= 20, "the chemical attack gathers its mentions (20 or more)")
        check(attacks and "Idlib" in names(attacks[0]), "the chemical attack happened in Idlib")
        strikes = find("aerial_attack", lambda e: e["start"] and "2017-04-03" <= e["start"] <= e["end"] <= "2017-04-09")
        check(len(strikes) == 1 and "United States" in names(strikes[0]),
              "one U.S. missile strike, dated within the week of 2017-04-03")

        def meeting_of(event_type, people, date="2017-04-12"):
            """Events of this type on this day whose people are exactly these."""
            return [e for e in find(event_type, lambda e: e["date"] == date)
                    if {p["name"] for p in e["participants"] if p["entity"] in persons} == people]

        persons = {e["id"] for e in entities.values() if e["kind"] == "person"}
        talks = meeting_of("meeting", {"Rex Tillerson", "Sergey Lavrov"})
        putin = meeting_of("meeting", {"Rex Tillerson", "Vladimir Putin"})
        check(len(talks) == 1 and len(talks[0]["mentions"]) >= 8,
              f"one Tillerson-Lavrov meeting on 2017-04-12 with its mentions, got {[len(e['mentions']) for e in talks]}")
        check(len(putin) == 1 and len(putin[0]["mentions"]) >= 4,
              f"one Tillerson-Putin meeting on 2017-04-12 with its mentions, got {[len(e['mentions']) for e in putin]}")
        check(not [e for e in find("meeting", lambda e: e["date"] == "2017-04-12")
                   if {"Rex Tillerson", "Sergey Lavrov", "Vladimir Putin"} <= names(e)],
              "no third meeting of all three: a sentence telling both meetings is a mention of each")
        both = "Tillerson met with Putin and Lavrov on Wednesday."
        check(talks and putin and any(m["sentence"] == both for m in talks[0]["mentions"])
              and any(m["sentence"] == both for m in putin[0]["mentions"]),
              "the sentence telling both meetings is a mention of each")
        conferences = meeting_of("press_conference", {"Rex Tillerson", "Sergey Lavrov"})
        check(len(conferences) == 1 and {m["doc"][:3] for m in conferences[0]["mentions"]} >= {"000", "001", "002"},
              "one joint news conference on 2017-04-12, told by three articles")
        check(not [e for e in find("press_conference") if e["date"] == "2017-04-12" and e not in conferences],
              "no second news conference on 2017-04-12")
        groups = find("cooperation_pledge", lambda e: any("working group" in m["sentence"] for m in e["mentions"]))
        check(len(groups) == 1 and groups[0]["date"] == "2017-04-12",
              f"the working-group agreement is dated 2017-04-12: {[e['date'] for e in groups]}")
        by_id = {e["id"]: e for e in events}
        causes = [r for r in timeline["relations"] if r["type"] == "causes"
                  and by_id[r["source"]] in attacks and by_id[r["target"]] in strikes]
        check(causes, "the chemical attack causes the missile strike")
        check(putin and conferences and any(r["type"] == "before" and r["source"] == putin[0]["id"]
                                            and r["target"] == conferences[0]["id"] for r in timeline["relations"]),
              "the news conference is ordered after the Putin meeting")
        # Past events the articles refer to, dated as the text says.
        for event_type, date in (("intervention", "2015"), ("invasion", "2003"),
                                 ("election_interference", "2016"), ("taking_office", "2017-01")):
            check(find(event_type, lambda e: e["date"] == date), f"a {event_type} dated {date}")
        # Modality and attribution.
        town = "the Syrian government wasn't responsible for the attack on the town of Khan Sheikhoun"
        check(attacks and any(town in m["sentence"] for m in attacks[0]["mentions"]),
              "'the attack on the town of Khan Sheikhoun' is a mention of the chemical attack")
        sourced = [m for e in events for m in e["mentions"] if m["source"]]
        check(any(m["source"]["name"] == "Sergey Lavrov" for m in sourced), "Lavrov is the source of what he said")
        # Exactly one entity for each of these referents (by its name or one of its aliases).
        for name in ("Rex Tillerson", "Sergey Lavrov", "Vladimir Putin", "Bashar al-Assad", "Donald Trump",
                     "Dmitry Peskov", "James Mattis", "Sergei Ryabkov", "Vladimir Safronkov", "Sergio Mattarella",
                     "Russia", "United States", "Syria", "Islamic State", "Hezbollah", "Iran", "United Nations",
                     "Khan Sheikhoun", "Idlib", "Ukraine", "Crimea", "Iraq", "Italy"):
            holders = [e for e in entities.values() if e["name"] == name or name in e["aliases"]]
            check(len(holders) == 1, f"exactly one entity for {name}, got {[e['name'] for e in holders]}")
        # Spellings that must land on one entity.
        for group in (("Sergey Lavrov", "Sergei Lavrov", "Lavrov"), ("Bashar Assad", "Bashar al-Assad", "Assad"),
                      ("U.S.", "US", "USA", "United States", "United State"), ("Russian Federation", "Russia")):
            owners = {e["id"] for e in entities.values() for alias in group if alias in e["aliases"]}
            check(len(owners) == 1, f"{group} are one entity, got {owners}")
        junk = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
                "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
                "WATCH", "LIVE", "WATCH LIVE", "More", "Please", "Photo", "Reuters Photo"}
        for e in entities.values():
            check(e["name"] not in junk and not junk & set(e["aliases"]), f"{e['name']} is not an entity")
        # Actor codes and metonymy: ministers code as their government, a seat that acts as its country.
        by_name = {e["name"]: e for e in entities.values()}
        check(by_name.get("Sergey Lavrov", {}).get("code") == "RUSGOV", "Lavrov is RUSGOV")
        check(by_name.get("Dmitry Peskov", {}).get("code") == "RUSGOV", "the Kremlin's spokesman is RUSGOV")
        check("Washington" in by_name.get("United States", {}).get("aliases", []),
              "Washington acting stands for the United States")
        check(by_name.get("Idlib", {}).get("region") == "SY-ID", "Idlib is the province SY-ID")
        check(by_name.get("Khan Sheikhoun", {}).get("country") == "SYR", "Khan Sheikhoun lies in Syria")
        lavrov = [e for e in entities.values() if e["name"] == "Sergey Lavrov"]
        check(lavrov and {"Sergei Lavrov", "Lavrov"} <= set(lavrov[0]["aliases"]), "Lavrov's spellings are one person")
        us = [e for e in entities.values() if e["name"] == "United States"]
        check(us and {"U.S.", "US", "USA"} <= set(us[0]["aliases"]), "U.S., US and USA are one country")
        undated = {d["id"][:3]: d for d in timeline["documents"] if d["date"] is None}
        check(sorted(undated) == ["002", "004"], "the two seeds without a header are undated")
        check(undated.get("004", {}).get("anchor") == "2017-04-12" and undated["004"]["anchor_source"] == "dateline",
              "a full date near the top of 004 anchors it as a dateline")
    elif corpus == "samples":
        explosions = find("explosion", lambda e: e["start"] is not None)
        check(explosions and explosions[0]["start"].startswith("2024-03"), "the port explosion is dated March 2024")
        check(any(d["date"] is None for d in timeline["documents"]), "the undated JSONL record is kept, undated")
        check(any(r["type"] == "causes" for r in timeline["relations"]), "a stated cause is found")

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: e2e {corpus}")
sys.exit(1 if failures else 0)
