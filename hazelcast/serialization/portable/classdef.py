"""Class definitions of Portable types: which named, typed fields a
(factory id, class id, version) has, in index order."""
from typing import Callable, Dict, List, Optional, Tuple, Union

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.constants import FieldType


class FieldDefinition:
    """One field: index in the position table, name, type, and for portable
    fields the nested (factory id, class id, version)."""

    __slots__ = ("index", "name", "field_type", "factory_id", "class_id", "version")

    def __init__(self, index: int, field_name: str, field_type: int, version: int = 0,
                 factory_id: int = 0, class_id: int = 0):
        self.index = index
        self.name = field_name
        self.field_type = field_type
        self.factory_id = factory_id
        self.class_id = class_id
        self.version = version

    @property
    def field_name(self) -> str:
        """3.12.3's name of :attr:`name`."""
        return self.name

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, FieldDefinition) and self.index == other.index
                and self.name == other.name and self.field_type == other.field_type
                and self.factory_id == other.factory_id and self.class_id == other.class_id)

    def __hash__(self) -> int:
        return hash((self.index, self.name, self.field_type))

    def __repr__(self) -> str:
        extra = ""
        if self.field_type in (FieldType.PORTABLE, FieldType.PORTABLE_ARRAY):
            extra = ", factory_id=%d, class_id=%d" % (self.factory_id, self.class_id)
        return "FieldDefinition(%d, %r, %s%s)" % (
            self.index, self.name, FieldType.name_of(self.field_type), extra)


class ClassDefinition:
    """The fields of one Portable class version."""

    def __init__(self, factory_id: int, class_id: int, version: int = 0):
        self.factory_id = factory_id
        self.class_id = class_id
        self.version = version
        self.field_defs: Dict[str, FieldDefinition] = {}
        self._ordered: List[FieldDefinition] = []

    def add_field_def(self, field_def: FieldDefinition) -> None:
        self.field_defs[field_def.name] = field_def
        self._ordered = sorted(self.field_defs.values(), key=lambda f: f.index)

    def set_version_if_not_set(self, version: int) -> None:
        """Take ``version`` if this definition has none yet (a negative version)."""
        if self.version < 0:
            self.version = version

    def get_field(self, field_name_or_index: Union[str, int]) -> Optional[FieldDefinition]:
        if isinstance(field_name_or_index, int):
            if 0 <= field_name_or_index < len(self._ordered):
                return self._ordered[field_name_or_index]
            raise IndexError("field index %d out of range" % field_name_or_index)
        return self.field_defs.get(field_name_or_index)

    def has_field(self, field_name: str) -> bool:
        return field_name in self.field_defs

    def get_field_names(self) -> List[str]:
        return [f.name for f in self._ordered]

    def get_field_type(self, field_name: str) -> int:
        fd = self.field_defs.get(field_name)
        if fd is None:
            raise HazelcastSerializationError("Unknown field name %r in %r" % (field_name, self))
        return fd.field_type

    def get_field_class_id(self, field_name: str) -> int:
        fd = self.field_defs.get(field_name)
        if fd is None:
            raise HazelcastSerializationError("Unknown field name %r in %r" % (field_name, self))
        return fd.class_id

    def get_field_count(self) -> int:
        return len(self.field_defs)

    def fields(self) -> List[FieldDefinition]:
        return list(self._ordered)

    def key(self) -> Tuple[int, int, int]:
        return self.factory_id, self.class_id, self.version

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, ClassDefinition) and self.key() == other.key()
                and self._ordered == other._ordered)

    def __hash__(self) -> int:
        return hash(self.key())

    def __repr__(self) -> str:
        return "ClassDefinition(factory_id=%d, class_id=%d, version=%d, fields=%r)" % (
            self.factory_id, self.class_id, self.version, self._ordered)


def _adder(field_type: int) -> Callable[["ClassDefinitionBuilder", str], "ClassDefinitionBuilder"]:
    def add(self: "ClassDefinitionBuilder", field_name: str) -> "ClassDefinitionBuilder":
        return self._add(field_name, field_type)
    add.__doc__ = "Add a %s field." % FieldType.name_of(field_type)
    return add


class ClassDefinitionBuilder:
    """Builds a :class:`ClassDefinition` field by field, in index order::

        cd = (ClassDefinitionBuilder(1, 2).add_int_field("i")
              .add_float_field("f").build())
    """

    def __init__(self, factory_id: int, class_id: int, version: int = 0):
        self._cd = ClassDefinition(factory_id, class_id, version)
        self._index = 0
        self._done = False

    def _add(self, name: str, field_type: int, factory_id: int = 0, class_id: int = 0,
             version: int = 0) -> "ClassDefinitionBuilder":
        if self._done:
            raise HazelcastSerializationError("ClassDefinition is already built for %d/%d"
                                              % (self._cd.factory_id, self._cd.class_id))
        if name in self._cd.field_defs:
            raise HazelcastSerializationError("Field %r is defined twice" % name)
        self._cd.add_field_def(FieldDefinition(self._index, name, field_type, version,
                                               factory_id, class_id))
        self._index += 1
        return self

    def add_field_def(self, field_def: FieldDefinition) -> "ClassDefinitionBuilder":
        if field_def.index != self._index:
            raise HazelcastSerializationError("Field %r has index %d, expected %d"
                                              % (field_def.name, field_def.index, self._index))
        return self._add(field_def.name, field_def.field_type, field_def.factory_id,
                         field_def.class_id, field_def.version)

    def add_portable_field(self, field_name: str, class_def: ClassDefinition) -> "ClassDefinitionBuilder":
        return self._add(field_name, FieldType.PORTABLE, class_def.factory_id, class_def.class_id,
                         class_def.version)

    def add_portable_array_field(self, field_name: str, class_def: ClassDefinition) -> "ClassDefinitionBuilder":
        return self._add(field_name, FieldType.PORTABLE_ARRAY, class_def.factory_id, class_def.class_id,
                         class_def.version)

    # one adder per simple field type (written out, so that IDEs and type checkers see them)
    add_byte_field = _adder(FieldType.BYTE)
    add_boolean_field = _adder(FieldType.BOOLEAN)
    add_char_field = _adder(FieldType.CHAR)
    add_short_field = _adder(FieldType.SHORT)
    add_int_field = _adder(FieldType.INT)
    add_long_field = _adder(FieldType.LONG)
    add_float_field = _adder(FieldType.FLOAT)
    add_double_field = _adder(FieldType.DOUBLE)
    add_utf_field = _adder(FieldType.UTF)
    add_byte_array_field = _adder(FieldType.BYTE_ARRAY)
    add_boolean_array_field = _adder(FieldType.BOOLEAN_ARRAY)
    add_char_array_field = _adder(FieldType.CHAR_ARRAY)
    add_short_array_field = _adder(FieldType.SHORT_ARRAY)
    add_int_array_field = _adder(FieldType.INT_ARRAY)
    add_long_array_field = _adder(FieldType.LONG_ARRAY)
    add_float_array_field = _adder(FieldType.FLOAT_ARRAY)
    add_double_array_field = _adder(FieldType.DOUBLE_ARRAY)
    add_utf_array_field = _adder(FieldType.UTF_ARRAY)

    @property
    def factory_id(self) -> int:
        return self._cd.factory_id

    @property
    def class_id(self) -> int:
        return self._cd.class_id

    @property
    def version(self) -> int:
        return self._cd.version

    def build(self) -> ClassDefinition:
        self._done = True
        return self._cd
