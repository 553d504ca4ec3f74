"""``SerializationService``: Python objects <-> :class:`Data`.

Priority when writing (reference manual §4): None; IdentifiedDataSerializable;
Portable; built-in types; custom serializers (exact type, then base classes in
MRO order); the global serializer; pickle (unless ``allow_pickle`` is False).
The serializer chosen for a type is cached by exact type, so the hot path for
``str``/``int`` is one dict lookup. Thread-safe: no shared mutable stream state.
"""
import pickle
import struct
from typing import Any, Callable, Dict, List, Optional

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import builtins, utf
from hazelcast.serialization.api import IdentifiedDataSerializable, Portable
from hazelcast.serialization.canonical import canonical_pickle
from hazelcast.serialization import constants as c
from hazelcast.serialization.data import Data, HEADER_SIZE
from hazelcast.serialization.portable.serializer import (
    PortableContext, PortableSerializer, find_class, qualified_name, user_code_error)
from hazelcast.serialization.predicate import PREDICATE_FACTORY
from hazelcast.serialization.reliable_topic_message import TOPIC_FACTORY, TOPIC_FACTORY_ID
from hazelcast.serialization.streams import BytearrayDataInput, ObjectDataInputImpl, ObjectDataOutputImpl
from hazelcast.serialization.builtins import Reader, Writer

_BE_INT = struct.Struct(">i")
_STR_HEADER = b"\x00\x00\x00\x00" + _BE_INT.pack(c.CONSTANT_TYPE_STRING)
_INT_HEADER = b"\x00\x00\x00\x00" + _BE_INT.pack(c.CONSTANT_TYPE_INTEGER)
_PICKLE_HINT = ("SerializationConfig.allow_pickle is False: register a custom or global "
                "serializer, or make the type IdentifiedDataSerializable or Portable")


def _instance(serializer: Any, what: str) -> Any:
    """``serializer`` itself, or a new instance when it is a class."""
    if not isinstance(serializer, type):
        return serializer
    try:
        return serializer()
    except Exception as e:
        raise user_code_error("Cannot create the " + what, e) from e


def _failures_named(read: Reader, failed: str) -> Reader:
    """``read`` whose exceptions come out as HazelcastSerializationError("<failed>: ...")."""
    def checked(inp: ObjectDataInputImpl) -> Any:
        try:
            return read(inp)
        except Exception as e:
            raise user_code_error(failed, e) from e
    return checked


class SerializationService:
    """Serializes with the settings of a ``SerializationConfig`` (any object
    with its attributes: portable_version, data_serializable_factories,
    portable_factories, class_definitions, check_class_def_errors,
    is_big_endian, default_integer_type, custom_serializers, global_serializer,
    allow_pickle)."""

    def __init__(self, config: Any, byte_arrays_as_bytearray: bool = False) -> None:
        # ClientProperties.SERIALIZATION_INPUT_RETURNS_BYTEARRAY picks the input stream class
        self._input_class: type[ObjectDataInputImpl] = (BytearrayDataInput if byte_arrays_as_bytearray
                                                         else ObjectDataInputImpl)
        self._big_endian = bool(getattr(config, "is_big_endian", True))
        int_struct = _BE_INT if self._big_endian else struct.Struct("<i")
        self._pack_int = int_struct.pack
        self._unpack_int = int_struct.unpack_from
        self._allow_pickle = bool(getattr(config, "allow_pickle", True))
        self._ids_factories = dict(getattr(config, "data_serializable_factories", None) or {})
        self._ids_factories.setdefault(c.PREDICATE_FACTORY_ID, PREDICATE_FACTORY)
        self._ids_factories.setdefault(TOPIC_FACTORY_ID, TOPIC_FACTORY)
        integer_type = getattr(config, "default_integer_type", c.INTEGER_TYPE.INT)
        self._int_writer = builtins.int_writer(integer_type)
        self._int_fast = integer_type == c.INTEGER_TYPE.INT
        self.portable_context = PortableContext(
            self, getattr(config, "portable_version", 0) or 0,
            getattr(config, "class_definitions", None) or (),
            getattr(config, "check_class_def_errors", True))
        self._portable = PortableSerializer(
            self.portable_context, dict(getattr(config, "portable_factories", None) or {}),
            self._ids_factories)

        self._readers: Dict[int, Reader] = builtins.builtin_readers()
        self._readers[c.CONSTANT_TYPE_PORTABLE] = self._portable.read
        self._readers[c.CONSTANT_TYPE_DATA_SERIALIZABLE] = self._read_ids
        self._readers[c.PYTHON_TYPE_PICKLE] = self._read_pickle
        self._readers[c.CONSTANT_TYPE_NULL] = lambda inp: None

        self._builtin_writers = builtins.builtin_writers()
        self._builtin_writers[int] = self._int_writer
        self._writers: Dict[type, Writer] = dict(self._builtin_writers)

        self._custom: Dict[type, Writer] = {}
        self._serializers: List[Any] = []
        self._serializer_of_type_id: Dict[int, Any] = {}
        instances = {}  # one instance per serializer class, shared by the types it serves
        for cls, ser in (getattr(config, "custom_serializers", None) or {}).items():
            what = "custom serializer %s of %s" % (qualified_name(ser), qualified_name(cls))
            if isinstance(ser, type):
                if ser not in instances:
                    instances[ser] = _instance(ser, what)
                ser = instances[ser]
            self._custom[cls] = self._register_stream_serializer(ser, what, qualified_name(cls))
        glob = getattr(config, "global_serializer", None)
        self._global: Optional[Writer] = None
        if glob is not None:
            what = "global serializer " + qualified_name(glob)
            self._global = self._register_stream_serializer(_instance(glob, what), what, None)

    def _register_stream_serializer(self, ser: Any, what: str, type_name: Optional[str]) -> Writer:
        """The writer of ``ser`` (also registered as the reader of its type id); a failure
        of the serializer's own code is raised as HazelcastSerializationError naming it."""
        try:
            type_id = ser.get_type_id()
        except Exception as e:
            raise user_code_error("The %s failed in get_type_id()" % what, e) from e
        if isinstance(type_id, bool) or not isinstance(type_id, int) or type_id <= 0:
            raise HazelcastSerializationError(
                "The %s has type id %r: custom type ids must be positive integers" % (what, type_id))
        existing = self._serializer_of_type_id.get(type_id)
        if existing is not None and existing is not ser:
            raise HazelcastSerializationError(
                "The %s reuses type id %d, already taken by %s" % (what, type_id, qualified_name(existing)))
        if existing is None:
            self._serializer_of_type_id[type_id] = ser
            self._readers[type_id] = _failures_named(ser.read, "The %s (type id %d) failed to read a value"
                                                     % (what, type_id))
        if ser not in self._serializers:
            self._serializers.append(ser)

        def write(out: ObjectDataOutputImpl, obj: Any, _write: Callable[[Any, Any], Any] = ser.write,
                  _type_id: int = type_id) -> int:
            try:
                _write(out, obj)
            except Exception as e:
                raise user_code_error("The %s failed to write a %s" % (what, type_name or qualified_name(obj)),
                                      e) from e
            return _type_id
        return write

    # --- public API ------------------------------------------------------------
    def to_data(self, obj: Any, partitioning_strategy: Optional[Callable[[Any], Any]] = None
                ) -> Optional[Data]:
        """Serialize ``obj``; ``None`` gives ``None`` and a :class:`Data` is returned as is.

        ``partitioning_strategy(obj)`` may return a partition key whose hash is
        stored in the header (so related keys land in one partition)."""
        if obj is None:
            return None
        t = type(obj)
        if t is Data:
            data: Data = obj
            return data
        if partitioning_strategy is None:
            if t is str:
                n, raw = utf.encode(obj)
                return Data(b"".join((_STR_HEADER, self._pack_int(n), raw)))
            if t is int and self._int_fast and -0x80000000 <= obj <= 0x7FFFFFFF:
                return Data(_INT_HEADER + self._pack_int(obj))
        writer = self._writers.get(t)
        if writer is None:
            writer = self._find_writer(obj, t)
        out = ObjectDataOutputImpl(self, self._big_endian)
        type_id = writer(out, obj)
        out.write_int_be_at(4, type_id)
        if partitioning_strategy is not None:
            key = partitioning_strategy(obj)
            key_data = None if key is None or key is obj else self.to_data(key)
            if key_data is not None:
                out.write_int_be_at(0, key_data.get_partition_hash())
        return Data(bytes(out._buf))

    def to_object(self, data: Any) -> Any:
        """Deserialize a :class:`Data`; any other value is returned unchanged."""
        if not isinstance(data, Data):
            return data
        buf = data.buffer
        if len(buf) < HEADER_SIZE:
            if not buf:
                return None
            raise HazelcastSerializationError("Data of %d bytes is shorter than its 8-byte header"
                                              % len(buf))
        type_id = _BE_INT.unpack_from(buf, 4)[0]
        if type_id == c.CONSTANT_TYPE_STRING and len(buf) >= 12:
            # A top-level string fills the rest of the Data: decode it in one go.
            n = self._unpack_int(buf, 8)[0]
            raw = buf[12:]
            if raw.isascii():
                if n == len(raw):
                    return raw.decode("ascii")
            elif n == utf.count_units(raw):
                return utf.decode(raw)
        reader = self._readers.get(type_id)
        if reader is None:
            raise self._unknown_type(type_id)
        return reader(self._input_class(buf, HEADER_SIZE, self, self._big_endian))

    def destroy(self) -> None:
        """Call ``destroy()`` on every custom and global serializer."""
        for ser in self._serializers:
            ser.destroy()

    # --- nested objects (used by the streams) ------------------------------------
    def write_object(self, out: ObjectDataOutputImpl, obj: Any) -> None:
        if obj is None:
            out.write_int(c.CONSTANT_TYPE_NULL)
            return
        t = type(obj)
        writer = self._writers.get(t)
        if writer is None:
            writer = self._find_writer(obj, t)
        pos = out.position()
        out.write_int(0)
        out.write_int_at(pos, writer(out, obj))

    def read_object(self, inp: ObjectDataInputImpl) -> Any:
        type_id = inp.read_int()
        reader = self._readers.get(type_id)
        if reader is None:
            raise self._unknown_type(type_id)
        return reader(inp)

    # --- writer lookup ---------------------------------------------------------------
    def _find_writer(self, obj: Any, t: type) -> Writer:
        writer = self._choose_writer(obj, t)
        self._writers[t] = writer
        return writer

    def _choose_writer(self, obj: Any, t: type) -> Writer:
        if isinstance(obj, IdentifiedDataSerializable):
            return self._write_ids
        if isinstance(obj, Portable):
            return self._write_portable
        custom = self._custom.get(t)
        if custom is not None:
            return custom
        for base in t.__mro__[1:]:
            custom = self._custom.get(base)
            if custom is not None:
                return custom
        # subclasses of the built-in types (IntEnum, str subclasses, ...)
        for base in t.__mro__[1:]:
            writer = self._builtin_writers.get(base)
            if writer is not None:
                return writer
        if self._global is not None:
            return self._global
        if self._allow_pickle:
            return _write_pickle
        raise HazelcastSerializationError(
            "Cannot serialize %s.%s: no serializer matches it and pickle is disabled (%s)"
            % (t.__module__, t.__qualname__, _PICKLE_HINT))

    # --- IdentifiedDataSerializable -----------------------------------------------
    def _write_ids(self, out: ObjectDataOutputImpl, obj: IdentifiedDataSerializable) -> int:
        out.write_boolean(True)
        out.write_int(obj.get_factory_id())
        out.write_int(obj.get_class_id())
        try:
            obj.write_data(out)
        except Exception as e:
            raise user_code_error("The write_data of IdentifiedDataSerializable %s failed"
                                  % qualified_name(obj), e) from e
        return c.CONSTANT_TYPE_DATA_SERIALIZABLE

    def _read_ids(self, inp: ObjectDataInputImpl) -> Any:
        if not inp.read_boolean():
            raise HazelcastSerializationError(
                "Cannot read a Java DataSerializable that is not Identified (class %s): the "
                "Python client needs IdentifiedDataSerializable factory and class ids"
                % inp.read_utf())
        factory_id = inp.read_int()
        class_id = inp.read_int()
        cls = find_class(self._ids_factories, factory_id, class_id, "IdentifiedDataSerializable")
        obj = cls()
        if not isinstance(obj, IdentifiedDataSerializable) and not hasattr(obj, "read_data"):
            raise HazelcastSerializationError(
                "The class %s registered for IdentifiedDataSerializable factory %d class id %d "
                "is not IdentifiedDataSerializable" % (cls.__name__, factory_id, class_id))
        try:
            obj.read_data(inp)
        except Exception as e:
            raise user_code_error("The read_data of IdentifiedDataSerializable %s failed"
                                  % qualified_name(obj), e) from e
        return obj

    def _write_portable(self, out: ObjectDataOutputImpl, obj: Portable) -> int:
        self._portable.write(out, obj)
        return c.CONSTANT_TYPE_PORTABLE

    # --- pickle ------------------------------------------------------------------------
    def _read_pickle(self, inp: ObjectDataInputImpl) -> Any:
        if not self._allow_pickle:
            raise HazelcastSerializationError(
                "Refusing to unpickle a value received from the cluster (type id -120): "
                "SerializationConfig.allow_pickle is False")
        raw = inp.read_byte_array()
        if raw is None:
            raise HazelcastSerializationError("Cannot unpickle value: the pickle bytes are null")
        try:
            return pickle.loads(raw)
        except Exception as e:
            raise HazelcastSerializationError("Cannot unpickle value: %s" % e) from e

    def _unknown_type(self, type_id: int) -> HazelcastSerializationError:
        return HazelcastSerializationError(
            "No serializer is registered for type id %d: register a custom serializer with "
            "that type id (or the global serializer)" % type_id)


def _write_pickle(out: ObjectDataOutputImpl, obj: Any) -> int:
    try:
        raw = canonical_pickle(obj)
    except Exception as e:
        raise HazelcastSerializationError(
            "Cannot pickle %s: %s (register a custom or global serializer for it)"
            % (type(obj).__qualname__, e)) from e
    out.write_byte_array(raw)
    return c.PYTHON_TYPE_PICKLE


__all__ = ["SerializationService"]
