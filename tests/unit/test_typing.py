"""What a type checker sees of the public API: user code typed against the client is checked."""
import importlib.util
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

USER_CODE = '''
from hazelcast.config import ClientConfig
from hazelcast.future import Future, completed_future
from hazelcast.protocol.codec import map_put_codec
from hazelcast.serialization.portable.classdef import ClassDefinitionBuilder

config = ClientConfig()
reveal_type(config.network_config.addresses)
reveal_type(config.network_config.ssl_config.cafile)
reveal_type(config.network_config.connection_timeout)
reveal_type(config.near_cache_configs)
reveal_type(completed_future(3).result())
reveal_type(completed_future("a")._map(len))
reveal_type(map_put_codec.encode_request)
reveal_type(ClassDefinitionBuilder(1, 2).add_int_field("i"))
'''

EXPECTED = [
    'Revealed type is "list[str]"',
    'Revealed type is "str | None"',
    'Revealed type is "float"',
    'Revealed type is "dict[str, hazelcast.config.NearCacheConfig]"',
    'Revealed type is "int"',
    'Revealed type is "hazelcast.future.Future[int]"',
    'Revealed type is "def (name: str, key: hazelcast.serialization.data.Data, value: '
    'hazelcast.serialization.data.Data, thread_id: int, ttl: int) -> hazelcast.protocol.message.ClientMessage"',
    'Revealed type is "hazelcast.serialization.portable.classdef.ClassDefinitionBuilder"',
]


def test_the_public_types_reach_user_code(tmp_path):
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (run-tests.sh installs it)")
    user = tmp_path / "user_code.py"
    user.write_text(USER_CODE)
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
                             "--no-incremental", str(user)],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    revealed = [line.split("note: ", 1)[1] for line in result.stdout.splitlines() if "note: Revealed" in line]
    assert revealed == EXPECTED, result.stdout + result.stderr
