"""Same answers as the official client: behaviour_probe.py, written against the 3.12.3 API,
runs with hazelcast-python-client 3.12.3 (installed from PyPI by tests/compat) and with
this client against the same member; what each call answered (types, values, units,
event types, ``str()`` of proxies) must be equal."""
import json
import os
import subprocess
import sys
import uuid

import pytest

from tests.compat import conftest as compat
from tests.integration.client_helpers import client_config
from tests.integration.test_atomics import FACTORIES
from tests.integration.test_map_helpers import MAP_FACTORIES
from tests.support.cluster import Cluster

PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "behaviour_probe.py")


@pytest.fixture(scope="module")
def probe_cluster(cluster):
    # asks for `cluster` first: that fixture skips (or fails) when members cannot run here
    factories = dict(FACTORIES)
    factories.update(MAP_FACTORIES["data_serializable_factories"])
    members = Cluster(size=1, name="probe", data_serializable_factories=factories)
    yield members
    members.shutdown()


def _probe(python, env, cluster):
    config = client_config(cluster)
    result = subprocess.run(
        [python, PROBE, config.network_config.addresses[0], config.group_config.name,
         config.group_config.password, uuid.uuid4().hex],
        capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, "%s failed:\n%s" % (python, result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_official_client_and_this_one_answer_alike(probe_cluster):
    official_python = compat.ensure_official_python()
    theirs = _probe(official_python, compat.clean_env(), probe_cluster)
    ours_env = dict(os.environ, PYTHONPATH=compat.REPO_ROOT)
    ours = _probe(sys.executable, ours_env, probe_cluster)
    different = {key: {"3.12.3": theirs.get(key), "ours": ours.get(key)}
                 for key in sorted(set(theirs) | set(ours)) if theirs.get(key) != ours.get(key)}
    assert not different, json.dumps(different, indent=1)
    # the probe observed what it is meant to observe (not an empty or failed run)
    assert theirs["lease_unit_is_ms"] is True and theirs["entry_event_types"] == [1, 2, 4]
    for observed in ("keyed_event", "multi_map_event", "replicated_map_event", "topic_message",
                     "item_event"):
        assert observed in theirs, "the probe saw no %s" % observed
