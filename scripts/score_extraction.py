#!/usr/bin/env python3
# A copy of the shared evaluation tool (shared/tools/score_extraction.py), kept in the project
# so that `make eval` and the corpus floor test need nothing outside this checkout.
"""Score the project's loader against an expected-extraction file.

Usage: score_extraction.py EXPECTED.json DIR [DIR ...] [--project DIR] [--bar 0.9] [--keep]
Run it from the project's root (it uses the project's .venv).
Loads every .txt in the DIRs into a throwaway SQLite database with the project's own
`manage.py load_articles`, exports with `manage.py export_archive`, and scores each
expected article field by field. Prints the misses, a score per kind of check
(outlet, title, date, author, body, furniture, people, quotes, ...), then
'score: P/T (pct%)' last.
Exit 0 when the score reaches --bar (default 1.0).
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, unicodedata

def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()

def run(project, args, env, out=None):
    py = os.path.join(project, ".venv", "bin", "python")
    r = subprocess.run([py, "manage.py", *args], cwd=project, env=env, capture_output=True, text=True, timeout=900)
    return r

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("expected")
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--project", default=os.getcwd())
    ap.add_argument("--bar", type=float, default=1.0)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    exp = json.load(open(a.expected, encoding="utf-8"))
    if isinstance(exp, list):
        exp = {"articles": exp}
    if not os.path.exists(os.path.join(a.project, ".venv", "bin", "python")):
        print("no .venv in the project: run 'make run' or 'make test' once first")
        print("score: 0/1 (0%)"); return 1
    tmp = tempfile.mkdtemp(prefix="bars-extract-")
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3", DJANGO_DEBUG="1")
    env.pop("VIRTUAL_ENV", None)
    try:
        src = os.path.join(tmp, "in"); os.mkdir(src)
        for d in a.dirs:
            for f in sorted(os.listdir(d)):
                if f.endswith(".txt"):
                    shutil.copy(os.path.join(d, f), src)
        r = run(a.project, ["migrate", "--noinput"], env)
        if r.returncode != 0:
            print(f"'manage.py migrate' failed: {(r.stderr or r.stdout).strip()[-400:]}")
            print("score: 0/1 (0%)"); return 1
        r = run(a.project, ["load_articles", src], env)
        if r.returncode != 0:  # some files failed: they score as missing from the export
            for line in (r.stdout + r.stderr).splitlines():
                if "failed" in line or "skipped" in line:
                    print(f"load: {line.strip()[:300]}")
        outp = os.path.join(tmp, "export.json")
        r = run(a.project, ["export_archive", "--output", outp], env)
        if r.returncode != 0 or not os.path.exists(outp):
            print(f"'manage.py export_archive --output F' failed: {(r.stderr or r.stdout).strip()[-400:]}")
            print("score: 0/1 (0%)"); return 1
        got = json.load(open(outp, encoding="utf-8"))
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    arts = {x.get("source_file"): x for x in got.get("articles", [])}
    ok = tot = 0
    misses = []
    by_kind = {}
    def kind_of(what):
        w = what.split(": ", 1)[-1]
        for k in ("outlet", "title", "standfirst", "published", "precision", "author", "body lacks",
                  "body keeps furniture", "caption", "person missing", "people not in the text",
                  "review bod", "organisation", "quote", "link", "milestone", "role", "alias",
                  "chair", "member", "not in the export", "record missing"):
            if w.startswith(k) or k in w[:40]:
                return {"published": "date", "precision": "date", "body lacks": "body text",
                        "body keeps furniture": "furniture", "person missing": "people found",
                        "people not in the text": "no extra people", "review bod": "review bodies"}.get(k, k)
        return "other"
    def check(cond, what):
        nonlocal ok, tot
        tot += 1
        k = kind_of(what)
        hits, n = by_kind.get(k, (0, 0))
        by_kind[k] = (hits + (1 if cond else 0), n + 1)
        if cond: ok += 1
        else: misses.append(what)
    gm = got.get("milestones", [])
    for e in exp["articles"]:
        f = e["file"]; g = arts.get(f)
        check(g is not None, f"{f}: not in the export")
        if g is None:
            continue
        outs = [norm(x) for x in e.get("outlet_any", [e.get("outlet")]) if x]
        check(norm(g.get("outlet")) in outs, f"{f}: outlet {g.get('outlet')!r}, want one of {e.get('outlet_any') or e.get('outlet')}")
        if "title_any_regex" in e:
            check(bool(re.search(e["title_any_regex"], g.get("title") or "")), f"{f}: title {g.get('title')!r} !~ {e['title_any_regex']}")
        else:
            tl = [norm(t) for t in e.get("title_any", [e.get("title")])]
            check(norm(g.get("title")) in tl, f"{f}: title {g.get('title')!r}")
        if e.get("standfirst_starts"):
            check(norm(g.get("standfirst") or "").startswith(norm(e["standfirst_starts"])), f"{f}: standfirst {str(g.get('standfirst'))[:60]!r}")
        want_dates = e.get("published_any", [e.get("published")])
        check(g.get("published") in want_dates, f"{f}: published {g.get('published')!r}, want {want_dates}")
        if e.get("published") is not None:
            check(g.get("date_precision") == e.get("date_precision"), f"{f}: precision {g.get('date_precision')!r}")
        authors = [norm(x) for x in e.get("author_any", [e.get("author")])]
        check(norm(g.get("author")) in authors, f"{f}: author {g.get('author')!r}, want {e.get('author_any', e.get('author'))!r}")
        body = norm(g.get("body") or "")
        for s in e.get("body_must_contain", []):
            check(norm(s) in body, f"{f}: body lacks {s[:50]!r}")
        for s in e.get("body_must_not_contain", []):
            check(norm(s) not in body, f"{f}: body keeps furniture {s[:50]!r}")
        if e.get("title_not_twice_in_body"):
            check(norm(g.get("title") or "x") not in body, f"{f}: title repeated in body")
        if e.get("caption"):
            check(body.count(norm(e["caption"])) == 0 and any(norm(e["caption"]) == norm(c) for c in g.get("captions", [])), f"{f}: caption not separated from body")
        gp = {norm(p) for p in g.get("people", [])}
        want = {norm(p) for p in e.get("people", [])}
        for p in sorted(want):
            check(p in gp, f"{f}: person missing {p}")
        extra = gp - want - {norm(g.get("author"))}
        check(not extra, f"{f}: people not in the text: {sorted(extra)}")
        gb = {norm(b) for b in g.get("review_bodies", [])}
        for b in e.get("review_bodies", []):
            check(norm(b) in gb, f"{f}: review body missing {b}")
        if "review_bodies" in e:
            extra = gb - {norm(b) for b in e["review_bodies"]}
            check(not extra, f"{f}: review bodies not in the text: {sorted(extra)}")
        go = {norm(o) for o in g.get("organisations", [])}
        for o in e.get("organisations_include", e.get("organisations", [])):
            check(norm(o) in go, f"{f}: organisation missing {o}")
        for q in e.get("quotes", []):
            hit = False
            for gq in g.get("quotes", []):
                if norm(q["fragment"]) in norm(gq.get("text") or ""):
                    if "speaker" in q:
                        hit = norm(gq.get("speaker")) == norm(q["speaker"])
                    else:
                        hit = norm(q["speaker_label"]) in norm(gq.get("speaker_label") or gq.get("speaker") or "")
                    if hit: break
            check(hit, f"{f}: quote {q['fragment'][:40]!r} not attributed to {q.get('speaker') or q.get('speaker_label')}")
        for l in e.get("links_include", []):
            check(l in g.get("links", []), f"{f}: link missing {l}")
        ams = g.get("milestones", []) + [m for m in gm if f in m.get("sources", [])]
        for m in e.get("milestones", []):
            check(any(x.get("date") == m["date"] and x.get("precision") == m["precision"] for x in ams),
                  f"{f}: milestone {m['date']} ({m.get('about') or m.get('label')}) missing")
    people = {norm(p.get("name")): p for p in got.get("people", [])}
    for p in exp.get("people", []):
        g = people.get(norm(p["name"]))
        check(g is not None, f"person record missing: {p['name']}")
        if not g: continue
        if p.get("role_contains"):
            check(norm(p["role_contains"]) in norm(g.get("role") or ""), f"{p['name']}: role {g.get('role')!r} lacks {p['role_contains']!r}")
        for al in p.get("aliases_include", []):
            check(any(norm(al) in norm(x) for x in g.get("aliases", [])), f"{p['name']}: alias {al!r} not recorded")
    bodies = {norm(b.get("name")): b for b in got.get("review_bodies", [])}
    for b in exp.get("review_bodies", []):
        g = bodies.get(norm(b["name"]))
        check(g is not None, f"review body record missing: {b['name']}")
        if not g: continue
        if b.get("chair"):
            check(norm(g.get("chair")) == norm(b["chair"]), f"{b['name']}: chair {g.get('chair')!r}")
        gm_ = {norm(x) for x in g.get("members", [])}
        for m in b.get("members_include", []):
            check(norm(m) in gm_, f"{b['name']}: member missing {m}")
    for m in misses:
        print("miss:", m)
    for k in sorted(by_kind):
        hits, n = by_kind[k]
        print(f"  {k:18s} {hits:4d}/{n:<4d} ({hits / n:.0%})")
    pct = ok / tot if tot else 0
    print(f"score: {ok}/{tot} ({pct:.0%})")
    return 0 if pct >= a.bar else 1

if __name__ == "__main__":
    sys.exit(main())
