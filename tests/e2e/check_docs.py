#!/usr/bin/env python3
"""The documentation stays true to the data: docs/ontology.md lists every event type.

Usage: check_docs.py REPOSITORY_ROOT
"""
import os
import sys

root = sys.argv[1]
with open(os.path.join(root, "data", "ontology", "event_types.tsv"), encoding="utf-8") as f:
    slugs = [line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")]
with open(os.path.join(root, "docs", "ontology.md"), encoding="utf-8") as f:
    page = f.read()
missing = [slug for slug in slugs if f"`{slug}`" not in page]
for slug in missing:
    print(f"FAIL: docs/ontology.md does not list the event type {slug}")
print(f"{len(slugs) - len(missing)} of {len(slugs)} event types documented")
sys.exit(1 if missing else 0)
