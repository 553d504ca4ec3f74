"""Test support: the real-member harness (:mod:`tests.support.cluster`) and raw-socket
protocol helpers (:mod:`tests.support.raw`). Usable from tests, benchmarks and scripts."""
