"""Portable writers: the real one, and the one that learns a class
definition from the fields an object writes."""
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, Set

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import Portable, PortableWriter
from hazelcast.serialization.constants import FieldType as FT
from hazelcast.serialization.portable.classdef import ClassDefinition, ClassDefinitionBuilder, FieldDefinition
from hazelcast.serialization.streams import ObjectDataOutputImpl

if TYPE_CHECKING:
    from hazelcast.serialization.portable.serializer import PortableContext, PortableSerializer

_FieldWriter = Callable[[Any, str, Any], None]  # (writer, field name, value)

# (writer method suffix, field type, output method) of every simple field kind.
SIMPLE_FIELDS = (
    ("byte", FT.BYTE, "write_byte"), ("boolean", FT.BOOLEAN, "write_boolean"),
    ("char", FT.CHAR, "write_char"), ("short", FT.SHORT, "write_short"),
    ("int", FT.INT, "write_int"), ("long", FT.LONG, "write_long"),
    ("float", FT.FLOAT, "write_float"), ("double", FT.DOUBLE, "write_double"),
    ("utf", FT.UTF, "write_utf"),
    ("byte_array", FT.BYTE_ARRAY, "write_byte_array"),
    ("boolean_array", FT.BOOLEAN_ARRAY, "write_boolean_array"),
    ("char_array", FT.CHAR_ARRAY, "write_char_array"),
    ("short_array", FT.SHORT_ARRAY, "write_short_array"),
    ("int_array", FT.INT_ARRAY, "write_int_array"),
    ("long_array", FT.LONG_ARRAY, "write_long_array"),
    ("float_array", FT.FLOAT_ARRAY, "write_float_array"),
    ("double_array", FT.DOUBLE_ARRAY, "write_double_array"),
    ("utf_array", FT.UTF_ARRAY, "write_utf_array"),
)


class DefaultPortableWriter(PortableWriter):
    """Writes one portable body: end position, field count, position table, fields."""

    def __init__(self, serializer: "PortableSerializer", out: ObjectDataOutputImpl, class_def: ClassDefinition) -> None:
        self._serializer = serializer
        self._out = out
        self._cd = class_def
        self._begin = out.position()
        self._written: Set[str] = set()
        self._raw = False
        out.write_int(0)  # end position, patched by end()
        n = class_def.get_field_count()
        out.write_int(n)
        self._offset = out.position()
        out.write_zero_bytes((n + 1) * 4)

    def _field(self, name: str, field_type: int) -> FieldDefinition:
        if self._raw:
            raise HazelcastSerializationError(
                "Cannot write portable field %r after the raw data output was taken" % name)
        fd = self._cd.field_defs.get(name)
        if fd is None:
            raise HazelcastSerializationError(
                "Invalid field name %r for %r: the class definition has no such field"
                % (name, self._cd))
        if fd.field_type != field_type:
            raise HazelcastSerializationError(
                "Field %r of %d/%d is declared as %s but written as %s"
                % (name, self._cd.factory_id, self._cd.class_id,
                   FT.name_of(fd.field_type), FT.name_of(field_type)))
        if name in self._written:
            raise HazelcastSerializationError("Portable field %r is written twice" % name)
        self._written.add(name)
        out = self._out
        out.write_int_at(self._offset + fd.index * 4, out.position())
        encoded = name.encode("utf-8")
        out.write_short(len(encoded))
        out.write_from(encoded)
        out.write_byte(field_type)
        return fd

    def write_portable(self, field_name: str, portable: Optional[Portable]) -> None:
        fd = self._field(field_name, FT.PORTABLE)
        out = self._out
        out.write_boolean(portable is None)
        out.write_int(fd.factory_id)
        out.write_int(fd.class_id)
        if portable is not None:
            self._check_class(portable, fd)
            self._serializer.write_internal(out, portable)

    def write_null_portable(self, field_name: str, factory_id: int, class_id: int) -> None:
        self._field(field_name, FT.PORTABLE)
        out = self._out
        out.write_boolean(True)
        out.write_int(factory_id)
        out.write_int(class_id)

    def write_portable_array(self, field_name: str, values: Optional[Sequence[Portable]]) -> None:
        fd = self._field(field_name, FT.PORTABLE_ARRAY)
        out = self._out
        n = -1 if values is None else len(values)
        out.write_int(n)
        out.write_int(fd.factory_id)
        out.write_int(fd.class_id)
        if values is not None and n > 0:
            table = out.position()
            out.write_zero_bytes(n * 4)
            for i, p in enumerate(values):
                self._check_class(p, fd)
                out.write_int_at(table + i * 4, out.position())
                self._serializer.write_internal(out, p)

    @staticmethod
    def _check_class(portable: Optional[Portable], fd: FieldDefinition) -> None:
        if portable is None:
            raise HazelcastSerializationError("Portable array %r holds None" % fd.name)
        if portable.get_factory_id() != fd.factory_id or portable.get_class_id() != fd.class_id:
            raise HazelcastSerializationError(
                "Field %r expects portables of factory %d class %d, got %s (%d/%d)"
                % (fd.name, fd.factory_id, fd.class_id, type(portable).__name__,
                   portable.get_factory_id(), portable.get_class_id()))

    def get_raw_data_output(self) -> ObjectDataOutputImpl:
        if not self._raw:
            out = self._out
            out.write_int_at(self._offset + self._cd.get_field_count() * 4, out.position())
            self._raw = True
        return self._out

    def end(self) -> None:
        out = self._out
        out.write_int_at(self._begin, out.position())


def _writer_method(field_type: int, out_method: str) -> _FieldWriter:
    def write(self: DefaultPortableWriter, field_name: str, value: Any) -> None:
        self._field(field_name, field_type)
        getattr(self._out, out_method)(value)
    return _with_array_keyword(write, out_method)


def _with_array_keyword(write: _FieldWriter, method_name: str) -> _FieldWriter:
    """``write`` as it is, or, for an array field, taking its values as ``values``
    (the keyword 3.12.3's PortableWriter has for arrays)."""
    if not method_name.endswith("_array"):
        return write

    def write_array(self: Any, field_name: str, values: Any) -> None:
        write(self, field_name, values)
    return write_array


class ClassDefinitionWriter(PortableWriter):
    """Records the fields a portable writes, to learn its class definition."""

    def __init__(self, context: "PortableContext", factory_id: int, class_id: int, version: int) -> None:
        self._context = context
        self._builder = ClassDefinitionBuilder(factory_id, class_id, version)

    def write_portable(self, field_name: str, portable: Optional[Portable]) -> None:
        if portable is None:
            raise HazelcastSerializationError(
                "Cannot learn the class definition of null portable field %r: use "
                "write_null_portable or register the class definition" % field_name)
        self._builder.add_portable_field(field_name, self._context.lookup_or_register(portable))

    def write_null_portable(self, field_name: str, factory_id: int, class_id: int) -> None:
        self._builder.add_portable_field(field_name,
                                         self._context.require_any_version(factory_id, class_id,
                                                                           field_name))

    def write_portable_array(self, field_name: str, values: Optional[Sequence[Portable]]) -> None:
        if not values:
            raise HazelcastSerializationError(
                "Cannot learn the class definition of empty or null portable array %r: "
                "register the class definition" % field_name)
        cd = self._context.lookup_or_register(values[0])
        self._builder.add_portable_array_field(field_name, cd)

    def get_raw_data_output(self) -> ObjectDataOutputImpl:
        return ObjectDataOutputImpl(self._context.service, header=False)

    def build(self) -> ClassDefinition:
        return self._builder.build()


def _learner_method(suffix: str) -> _FieldWriter:
    def write(self: ClassDefinitionWriter, field_name: str, value: Any) -> None:
        getattr(self._builder, "add_%s_field" % suffix)(field_name)
    return _with_array_keyword(write, suffix)


for _suffix, _ft, _out_method in SIMPLE_FIELDS:
    setattr(DefaultPortableWriter, "write_" + _suffix, _writer_method(_ft, _out_method))
    setattr(ClassDefinitionWriter, "write_" + _suffix, _learner_method(_suffix))
del _suffix, _ft, _out_method
