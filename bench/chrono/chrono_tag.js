// Tags the articles of a JSONL file ({id, date, text} per line) with chrono-node,
// each against its own date, and prints {"seconds": ..., "documents": [...]} as
// JSON: for every expression its text, offset, and the day it resolves to when
// chrono is certain of the day.  Usage: node chrono_tag.js CORPUS.jsonl [PASSES]
// With PASSES > 1 the corpus is parsed that many times in the one process (the JIT warm after
// the first) and "seconds" is the fastest pass.
const fs = require("fs");
const chrono = require("chrono-node");

const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(l => l.trim());
const docs = lines.map(l => JSON.parse(l));
const pad = n => String(n).padStart(2, "0");
const passes = Math.max(1, Number(process.argv[3] || 1));
let seconds = Infinity;
let out = [];
for (let pass = 0; pass < passes; ++pass) {
  const started = process.hrtime.bigint();
  out = [];
  for (const doc of docs) {
    const [y, m, d] = (doc.date || "2000-01-01").split("-").map(Number);
    const reference = new Date(y, m - 1, d, 12);
    const results = chrono.parse(doc.text, reference);
    out.push({
      id: doc.id,
      timexes: results.map(r => ({
        text: r.text,
        begin: r.index,
        day: r.start.isCertain("day")
          ? `${r.start.get("year")}-${pad(r.start.get("month"))}-${pad(r.start.get("day"))}`
          : null,
      })),
    });
  }
  seconds = Math.min(seconds, Number(process.hrtime.bigint() - started) / 1e9);
}
process.stdout.write(JSON.stringify({ seconds, documents: out }));
