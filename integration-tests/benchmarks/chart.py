"""Draws the benchmark chart of the performance page from JMH's JSON results."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

results = json.load(open(sys.argv[1]))
names = [r["benchmark"].rsplit(".", 2)[-2].replace("Benchmark", "") + "." + r["benchmark"].rsplit(".", 1)[-1]
         for r in results]
scores = [r["primaryMetric"]["score"] for r in results]
errors = [r["primaryMetric"].get("scoreError") or 0 for r in results]
errors = [e if e == e else 0 for e in errors]  # NaN when a single iteration ran

fig, ax = plt.subplots(figsize=(9, 0.45 * len(names) + 1.2))
ax.barh(names, scores, xerr=errors, color="#4a7fb5")
ax.invert_yaxis()
ax.set_xlabel("ns/op (lower is better)")
ax.set_title("Airlock core operations")
for y, score in enumerate(scores):
    ax.text(score, y, f" {score:.1f}", va="center")
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
print("chart written to", sys.argv[2])
