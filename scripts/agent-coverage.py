#!/usr/bin/env python3
"""Counts, per CAMEO sector and language, the agent words of packs/data/LL/agents.

Usage: python3 scripts/agent-coverage.py [--langs fr,de,...] [--forms SECTOR] [--thirdparty]

Every line `SECTOR | office | form | form ...` of a language's agents file adds its forms to its sector;
the @ lines (@of, @own, @country, @quantity ...) hold no agent of their own and are skipped. A cell is
`groups+titles`: the number of distinct folded forms on lines with an empty office (bodies and unnamed
groups: "police", "rebels", "the government") and on lines with an office or `person` (titles of one person:
"minister", "judge", "opposition leader"). Singular and plural count apart, since the packs list both; a
Snowball stem is not applied to agents, so a form the file lacks is a form the matcher lacks. `--forms SECTOR`
prints, instead of the table, the words each language has for one sector, to compare a thin cell with a full one.
"""
import os, sys, unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LANGS = "en,fr,de,nl,es,pt,it,vi,zh".split(",")
# The sectors the packs use, in the order of docs/actors.md; any other sector found is appended.
SECTORS = ["GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY", "OPP", "REB", "INS", "CRM", "CVL", "LAB",
           "AGR", "EDU", "MED", "BUS", "NGO", "REF", "REL", "IGO"]

def fold(w):
    w = unicodedata.normalize("NFD", w.lower().replace("\u2019", "'"))
    return "".join(c for c in w if unicodedata.category(c) != "Mn")

def table(lang, thirdparty=False):
    files = [os.path.join(ROOT, "packs/data", lang, "agents")]
    if thirdparty: files.append(os.path.join(ROOT, "packs/thirdparty", lang, "agents"))
    groups, titles = {}, {}
    for f in files:
        if not os.path.exists(f): continue
        for line in open(f, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("@") or "|" not in line: continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 3: continue
            sector, office = parts[0], parts[1]
            dest = groups if office == "" else titles
            dest.setdefault(sector, set()).update(fold(p) for p in parts[2:] if p)
    return groups, titles

def main():
    args = sys.argv[1:]
    langs = LANGS
    if "--langs" in args: langs = args[args.index("--langs") + 1].split(",")
    tp = "--thirdparty" in args
    data = {l: table(l, tp) for l in langs}
    sectors = list(SECTORS)
    for l in langs:
        for d in data[l]:
            for s in sorted(d):
                if s not in sectors: sectors.append(s)
    if "--forms" in args:
        s = args[args.index("--forms") + 1]
        for l in langs:
            g, t = data[l]
            print(l, s, " | ".join(sorted(g.get(s, set()) | t.get(s, set()))))
        return
    print("| sector | " + " | ".join(langs) + " |")
    print("|---|" + "---|" * len(langs))
    for s in sectors:
        cells = []
        for l in langs:
            g, t = data[l]
            ng, nt = len(g.get(s, ())), len(t.get(s, ()))
            cells.append("%d+%d" % (ng, nt) if ng or nt else "—")
        print("| %s | %s |" % (s, " | ".join(cells)))

if __name__ == "__main__":
    main()
