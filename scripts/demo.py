"""Start a local member on 127.0.0.1:5701, run examples/basic_usage.py against it with this
client, print what it printed, stop the member. Run through ./run-example.sh, which fetches
the member jar first (or directly once .cache/hazelcast/<version>/ has it)."""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.support.cluster import Cluster, HarnessError  # noqa: E402

EXAMPLE = os.path.join(ROOT, "examples", "basic_usage.py")
PORT = 5701  # where the example's default ClientConfig looks


def client_available():
    try:
        import hazelcast
    except ImportError as e:
        return "the hazelcast package does not import (%s)" % e
    if not hasattr(hazelcast, "HazelcastClient"):
        return "hazelcast.HazelcastClient does not exist yet (the client is still being written)"
    return None


def main():
    started = time.monotonic()
    try:
        cluster = Cluster(size=1, ports=[PORT], name="demo")
    except HarnessError as e:
        print("demo: could not start a member: %s" % e, file=sys.stderr, flush=True)
        return 1
    member = cluster.members[0]
    print("demo: Hazelcast %s member up at %s in %.1f s (log: %s)"
          % (cluster.version, member.address_str, time.monotonic() - started, member.log_path), flush=True)
    try:
        missing = client_available()
        if missing:
            print("demo: the member is up, but %s; stopping here." % missing, flush=True)
            return 2
        print("demo: running %s\n" % os.path.relpath(EXAMPLE, ROOT), flush=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
        try:
            result = subprocess.run([sys.executable, EXAMPLE], cwd=ROOT, env=env, timeout=120,
                                    stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            print("\ndemo: the example did not finish within 120 s", file=sys.stderr)
            return 1
        print("\ndemo: the example exited with code %d" % result.returncode)
        return result.returncode
    finally:
        cluster.shutdown(graceful=True)
        print("demo: member stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
