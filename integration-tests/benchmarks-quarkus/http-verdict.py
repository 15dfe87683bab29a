"""Reads the rounds of http.sh and prints, per variant, how it compares with the endpoint without Airlock, and whether
the run can tell that an endpoint with an intent costs at most GOAL % of throughput.

Each round measures every variant once, a second or two apart, so a variant's ratio to no Airlock in the same round
cancels the slow drift of the machine. What is left swings by 10 % and more from one round to the next on a shared
virtual machine, so a single ratio says little: the estimate is the median of the per-round ratios, and its 95 %
confidence interval comes from resampling the rounds (a bootstrap, with a fixed seed so that the same rounds always
print the same interval). How a JVM compiles the code moves a variant by more than one run's rounds can average out,
so http.sh restarts its servers every few dozen rounds, and the resampling is in two stages: first the JVM starts,
then the rounds within each start drawn. A goal is met when the whole interval lies above -GOAL %, missed when it lies below, and
unsettled when the interval straddles it: then the run could not tell, and more rounds narrow the interval.

The controls are the baseline measured again ("no Airlock, again": same JVM; "no Airlock, another JVM"; "no Airlock,
auto-scope's JVM", on a path the auto-scope leaves alone): their true difference is nil, so an interval of theirs that leaves out 0 shows a run that drifted or a JVM that compiled the
same code differently, and their width is the resolution of the run.

usage: python3 http-verdict.py target/http-raw.txt [more-raw.txt ...]
       (lines: variant|round|requests/s|p99|CPU us per request[|JVM start]; without the last field, a file is one
       start)

Several files pool their rounds, as one longer run: only for runs of the same builds by the same method, each keeping
its own rounds' pairs and its own JVM starts.
"""
import random
import statistics
import sys

BASELINE = "no Airlock"
# the same endpoint served by the auto-scope build on a path the auto-scope leaves alone: the auto-scope's variants
# compared within their own JVM, which the spread between JVM starts does not reach
OWN_JVM_BASELINE = "no Airlock, auto-scope's JVM"
GOAL = 3.0  # at most this % of throughput, for the endpoints with an intent
RESAMPLES = 4000


def milliseconds(latency):
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if latency.endswith(suffix):
            return float(latency[: -len(suffix)]) * factor
    raise ValueError(f"not a wrk latency: {latency}")


def read(paths):
    variants = {}
    for run, path in enumerate(paths):
        for line in open(path):
            name, round_, rps, p99, cpu, *start = line.strip().split("|")
            # a round is paired with the baseline of the same round of the same run, and belongs to a start of its JVMs
            variants.setdefault(name, {})[(run, round_)] = (float(rps), milliseconds(p99), float(cpu),
                                                            (run, start[0] if start else "1"))
    if BASELINE not in variants:
        sys.exit(f"no '{BASELINE}' rounds in {' '.join(paths)}: every ratio is to them")
    return variants


def percent(ratio):
    return 100.0 * (ratio - 1.0)


def median_interval(starts, seed=17):
    """The median of the ratios and a 95 % bootstrap interval of it: JVM starts drawn, then rounds within each."""
    rng = random.Random(seed)
    groups = list(starts.values())
    medians = []
    for _ in range(RESAMPLES):
        drawn = []
        for group in rng.choices(groups, k=len(groups)):
            drawn.extend(rng.choices(group, k=len(group)))
        medians.append(statistics.median(drawn))
    medians.sort()
    ratios = [ratio for group in groups for ratio in group]
    return statistics.median(ratios), medians[int(0.025 * RESAMPLES)], medians[int(0.975 * RESAMPLES) - 1]


def verdict(low, high):
    if low >= -GOAL:
        return "met"
    if high < -GOAL:
        return "NOT met"
    return "unsettled"


def compare(rounds, base):
    """The median ratio of a variant to a baseline over their common rounds, its interval, and each start's median."""
    by_start = {}
    for key in rounds:
        if key in base:
            by_start.setdefault(rounds[key][3], []).append(rounds[key][0] / base[key][0])
    return by_start, median_interval(by_start)


def main(paths):
    variants = read(paths)
    base = variants[BASELINE]
    starts = len({value[3] for value in base.values()})
    print(f"{len(base)} rounds over {starts} JVM start(s); per variant the median of its ratios to '{BASELINE}' in the"
          f" same round, with a 95 % bootstrap interval, and the median of each start")
    print(f"{'variant':26} {'req/s':>8} {'vs none':>8} {'95 % interval':>16} {'rounds':>16} {'p99 ms':>7}"
          f" {'CPU us/req':>10} {'CPU':>7}  goal (cost at most {GOAL:g} %)")
    for name, rounds in variants.items():
        paired = [key for key in rounds if key in base]
        rps = statistics.median(value[0] for value in rounds.values())
        p99 = statistics.median(value[1] for value in rounds.values())
        cpu = statistics.median(value[2] for value in rounds.values())
        line = f"{name:26} {rps:8.0f}"
        if name == BASELINE:
            print(f"{line} {'':8} {'':16} {'':16} {p99:7.2f} {cpu:10.2f}")
            continue
        by_start, (middle, low, high) = compare(rounds, base)
        ratios = [ratio for group in by_start.values() for ratio in group]
        cpu_ratio = statistics.median(rounds[key][2] / base[key][2] for key in paired)
        spread = f"{percent(min(ratios)):+.1f}..{percent(max(ratios)):+.1f}"
        interval = f"{percent(low):+.1f}..{percent(high):+.1f}"
        if name.startswith(BASELINE):
            judged = "control: " + ("ok, 0 inside" if low <= 1.0 <= high else "DRIFTED, 0 outside")
        elif name.endswith("1 intent"):
            judged = verdict(percent(low), percent(high))
        else:
            judged = ""
        print(f"{line} {percent(middle):+7.1f}% {interval:>16} {spread:>16} {p99:7.2f} {cpu:10.2f}"
              f" {percent(cpu_ratio):+6.1f}%  {judged}")
        if len(by_start) > 1:
            each = " ".join(f"{percent(statistics.median(group)):+.1f}" for group in by_start.values())
            print(f"{'':26} each JVM start: {each}")
    own = variants.get(OWN_JVM_BASELINE)
    if own:
        print(f"The auto-scope's variants against '{OWN_JVM_BASELINE}', the same endpoint in the same JVM:")
        for name, rounds in variants.items():
            if not name.startswith("auto-scope"):
                continue
            by_start, (middle, low, high) = compare(rounds, own)
            judged = verdict(percent(low), percent(high)) if name.endswith("1 intent") else ""
            each = " ".join(f"{percent(statistics.median(group)):+.1f}" for group in by_start.values())
            print(f"{name:26} {'':8} {percent(middle):+7.1f}% {percent(low):+7.1f}..{percent(high):+.1f}  {judged}")
            if len(by_start) > 1:
                print(f"{'':26} each JVM start: {each}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
