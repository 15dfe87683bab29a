"""Prints the JTA goals of the performance page from JMH's JSON results: what ten intents add to the bare commit,
how many times cheaper they are than ten observers, and one intent against one observer. Each from the means JMH
reports and from the medians of the iterations, which resist a neighbour's burst of CPU use on a shared machine.

usage: python3 jta-goals.py target/jta-result.json
"""
import json
import statistics
import sys

runs = {}
for result in json.load(open(sys.argv[1])):
    metric = result["primaryMetric"]
    raw = [value for fork in metric.get("rawData", []) for value in fork]
    runs[result["benchmark"].rsplit(".", 1)[-1]] = (metric["score"], statistics.median(raw) if raw else metric["score"])

needed = {"bareCommit", "airlock1", "observer1", "airlock10", "observer10"}
if not needed <= runs.keys():
    print("JTA goals: not all of " + ", ".join(sorted(needed)) + " ran")
    sys.exit(0)

for column, label in ((0, "mean"), (1, "median")):
    bare = runs["bareCommit"][column]
    ten = runs["airlock10"][column] - bare
    observers = runs["observer10"][column] - bare
    one, observer = runs["airlock1"][column], runs["observer1"][column]
    print(f"JTA goals ({label}s): ten intents add {ten:.0f} ns to the bare commit ({bare:.0f} ns), goal at most 500;"
          f" ten observers add {observers:.0f} ns, {observers / ten:.1f} times as much, goal at least 6;"
          f" one intent {one:.0f} ns against one observer {observer:.0f} ns, goal no more")
