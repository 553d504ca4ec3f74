"""The harness itself: membership changes are seen by the members, nothing is left behind."""
import os
import time

from tests.support import raw
from tests.support.cluster import started_members, member_processes, owner_marker


def test_three_members_terminate_restart_suspend(cluster_factory):
    c = cluster_factory(3)
    assert [m.member_count() for m in c.members] == [3, 3, 3]
    first, second, third = c.members

    first.terminate()
    assert not first.is_running
    c.wait_for_size(2, members=[second, third])

    first.restart()
    c.wait_for_size(3)
    assert first.starts == 2
    assert raw.ping(first.address)

    second.suspend()
    assert not raw.ping(second.address, timeout=1.0)   # a hung member answers nothing
    second.resume()
    assert raw.ping(second.address)
    c.wait_for_size(3)

    third.shutdown()  # graceful
    assert not third.is_running
    c.wait_for_size(2, members=[first, second])

    pids = [m.pid for m in c.members]
    c.shutdown()
    assert not [pid for pid in pids if pid in member_processes()]


def test_member_log_is_kept(cluster_factory):
    c = cluster_factory(1)
    member = c.members[0]
    assert "is STARTED" in member.log_text()
    assert "[127.0.0.1]:%d" % member.port in member.log_tail(200)


def test_no_member_of_ours_outlives_its_cluster(cluster_factory):
    c = cluster_factory(1)
    mine = owner_marker()
    assert c.members[0].pid in member_processes()
    c.shutdown()
    deadline = time.monotonic() + 10
    while c.members[0].pid in member_processes() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert c.members[0].pid not in member_processes()
    # only the session-scoped clusters (the `cluster` and `default_port_cluster` fixtures,
    # if tests used them) may still run under our marker
    leftovers = [pid for pid, owner in member_processes().items() if owner == mine]
    session_pids = {m.pid for m in started_members() if m.cluster.name in ("session", "port5701")}
    assert set(leftovers) <= session_pids, leftovers
    assert os.getpid() != c.members[0].pid
