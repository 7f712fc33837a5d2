#!/usr/bin/env python3
"""Counts, per CAMEO code and language, the patterns of packs/data/LL/verbs and the act words they use.

Usage: python3 scripts/verb-coverage.py [--langs fr,de,...] [--markdown] [--thirdparty]

For each pattern line `CODE | PATTERN ...` the code is read (a pair A:B counts for A and for B; a
circumstance `041+` for 041; the null code `---` is skipped) and folded to its three-digit base code
(`1831` -> 183). Cell = `patterns/forms`: the number of pattern lines for that code, and the number of
distinct word forms those patterns use after expanding `@sets` and `a/b` alternatives, with slots (S T R
L H O C P), gaps, the language's grammar words and stop words left out. A `word~` (a whole Snowball
paradigm) or `word*` (a prefix) counts as one form: the count is of entries written, not of surface
inflections, so it measures breadth of vocabulary, not of spelling.
"""
import os, re, sys, unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CODES = ["010","011","012","013","014","015","016","017","018","019",
         "020","021","022","023","024","025","026","027","028",
         "030","031","032","033","034","035","036","037","038","039",
         "040","041","042","043","044","045","046",
         "050","051","052","053","054","055","056","057",
         "060","061","062","063","064",
         "070","071","072","073","074","075",
         "080","081","082","083","084","085","086","087",
         "090","091","092","093","094",
         "100","101","102","103","104","105","106","107","108",
         "110","111","112","113","114","115","116",
         "120","121","122","123","124","125","126","127","128","129",
         "130","131","132","133","134","135","136","137","138","139",
         "140","141","142","143","144","145",
         "150","151","152","153","154","155",
         "160","161","162","163","164","165","166",
         "170","171","172","173","174","175",
         "180","181","182","183","184","185","186",
         "190","191","192","193","194","195","196",
         "200","201","202","203","204"]
SLOTS = set("STRLHOCP")
# grammar classes of function words (left out of the counts); the others (content, hypo, allege, noun ...)
# hold act words themselves.
FUNCTION_CLASSES = {"prep", "det", "loc", "front", "genitive", "elision", "barrier", "neg", "recip", "clitic",
                    "agent", "goal", "mutual", "and", "we", "they", "he", "him", "it", "this", "that", "rel",
                    "subjrel", "where", "own", "between", "tense", "perfect", "passive", "from", "etc"}

def fold(w):
    w = unicodedata.normalize("NFD", w.lower().replace("\u2019", "'"))
    return "".join(c for c in w if unicodedata.category(c) != "Mn")

def closed_words(lang):
    out = set()
    g = os.path.join(ROOT, "packs/data", lang, "grammar")
    if os.path.exists(g):
        for line in open(g, encoding="utf-8"):
            if line.startswith("#") or "|" not in line: continue
            parts = [p.strip() for p in line.split("|")]
            if parts[0] not in FUNCTION_CLASSES: continue
            for p in parts[1:]:
                if p and " " not in p: out.add(fold(p))
    s = os.path.join(ROOT, "packs/data", lang, "stopwords")
    if os.path.exists(s):
        for line in open(s, encoding="utf-8"):
            if line.startswith("#") or line.startswith("script"): continue
            for p in line.split("|"):
                p = p.strip()
                if p: out.add(fold(p))
    return out

def read(files):
    sets, pats = {}, []
    for f in files:
        if not os.path.exists(f): continue
        for line in open(f, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"): continue
            m = re.match(r"@([^\s=]+)\s*=\s*(.*)$", line)
            if m:
                sets.setdefault(m.group(1), []).extend(m.group(2).split()); continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2: continue
            pats.append((parts[0], parts[1]))
    return sets, pats

def forms_of(tok, sets, closed, seen=None):
    seen = seen or set()
    if tok.startswith("!"): return set()   # a look-ahead guard, no act word
    tok = re.sub(r"^[\^!]", "", tok).strip("()")
    m = re.match(r"^[STRLHOCP]!?[\[{](.*)[\]}]$", tok)
    if m: tok = m.group(1)
    out = set()
    for alt in tok.split("/"):
        alt = alt.lstrip("^!").strip("()")
        if not alt or alt in SLOTS or re.match(r"^[STRLHOCP]!?$", alt) or alt == "..." or re.match(r"^\.\.\d+$", alt):
            continue
        if alt.startswith("@"):
            name = alt[1:].rstrip("*")
            if name in seen: continue
            seen.add(name)
            for w in sets.get(name, []):
                out |= forms_of(w, sets, closed, seen)
            continue
        f = fold(alt)
        if f.rstrip("~*") in closed or re.match(r"^[\W\d_]+$", f): continue
        out.add(f)
    return out

def base(code):
    code = code.rstrip("+")
    return code[:3] if re.match(r"^\d{3,4}$", code) else None

def table(lang, thirdparty=False):
    files = [os.path.join(ROOT, "packs/data", lang, "verbs")]
    if thirdparty: files.append(os.path.join(ROOT, "packs/thirdparty", lang, "verbs"))
    sets, pats = read(files)
    closed = closed_words(lang)
    npat, forms = {}, {}
    for code, pat in pats:
        for c in code.split(":"):
            b = base(c)
            if not b: continue
            npat[b] = npat.get(b, 0) + 1
            fs = forms.setdefault(b, set())
            for tok in pat.split():
                fs |= forms_of(tok, sets, closed)
    return npat, forms

def main():
    args = sys.argv[1:]
    langs = "fr,de,nl,it,pt,vi,zh,en,es".split(",")
    if "--langs" in args: langs = args[args.index("--langs") + 1].split(",")
    tp = "--thirdparty" in args
    data = {l: table(l, tp) for l in langs}
    print("| code | " + " | ".join(langs) + " |")
    print("|---|" + "---|" * len(langs))
    for c in CODES:
        cells = []
        for l in langs:
            n, f = data[l]
            cells.append("%d/%d" % (n.get(c, 0), len(f.get(c, ()))) if n.get(c) else "—")
        print("| %s | %s |" % (c, " | ".join(cells)))
    if "--forms" in args:
        code = args[args.index("--forms") + 1]
        for l in langs:
            print(l, code, " ".join(sorted(data[l][1].get(code, ()))))

if __name__ == "__main__":
    main()
