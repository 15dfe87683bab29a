"""Draws the benchmark chart of the performance page from JMH's JSON results, and prints the rows of its table.

usage: python3 chart.py target/jmh-result.json target/benchmarks.png
"""
import json
import math
import os
import statistics
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# targets of the performance page, in ns/op
TARGETS = {
    "Enqueue.allowAll": 25,
    "Enqueue.dropAll": 25,
    "Enqueue.blockTasksWithHundredNames": 25,
    "Enqueue.insideThreeLocalPolicies": 25,
    "ScopeLifecycle.emptyScope": 100,
    "ScopeLifecycle.tenIntentsSyncDispatch": 1000,
}


def short_name(benchmark):
    cls, method = benchmark.rsplit(".", 2)[-2:]
    return cls.replace("Benchmark", "") + "." + method


def finite(value):
    return value if isinstance(value, (int, float)) and math.isfinite(value) else 0


results = json.load(open(sys.argv[1]))
names = [short_name(r["benchmark"]) for r in results]
scores = [r["primaryMetric"]["score"] for r in results]
errors = [finite(r["primaryMetric"].get("scoreError")) for r in results]  # NaN when a single iteration ran
allocs = [r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score") for r in results]

panels = 2 if any(a is not None for a in allocs) else 1
fig, axes = plt.subplots(1, panels, figsize=(6 * panels + 1, 0.5 * len(names) + 1.4), sharey=True, squeeze=False)
axes = axes[0]

ax = axes[0]
ax.barh(names, scores, xerr=errors, color="#4a7fb5", label="measured")
target_y = [y for y, name in enumerate(names) if name in TARGETS]
if target_y:
    ax.scatter([TARGETS[names[y]] for y in target_y], target_y, marker="|", s=400, color="#c0392b", zorder=3,
               label="target")
    ax.legend(loc="upper right", fontsize="small")
ax.invert_yaxis()
ax.set_xscale("log")
ax.set_xlabel("ns/op, log scale (lower is better)")
ax.set_title("Time")
for y, (score, error) in enumerate(zip(scores, errors)):
    ax.text((score + error) * 1.1, y, f"{score:.1f}", va="center", fontsize="small")
ax.set_xlim(right=max([s + e for s, e in zip(scores, errors)] + list(TARGETS.values())) * 12)

if panels == 2:
    ax = axes[1]
    values = [a or 0 for a in allocs]
    ax.barh(names, values, color="#7fa85a")
    ax.set_xlabel("gc.alloc.rate.norm, B/op")
    ax.set_title("Allocation")
    for y, value in enumerate(values):
        ax.text(value, y, f" {value:.0f}", va="center", fontsize="small")
    ax.set_xlim(right=max(values + [1]) * 1.2)

# the rows of the table on the performance page; the median of the iterations resists a neighbour's burst of CPU use
print("[cols=\"3,>2,>1,>1\",options=\"header\"]")
print("|===")
print("|Benchmark |ns/op (mean ± 99.9% CI) |ns/op (median) |B/op")
for r, name, score, error, alloc in zip(results, names, scores, errors, allocs):
    raw = [v for fork in r["primaryMetric"].get("rawData", []) for v in fork]
    median = statistics.median(raw) if raw else score
    print(f"|{name} |{score:.1f} ± {error:.1f} |{median:.1f} |{(alloc or 0):.0f}")
print("|===")

fig.suptitle(os.environ.get("CHART_TITLE", "Airlock core operations") + " (JMH, " + results[0].get("jdkVersion", "?") + ")")
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
print("chart written to", sys.argv[2])
