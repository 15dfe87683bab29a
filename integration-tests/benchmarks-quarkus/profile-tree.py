"""Prints where the time of one benchmark goes, from async-profiler's collapsed stacks: the calls under the benchmark
method as a tree, each with its share of the samples taken in it, down to a depth and a threshold.

usage: python3 profile-tree.py target/profile-airlock10.collapsed TransactionBenchmark.airlock10 [depth] [min %]
"""
import sys

path, method = sys.argv[1], sys.argv[2]
depth = int(sys.argv[3]) if len(sys.argv) > 3 else 5
threshold = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0


def short(frame):
    # com/arjuna/ats/arjuna/AtomicAction.commit -> AtomicAction.commit
    return frame.rsplit("/", 1)[-1]


tree = {}
total = 0
for line in open(path):
    stack, count = line.rsplit(" ", 1)
    frames = stack.split(";")
    at = [i for i, frame in enumerate(frames) if frame.endswith(method)]
    if not at:
        continue
    count = int(count)
    total += count
    node = tree
    for frame in frames[at[-1] + 1:at[-1] + 1 + depth]:
        entry = node.setdefault(short(frame), [0, {}])
        entry[0] += count
        node = entry[1]

if not total:
    print(f"no samples in {method}")
    sys.exit(1)
print(f"{method}: {total} samples")


def show(node, indent):
    for name, (count, children) in sorted(node.items(), key=lambda item: -item[1][0]):
        share = 100 * count / total
        if share >= threshold:
            print(f"{share:5.1f} %  {'  ' * indent}{name}")
            show(children, indent + 1)


show(tree, 0)
