"""Every code sample of the reference manual's chapter 4 (and the Employee of
7.7.1.1) runs as written against our API and round-trips.

The samples are read from ../shared/reference/client-manual.md at test time.
"""
import os
import re
import sys
import types

import pytest

from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import predicate
from hazelcast.serialization.service import SerializationService

from tests.unit.serialization.sample_types import config

MANUAL = os.path.join("..", "shared", "reference", "client-manual.md")


def _section(text, start, end):
    a = text.index(start)
    return text[a:text.index(end, a + len(start))]


@pytest.fixture(scope="module")
def samples():
    if not os.path.exists(MANUAL):
        pytest.skip("reference manual not found at %s (run from the repo root)" % MANUAL)
    with open(MANUAL, encoding="utf-8") as fh:
        text = fh.read()
    chapter = _section(text, "\n# 4. Serialization", "\n# 5. ")
    employee = _section(text, "#### 7.7.1.1.", "#### 7.7.1.2.")
    blocks = re.findall(r"```python\n(.*?)```", chapter + employee, re.S)
    assert len(blocks) >= 10
    return blocks


class _Map:
    def __init__(self, service):
        self.service = service
        self.stored = {}

    def put(self, key, value):
        self.stored[self.service.to_data(key)] = self.service.to_data(value)

    def values(self, pred):
        self.service.to_data(pred)
        return [self.service.to_object(v) for v in self.stored.values()]


def _run(samples):
    """Exec every block in one namespace, as a reader following the chapter would."""
    cfg = types.SimpleNamespace(serialization_config=config())
    sc = cfg.serialization_config
    sc.set_custom_serializer = lambda cls, ser: sc.custom_serializers.__setitem__(cls, ser)
    third = types.ModuleType("some_third_party_serializer")
    third.serialize = repr
    third.deserialize = lambda s: ("deserialized", s)
    sys.modules["some_third_party_serializer"] = third
    ns = {"config": cfg, "is_less_than_or_equal_to": predicate.is_less_than_or_equal_to,
          "HazelcastJsonValue": HazelcastJsonValue, "__name__": "manual_samples"}
    ns["json_map"] = _Map(SerializationService(config()))
    for block in samples:
        exec(compile(block, "<manual sample>", "exec"), ns)
    return ns, sc


def test_samples_run_and_round_trip(samples):
    ns, sc = _run(samples)
    svc = SerializationService(sc)
    # The chapter registers Address and then Foo as factory 1 / class 1 of the
    # same dict, so the later Foo wins there; give Address its own config.
    with pytest.raises(HazelcastSerializationError, match="Foo .*not IdentifiedDataSerializable"):
        svc.to_object(svc.to_data(ns["Address"]("a", 1, "b", "c")))
    svc = SerializationService(config(data_serializable_factories={1: {1: ns["Address"]}},
                                      global_serializer=sc.global_serializer))
    addr = ns["Address"]("Main St", 12345, "Springfield", "IL")
    back = svc.to_object(svc.to_data(addr))
    assert (back.street, back.zip_code, back.city, back.state) == \
        ("Main St", 12345, "Springfield", "IL")
    assert svc.to_data(addr).get_type() == -2

    # The manual registers Foo (a Portable) in data_serializable_factories; it still works.
    portable_cfg = config(data_serializable_factories={1: {1: ns["Foo"]}})
    psvc = SerializationService(portable_cfg)
    foo = psvc.to_object(psvc.to_data(ns["Foo"]("bar")))
    assert foo.foo == "bar"

    # Global serializer: anything without another serializer goes through it.
    assert svc.to_object(svc.to_data({"x": 1})) == ("deserialized", "{'x': 1}")

    employee_cfg = config(portable_factories={1000: {100: ns["Employee"]}})
    esvc = SerializationService(employee_cfg)
    e = esvc.to_object(esvc.to_data(ns["Employee"]("Joe", 29, True, 1000.5)))
    assert (e.name, e.age, e.active, e.salary) == ("Joe", 29, True, 1000.5)
    json_values = ns["json_map"].stored.values()
    assert all(d.get_type() == -130 for d in json_values)


def test_musician_sample_is_inconsistent_as_written(samples):
    """The manual's MusicianSerializer writes chars but reads ints: it cannot
    round-trip. Writing works; the read fails in the sample's own code (chr of a
    too-large int) or as a truncated-input error, never silently."""
    ns, sc = _run(samples)
    svc = SerializationService(sc)
    d = svc.to_data(ns["Musician"]("Bob"))
    assert d.get_type() == 10
    with pytest.raises((ValueError, HazelcastSerializationError)):
        svc.to_object(d)
    with pytest.raises(HazelcastSerializationError, match="Truncated"):
        svc.to_object(svc.to_data(ns["Musician"]("B")))

    class FixedMusicianSerializer(ns["MusicianSerializer"]):
        def read(self, inp):
            return ns["Musician"]("".join(inp.read_char() for _ in range(inp.read_int())))
    fixed = SerializationService(config(custom_serializers={ns["Musician"]: FixedMusicianSerializer}))
    assert fixed.to_object(fixed.to_data(ns["Musician"]("Bob"))).name == "Bob"
