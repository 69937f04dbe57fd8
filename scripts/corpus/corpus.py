#!/usr/bin/env python3
"""Helper of scripts/record-corpus.sh: reads scripts/corpus/sessions.json, writes FakeLlmUpstream scripts, and
turns the fake's JSONL recordings into corpus/recorded/ (one request body per file, build-machine paths
replaced with neutral ones, index.json with the needles that are present verbatim).

  corpus.py list [ID...]                  id, client and working dir of each (or each named) session, one a line
  corpus.py script ID                     the fake's --script JSON for a session
  corpus.py prompt ID / followup ID       the session's prompt / follow-up prompt (empty if none)
  corpus.py extract OUT RECORDINGS_DIR FROM=TO...   write OUT/<id>/turn-NN.json for each recorded session and
                                          merge them into OUT/index.json (other sessions are kept as they are)
  corpus.py stats [OUT]                   sessions per client, and sessions and outputs per command family
  corpus.py split OUT [SEED]              draw the held-out scenarios and write OUT/split.json (not over an
                                          existing one)

Every command in sessions.json has a "family" (short kebab-case: what kind of output it prints) and every
session a "scenario" (the same scenario recorded with both clients shares it; default: the id without its
client prefix). A session may set "cwd", the project dir under the scratch HOME (default orders-service).
"""
import json
import os
import re
import socket
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LLM_PATHS = ("/v1/messages", "/v1/responses", "/v1/chat/completions")


def sessions():
    spec = json.load(open(os.path.join(HERE, "sessions.json")))["sessions"]
    by_id = {s["id"]: s for s in spec}
    for s in spec:  # "commands": "<other id>" reuses that session's commands (same for needles, followUp, ...)
        for key in ("commands", "needles", "followUp", "prompt", "finalText", "cwd", "scenario"):
            if isinstance(s.get(key), str) and s[key] in by_id and s[key] != s["id"]:
                s[key] = by_id[s[key]][key]
        s.setdefault("scenario", re.sub(r"^(claude|codex)-", "", s["id"]))
        s.setdefault("cwd", "orders-service")
        for c in s["commands"] + s.get("followUp", {}).get("commands", []):
            if not isinstance(c, dict) or not c.get("family"):
                sys.exit(f"sessions.json: {s['id']}: every command needs a \"family\": {c}")
    ids = [s["id"] for s in spec]
    if len(ids) != len(set(ids)):
        sys.exit("sessions.json: duplicate session ids")
    return spec


def find(session_id):
    for s in sessions():
        if s["id"] == session_id:
            return s
    sys.exit("no session " + session_id)


def script(session_id):
    s = find(session_id)
    steps = [{"trigger": "RUN_SCRIPT", "commands": s["commands"], "finalText": s["finalText"]}]
    if "followUp" in s:  # a second prompt in the same conversation (claude --continue, codex exec resume --last)
        f = s["followUp"]
        steps.append({"trigger": "RUN_FOLLOWUP", "commands": f["commands"], "finalText": f["finalText"]})
    return {"defaultText": "Hello from the fake upstream.", "steps": steps}


def sanitize(text, replacements):
    for old, new in replacements:
        # Whole path prefixes only: "/root" must not touch "</root>" or "/rootfs".
        text = re.sub(r"(?<![<\w.-])" + re.escape(old) + r"(?![\w.-])", lambda m: new, text)
        if len(old) >= 12:
            # Claude Code names per-project dirs after the cwd with every non-alphanumeric turned into '-'.
            text = text.replace(re.sub(r"[^A-Za-z0-9]", "-", old), re.sub(r"[^A-Za-z0-9]", "-", new))
    # The build machine's kernel string (Claude Code puts `uname -sr` in its system prompt).
    text = re.sub(r"Linux \d+\.\d+\.\d+[-\w.+]*", "Linux 6.8.0-48-generic", text)
    return text


def _machine_dirs():
    """This machine's own directories (the checkout's parent, HOME, the temp dir): none may reach the corpus."""
    repo_parent = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
    dirs = {repo_parent, os.path.expanduser("~"), tempfile.gettempdir()}
    # (?<!<): Codex's prompt has a <root>...</root> tag, which is no path
    # The temp dir only as a path prefix: tool outputs legitimately name "/tmp" itself (a pod's mounts).
    return [r"(?<!<)" + re.escape(d.rstrip("/")) + (r"(?=/)" if d == tempfile.gettempdir() else r"(?=/|\b)")
            for d in dirs if d and d != "/"]


# The host name as a word of its own: not inside a compound such as "total-vm:" of a kernel OOM message.
LEAKS = [re.compile(p) for p in _machine_dirs() + [r"headroom-corpus", r"\.cache/headroom-clients", r"fc-v\d+",
                                                     r"(?<![\w.-])" + re.escape(socket.gethostname()) + r"(?![\w.-])"]]


def leaks(text):
    return sorted({m.group(0) for pat in LEAKS for m in pat.finditer(text)})


def _entry(s, turns, needles):
    steps = script(s["id"])["steps"]
    steps[0]["prompt"] = s["prompt"]
    if len(steps) > 1:
        steps[1]["prompt"] = s["followUp"]["prompt"]
    return {"id": s["id"], "client": s["client"], "scenario": s["scenario"],
            "script": {"steps": steps}, "headers": f"{s['id']}/headers.json",
            "turns": turns, "needles": needles}


def _held_out(out):
    """Ids of the held-out sessions (split.json beside index.json), whose needles are never printed."""
    path = os.path.join(out, "split.json")
    return set(json.load(open(path)).get("heldOut", [])) if os.path.exists(path) else set()


def _present(s, last_body, held_out=frozenset()):
    # a body may carry non-ASCII text raw (both clients do) or \u-escaped
    present = [n for n in s["needles"]
               if json.dumps(n)[1:-1] in last_body or json.dumps(n, ensure_ascii=False)[1:-1] in last_body]
    missing = [n for n in s["needles"] if n not in present]
    if missing and s["id"] in held_out:
        print(f"{s['id']}: {len(missing)} needles not in the last request (left out; held out, not shown)", file=sys.stderr)
    elif missing:
        print(f"{s['id']}: needles not in the last request (left out): {missing}", file=sys.stderr)
    return present


def extract(out, recordings, replacements):
    """Writes OUT/<id>/ for every session with a recording and merges it into OUT/index.json. Sessions
    without a recording keep their files and turns; their entry is refreshed from sessions.json (script,
    families, scenario) and their needles re-checked against their last request on disk."""
    index_path = os.path.join(out, "index.json")
    old = {}
    if os.path.exists(index_path):
        old = {e["id"]: e for e in json.load(open(index_path))["sessions"]}
    index = {"comment": "Real request bodies sent by Claude Code and Codex to a recording fake upstream; "
                        "see README.md. Turns are in order; each repeats the earlier messages.",
             "sessions": []}
    problems = []
    held_out = _held_out(out)
    for s in sessions():
        path = os.path.join(recordings, s["id"] + ".jsonl")
        if not os.path.exists(path):
            if s["id"] in old:
                e = old[s["id"]]
                last_body = open(os.path.join(out, e["turns"][-1]["file"]), encoding="utf-8").read()
                index["sessions"].append(_entry(s, e["turns"], _present(s, last_body, held_out)))
            else:
                print(f"skip {s['id']}: no recording", file=sys.stderr)
            continue
        turns = []
        sdir = os.path.join(out, s["id"])
        if os.path.isdir(sdir):  # a re-recording replaces the session's files, and only that session's
            for f in os.listdir(sdir):
                os.remove(os.path.join(sdir, f))
        os.makedirs(sdir, exist_ok=True)
        last_body = ""
        for line in open(path):
            r = json.loads(line)
            if r["method"] != "POST" or not r["path"].split("?")[0].endswith(LLM_PATHS):
                continue
            body = sanitize(r["body"], replacements)
            json.loads(body)  # still valid JSON
            found = leaks(body)
            if found:
                problems.append(f"{s['id']} turn {len(turns) + 1}: {found}")
            if not turns:  # the first request's headers, as a sample of what each client sends
                headers = json.loads(sanitize(json.dumps(r["headers"], indent=2), replacements))
                with open(os.path.join(sdir, "headers.json"), "w") as f:
                    json.dump({"method": r["method"], "path": r["path"], "headers": headers}, f, indent=2)
                    f.write("\n")
                found = leaks(json.dumps(headers))
                if found:
                    problems.append(f"{s['id']} headers: {found}")
            name = f"turn-{len(turns) + 1:02d}.json"
            with open(os.path.join(sdir, name), "w", encoding="utf-8", newline="") as f:
                f.write(body)
            turns.append({"file": f"{s['id']}/{name}", "path": r["path"], "bytes": len(body.encode("utf-8"))})
            last_body = body
        present = _present(s, last_body, held_out)
        index["sessions"].append(_entry(s, turns, present))
        print(f"{s['id']}: {len(turns)} turns, {sum(t['bytes'] for t in turns)} bytes, "
              f"{len(present)}/{len(s['needles'])} needles")
    known = {s["id"] for s in sessions()}
    for sid, e in old.items():  # sessions no longer in sessions.json stay until their dir is removed by hand
        if sid not in known:
            print(f"{sid}: not in sessions.json; kept as it is", file=sys.stderr)
            index["sessions"].append(e)
    with open(index_path, "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")
    if problems:
        sys.exit("build-machine details left in the corpus:\n  " + "\n  ".join(problems))


def _commands(entry):
    return [c for step in entry["script"]["steps"] for c in step["commands"]]


def stats(out):
    index = json.load(open(os.path.join(out, "index.json")))["sessions"]
    clients, families = {}, {}
    for e in index:
        clients[e["client"]] = clients.get(e["client"], 0) + 1
        for c in _commands(e):
            f = families.setdefault(c["family"], {"sessions": set(), "scenarios": set(), "outputs": 0})
            f["sessions"].add(e["id"])
            f["scenarios"].add(e["scenario"])
            f["outputs"] += 1
    print(f"{len(index)} sessions, {len({e['scenario'] for e in index})} scenarios, "
          + ", ".join(f"{k}: {v}" for k, v in sorted(clients.items())))
    print(f"{len(families)} families (sessions / scenarios / outputs):")
    for name, f in sorted(families.items()):
        print(f"  {name:24} {len(f['sessions']):3} {len(f['scenarios']):3} {f['outputs']:4}")


def split(out, seed):
    """Held-out scenarios, drawn with random.Random(seed): about a third of the sessions, never a scenario
    that is already in tuning by rule (the six sessions the engine was first tuned on), stratified by
    family: scenarios are visited in a seeded random order and one is held out when it brings a family
    the held-out set lacks, and every family it has keeps at least one scenario in tuning; then random
    scenarios fill up to a third, under the same keep-one-in-tuning rule."""
    import random
    if os.path.exists(os.path.join(out, "split.json")):
        sys.exit(f"{out}/split.json exists: a new draw would move sessions between the sets. Add new sessions to it "
                 "by hand (decided before recording) or remove it first.")
    index = json.load(open(os.path.join(out, "index.json")))["sessions"]
    pinned = set(json.load(open(os.path.join(HERE, "sessions.json"))).get("tuningOnly", []))
    scen = {}
    for e in index:
        d = scen.setdefault(e["scenario"], {"ids": [], "families": set()})
        d["ids"].append(e["id"])
        d["families"].update(c["family"] for c in _commands(e))
    fam_scen = {}
    for name, d in scen.items():
        for f in d["families"]:
            fam_scen.setdefault(f, set()).add(name)
    rnd = random.Random(seed)
    order = sorted(n for n in scen if not (set(scen[n]["ids"]) & pinned))
    rnd.shuffle(order)
    target = round(len(index) / 3)
    held = []

    def allowed(name):
        # every family with >= 2 scenarios keeps at least one in tuning
        return all(len(fam_scen[f]) < 2 or len(fam_scen[f] - set(held) - {name}) >= 1
                   for f in scen[name]["families"])

    def size():
        return sum(len(scen[n]["ids"]) for n in held)

    covered = set()
    for name in order:  # first pass: scenarios that add families the held-out set lacks
        new = scen[name]["families"] - covered
        if new and allowed(name) and size() + len(scen[name]["ids"]) <= target + 1:
            held.append(name)
            covered |= scen[name]["families"]
    for name in order:  # second pass: fill up to about a third
        if size() >= target:
            break
        if name not in held and allowed(name) and size() + len(scen[name]["ids"]) <= target + 1:
            held.append(name)
    held_ids = [e["id"] for e in index if e["scenario"] in held]
    tuning_ids = [e["id"] for e in index if e["scenario"] not in held]
    doc = {"comment": "Held-out sessions: never tune the engine on them, never look at their outputs while "
                      "tuning. Drawn by scripts/corpus/corpus.py split with random.Random(seed): whole "
                      "scenarios (both clients' sessions together), the first six sessions pinned to tuning, "
                      "about a third of the sessions held out, stratified so the held-out set covers as many "
                      "families as it can while every family with two or more scenarios keeps one in tuning. "
                      "To study a held-out failure, move that session to tuning and record a new held-out one.",
           "seed": seed, "tuning": tuning_ids, "heldOut": held_ids}
    with open(os.path.join(out, "split.json"), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    held_families = set().union(*[scen[n]["families"] for n in held])
    print(f"held out {len(held_ids)} of {len(index)} sessions ({len(held)} scenarios); "
          f"the held-out set has {len(held_families)} of {len(fam_scen)} families")


def main(argv):
    if len(argv) >= 1 and argv[0] == "list":
        wanted = [i for a in argv[1:] for i in a.split(",") if i]
        known = {s["id"] for s in sessions()}
        unknown = [i for i in wanted if i not in known]
        if unknown:
            sys.exit("no such session: " + ", ".join(unknown))
        for s in sessions():
            if not wanted or s["id"] in wanted:
                print(s["id"], s["client"], s["cwd"])
    elif len(argv) == 2 and argv[0] == "script":
        print(json.dumps(script(argv[1]), indent=2))
    elif len(argv) == 2 and argv[0] == "prompt":
        print(find(argv[1])["prompt"])
    elif len(argv) == 2 and argv[0] == "followup":
        print(find(argv[1]).get("followUp", {}).get("prompt", ""))
    elif len(argv) in (1, 2) and argv[0] == "stats":
        stats(argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "..", "corpus", "recorded"))
    elif len(argv) in (2, 3) and argv[0] == "split":
        split(argv[1], int(argv[2]) if len(argv) > 2 else 20261127)
    elif len(argv) >= 3 and argv[0] == "extract":
        pairs = [a.split("=", 1) for a in argv[3:]]
        pairs.sort(key=lambda p: -len(p[0]))  # longest path first
        extract(argv[1], argv[2], pairs)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
