"""Reference values of the compatibility vectors (VECTORS.md section b), the
vector-file readers, and a normaliser that makes decoded values comparable.

The shared reference pack lives outside the repo at ../shared/protocol (relative
to the repo root); tests skip when it is absent.
"""
import json
import os
import struct
import uuid
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from hazelcast.core import Address, DistributedObjectInfo, EntryView, Member
from hazelcast.protocol import types as t
from hazelcast.serialization.data import Data

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))))
SHARED = os.path.join(REPO, "..", "shared", "protocol")
VECTORS = os.path.join(SHARED, "vectors")
DEFINITIONS = os.path.join(REPO, "codegen", "definitions")
VERSIONS = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]


def require_shared(path: str = VECTORS) -> str:
    if not os.path.exists(path):
        pytest.skip("shared protocol reference pack not found at %s (expected next to the repo "
                    "as ../shared/protocol)" % os.path.normpath(path))
    return path


def version_tuple(text: str) -> Tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


# --- definitions ------------------------------------------------------------------

def load_definitions() -> Tuple[Dict[int, Dict], Dict[int, Dict], Dict[int, Dict]]:
    """(requests by type, responses by id, events by id) from codegen/definitions."""
    requests, responses, events = {}, {}, {}
    for name in sorted(n for n in os.listdir(DEFINITIONS) if n.endswith(".json")):
        with open(os.path.join(DEFINITIONS, name), encoding="utf-8") as f:
            doc = json.load(f)
        for m in doc.get("messages", []):
            m = dict(m, service=doc["service"])
            requests[(doc["id"] << 8) | m["id"]] = m
        for r in doc.get("responses", []):
            responses[r["id"]] = r
        for e in doc.get("events", []):
            events[e["id"]] = e
    return requests, responses, events


# --- vector files -----------------------------------------------------------------

def read_protocol_vectors(path: str) -> List[bytes]:
    """Frames of a protocol compatibility file (BE int32 length + frame)."""
    with open(path, "rb") as f:
        raw = f.read()
    frames, pos = [], 0
    while pos < len(raw):
        (n,) = struct.unpack_from(">i", raw, pos)
        frames.append(raw[pos + 4:pos + 4 + n])
        pos += 4 + n
    return frames


def read_error_vectors(path: str) -> Iterator[Tuple[str, bytes]]:
    """(key, frame) of an errorCodec file (BE uint16 key length, key, BE int32 length, frame)."""
    with open(path, "rb") as f:
        raw = f.read()
    pos = 0
    while pos < len(raw):
        (k,) = struct.unpack_from(">H", raw, pos)
        key = raw[pos + 2:pos + 2 + k].decode("ascii")
        pos += 2 + k
        (n,) = struct.unpack_from(">i", raw, pos)
        yield key, raw[pos + 4:pos + 4 + n]
        pos += 4 + n


# --- reference values ---------------------------------------------------------------

DATA = Data(b"111313123131313131")
ADDRESS = Address("127.0.0.1", 5701)
S = "SampleString"
UUID = t.uuid_from_bits(123456789, 987654321)
MEMBER = Member(ADDRESS, S, False, {S: S})

_SCALARS = {
    "boolean": True, "byte": 113, "int": 56789, "long": -50992225, "String": S, "Data": DATA,
    "Address": ADDRESS, "UUID": UUID, "Member": MEMBER,
    "byte[]": b"SampleString", "long[]": [-50992225],
    "Xid": t.Xid(1, b"SampleString", b"SampleString"),
    "EntryView": EntryView(DATA, DATA),
    "DistributedObjectInfo": DistributedObjectInfo(S, S),
    "JobPartitionState": t.JobPartitionState(ADDRESS, "MAPPING"),
    "CacheEventData": t.CacheEventData(7, S, DATA, DATA, DATA, True),
    "QueryCacheEventData": t.QueryCacheEventData(0, None, None, 0, 0),
    "ScheduledTaskHandler": t.ScheduledTaskHandler("sche", "task", ADDRESS, -1),
    "RaftGroupId": t.RaftGroupId(S, -50992225, -50992225),
    "HotRestartConfig": t.HotRestartConfig(True, True),
    "TimedExpiryPolicyFactoryConfig": t.TimedExpiryPolicyFactoryConfig("CREATED", 30, "SECONDS"),
    "WanReplicationRef": t.WanReplicationRef("wan-target", "com.hazelcast.MergePolicy", True,
                                             ["com.hazelcast.WanFilter"]),
    "MapStoreConfigHolder": t.MapStoreConfigHolder(
        True, True, 101, 20, "EAGER", None, None, "com.hazelcast.MapStoreFactory", None, None),
    "QueueStoreConfigHolder": t.QueueStoreConfigHolder(
        class_name="com.hazelcast.QueueStore", properties={"a": "b"}, enabled=True),
    "RingbufferStoreConfigHolder": t.RingbufferStoreConfigHolder(
        class_name="com.hazelcast.RingbufferStore", properties={"a": "b"}, enabled=True),
}
_LISTS = {
    "List<Entry<String,long>>": [("test", 3141592)],
    "List<Entry<String,String>>": [("test", "testValue")],
    "List<Entry<String,byte[]>>": [(S, bytes([113])), (S, bytes([113]))],
    "List<Entry<Address,List<int>>>": [(ADDRESS, [1])],
    "List<MapIndexConfig>": [t.MapIndexConfig("attr", False)],
    "List<MapAttributeConfig>": [t.MapAttributeConfig("attr", "com.hazelcast.AttributeExtractor")],
    "List<CacheSimpleEntryListenerConfig>": [t.CacheSimpleEntryListenerConfig(
        True, True, "com.hazelcast.EntryListenerFactory", "com.hazelcast.EntryEventFactory")],
}


class Blobs:
    """Java-serialized test objects inside the DynamicConfig vectors.

    Their bytes are not among the published reference values (they are JDK
    object streams of test classes), so they are lifted from the frame by their
    Data header: length prefix + partition hash 0 + type id -100.
    """

    def __init__(self, frame: bytes):
        self.frame = frame

    def java_serialized(self, size: int) -> Optional[Data]:
        marker = struct.pack("<i", size) + b"\x00\x00\x00\x00\xff\xff\xff\x9c"
        at = self.frame.find(marker)
        return None if at < 0 else Data(self.frame[at + 4:at + 4 + size])


def _eviction(blobs: Blobs) -> t.EvictionConfigHolder:
    return t.EvictionConfigHolder(100, "ENTRY_COUNT", "LRU", "com.hazelcast.ComparatorClassName",
                                  blobs.java_serialized(162))


def _listeners(blobs: Blobs) -> List[t.ListenerConfigHolder]:
    by_class = "listener.By.ClassName"
    return [t.ListenerConfigHolder(0, None, by_class, False, True),
            t.ListenerConfigHolder(4, blobs.java_serialized(125), None, False, True),
            t.ListenerConfigHolder(2, None, by_class, True, True),
            t.ListenerConfigHolder(1, None, by_class, False, True),
            t.ListenerConfigHolder(5, None, by_class, False, True),
            t.ListenerConfigHolder(3, None, by_class, False, True)]


def reference(type_name: str, blobs: Optional[Blobs] = None) -> Any:
    """The reference value of a parameter type (grammar of codegen/definitions)."""
    blobs = blobs or Blobs(b"")
    if type_name in _SCALARS:
        return _SCALARS[type_name]
    if type_name in _LISTS:
        return _LISTS[type_name]
    if type_name == "EvictionConfigHolder":
        return _eviction(blobs)
    if type_name == "List<ListenerConfigHolder>":
        return _listeners(blobs)
    if type_name == "NearCacheConfigHolder":
        return t.NearCacheConfigHolder("nearCache", "BINARY", False, True, 139, 156, False,
                                       "INVALIDATE", _eviction(blobs),
                                       t.NearCachePreloaderConfig(True, "/root/", 600, 600))
    if type_name == "List<QueryCacheConfigHolder>":
        predicate = t.PredicateConfigHolder(
            "com.hazelcast.Predicate", "name LIKE 'Fred%'",
            Data(bytes.fromhex("00000000fffffffe01ffffffe00000000e")))
        return [t.QueryCacheConfigHolder(15, 3000, 10, False, True, True, "BINARY",
                                         "queryCacheName", predicate, _eviction(blobs),
                                         _listeners(blobs), [t.MapIndexConfig("attr", False)])]
    if type_name.startswith("List<") and type_name.endswith(">"):
        return [reference(type_name[5:-1], blobs)]
    if type_name.startswith("Entry<") and type_name.endswith(">"):
        inner = type_name[6:-1]
        depth = 0
        for i, ch in enumerate(inner):
            depth += ch == "<"
            depth -= ch == ">"
            if ch == "," and depth == 0:
                return reference(inner[:i], blobs), reference(inner[i + 1:], blobs)
    raise KeyError("no reference value for " + type_name)


def param_values(params: List[Dict], version: Tuple[int, int], null_file: bool,
                 blobs: Optional[Blobs] = None) -> List[Any]:
    """Reference values of the fields a protocol version has (None for nullables in .null)."""
    values = []
    for p in params:
        if version_tuple(p["since"]) > version:
            break
        values.append(None if null_file and p.get("nullable") else reference(p["type"], blobs))
    return values


def expected_fields(params: List[Dict], version: Tuple[int, int], null_file: bool) -> List[Any]:
    """Decoded reference values: fields newer than the file's version decode as None."""
    present = param_values(params, version, null_file)
    return present + [None] * (len(params) - len(present))


# --- comparison -----------------------------------------------------------------------

def norm(value: Any) -> Any:
    """A structural, comparable form of decoded values (deep, including attributes)."""
    if isinstance(value, Data):
        return ("Data", value.buffer)
    if isinstance(value, Address):
        return ("Address", value.host, value.port)
    if isinstance(value, Member):
        return ("Member", norm(value.address), value.uuid, value.is_lite_member,
                sorted(value.attributes.items()))
    if isinstance(value, DistributedObjectInfo):
        return ("DOI", value.name, value.service_name)
    if isinstance(value, EntryView):
        return ("EntryView",) + tuple(norm(getattr(value, s)) for s in EntryView.__slots__)
    if isinstance(value, (list, tuple)):
        return [norm(v) for v in value]
    if isinstance(value, uuid.UUID):
        return ("UUID", value.int)
    return value
