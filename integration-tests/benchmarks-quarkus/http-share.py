"""Prints the share of a server's CPU samples spent in Airlock's code, from async-profiler's collapsed stacks, and where
the server entered it. A sample is Airlock's when its stack holds a frame of Airlock's and nothing under the deepest
such frame hands the request on: the request scope and the @AirlockScope interceptor call the rest of the request
(Vert.x's next route, the intercepted method), and that is the application's time, not Airlock's. What Airlock calls
for itself (the task handler, the listeners) counts as Airlock's, so the share is an upper bound of its own cost.

With --bytes-per REQUESTS the stacks count bytes allocated (async-profiler's alloc event, dumped with "total"), and
the same split is printed in bytes per request, with the classes Airlock's code allocates.

usage: python3 http-share.py target/http-profile-auto.collapsed [top frames] [--bytes-per REQUESTS]
"""
import sys

AIRLOCK = ("io/quarkiverse/airlock/", "io.quarkiverse.airlock.")
APPLICATION = ("io/quarkiverse/airlock/benchmarks/", "io.quarkiverse.airlock.benchmarks.")
# calls that hand the request on to whatever comes after Airlock
HAND_ON = ("RoutingContextImpl.next", "InvocationContext.proceed", "InvocationContextImpl.proceed",
           "AroundInvokeInvocationContext.proceed")

args = sys.argv[1:]
requests = None
if "--bytes-per" in args:
    at = args.index("--bytes-per")
    requests = int(args[at + 1])
    del args[at:at + 2]
path = args[0]
top = int(args[1]) if len(args) > 1 else 8


def airlock(frame):
    return frame.startswith(AIRLOCK) and not frame.startswith(APPLICATION)


def intercepting(frames):
    """In ArC's interception of a method (its generated _Subclass) and not in the method itself: the plumbing an
    interceptor binding costs. In the benchmark application only @AirlockScope binds an interceptor."""
    subclass = [i for i, frame in enumerate(frames) if "_Subclass." in frame and "superforward" not in frame]
    if not subclass:
        return False
    method = frames[subclass[-1]].rsplit("_Subclass.", 1)
    target = method[0] + "." + method[1]
    return not any("superforward" in frame or frame == target for frame in frames[subclass[-1] + 1:])


total = 0
inside = 0
plumbing = 0
entries = {}
for line in open(path):
    stack, count = line.rsplit(" ", 1)
    count = int(count)
    total += count
    frames = stack.split(";")
    if requests is not None:
        # the last frame is the class allocated, which may be one of Airlock's own
        frames, allocated = frames[:-1], frames[-1]
    mine = [i for i, frame in enumerate(frames) if airlock(frame)]
    if not mine or any(frame.endswith(HAND_ON) for frame in frames[mine[-1] + 1:]):
        if intercepting(frames):
            plumbing += count
        continue
    first = frames[mine[0]]
    inside += count
    # the outermost Airlock frame: where the server's work entered Airlock; for allocations, what the deepest one made
    where = first if requests is None else f"{frames[mine[-1]].rsplit('/', 1)[-1]}: {allocated.rsplit('.', 1)[-1]}"
    entries[where] = entries.get(where, 0) + count

if not total:
    print(f"no samples in {path}")
    sys.exit(1)
if requests is not None:
    print(f"  bytes allocated per request: {total / requests:.0f}, by Airlock's code {inside / requests:.0f}"
          f" ({100.0 * inside / total:.1f} %), by ArC's interception around the intercepted method"
          f" {plumbing / requests:.0f}")
    for where, count in sorted(entries.items(), key=lambda item: -item[1])[:top]:
        print(f"    {count / requests:6.1f} B  {where}")
    sys.exit(0)
print(f"  Airlock's share of the server's CPU samples: {100.0 * inside / total:.2f} % ({inside} of {total})")
if plumbing:
    print(f"  and ArC's interception around the intercepted method: {100.0 * plumbing / total:.2f} % ({plumbing});"
          f" together {100.0 * (inside + plumbing) / total:.2f} %")
for frame, count in sorted(entries.items(), key=lambda item: -item[1])[:top]:
    print(f"    {100.0 * count / total:5.2f} %  entered at {frame.rsplit('/', 1)[-1]}")
