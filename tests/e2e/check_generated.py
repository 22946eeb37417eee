#!/usr/bin/env python3
"""A generated gazetteer is exactly what its committed script makes of Debian's iso-codes.

Usage: check_generated.py SCRIPT EXPECTED_TSV   (exit 77, skipped, where iso-codes is absent)
"""
import os
import subprocess
import sys

script, expected = sys.argv[1:3]
if not os.path.exists("/usr/share/iso-codes/json/iso_3166-1.json"):
    print("iso-codes is not installed: skipped")
    sys.exit(77)
generated = subprocess.run([sys.executable, script], capture_output=True, text=True, check=True).stdout
with open(expected, encoding="utf-8") as f:
    committed = f.read()
if generated != committed:
    print(f"{expected} differs from what {script} writes now: run the script again")
    sys.exit(1)
print(f"{expected}: as generated")
