"""Arguments that used to be misread, against a real member: sub-millisecond TTLs that meant
"forever", negative or NaN TTLs, equal dict keys built in another order, paging predicates
inside and_/or_, sql(None), non-str object names, and a failing custom serializer."""
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import HazelcastSerializationError, IllegalArgumentError
from hazelcast.serialization.api import StreamSerializer
from hazelcast.serialization.predicate import and_, is_greater_than, not_, or_, paging, sql
from tests.integration.client_helpers import client_config, wait_until
from tests.integration.test_map_helpers import needs_members


class Widget:
    def __init__(self, size=0):
        self.size = size


class FragileWidgetSerializer(StreamSerializer):
    """Writes widgets, but cannot write size 0 nor read what it wrote for size 13."""

    def get_type_id(self):
        return 4242

    def write(self, out, obj):
        out.write_int(100 // obj.size)

    def read(self, inp):
        value = inp.read_int()
        return {7: Widget(value)}[value]


@pytest.fixture(scope="module")
def client(cluster):
    config = client_config(cluster)
    config.serialization_config.set_custom_serializer(Widget, FragileWidgetSerializer)
    client = hazelcast.HazelcastClient(config)
    yield client
    client.shutdown()


@pytest.fixture
def m(client):
    return client.get_map("args-" + uuid.uuid4().hex).blocking()


# --- durations ------------------------------------------------------------------------------

def test_a_sub_millisecond_ttl_expires_instead_of_living_forever(m):
    m.put("short", "v", ttl=0.0005)
    m.set("short-set", "v", ttl=0.0001)
    m.put("forever", "v", ttl=0)
    time.sleep(0.05)
    wait_until(lambda: m.get("short") is None and m.get("short-set") is None, timeout=5,
               message="entries with a 0.0005 s / 0.0001 s TTL (1 ms) to expire")
    assert m.get("forever") == "v"


@needs_members("3.11")
def test_a_sub_millisecond_max_idle_and_set_ttl_expire(m):
    m.put("idle", "v", max_idle=0.0002)
    m.put("reset", "v")
    assert m.set_ttl("reset", 0.0009) is True
    time.sleep(0.05)
    wait_until(lambda: m.get("idle") is None and m.get("reset") is None, timeout=5,
               message="entries with a sub-millisecond max idle / TTL to expire")


def test_ttl_minus_one_uses_the_map_default_and_the_entry_stays(m):
    m.put("default", "v", ttl=-1)
    assert m.get_entry_view("default").ttl in (0, 2 ** 63 - 1)
    assert m.get("default") == "v"


@pytest.mark.parametrize("ttl", [-2, -0.5, float("nan"), float("inf"), float("-inf"), True, "10"])
def test_bad_ttls_are_refused_and_nothing_is_stored(m, ttl):
    with pytest.raises(IllegalArgumentError, match="ttl must be a number of seconds >= 0"):
        m.put("k", "v", ttl=ttl)
    assert m.size() == 0


# --- dict keys --------------------------------------------------------------------------

def test_an_equal_dict_built_in_another_order_finds_the_entry(m):
    m.put({"city": "Oslo", "street": "Main", "no": 5}, "found")
    assert m.get({"no": 5, "street": "Main", "city": "Oslo"}) == "found"
    assert m.contains_key({"street": "Main", "no": 5, "city": "Oslo"}) is True
    m.put({"tags": {"b", "a", "c"}}, "set inside")
    assert m.get({"tags": {"c", "a", "b"}}) == "set inside"
    assert m.replace_if_same({"no": 5, "city": "Oslo", "street": "Main"}, "found", "replaced") is True
    assert m.size() == 2


# --- predicates -------------------------------------------------------------------------

def test_paging_inside_and_or_not_is_refused_at_construction(m):
    inner = paging(is_greater_than("this", 1), 2)
    for compose in (lambda: and_(sql("this > 0"), inner), lambda: or_(inner), lambda: not_(inner)):
        with pytest.raises(IllegalArgumentError, match="cannot contain a PagingPredicate"):
            compose()
    m.put_all({i: i for i in range(5)})
    assert sorted(m.values(paging(and_(sql("this > 0"), is_greater_than("this", 1)), 2))) == [2, 3]


@pytest.mark.parametrize("query", [None, 5, b"this > 1"])
def test_sql_of_a_non_str_is_refused_before_the_member_sees_it(m, query):
    with pytest.raises(IllegalArgumentError, match="sql takes the query as a str"):
        m.key_set(sql(query))


# --- names and serializers --------------------------------------------------------------

@pytest.mark.parametrize("name", [123, None, b"map", ["map"], ""])
def test_a_non_str_object_name_is_refused_naming_the_argument(client, name):
    with pytest.raises(IllegalArgumentError, match="The name of a Map must be a non-empty str"):
        client.get_map(name)
    with pytest.raises(IllegalArgumentError, match="The name of a Queue must be a non-empty str"):
        client.get_queue(name)


def test_custom_serializer_failures_name_the_serializer_and_type(m):
    with pytest.raises(HazelcastSerializationError) as caught:
        m.put("k", Widget(0))
    message = str(caught.value)
    assert "FragileWidgetSerializer" in message and "Widget" in message and "ZeroDivisionError" in message
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
    assert m.size() == 0

    m.put("k", Widget(13))  # writes 100 // 13 = 7: reads back
    assert m.get("k").size == 7
    m.put("bad", Widget(8))  # writes 12: the reader fails on it
    with pytest.raises(HazelcastSerializationError) as caught:
        m.get("bad")
    assert "FragileWidgetSerializer" in str(caught.value) and "type id 4242" in str(caught.value)
    assert isinstance(caught.value.__cause__, KeyError)
