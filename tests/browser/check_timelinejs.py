#!/usr/bin/env python3
"""A real browser check of timelinejs.json: TimelineJS (the npm package) renders our file in headless
Chromium with one slide per event and no console error; a screenshot is kept as a test artifact.

Usage: check_timelinejs.py EVENTGRAPH INPUT_DIR TIMELINEJS_PACKAGE_DIR ARTIFACT_DIR
Exits 77 (skipped) with a message when Chromium or the package is not installed
(./scripts/setup --tests installs both).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

exe, input_dir, package_dir, artifact_dir = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    print("SKIP: chromium is not installed (./scripts/setup --tests installs it)")
    sys.exit(77)
if not os.path.isfile(os.path.join(package_dir, "dist", "js", "timeline.js")):
    print(f"SKIP: TimelineJS is not installed in {package_dir} (./scripts/setup --tests installs it)")
    sys.exit(77)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def browse(page, *extra):
    # --no-sandbox: CI runs as root. Virtual time lets TimelineJS's timers run before the dump.
    return subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--allow-file-access-from-files", "--virtual-time-budget=5000",
                           "--window-size=1280,800", *extra, "file://" + page],
                          capture_output=True, text=True, timeout=120)


with tempfile.TemporaryDirectory() as work:
    out = os.path.join(work, "out")
    run = subprocess.run([exe, "build", "--quiet", "--out", out, input_dir], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"eventgraph build failed ({run.returncode}): {run.stderr}")
    with open(os.path.join(out, "timelinejs.json"), encoding="utf-8") as f:
        data = json.load(f)
    site = os.path.join(work, "site")
    os.makedirs(site)
    shutil.copytree(os.path.join(package_dir, "dist"), os.path.join(site, "timelinejs"))
    shutil.copy(os.path.join(here, "timeline.html"), site)
    with open(os.path.join(site, "data.js"), "w", encoding="utf-8") as f:
        f.write("window.TIMELINE_DATA = " + json.dumps(data) + ";\n")
    page = os.path.join(site, "timeline.html")

    dumped = browse(page, "--dump-dom")
    check(dumped.returncode == 0, f"chromium failed ({dumped.returncode}): {dumped.stderr[-2000:]}")
    dom = dumped.stdout
    errors = re.search(r'<pre id="errors">(.*?)</pre>', dom, re.S)
    check(errors is not None and errors.group(1).strip() == "",
          f"console errors: {errors.group(1).strip() if errors else 'the page did not run'}")
    status = re.search(r'<pre id="status">(.*?)</pre>', dom, re.S)
    check(status is not None and status.group(1) in ("created", "loaded"), f"TimelineJS status: {status and status.group(1)}")
    slides = len(re.findall(r'class="tl-slide[ "]', dom))
    # One slide per event, and the title slide.
    check(slides == len(data["events"]) + 1, f"{slides} slides rendered for {len(data['events'])} events and a title")
    for event in data["events"][:3]:
        headline = event["text"]["headline"]
        check(headline in dom, f"the slide of {event['unique_id']} shows its headline {headline!r}")

    os.makedirs(artifact_dir, exist_ok=True)
    screenshot = os.path.join(artifact_dir, "timelinejs.png")
    shot = browse(page, "--screenshot=" + screenshot)
    check(shot.returncode == 0 and os.path.getsize(screenshot) > 10000 if os.path.exists(screenshot) else False,
          f"no screenshot taken: {shot.stderr[-1000:]}")

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: TimelineJS in Chromium"
      + ("" if failures else f" (screenshot: {screenshot})"))
sys.exit(1 if failures else 0)
