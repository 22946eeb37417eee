#!/usr/bin/env python3
"""`eventgraph parse` and `eventgraph train-syntax` as a user meets them: CoNLL-U that a CoNLL-U
reader accepts (10 columns, heads in range, one root per sentence), JSON that parses, and a
missing or corrupt model named on stderr with exit 2.

Usage: check_parse.py EVENTGRAPH DATA_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

exe, data_dir = sys.argv[1:3]
model = os.path.join(data_dir, "models", "syntax.bin")
tiny_treebank = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "syntax",
                             "tiny.conllu")
failures = []
checks = 0


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120)


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


ARTICLE = ("Rebels attacked a police convoy near Kalma on Tuesday, the army said. "
           "Two soldiers were killed and three others were wounded.\n\n"
           "The ministers didn't comment. The U.N.'s envoy said talks would resume in Geneva.\n")


def conllu_sentences(text):
    """The sentences of CoNLL-U text as lists of 10-field rows; raises ValueError if malformed."""
    sentences, rows, comments = [], [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if line == "":
            if rows:
                sentences.append(rows)
            elif comments:
                raise ValueError(f"line {number}: comments without words")
            rows, comments = [], 0
            continue
        if line.startswith("#"):
            comments += 1
            continue
        fields = line.split("\t")
        if len(fields) != 10:
            raise ValueError(f"line {number}: {len(fields)} fields")
        if int(fields[0]) != len(rows) + 1:
            raise ValueError(f"line {number}: id {fields[0]} out of sequence")
        if any(field == "" for field in fields):
            raise ValueError(f"line {number}: an empty field")
        rows.append(fields)
    if rows:
        raise ValueError("the last sentence has no blank line after it")
    return sentences


def check_tree(heads, relations, what):
    n = len(heads)
    check(all(0 <= h <= n for h in heads), f"{what}: heads in 0..{n}")
    roots = [i for i, h in enumerate(heads) if h == 0]
    check(len(roots) == 1, f"{what}: exactly one root (got {len(roots)})")
    check(all(relations[i] == "root" for i in roots), f"{what}: the root's relation is root")
    check(all(relations[i] != "root" for i in range(n) if heads[i] != 0),
          f"{what}: only the root is called root")
    for start in range(n):  # every word reaches the root: no cycles
        seen, word = set(), start
        while 0 <= word < n and heads[word] != 0 and word not in seen:
            seen.add(word)
            word = heads[word] - 1
        if word in seen:
            check(False, f"{what}: a cycle through word {start + 1}")
            break


with tempfile.TemporaryDirectory() as work:
    article = os.path.join(work, "article.txt")
    with open(article, "w") as f:
        f.write(ARTICLE)

    # CoNLL-U (the default, and with --conllu).
    default = run("parse", "--data-dir", data_dir, article)
    conllu = run("parse", "--conllu", "--model", model, "--data-dir", data_dir, article)
    check(default.returncode == 0, f"parse exits 0 (got {default.returncode}: {default.stderr})")
    check(conllu.returncode == 0 and conllu.stdout == default.stdout,
          "parse --conllu prints what parse prints by default")
    try:
        sentences = conllu_sentences(default.stdout)
        check(len(sentences) == 4, f"parse finds the article's 4 sentences (got {len(sentences)})")
        for number, rows in enumerate(sentences, 1):
            check_tree([int(row[6]) for row in rows], [row[7] for row in rows], f"sentence {number}")
            for row in rows:
                check(row[3] in {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                                 "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"},
                      f"sentence {number}: {row[3]} is a UPOS tag")
                begin, end = map(int, row[9].removeprefix("Range=").split(":"))
                check(ARTICLE.encode()[begin:end].decode() == row[1],
                      f"sentence {number}: Range= of {row[1]!r} points at it in the text")
        forms = [row[1] for rows in sentences for row in rows]
        did = forms.index("did") if "did" in forms else -1
        check(did >= 0 and forms[did + 1:did + 2] == ["n't"], "parse splits didn't into did + n't")
        check("'s" in forms and "U.N." in forms, "parse splits U.N.'s into U.N. + 's")
        check("# text = The ministers didn't comment." in default.stdout, "parse writes # text comments")
    except ValueError as error:
        check(False, f"parse prints valid CoNLL-U ({error})")

    # JSON: documents of sentences of words.
    as_json = run("parse", "--json", "--data-dir", data_dir, article)
    check(as_json.returncode == 0, "parse --json exits 0")
    try:
        documents = json.loads(as_json.stdout)
        check(isinstance(documents, list) and len(documents) == 1, "parse --json prints one document")
        json_sentences = documents[0]["sentences"]
        check(len(json_sentences) == 4, "parse --json has the 4 sentences")
        for number, sentence in enumerate(json_sentences, 1):
            words = sentence["words"]
            check([w["id"] for w in words] == list(range(1, len(words) + 1)), f"JSON sentence {number}: ids 1..n")
            check_tree([w["head"] for w in words], [w["deprel"] for w in words], f"JSON sentence {number}")
            for w in words:
                check(ARTICLE.encode()[w["begin"]:w["end"]].decode() == w["form"],
                      f"JSON sentence {number}: begin/end of {w['form']!r} point at it")
                check(all(isinstance(w[key], str) and w[key] for key in ("form", "lemma", "upos", "xpos", "deprel")),
                      f"JSON sentence {number}: {w['form']!r} has form, lemma, upos, xpos and deprel")
    except (ValueError, KeyError, IndexError, TypeError) as error:
        check(False, f"parse --json prints JSON of documents, sentences and words ({error})")
    check(run("parse", "--json", "--conllu", article).returncode == 2, "--json with --conllu is a usage error (2)")

    # --tokenized: the words of a CoNLL-U file as given; --score: against its own annotation.
    tokenized = run("parse", "--tokenized", "--model", model, tiny_treebank)
    try:
        sentences = conllu_sentences(tokenized.stdout)
        check(tokenized.returncode == 0 and len(sentences) == 16, "parse --tokenized analyses all 16 sentences")
    except ValueError as error:
        check(False, f"parse --tokenized prints valid CoNLL-U ({error})")
    scored = run("parse", "--tokenized", "--score", "--json", "--model", model, tiny_treebank)
    try:
        scores = json.loads(scored.stdout)
        check(scored.returncode == 0 and scores["words"] == 115 and 0 <= scores["las"] <= scores["uas"] <= 100,
              f"parse --tokenized --score --json prints the scores ({scored.stdout.strip()})")
    except (ValueError, KeyError) as error:
        check(False, f"parse --tokenized --score --json prints JSON ({error})")
    check(run("parse", "--score", article).returncode == 2, "--score without --tokenized is a usage error (2)")

    # A missing or corrupt model: exit 2, the file named.
    missing = run("parse", "--model", "/nonexistent/syntax.bin", "--data-dir", data_dir, article)
    check(missing.returncode == 2 and "/nonexistent/syntax.bin" in missing.stderr and missing.stdout == "",
          f"a missing --model is named, exit 2 (got {missing.returncode}: {missing.stderr.strip()})")
    corrupt = os.path.join(work, "corrupt-model.bin")
    with open(corrupt, "wb") as f:
        f.write(bytes((i * 7919 + 13) % 256 for i in range(10000)))
    refused = run("parse", "--model", corrupt, "--data-dir", data_dir, article)
    check(refused.returncode == 2 and "corrupt-model.bin" in refused.stderr,
          f"a corrupt --model is named, exit 2 (got {refused.returncode}: {refused.stderr.strip()})")
    truncated = os.path.join(work, "truncated-model.bin")
    with open(model, "rb") as f, open(truncated, "wb") as out:
        out.write(f.read(200000))
    refused = run("parse", "--model", truncated, "--data-dir", data_dir, article)
    check(refused.returncode == 2 and "truncated-model.bin" in refused.stderr,
          f"a truncated --model is named, exit 2 (got {refused.returncode}: {refused.stderr.strip()})")
    no_input = run("parse", "--data-dir", data_dir, os.path.join(work, "nope.txt"))
    check(no_input.returncode == 2 and "nope.txt" in no_input.stderr, "a missing input is named, exit 2")

    # Help.
    parse_help = run("parse", "--help")
    check(parse_help.returncode == 0, "parse --help exits 0")
    for option in ("--json", "--conllu", "--model", "--tokenized", "--score", "--data-dir"):
        check(option in parse_help.stdout, f"parse --help explains {option}")
    train_help = run("train-syntax", "--help")
    check(train_help.returncode == 0, "train-syntax --help exits 0")
    for option in ("--out", "--wordnet", "--tagger-epochs", "--parser-epochs", "--jackknife", "--seed"):
        check(option in train_help.stdout, f"train-syntax --help explains {option}")
    check(run("train-syntax", tiny_treebank).returncode == 2, "train-syntax without --out is a usage error (2)")
    no_treebank = run("train-syntax", "--out", os.path.join(work, "m.bin"), os.path.join(work, "none.conllu"))
    check(no_treebank.returncode == 2 and "none.conllu" in no_treebank.stderr
          and not os.path.exists(os.path.join(work, "m.bin")),
          "train-syntax names a missing treebank, exit 2, and writes nothing")

for failure in failures:
    print("FAIL:", failure)
print(f"{checks - len(failures)} passed, {len(failures)} failed: e2e parse")
sys.exit(1 if failures else 0)
