#!/usr/bin/env python3
"""Measure how the tokenlens CLI reads the recognition corpus and write BASELINE.md.

Usage: python3 tests/recognition/baseline.py [PATH_TO_TOKENLENS] [--out FILE]

For every tests/recognition/<point>-<slug>.json the script feeds "input" to
`tokenlens -` (standard input), keeps the text report, and records:
  * whether the report says "Nothing here was recognised";
  * which "expect" strings appear in the report (case-insensitive substring
    match, after removing the generic "Nothing here was recognised. Expected
    ..." notice, whose list of kinds would otherwise match words such as
    "Exchange");
  * the card titles (lines "=== [n] ... ===") so a reader sees what was found.
It then writes a table per file and totals per point and per language.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTICE = re.compile(r"(NOTE: )?Nothing here was recognised\. Expected[^\n]*")
CARD = re.compile(r"^=== \[\d+\] (.*) ===$", re.M)
POINTS = {
    1: "codes, reasons and exception names in free text",
    2: "translated output",
    3: "log lines as people paste them",
    4: "raw HTTP exchanges",
    5: "PowerShell object output",
    6: "user agents, builds, server headers, resources, paths",
    7: "one answer / contradictory pastes",
}


def run(cli, text):
    proc = subprocess.run([cli, "-"], input=text.encode("utf-8"), capture_output=True, timeout=60)
    return proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


def measure(cli):
    rows = []
    for path in sorted(p for p in HERE.glob("*.json") if p.name != "FOUND.json"):
        case = json.loads(path.read_text(encoding="utf-8"))
        report = run(cli, case["input"])
        nothing = "Nothing here was recognised" in report
        searchable = NOTICE.sub("", report).lower()
        hits = [e for e in case["expect"] if e.lower() in searchable]
        rows.append({
            "file": path.name,
            "point": case["point"],
            "language": case["language"],
            "nothing": nothing,
            "expect": case["expect"],
            "hits": hits,
            "cards": CARD.findall(report),
        })
    return rows


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def write(rows, out):
    lines = ["# Recognition baseline", ""]
    lines.append("Measured with `tests/recognition/baseline.py` against the CLI named in the command line")
    lines.append("(see README.md for how). \"nothing\" = the report says \"Nothing here was recognised\";")
    lines.append("\"expect\" = how many of the file's expect strings appear in the report (case-insensitive).")
    lines.append("")
    total_e = sum(len(r["expect"]) for r in rows)
    total_h = sum(len(r["hits"]) for r in rows)
    total_n = sum(r["nothing"] for r in rows)
    full = sum(1 for r in rows if len(r["hits"]) == len(r["expect"]))
    lines.append(f"**Totals:** {len(rows)} files; {total_n} say \"Nothing here was recognised\"; "
                 f"{total_h} of {total_e} expect strings appear ({100 * total_h / max(total_e, 1):.0f}%); "
                 f"{full} files have every expect string.")
    lines.append("")
    lines.append("## Per point")
    lines.append("")
    lines.append("| point | what | files | nothing recognised | expect found | all expect found |")
    lines.append("|---|---|---|---|---|---|")
    by_point = defaultdict(list)
    for r in rows:
        by_point[r["point"]].append(r)
    for p in sorted(by_point):
        rs = by_point[p]
        e = sum(len(r["expect"]) for r in rs)
        h = sum(len(r["hits"]) for r in rs)
        lines.append(f"| {p} | {POINTS.get(p, '')} | {len(rs)} | {sum(r['nothing'] for r in rs)} | "
                     f"{h}/{e} | {sum(1 for r in rs if len(r['hits']) == len(r['expect']))} |")
    lines.append("")
    lines.append("## Per language")
    lines.append("")
    lines.append("| language | files | nothing recognised | expect found |")
    lines.append("|---|---|---|---|")
    by_lang = defaultdict(list)
    for r in rows:
        by_lang[r["language"]].append(r)
    for lang in sorted(by_lang):
        rs = by_lang[lang]
        e = sum(len(r["expect"]) for r in rs)
        h = sum(len(r["hits"]) for r in rs)
        lines.append(f"| {lang} | {len(rs)} | {sum(r['nothing'] for r in rs)} | {h}/{e} |")
    lines.append("")
    lines.append("## Per file")
    lines.append("")
    lines.append("| file | lang | nothing | expect found | missing | cards in the report |")
    lines.append("|---|---|---|---|---|---|")
    for r in rows:
        missing = [e for e in r["expect"] if e not in r["hits"]]
        lines.append(f"| {r['file']} | {r['language']} | {'yes' if r['nothing'] else 'no'} | "
                     f"{len(r['hits'])}/{len(r['expect'])} | {cell(', '.join(missing))} | "
                     f"{cell('; '.join(r['cards']))} |")
    lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def main():
    args = sys.argv[1:]
    out = HERE / "BASELINE.md"
    if "--out" in args:
        i = args.index("--out")
        out = Path(args[i + 1])
        del args[i:i + 2]
    cli = args[0] if args else "tokenlens"
    rows = measure(cli)
    write(rows, out)
    total_e = sum(len(r["expect"]) for r in rows)
    total_h = sum(len(r["hits"]) for r in rows)
    print(f"{len(rows)} files, {sum(r['nothing'] for r in rows)} nothing recognised, "
          f"{total_h}/{total_e} expect strings found; wrote {out}")


if __name__ == "__main__":
    main()
