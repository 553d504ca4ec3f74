"""Portable reader: fields by name, through the class definition the bytes
were written with. An object of another class version reads missing fields
as defaults and numeric fields with Java's widening conversions; any other
type change raises :class:`HazelcastSerializationError`."""
from typing import TYPE_CHECKING, Any, Callable, List, Optional

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import Portable, PortableReader
from hazelcast.serialization.constants import FieldType as FT
from hazelcast.serialization.portable.classdef import ClassDefinition, FieldDefinition
from hazelcast.serialization.streams import ObjectDataInputImpl

if TYPE_CHECKING:
    from hazelcast.serialization.portable.serializer import PortableSerializer

_NUMERIC = (FT.BYTE, FT.SHORT, FT.CHAR, FT.INT, FT.LONG, FT.FLOAT, FT.DOUBLE)
# requested type -> written types it may be read from (Java widening).
_WIDENING = {
    FT.SHORT: (FT.BYTE,),
    FT.INT: (FT.BYTE, FT.SHORT, FT.CHAR),
    FT.LONG: (FT.BYTE, FT.SHORT, FT.CHAR, FT.INT),
    FT.FLOAT: (FT.BYTE, FT.SHORT, FT.CHAR, FT.INT),
    FT.DOUBLE: (FT.BYTE, FT.SHORT, FT.CHAR, FT.INT, FT.LONG, FT.FLOAT),
}
_DEFAULTS = {FT.BYTE: 0, FT.BOOLEAN: False, FT.CHAR: "\x00", FT.SHORT: 0, FT.INT: 0,
             FT.LONG: 0, FT.FLOAT: 0.0, FT.DOUBLE: 0.0}
# field type -> input method reading its value
_READERS = {
    FT.BYTE: "read_byte", FT.BOOLEAN: "read_boolean", FT.CHAR: "read_char",
    FT.SHORT: "read_short", FT.INT: "read_int", FT.LONG: "read_long", FT.FLOAT: "read_float",
    FT.DOUBLE: "read_double", FT.UTF: "read_utf", FT.BYTE_ARRAY: "read_byte_array",
    FT.BOOLEAN_ARRAY: "read_boolean_array", FT.CHAR_ARRAY: "read_char_array",
    FT.SHORT_ARRAY: "read_short_array", FT.INT_ARRAY: "read_int_array",
    FT.LONG_ARRAY: "read_long_array", FT.FLOAT_ARRAY: "read_float_array",
    FT.DOUBLE_ARRAY: "read_double_array", FT.UTF_ARRAY: "read_utf_array",
}


class DefaultPortableReader(PortableReader):
    """Reads one portable body; ``class_def`` is the definition it was written with."""

    def __init__(self, serializer: "PortableSerializer", inp: ObjectDataInputImpl, class_def: ClassDefinition,
                 local_version: int) -> None:
        self._serializer = serializer
        self._in = inp
        self._cd = class_def
        self._morphing = local_version != class_def.version
        self._final = inp.read_int()
        count = inp.read_int()
        if count != class_def.get_field_count():
            raise HazelcastSerializationError(
                "Portable %d/%d version %d has %d fields in the bytes, its class definition %d"
                % (class_def.factory_id, class_def.class_id, class_def.version, count,
                   class_def.get_field_count()))
        self._offset = inp.position()
        self._raw = False

    # --- metadata ---------------------------------------------------------
    def get_version(self) -> int:
        return self._cd.version

    def has_field(self, field_name: str) -> bool:
        return self._cd.has_field(field_name)

    def get_field_names(self) -> List[str]:
        return self._cd.get_field_names()

    def get_field_type(self, field_name: str) -> int:
        return self._cd.get_field_type(field_name)

    def get_field_class_id(self, field_name: str) -> int:
        return self._cd.get_field_class_id(field_name)

    # --- positioning --------------------------------------------------------
    def _seek(self, fd: FieldDefinition) -> None:
        if self._raw:
            raise HazelcastSerializationError(
                "Cannot read portable field %r after the raw data input was taken" % fd.name)
        inp = self._in
        pos = inp.read_int(self._offset + fd.index * 4)
        name_len = inp.read_short(pos)
        inp.set_position(pos + 2 + name_len + 1)

    def _lookup(self, field_name: str, field_type: int) -> Optional[FieldDefinition]:
        """The written field to read, or None when it should read as the default."""
        fd = self._cd.field_defs.get(field_name)
        if fd is None:
            if self._morphing:
                return None
            raise HazelcastSerializationError(
                "Unknown field name %r for %r" % (field_name, self._cd))
        if fd.field_type != field_type and fd.field_type not in _WIDENING.get(field_type, ()):
            raise HazelcastSerializationError(
                "Field %r of portable %d/%d (version %d) was written as %s and cannot be read as %s"
                % (field_name, self._cd.factory_id, self._cd.class_id, self._cd.version,
                   FT.name_of(fd.field_type), FT.name_of(field_type)))
        return fd

    def _read(self, field_name: str, field_type: int) -> Any:
        fd = self._lookup(field_name, field_type)
        if fd is None:
            return _DEFAULTS.get(field_type)
        self._seek(fd)
        value = getattr(self._in, _READERS[fd.field_type])()
        if fd.field_type != field_type:
            if fd.field_type == FT.CHAR:
                value = ord(value)
            if field_type in (FT.FLOAT, FT.DOUBLE):
                value = float(value)
        return value

    # --- portables ----------------------------------------------------------
    def read_portable(self, field_name: str) -> Optional[Portable]:
        fd = self._lookup(field_name, FT.PORTABLE)
        if fd is None:
            return None
        self._seek(fd)
        inp = self._in
        is_null = inp.read_boolean()
        factory_id = inp.read_int()
        class_id = inp.read_int()
        if is_null:
            return None
        return self._serializer.read_internal(inp, factory_id, class_id)

    def read_portable_array(self, field_name: str) -> Optional[List[Portable]]:
        fd = self._lookup(field_name, FT.PORTABLE_ARRAY)
        if fd is None:
            return None
        self._seek(fd)
        inp = self._in
        n = inp.read_int()
        factory_id = inp.read_int()
        class_id = inp.read_int()
        if n < 0:
            return None
        table = inp.position()
        result = []
        for i in range(n):
            inp.set_position(inp.read_int(table + i * 4))
            result.append(self._serializer.read_internal(inp, factory_id, class_id))
        return result

    def get_raw_data_input(self) -> ObjectDataInputImpl:
        if not self._raw:
            pos = self._in.read_int(self._offset + self._cd.get_field_count() * 4)
            if pos == 0:
                raise HazelcastSerializationError(
                    "Portable %d/%d has no raw data" % (self._cd.factory_id, self._cd.class_id))
            self._in.set_position(pos)
            self._raw = True
        return self._in

    def end(self) -> None:
        self._in.set_position(self._final)


def _reader_method(field_type: int) -> Callable[[DefaultPortableReader, str], Any]:
    def read(self: DefaultPortableReader, field_name: str) -> Any:
        return self._read(field_name, field_type)
    return read


for _ft, _method in _READERS.items():
    setattr(DefaultPortableReader, _method, _reader_method(_ft))
del _ft, _method
