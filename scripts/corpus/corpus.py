#!/usr/bin/env python3
"""Helper of scripts/record-corpus.sh: reads scripts/corpus/sessions.json, writes FakeLlmUpstream scripts, and
turns the fake's JSONL recordings into corpus/recorded/ (one request body per file, build-machine paths
replaced with neutral ones, index.json with the needles that are present verbatim).

  corpus.py list                          id and client of each session, one a line
  corpus.py script ID                     the fake's --script JSON for a session
  corpus.py prompt ID / followup ID       the session's prompt / follow-up prompt (empty if none)
  corpus.py extract OUT RECORDINGS_DIR FROM=TO...   write OUT/<id>/turn-NN.json and OUT/index.json
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
    for s in spec:  # "commands": "<other id>" reuses that session's commands (same for needles, followUp)
        for key in ("commands", "needles", "followUp"):
            if isinstance(s.get(key), str):
                s[key] = by_id[s[key]][key]
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
    return [r"(?<!<)" + re.escape(d.rstrip("/")) + r"(?=/|\b)" for d in dirs if d and d != "/"]


LEAKS = [re.compile(p) for p in _machine_dirs() + [r"headroom-corpus", r"\.cache/headroom-clients", r"fc-v\d+",
                                                     r"\b" + re.escape(socket.gethostname()) + r"\b(?!\.)"]]


def leaks(text):
    return sorted({m.group(0) for pat in LEAKS for m in pat.finditer(text)})


def extract(out, recordings, replacements):
    index = {"comment": "Real request bodies sent by Claude Code and Codex to a recording fake upstream; "
                        "see README.md. Turns are in order; each repeats the earlier messages.",
             "sessions": []}
    problems = []
    for s in sessions():
        path = os.path.join(recordings, s["id"] + ".jsonl")
        if not os.path.exists(path):
            print(f"skip {s['id']}: no recording", file=sys.stderr)
            continue
        turns = []
        sdir = os.path.join(out, s["id"])
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
        present = [n for n in s["needles"] if json.dumps(n)[1:-1] in last_body]
        missing = [n for n in s["needles"] if n not in present]
        if missing:
            print(f"{s['id']}: needles not in the last request (left out): {missing}", file=sys.stderr)
        steps = script(s["id"])["steps"]
        steps[0]["prompt"] = s["prompt"]
        if len(steps) > 1:
            steps[1]["prompt"] = s["followUp"]["prompt"]
        index["sessions"].append({"id": s["id"], "client": s["client"],
                                  "script": {"steps": steps}, "headers": f"{s['id']}/headers.json",
                                  "turns": turns, "needles": present})
        print(f"{s['id']}: {len(turns)} turns, {sum(t['bytes'] for t in turns)} bytes, "
              f"{len(present)}/{len(s['needles'])} needles")
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")
    if problems:
        sys.exit("build-machine details left in the corpus:\n  " + "\n  ".join(problems))


def main(argv):
    if len(argv) >= 1 and argv[0] == "list":
        for s in sessions():
            print(s["id"], s["client"])
    elif len(argv) == 2 and argv[0] == "script":
        print(json.dumps(script(argv[1]), indent=2))
    elif len(argv) == 2 and argv[0] == "prompt":
        print(find(argv[1])["prompt"])
    elif len(argv) == 2 and argv[0] == "followup":
        print(find(argv[1]).get("followUp", {}).get("prompt", ""))
    elif len(argv) >= 3 and argv[0] == "extract":
        pairs = [a.split("=", 1) for a in argv[3:]]
        pairs.sort(key=lambda p: -len(p[0]))  # longest path first
        extract(argv[1], argv[2], pairs)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
