"""Type grammar of codegen/definitions and how each type becomes Python code.

Grammar: a primitive (``boolean byte int long String Data byte[] long[]``),
a custom type name (``Address Member UUID Xid EntryView ...``), ``List<T>`` or
``Entry<K,V>``. Custom types are encoded/decoded by the hand-written
functions ``encode_<snake>`` / ``decode_<snake>`` of hazelcast.protocol.types.

Every emitter returns straight-line code: no descriptors are interpreted at
runtime. Decoding is one expression per field (lists become comprehensions,
entries become tuples; Python evaluates both left to right, which is wire order).
"""
import re
from typing import List, Set, Tuple

_READ = {
    "boolean": "msg.read_bool()",
    "byte": "msg.read_byte()",
    "int": "msg.read_int()",
    "long": "msg.read_long()",
    "String": "msg.read_str()",
    "Data": "msg.read_data()",
    "byte[]": "msg.read_bytes()",
    "long[]": "[msg.read_long() for _ in range(msg.read_size())]",
}
_APPEND = {
    "boolean": "append_bool", "byte": "append_byte", "int": "append_int",
    "long": "append_long", "String": "append_str", "Data": "append_data",
    "byte[]": "append_bytes",
}
_PY = {
    "boolean": "bool", "byte": "int", "int": "int", "long": "int", "String": "str",
    "Data": "Data", "byte[]": "bytes", "long[]": "List[int]",
}
# custom type -> Python annotation (imported from hazelcast.core or hazelcast.protocol.types)
CUSTOM = {
    "Address": "Address", "Member": "Member", "UUID": "UUID", "Xid": "Xid",
    "EntryView": "EntryView", "DistributedObjectInfo": "DistributedObjectInfo",
    "JobPartitionState": "JobPartitionState", "StackTraceElement": "StackTraceElement",
    "CacheEventData": "CacheEventData", "QueryCacheEventData": "QueryCacheEventData",
    "ScheduledTaskHandler": "ScheduledTaskHandler", "RaftGroupId": "RaftGroupId",
    "ListenerConfigHolder": "ListenerConfigHolder",
    "EvictionConfigHolder": "EvictionConfigHolder",
    "NearCacheConfigHolder": "NearCacheConfigHolder",
    "MapStoreConfigHolder": "MapStoreConfigHolder",
    "QueueStoreConfigHolder": "QueueStoreConfigHolder",
    "RingbufferStoreConfigHolder": "RingbufferStoreConfigHolder",
    "MapIndexConfig": "MapIndexConfig", "MapAttributeConfig": "MapAttributeConfig",
    "QueryCacheConfigHolder": "QueryCacheConfigHolder",
    "WanReplicationRef": "WanReplicationRef", "HotRestartConfig": "HotRestartConfig",
    "TimedExpiryPolicyFactoryConfig": "TimedExpiryPolicyFactoryConfig",
    "CacheSimpleEntryListenerConfig": "CacheSimpleEntryListenerConfig",
}
CORE_TYPES = {"Address", "Member", "EntryView", "DistributedObjectInfo"}


def snake(name: str) -> str:
    """camelCase / CamelCase / PNCounter -> snake_case."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return s.lower()


def parse(t: str) -> Tuple:
    """'List<Entry<K,V>>' -> ('list', ('entry', ('name','K'), ('name','V')))."""
    if t.startswith("List<") and t.endswith(">"):
        return ("list", parse(t[5:-1]))
    if t.startswith("Entry<") and t.endswith(">"):
        inner = t[6:-1]
        depth = 0
        for i, ch in enumerate(inner):
            if ch == "<":
                depth += 1
            elif ch == ">":
                depth -= 1
            elif ch == "," and depth == 0:
                return ("entry", parse(inner[:i]), parse(inner[i + 1:]))
        raise ValueError("bad entry type " + t)
    if t in _READ or t in CUSTOM:
        return ("name", t)
    raise ValueError("unknown type %r" % t)


class Imports:
    """What a generated module needs to import."""

    def __init__(self) -> None:
        self.types: Set[str] = set()      # names from hazelcast.protocol.types
        self.core: Set[str] = set()       # names from hazelcast.core
        self.typing: Set[str] = set()
        self.errors: Set[str] = set()     # names from hazelcast.errors
        self.data = False
        self.uuid = False


def annotation(node: Tuple, imports: Imports, contains_nullable: bool = False) -> str:
    """The Python type of a value of this type (``contains_nullable``: list items may be None)."""
    kind = node[0]
    if kind == "list":
        imports.typing.add("List")
        element = annotation(node[1], imports)
        if contains_nullable:
            imports.typing.add("Optional")
            element = "Optional[%s]" % element
        return "List[%s]" % element
    if kind == "entry":
        imports.typing.add("Tuple")
        return "Tuple[%s, %s]" % (annotation(node[1], imports), annotation(node[2], imports))
    name = node[1]
    if name in _PY:
        if name == "Data":
            imports.data = True
        if name == "long[]":
            imports.typing.add("List")
        return _PY[name]
    py = CUSTOM[name]
    if name == "UUID":
        imports.uuid = True
    elif name in CORE_TYPES:
        imports.core.add(py)
    else:
        imports.types.add(py)
    return py


def decode_expr(node: Tuple, imports: Imports, contains_nullable: bool = False) -> str:
    """One Python expression that reads a value of this type from ``msg``."""
    kind = node[0]
    if kind == "list":
        # Lists of Data and of Data entries (every query and bulk response) have one
        # tight reader each: far fewer Python calls per element.
        if not contains_nullable and node[1] == ("name", "Data"):
            imports.data = True
            return "msg.read_data_list()"
        if not contains_nullable and node[1] == ("entry", ("name", "Data"), ("name", "Data")):
            imports.data = True
            return "msg.read_data_entry_list()"
        element = decode_expr(node[1], imports)
        if contains_nullable:
            element = "None if msg.read_bool() else " + element
        return "[%s for _ in range(msg.read_size())]" % element
    if kind == "entry":
        return "(%s, %s)" % (decode_expr(node[1], imports), decode_expr(node[2], imports))
    name = node[1]
    if name in _READ:
        return _READ[name]
    function = "decode_" + snake(name)
    imports.types.add(function)
    return function + "(msg)"


def encode_lines(node: Tuple, var: str, imports: Imports, contains_nullable: bool = False) -> List[str]:
    """Statements (unindented) that append ``var`` to ``msg``."""
    kind = node[0]
    if kind == "list":
        element = node[1]
        if element[0] == "entry":
            k, v = "%s_key" % var, "%s_value" % var
            loop = "for %s, %s in %s:" % (k, v, var)
            body = (encode_lines(element[1], k, imports)
                    + encode_lines(element[2], v, imports))
        else:
            item = "%s_item" % var
            loop = "for %s in %s:" % (item, var)
            body = encode_lines(element, item, imports)
            if contains_nullable:
                body = nullable_lines(item, body)
        return ["msg.append_int(len(%s))" % var, loop] + ["    " + line for line in body]
    if kind == "entry":
        k, v = "%s_key" % var, "%s_value" % var
        return (["%s, %s = %s" % (k, v, var)] + encode_lines(node[1], k, imports)
                + encode_lines(node[2], v, imports))
    name = node[1]
    if name in _APPEND:
        return ["msg.%s(%s)" % (_APPEND[name], var)]
    if name == "long[]":
        return ["msg.append_int(len(%s))" % var, "for %s_item in %s:" % (var, var),
                "    msg.append_long(%s_item)" % var]
    function = "encode_" + snake(name)
    imports.types.add(function)
    return ["%s(msg, %s)" % (function, var)]


def nullable_lines(var: str, body: List[str]) -> List[str]:
    """Wrap encoding statements with the is-null byte."""
    return (["if %s is None:" % var, "    msg.append_bool(True)", "else:",
             "    msg.append_bool(False)"] + ["    " + line for line in body])
