#!/usr/bin/env python3
"""Prints a store's export with database ids replaced by names, so two stores built in
different ways (interrupted and resumed, or concurrently) can be compared."""
import json, subprocess, sys
binary, db = sys.argv[1], sys.argv[2]
ex = json.loads(subprocess.run([binary, "--db", db, "export", "--json"], capture_output=True, text=True, check=True).stdout)
meetings = {m["id"]: m["source"] for m in ex["meetings"]}
entities = {e["id"]: e["name"] for e in ex["entities"]}
out = {
    "meetings": sorted(meetings.values()),
    "entities": sorted((e["name"], e["type"], tuple(sorted(e.get("aliases", [])))) for e in ex["entities"]),
    "states": sorted((entities[s["entity_id"]], meetings[s["meeting_id"]], s["state"], s.get("owner") or "", s.get("due") or "") for s in ex["states"]),
    "transitions": sorted((entities[t["entity_id"]], meetings[t["meeting_id"]], t["from"], t["to"]) for t in ex["transitions"]),
}
print(json.dumps(out, sort_keys=True))
