"""Prints the JTA goals of the performance page from JMH's JSON results: what ten intents add to the bare commit,
how many times cheaper they are than ten observers, and one intent against one observer. For each run (one JVM)
from the medians of its iterations, which resist a neighbour's burst of CPU use, then the median of the runs, which
resists a JVM that ran slow as a whole.

usage: python3 jta-goals.py target/jta-result-1.json [target/jta-result-2.json ...]
"""
import json
import statistics
import sys

NEEDED = ("bareCommit", "airlock1", "observer1", "airlock10", "observer10")


def medians(path):
    found = {}
    for result in json.load(open(path)):
        metric = result["primaryMetric"]
        raw = [value for fork in metric.get("rawData", []) for value in fork]
        found[result["benchmark"].rsplit(".", 1)[-1]] = statistics.median(raw) if raw else metric["score"]
    return found


def goals(run):
    bare = run["bareCommit"]
    ten = run["airlock10"] - bare
    observers = run["observer10"] - bare
    return {"bare": bare, "ten": ten, "ratio": observers / ten, "one": run["airlock1"], "observer": run["observer1"]}


def line(label, g):
    return (f"{label}: ten intents add {g['ten']:.0f} ns to the bare commit ({g['bare']:.0f} ns), goal at most 500"
            f" [{'met' if g['ten'] <= 500 else 'NOT met'}]; ten observers add {g['ratio']:.1f} times as much, goal at"
            f" least 6 [{'met' if g['ratio'] >= 6 else 'NOT met'}]; one intent {g['one']:.0f} ns, one observer"
            f" {g['observer']:.0f} ns, goal no more [{'met' if g['one'] <= g['observer'] else 'NOT met'}]")


runs = [medians(path) for path in sys.argv[1:]]
runs = [run for run in runs if all(name in run for name in NEEDED)]
if not runs:
    print("JTA goals: the results lack one of " + ", ".join(NEEDED))
    sys.exit(0)
each = [goals(run) for run in runs]
for number, g in enumerate(each, 1):
    print(line(f"JTA goals, run {number}", g))
if len(each) > 1:
    print(line(f"JTA goals, median of {len(each)} runs", {key: statistics.median(g[key] for g in each) for key in each[0]}))
