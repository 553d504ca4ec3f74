"""Portable serializer (type -1) and the registry of class definitions."""
import threading
from typing import TYPE_CHECKING, Any, Dict, Iterable, Mapping, Optional, Tuple

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import Portable
from hazelcast.serialization.constants import CONSTANT_TYPE_PORTABLE, FieldType as FT
from hazelcast.serialization.portable.classdef import ClassDefinition, FieldDefinition
from hazelcast.serialization.portable.reader import DefaultPortableReader
from hazelcast.serialization.portable.writer import ClassDefinitionWriter, DefaultPortableWriter
from hazelcast.serialization.streams import ObjectDataInputImpl, ObjectDataOutputImpl

if TYPE_CHECKING:
    from hazelcast.serialization.service import SerializationService

# factory id -> {class id: class} or a function of the class id returning the class
Factories = Mapping[int, Any]


def qualified_name(obj: object) -> str:
    """The qualified name of a class (or of an instance's class), as error messages give it."""
    cls = obj if isinstance(obj, type) else type(obj)
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def user_code_error(failed: str, error: Exception) -> HazelcastSerializationError:
    """The error raised (``from error``) when serialization code of the user's fails:
    "<failed>: <error class>: <error>", e.g. "The read_data of app.Foo failed: KeyError: 'x'"."""
    return HazelcastSerializationError("%s: %s: %s" % (failed, type(error).__name__, error))


def find_class(factories: Optional[Factories], factory_id: int, class_id: int, kind: str) -> Any:
    """The class registered for (factory_id, class_id), or raise naming both ids."""
    factory = factories.get(factory_id) if factories else None
    if factory is None:
        raise HazelcastSerializationError(
            "No %s factory is registered for factory id %d (class id %d)"
            % (kind, factory_id, class_id))
    cls = factory(class_id) if callable(factory) else factory.get(class_id)
    if cls is None:
        raise HazelcastSerializationError(
            "The %s factory %d has no class for class id %d" % (kind, factory_id, class_id))
    return cls


class PortableContext:
    """Class definitions by (factory id, class id, version); thread-safe."""

    def __init__(self, service: "SerializationService", portable_version: int,
                 class_definitions: Iterable[ClassDefinition] = (), check_class_def_errors: bool = True) -> None:
        self.service = service
        self.portable_version = portable_version
        self._defs: Dict[Tuple[int, int, int], ClassDefinition] = {}
        self._lock = threading.Lock()
        for cd in class_definitions or ():
            self.register_class_definition(cd)
        if check_class_def_errors:
            for cd in list(self._defs.values()):
                for fd in cd.fields():
                    if fd.field_type in (FT.PORTABLE, FT.PORTABLE_ARRAY) and \
                            self.find_any_version(fd.factory_id, fd.class_id) is None:
                        raise HazelcastSerializationError(
                            "Class definition %d/%d field %r refers to portable %d/%d, which "
                            "has no registered class definition"
                            % (cd.factory_id, cd.class_id, fd.name, fd.factory_id, fd.class_id))

    def register_class_definition(self, cd: ClassDefinition) -> ClassDefinition:
        with self._lock:
            existing = self._defs.get(cd.key())
            if existing is None:
                self._defs[cd.key()] = cd
                return cd
        if existing != cd:
            raise HazelcastSerializationError(
                "Incompatible class definitions for portable %d/%d version %d: %r vs %r"
                % (cd.factory_id, cd.class_id, cd.version, existing, cd))
        return existing

    def lookup(self, factory_id: int, class_id: int, version: int) -> Optional[ClassDefinition]:
        return self._defs.get((factory_id, class_id, version))

    def find_any_version(self, factory_id: int, class_id: int) -> Optional[ClassDefinition]:
        for (f, c, _), cd in list(self._defs.items()):
            if f == factory_id and c == class_id:
                return cd
        return None

    def require_any_version(self, factory_id: int, class_id: int, field_name: str) -> ClassDefinition:
        cd = self.find_any_version(factory_id, class_id)
        if cd is None:
            raise HazelcastSerializationError(
                "Cannot write null portable field %r: no class definition is registered "
                "for portable %d/%d" % (field_name, factory_id, class_id))
        return cd

    def version_of(self, portable: Portable) -> int:
        get_version = getattr(portable, "get_class_version", None)
        if get_version is not None:
            try:
                version: int = get_version()
                return version
            except NotImplementedError:
                pass
        return self.portable_version

    def lookup_or_register(self, portable: Portable) -> ClassDefinition:
        factory_id = portable.get_factory_id()
        class_id = portable.get_class_id()
        version = self.version_of(portable)
        cd = self._defs.get((factory_id, class_id, version))
        if cd is None:
            learner = ClassDefinitionWriter(self, factory_id, class_id, version)
            portable.write_portable(learner)
            cd = self.register_class_definition(learner.build())
        return cd

    def read_class_definition(self, inp: ObjectDataInputImpl, factory_id: int, class_id: int,
                              version: int) -> ClassDefinition:
        """Rebuild a class definition from the names and types inline in the bytes."""
        start = inp.position()
        inp.read_int()  # end position
        count = inp.read_int()
        offset = inp.position()
        if count < 0 or count * 4 > inp.available():
            raise HazelcastSerializationError(
                "Corrupt portable %d/%d: field count %d" % (factory_id, class_id, count))
        cd = ClassDefinition(factory_id, class_id, version)
        for i in range(count):
            pos = inp.read_int(offset + i * 4)
            inp.set_position(pos)
            name = inp.read_raw(inp.read_short()).decode("utf-8", "replace")
            field_type = inp.read_byte()
            f = c = v = 0
            if field_type == FT.PORTABLE:
                is_null = inp.read_boolean()
                f, c = inp.read_int(), inp.read_int()
                if not is_null:
                    v = inp.read_int()
            elif field_type == FT.PORTABLE_ARRAY:
                n = inp.read_int()
                f, c = inp.read_int(), inp.read_int()
                if n > 0:
                    v = inp.read_int(inp.read_int(inp.position()))
            cd.add_field_def(FieldDefinition(i, name, field_type, v, f, c))
        inp.set_position(start)
        return self.register_class_definition(cd)


class PortableSerializer:
    """Reads and writes Portable objects (top level and nested)."""

    type_id = CONSTANT_TYPE_PORTABLE

    def __init__(self, context: PortableContext, portable_factories: Optional[Factories],
                 fallback_factories: Optional[Factories] = None) -> None:
        self._context = context
        self._factories = portable_factories or {}
        self._fallback = fallback_factories or {}

    def write(self, out: ObjectDataOutputImpl, obj: Portable) -> None:
        out.write_int(obj.get_factory_id())
        out.write_int(obj.get_class_id())
        self.write_internal(out, obj)

    def write_internal(self, out: ObjectDataOutputImpl, obj: Portable) -> None:
        cd = self._context.lookup_or_register(obj)
        out.write_int(cd.version)
        writer = DefaultPortableWriter(self, out, cd)
        try:
            obj.write_portable(writer)
        except Exception as e:
            raise user_code_error("The write_portable of Portable %s failed" % qualified_name(obj), e) from e
        writer.end()

    def read(self, inp: ObjectDataInputImpl) -> Portable:
        factory_id = inp.read_int()
        class_id = inp.read_int()
        return self.read_internal(inp, factory_id, class_id)

    def _create(self, factory_id: int, class_id: int) -> Portable:
        try:
            cls = find_class(self._factories, factory_id, class_id, "portable")
        except HazelcastSerializationError:
            # The manual's own sample registers a Portable in data_serializable_factories.
            try:
                cls = find_class(self._fallback, factory_id, class_id, "portable")
            except HazelcastSerializationError:
                cls = None
            if not (isinstance(cls, type) and issubclass(cls, Portable)):
                raise
        created: Portable = cls()
        return created

    def read_internal(self, inp: ObjectDataInputImpl, factory_id: int, class_id: int) -> Portable:
        version = inp.read_int()
        obj = self._create(factory_id, class_id)
        ctx = self._context
        cd = ctx.lookup(factory_id, class_id, version)
        if cd is None:
            cd = ctx.read_class_definition(inp, factory_id, class_id, version)
        reader = DefaultPortableReader(self, inp, cd, ctx.version_of(obj))
        try:
            obj.read_portable(reader)
        except Exception as e:
            raise user_code_error("The read_portable of Portable %s failed" % qualified_name(obj), e) from e
        reader.end()
        return obj
