"""Public serialization API: the classes user types extend, and the stream
interfaces their read/write methods receive.

Every name here matches the samples of the reference manual, chapter 4.
Methods raise :class:`NotImplementedError` until a subclass provides them.
"""
from typing import Any, List, Optional, Sequence


class ObjectDataOutput:
    """A growable output stream in the configured byte order (big-endian by default)."""

    def write_byte(self, val: int) -> None: raise NotImplementedError
    def write_boolean(self, val: bool) -> None: raise NotImplementedError
    def write_char(self, val: str) -> None: raise NotImplementedError
    def write_short(self, val: int) -> None: raise NotImplementedError
    def write_int(self, val: int) -> None: raise NotImplementedError
    def write_long(self, val: int) -> None: raise NotImplementedError
    def write_float(self, val: float) -> None: raise NotImplementedError
    def write_double(self, val: float) -> None: raise NotImplementedError
    def write_utf(self, val: Optional[str]) -> None: raise NotImplementedError
    def write_bytes(self, string: str) -> None: raise NotImplementedError
    def write_chars(self, val: str) -> None: raise NotImplementedError
    def write_from(self, buff: bytes, offset: Optional[int] = None,
                   length: Optional[int] = None) -> None: raise NotImplementedError
    def write_byte_array(self, val: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_boolean_array(self, val: Optional[Sequence[bool]]) -> None: raise NotImplementedError
    def write_char_array(self, val: Optional[Sequence[str]]) -> None: raise NotImplementedError
    def write_short_array(self, val: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_int_array(self, val: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_long_array(self, val: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_float_array(self, val: Optional[Sequence[float]]) -> None: raise NotImplementedError
    def write_double_array(self, val: Optional[Sequence[float]]) -> None: raise NotImplementedError
    def write_utf_array(self, val: Optional[Sequence[Optional[str]]]) -> None: raise NotImplementedError
    def write_object(self, val: Any) -> None: raise NotImplementedError
    def write_data(self, val: Any) -> None: raise NotImplementedError
    def to_byte_array(self) -> bytes: raise NotImplementedError
    def get_byte_order(self) -> str: raise NotImplementedError


class ObjectDataInput:
    """An input stream over serialized bytes. Reads past the end raise
    :class:`~hazelcast.errors.HazelcastSerializationError`."""

    def read_into(self, buff: bytearray, offset: Optional[int] = None,
                  length: Optional[int] = None) -> int: raise NotImplementedError
    def skip_bytes(self, count: int) -> int: raise NotImplementedError
    def read_boolean(self, position: Optional[int] = None) -> bool: raise NotImplementedError
    def read_byte(self, position: Optional[int] = None) -> int: raise NotImplementedError
    def read_unsigned_byte(self, position: Optional[int] = None) -> int: raise NotImplementedError
    def read_char(self, position: Optional[int] = None) -> str: raise NotImplementedError
    def read_short(self, position: Optional[int] = None) -> int: raise NotImplementedError
    def read_unsigned_short(self, position: Optional[int] = None) -> int: raise NotImplementedError
    def read_int(self, position: Optional[int] = None) -> int: raise NotImplementedError
    def read_long(self, position: Optional[int] = None) -> int: raise NotImplementedError
    def read_float(self, position: Optional[int] = None) -> float: raise NotImplementedError
    def read_double(self, position: Optional[int] = None) -> float: raise NotImplementedError
    def read_utf(self) -> Optional[str]: raise NotImplementedError
    def read_byte_array(self) -> Optional[bytes]: raise NotImplementedError
    def read_boolean_array(self) -> Optional[List[bool]]: raise NotImplementedError
    def read_char_array(self) -> Optional[List[str]]: raise NotImplementedError
    def read_short_array(self) -> Optional[List[int]]: raise NotImplementedError
    def read_int_array(self) -> Optional[List[int]]: raise NotImplementedError
    def read_long_array(self) -> Optional[List[int]]: raise NotImplementedError
    def read_float_array(self) -> Optional[List[float]]: raise NotImplementedError
    def read_double_array(self) -> Optional[List[float]]: raise NotImplementedError
    def read_utf_array(self) -> Optional[List[Optional[str]]]: raise NotImplementedError
    def read_object(self) -> Any: raise NotImplementedError
    def read_data(self) -> Any: raise NotImplementedError
    def get_byte_order(self) -> str: raise NotImplementedError
    def position(self) -> int: raise NotImplementedError
    def set_position(self, position: int) -> None: raise NotImplementedError
    def size(self) -> int: raise NotImplementedError
    def available(self) -> int: raise NotImplementedError


class IdentifiedDataSerializable:
    """A type serialized by its own ``write_data``/``read_data``, identified by
    (factory id, class id). Register the class in
    ``serialization_config.data_serializable_factories[factory_id] = {class_id: cls}``;
    ``cls()`` must work without arguments."""

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        raise NotImplementedError("write_data must be implemented by %s" % type(self).__name__)

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        raise NotImplementedError("read_data must be implemented by %s" % type(self).__name__)

    def get_factory_id(self) -> int:
        raise NotImplementedError("get_factory_id must be implemented by %s" % type(self).__name__)

    def get_class_id(self) -> int:
        raise NotImplementedError("get_class_id must be implemented by %s" % type(self).__name__)


class PortableWriter:
    """Writes named fields of a :class:`Portable`."""

    def write_int(self, field_name: str, value: int) -> None: raise NotImplementedError
    def write_long(self, field_name: str, value: int) -> None: raise NotImplementedError
    def write_utf(self, field_name: str, value: Optional[str]) -> None: raise NotImplementedError
    def write_boolean(self, field_name: str, value: bool) -> None: raise NotImplementedError
    def write_byte(self, field_name: str, value: int) -> None: raise NotImplementedError
    def write_char(self, field_name: str, value: str) -> None: raise NotImplementedError
    def write_double(self, field_name: str, value: float) -> None: raise NotImplementedError
    def write_float(self, field_name: str, value: float) -> None: raise NotImplementedError
    def write_short(self, field_name: str, value: int) -> None: raise NotImplementedError
    def write_portable(self, field_name: str, portable: Optional["Portable"]) -> None: raise NotImplementedError
    def write_null_portable(self, field_name: str, factory_id: int, class_id: int) -> None: raise NotImplementedError
    def write_byte_array(self, field_name: str, values: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_boolean_array(self, field_name: str, values: Optional[Sequence[bool]]) -> None: raise NotImplementedError
    def write_char_array(self, field_name: str, values: Optional[Sequence[str]]) -> None: raise NotImplementedError
    def write_int_array(self, field_name: str, values: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_long_array(self, field_name: str, values: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_double_array(self, field_name: str, values: Optional[Sequence[float]]) -> None: raise NotImplementedError
    def write_float_array(self, field_name: str, values: Optional[Sequence[float]]) -> None: raise NotImplementedError
    def write_short_array(self, field_name: str, values: Optional[Sequence[int]]) -> None: raise NotImplementedError
    def write_utf_array(self, field_name: str,
                        values: Optional[Sequence[Optional[str]]]) -> None: raise NotImplementedError
    def write_portable_array(self, field_name: str,
                             values: Optional[Sequence["Portable"]]) -> None: raise NotImplementedError
    def get_raw_data_output(self) -> ObjectDataOutput: raise NotImplementedError


class PortableReader:
    """Reads named fields of a :class:`Portable`."""

    def get_version(self) -> int: raise NotImplementedError
    def has_field(self, field_name: str) -> bool: raise NotImplementedError
    def get_field_names(self) -> List[str]: raise NotImplementedError
    def get_field_type(self, field_name: str) -> int: raise NotImplementedError
    def get_field_class_id(self, field_name: str) -> int: raise NotImplementedError
    def read_int(self, field_name: str) -> int: raise NotImplementedError
    def read_long(self, field_name: str) -> int: raise NotImplementedError
    def read_utf(self, field_name: str) -> Optional[str]: raise NotImplementedError
    def read_boolean(self, field_name: str) -> bool: raise NotImplementedError
    def read_byte(self, field_name: str) -> int: raise NotImplementedError
    def read_char(self, field_name: str) -> str: raise NotImplementedError
    def read_double(self, field_name: str) -> float: raise NotImplementedError
    def read_float(self, field_name: str) -> float: raise NotImplementedError
    def read_short(self, field_name: str) -> int: raise NotImplementedError
    def read_portable(self, field_name: str) -> Optional["Portable"]: raise NotImplementedError
    def read_byte_array(self, field_name: str) -> Optional[bytes]: raise NotImplementedError
    def read_boolean_array(self, field_name: str) -> Optional[List[bool]]: raise NotImplementedError
    def read_char_array(self, field_name: str) -> Optional[List[str]]: raise NotImplementedError
    def read_int_array(self, field_name: str) -> Optional[List[int]]: raise NotImplementedError
    def read_long_array(self, field_name: str) -> Optional[List[int]]: raise NotImplementedError
    def read_double_array(self, field_name: str) -> Optional[List[float]]: raise NotImplementedError
    def read_float_array(self, field_name: str) -> Optional[List[float]]: raise NotImplementedError
    def read_short_array(self, field_name: str) -> Optional[List[int]]: raise NotImplementedError
    def read_utf_array(self, field_name: str) -> Optional[List[Optional[str]]]: raise NotImplementedError
    def read_portable_array(self, field_name: str) -> Optional[List["Portable"]]: raise NotImplementedError
    def get_raw_data_input(self) -> ObjectDataInput: raise NotImplementedError


class Portable:
    """A type serialized field by field with names, queryable on the member
    without its class. Register it in
    ``serialization_config.portable_factories[factory_id] = {class_id: cls}``;
    ``cls()`` must work without arguments."""

    def write_portable(self, writer: PortableWriter) -> None:
        raise NotImplementedError("write_portable must be implemented by %s" % type(self).__name__)

    def read_portable(self, reader: PortableReader) -> None:
        raise NotImplementedError("read_portable must be implemented by %s" % type(self).__name__)

    def get_factory_id(self) -> int:
        raise NotImplementedError("get_factory_id must be implemented by %s" % type(self).__name__)

    def get_class_id(self) -> int:
        raise NotImplementedError("get_class_id must be implemented by %s" % type(self).__name__)


class VersionedPortable(Portable):
    """A :class:`Portable` with its own class version (instead of the global
    ``portable_version``)."""

    def get_class_version(self) -> int:
        raise NotImplementedError("get_class_version must be implemented by %s" % type(self).__name__)


class StreamSerializer:
    """A custom (or global) serializer for one type. ``get_type_id`` must be a
    positive id, unique among registered serializers."""

    def write(self, out: ObjectDataOutput, obj: Any) -> None:
        raise NotImplementedError("write must be implemented by %s" % type(self).__name__)

    def read(self, inp: ObjectDataInput) -> Any:
        raise NotImplementedError("read must be implemented by %s" % type(self).__name__)

    def get_type_id(self) -> int:
        raise NotImplementedError("get_type_id must be implemented by %s" % type(self).__name__)

    def destroy(self) -> None:
        pass
