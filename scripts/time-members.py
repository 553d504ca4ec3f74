"""How long the harness takes to start members: one member, then a 3-member cluster.
    PYTHONPATH=. python scripts/time-members.py [ROUNDS]     (HZ_VERSION picks the version)"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tests.support.cluster import Cluster  # noqa: E402


def timed(size):
    started = time.monotonic()
    cluster = Cluster(size=size)
    elapsed = time.monotonic() - started
    cluster.shutdown()
    return elapsed


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for size in (1, 3):
        times = sorted(timed(size) for _ in range(rounds))
        print("%d member(s): min %.2f s, median %.2f s, max %.2f s over %d rounds"
              % (size, times[0], times[len(times) // 2], times[-1], rounds))


if __name__ == "__main__":
    main()
