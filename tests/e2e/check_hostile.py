#!/usr/bin/env python3
"""A corpus of hostile inputs through `eventgraph build`: every bad document is reported and
skipped or repaired, the good ones keep their events, the counts add up, exit 0 (1 with --strict).

The corpus is made here, in a temporary directory: binary files, an empty file, invalid UTF-8,
UTF-16, an HTML page, glued sentences, a 50 MB single-line file and a 50 MB JSONL line, malformed
JSONL lines, impossible and unsupported dates, an unreadable file and an unreadable directory
(as root, the build runs as user nobody so that permissions bite).

Usage: check_hostile.py EVENTGRAPH DATA_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

exe, data_dir = sys.argv[1:3]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


GOOD = ("Rebels attacked a police convoy near Kalma on Tuesday, the army said. "
        "Two soldiers were killed in the attack.\n")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def make_corpus(root):
    os.makedirs(os.path.join(root, "sub"))
    write(os.path.join(root, "good.txt"), "date 2021-03-04\n" + GOOD)
    write(os.path.join(root, "binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    write(os.path.join(root, "empty.txt"), b"")
    write(os.path.join(root, "mojibake.txt"),
          b"date 2021-05-10\nThe court sentenced the former mayor of Sm\xf8lby on Friday. Caf\xe9 owners wept.\n")
    write(os.path.join(root, "utf16.txt"),
          b"\xff\xfe" + "date 2021-06-01\nFloods forced 300 families from their homes on Sunday.\n".encode("utf-16-le"))
    write(os.path.join(root, "page.txt"),
          "<!DOCTYPE html><html><head><title>News</title><script>var ad = 'Police arrested nobody';</script>"
          "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
          "<h1>Storm hits the coast</h1><p>date is not a header here.</p>"
          "<p>A powerful earthquake struck the coast of Valparaiso on Monday&nbsp;night, officials said.</p>"
          "<footer>&copy; Example News</footer></body></html>")
    write(os.path.join(root, "sub", "saved.html"),
          "<html><body><article><p>Police arrested three men in Quito on Thursday.</p></article></body></html>")
    write(os.path.join(root, "glued.txt"),
          "date 2022-01-10\nThe minister met the envoy in Oslo on Tuesday, adding thatAt the same time "
          "talks would go on.The envoy said nothing.\n")
    write(os.path.join(root, "bad_header_date.txt"), "date 2017-02-30\nTroops left the city on Monday.\n")
    write(os.path.join(root, "unsupported_header_date.txt"), "date 17/4/2017\nTroops left the city on Monday.\n")
    # 50 MB on one line, as text and as one JSONL record: skipped whole, in bounded memory.
    line = b"word " * (10 * 1024 * 1024)
    write(os.path.join(root, "huge.txt"), line)
    write(os.path.join(root, "sub", "huge.jsonl"),
          b'{"text": "' + line + b'"}\n{"id": "after-huge", "date": "2020-01-02", "text": "Police arrested '
          b'two men in Nairobi on Wednesday."}\n')
    write(os.path.join(root, "sub", "wire.jsonl"), "\n".join([
        json.dumps({"id": "wire-ok", "date": "2019-07-08", "text": "Thousands protested in Lima on Sunday."}),
        "{broken",
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "date": "2019-07-08"}),
        json.dumps({"id": "bad-type", "title": 5, "text": "x"}),
        json.dumps({"id": "bad-date", "date": "2017-02-30", "text": "Troops left the city on Monday."}),
        json.dumps({"id": "other-date", "date": "17/4/2017", "text": "Troops left the city on Monday."}),
        "",
    ]))
    write(os.path.join(root, "sub", "junk.jsonl"), bytes(range(256)) * 100)
    locked = os.path.join(root, "locked")
    os.makedirs(locked)
    write(os.path.join(locked, "hidden.txt"), "date 2021-01-01\n" + GOOD)
    os.chmod(locked, 0)
    unreadable = os.path.join(root, "unreadable.txt")
    write(unreadable, "date 2021-01-01\n" + GOOD)
    os.chmod(unreadable, 0)


def run(args, as_nobody):
    command = [exe, *args]
    if as_nobody:  # root reads everything; a plain user is what the permission cases need
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True)
    return result, time.time() - started


def reachable_by_nobody(work):
    """As root, the build runs as nobody: it needs an executable and data it can reach. When the
    checkout sits where nobody cannot go (a home directory), copies of both in `work` serve."""
    global exe, data_dir
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", exe,
                            "build", "--help"], capture_output=True)
    readable = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r",
                               os.path.join(data_dir, "ontology", "event_types.tsv")])
    if probe.returncode == 0 and readable.returncode == 0:
        return
    shutil.copy(exe, os.path.join(work, "eventgraph"))
    shutil.copytree(data_dir, os.path.join(work, "data"))
    exe, data_dir = os.path.join(work, "eventgraph"), os.path.join(work, "data")
    for root, dirs, files in os.walk(work):
        for name in dirs + files:
            os.chmod(os.path.join(root, name), 0o755)


with tempfile.TemporaryDirectory() as work:
    os.chmod(work, 0o755)
    as_nobody = os.geteuid() == 0
    if as_nobody:
        reachable_by_nobody(work)
    corpus = os.path.join(work, "corpus")
    make_corpus(corpus)
    out = os.path.join(work, "out")
    os.makedirs(out)
    os.chmod(out, 0o777)
    result, seconds = run(["build", "--json", "--data-dir", data_dir, "--date", "2021-01-01",
                           "--out", out, corpus], as_nobody)
    check(result.returncode == 0, f"a hostile corpus builds with exit 0 (got {result.returncode}: {result.stderr[-2000:]})")
    summary = json.loads(result.stdout) if result.returncode == 0 else {}
    err = result.stderr

    # Each problem is named with its file (and line), and says what happened.
    expected_messages = [
        ("binary.txt: binary file", "a binary .txt is skipped"),
        ("junk.jsonl: binary file", "a binary .jsonl is skipped whole, not line by line"),
        ("huge.txt: document is 52428800 bytes, over --max-doc-bytes", "a 50 MB file is skipped with its size"),
        ("huge.jsonl:1: line is 52428812 bytes, over --max-doc-bytes", "a 50 MB JSONL line is skipped with its size"),
        ("wire.jsonl:2: invalid JSON", "a malformed JSONL line names its line"),
        ("wire.jsonl:3: expected a JSON object", "a JSONL line that is no object"),
        ("wire.jsonl:4: missing \"text\"", "a JSONL record without text"),
        ("wire.jsonl:5: a field that should be a string", "a JSONL field of the wrong type"),
        ("wire.jsonl:6: impossible or unsupported date \"2017-02-30\"", "an impossible JSON date"),
        ("wire.jsonl:7: impossible or unsupported date \"17/4/2017\"", "a JSON date in another format"),
        ("bad_header_date.txt:1: impossible date in header: 2017-02-30", "an impossible header date"),
        ("unsupported_header_date.txt:1: unsupported date in header: 17/4/2017", "a header date in another format"),
        ("mojibake.txt: 2 invalid UTF-8 sequence(s) replaced", "invalid UTF-8 is counted"),
        ("2 document(s) read as HTML", "HTML is noted"),
        ("1 document(s) decoded from UTF-16", "UTF-16 is noted"),
        ("glued word(s) split", "glued words are noted"),
    ]
    if as_nobody or os.geteuid() != 0:
        expected_messages += [
            ("locked: cannot list directory", "an unreadable directory is reported"),
            ("unreadable.txt: cannot open file", "an unreadable file is reported"),
        ]
    for text, what in expected_messages:
        check(text in err, f"{what} ({text!r} not in stderr)")
    check("kept undated" in err, "documents with bad dates are kept, undated")

    if summary:
        # Documents: good, mojibake, utf16, page, glued, the two bad-header ones, empty (8 .txt),
        # saved.html,
        # after-huge, wire-ok, bad-date, other-date (4 JSONL records).
        check(summary["documents"] == 13, f"13 documents processed (got {summary['documents']})")
        # Skipped: binary.txt, junk.jsonl, huge.txt, the huge JSONL line, four bad JSONL lines,
        # the unreadable file and the unreadable directory.
        check(summary["skipped"] == 10, f"10 skipped (got {summary['skipped']})")
        check(summary["empty"] == 1, f"1 empty (got {summary['empty']})")
        check(summary["repaired"]["invalid_utf8"] == 1 and summary["repaired"]["html"] == 2
              and summary["repaired"]["utf16"] == 1 and summary["repaired"]["glued_words"] >= 2,
              f"repairs counted: {summary['repaired']}")
        check(seconds < 120, f"a 50 MB line does not take long ({seconds:.0f} s)")

        with open(os.path.join(out, "timeline.json"), encoding="utf-8") as f:
            timeline = json.load(f)
        docs = {d["id"]: d for d in timeline["documents"]}
        events = timeline["events"]

        def told_by(doc_id):
            return [e for e in events if any(m["doc"] == doc_id for m in e["mentions"])]

        def has(doc_id, event_type, date=None):
            return any(e["type"] == event_type and (date is None or e["date"] == date) for e in told_by(doc_id))

        # The good documents' events are intact, with their dates.
        check(has("good", "attack", "2021-03-02"), "good.txt: the attack on Tuesday 2021-03-02")
        check(has("after-huge", "arrest", "2020-01-01"), "the record after a 50 MB line is read")
        check(has("wire-ok", "protest", "2019-07-07"), "a good JSONL record among bad ones")
        check(has("mojibake", "sentence", "2021-05-07"), "a repaired document keeps its event")
        check(has("utf16", "disaster") or has("utf16", "flood"), "a UTF-16 document is read")
        check(any(e["type"] == "earthquake" for e in told_by("page")), "an HTML page's article text is read")
        check(not any("arrested nobody" in m["sentence"] for e in events for m in e["mentions"]),
              "scripts in HTML are not read as text")
        check(has("glued", "meeting", "2022-01-04"), "a glued document keeps its meeting")
        check(has("saved", "arrest", "2020-12-31"), "a saved .html page is read (anchored by --date)")
        glued_sentences = [m["sentence"] for e in told_by("glued") for m in e["mentions"]]
        check(not any("thatAt" in s for s in glued_sentences), "the glued words are split")
        for doc_id in ("bad_header_date", "unsupported_header_date", "bad-date", "other-date"):
            check(doc_id in docs and not docs[doc_id]["date"], f"{doc_id} is kept, undated")
        check("empty" in docs, "an empty document is listed")
        check("hidden" not in docs and "unreadable" not in docs, "unreadable inputs are not in the output")

        # Offsets still count in the input as written (the glued file had no spaces there).
        with open(os.path.join(corpus, "glued.txt"), encoding="utf-8") as f:
            body = f.read()[len("date 2022-01-10"):]  # the header and the blanks after it on its line
        for e in told_by("glued"):
            for m in e["mentions"]:
                if m["doc"] == "glued":
                    check(body[m["begin"]:m["end"]].lower() == m["trigger"].lower(),
                          f"glued.txt offsets {m['begin']}-{m['end']} give {body[m['begin']:m['end']]!r}")

    strict, _ = run(["build", "--strict", "--quiet", "--data-dir", data_dir, "--out", out, corpus], as_nobody)
    check(strict.returncode == 1, f"--strict makes skips exit 1 (got {strict.returncode})")

    # Output directories that cannot be written fail fast, before the work.
    blocker = os.path.join(work, "a-file")
    open(blocker, "w").close()
    started = time.time()
    unwritable, _ = run(["build", "--data-dir", data_dir, "--out", os.path.join(blocker, "out"), corpus], False)
    check(unwritable.returncode == 3 and "cannot create output directory" in unwritable.stderr,
          "an output directory that cannot be made exits 3 with a message")
    check(time.time() - started < 5, "and fails before reading the corpus")

    # Nothing readable at all: exit 1, nothing written.
    only_bad = os.path.join(work, "only-bad")
    os.makedirs(only_bad)
    write(os.path.join(only_bad, "x.txt"), bytes(range(256)) * 10)
    nothing_out = os.path.join(work, "nothing")
    nothing, _ = run(["build", "--data-dir", data_dir, "--out", nothing_out, only_bad], False)
    check(nothing.returncode == 1 and "no document could be read" in nothing.stderr,
          "a corpus with nothing readable exits 1")
    check(not os.path.exists(os.path.join(nothing_out, "timeline.json")), "and writes no output")

    # --max-doc-bytes is the user's to set.
    small = os.path.join(work, "small")
    limited, _ = run(["build", "--quiet", "--json", "--max-doc-bytes", "50", "--data-dir", data_dir,
                      "--out", small, os.path.join(corpus, "good.txt"), os.path.join(corpus, "glued.txt")], False)
    check(limited.returncode == 1 and "no document could be read" in limited.stderr,
          "--max-doc-bytes 50 skips both documents")

    for path in (os.path.join(corpus, "locked"), os.path.join(corpus, "unreadable.txt")):
        os.chmod(path, 0o700)

for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed: hostile corpus")
sys.exit(1 if failures else 0)
