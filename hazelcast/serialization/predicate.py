"""Query predicates (reference manual §7.7), sent to members as
IdentifiedDataSerializable objects of factory -32 with the class ids of the
3.12 member's predicate factory (protocol reference §9.3).

``PagingPredicate`` (class id 15) wraps another predicate to fetch results
page by page; the proxy layer updates its anchor list from the results.
"""
from typing import Any, List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.serialization.api import IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput, Portable
from hazelcast.serialization.constants import PREDICATE_FACTORY_ID

# Values that are never a predicate the member could run (anything else may be an
# object with a serializer whose Java twin is a predicate on the members' classpath).
NOT_PREDICATE_TYPES = (str, bytes, bytearray, bool, int, float, dict, list, tuple, set, frozenset)


class Predicate(IdentifiedDataSerializable):
    """Base of every predicate; subclasses set ``CLASS_ID`` and ``_FIELDS``.

    ``_FIELDS`` lists ``(attribute, kind)`` in write order, with kind one of
    ``utf``, ``object``, ``boolean``, ``objects`` (int32 count + objects).
    """

    CLASS_ID = -1
    _FIELDS: Tuple[Tuple[str, str], ...] = ()

    def get_factory_id(self) -> int:
        return PREDICATE_FACTORY_ID

    def get_class_id(self) -> int:
        return self.CLASS_ID

    def write_data(self, out: ObjectDataOutput) -> None:
        for attr, kind in self._FIELDS:
            value = getattr(self, attr)
            if kind == "utf":
                out.write_utf(value)
            elif kind == "boolean":
                out.write_boolean(value)
            elif kind == "object":
                out.write_object(value)
            else:
                out.write_int(len(value))
                for item in value:
                    out.write_object(item)

    def read_data(self, inp: ObjectDataInput) -> None:
        for attr, kind in self._FIELDS:
            value: Any
            if kind == "utf":
                value = inp.read_utf()
            elif kind == "boolean":
                value = inp.read_boolean()
            elif kind == "object":
                value = inp.read_object()
            else:
                value = [inp.read_object() for _ in range(inp.read_int())]
            setattr(self, attr, value)

    def _state(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, attr) for attr, _ in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._state() == other._state()

    def __hash__(self) -> int:
        return hash((type(self), repr(self._state())))

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % (a, getattr(self, a)) for a, _ in self._FIELDS))


def _check_operands(what: str, predicates: Tuple[Any, ...]) -> None:
    """Refuse operands a member cannot evaluate inside ``what`` (and_/or_/not_)."""
    for operand in predicates:
        if isinstance(operand, PagingPredicate):
            raise IllegalArgumentError(
                "%s cannot contain a PagingPredicate: paging applies to a whole query, so give "
                "paging(%s(...), page_size) to key_set/values/entry_set instead" % (what, what))
        if operand is None or (isinstance(operand, NOT_PREDICATE_TYPES)
                               and not isinstance(operand, (IdentifiedDataSerializable, Portable))):
            raise IllegalArgumentError(
                "%s takes predicates (e.g. sql(\"age < 30\") or is_equal_to(\"name\", \"Joe\")), "
                "got %s %r" % (what, type(operand).__name__, operand))


def _check_sql(query: Any) -> None:
    if not isinstance(query, str):
        raise IllegalArgumentError("sql takes the query as a str, e.g. sql(\"age < 30\"), got %s %r"
                                   % (type(query).__name__, query))


class SqlPredicate(Predicate):
    CLASS_ID = 0
    _FIELDS = (("sql", "utf"),)

    def __init__(self, sql: Optional[str] = None):
        if sql is not None:  # None only while the serialization service reads one
            _check_sql(sql)
        self.sql = sql


class AndPredicate(Predicate):
    CLASS_ID = 1
    _FIELDS = (("predicates", "objects"),)

    def __init__(self, *predicates: Predicate):
        _check_operands("and_" if self.CLASS_ID == AndPredicate.CLASS_ID else "or_", predicates)
        self.predicates = list(predicates)


class BetweenPredicate(Predicate):
    CLASS_ID = 2
    _FIELDS = (("attribute", "utf"), ("to", "object"), ("from_", "object"))  # `to` first

    def __init__(self, attribute: Optional[str] = None, from_: Any = None, to: Any = None):
        self.attribute = attribute
        self.from_ = from_
        self.to = to


class EqualPredicate(Predicate):
    CLASS_ID = 3
    _FIELDS = (("attribute", "utf"), ("value", "object"))

    def __init__(self, attribute: Optional[str] = None, value: Any = None):
        self.attribute = attribute
        self.value = value


class GreaterLessPredicate(Predicate):
    CLASS_ID = 4
    _FIELDS = (("attribute", "utf"), ("value", "object"), ("is_equal", "boolean"),
               ("is_less", "boolean"))

    def __init__(self, attribute: Optional[str] = None, value: Any = None,
                 is_equal: bool = False, is_less: bool = False):
        self.attribute = attribute
        self.value = value
        self.is_equal = is_equal
        self.is_less = is_less


class LikePredicate(Predicate):
    CLASS_ID = 5
    _FIELDS = (("attribute", "utf"), ("expression", "utf"))

    def __init__(self, attribute: Optional[str] = None, expression: Optional[str] = None):
        self.attribute = attribute
        self.expression = expression


class ILikePredicate(LikePredicate):
    CLASS_ID = 6


class InPredicate(Predicate):
    CLASS_ID = 7
    _FIELDS = (("attribute", "utf"), ("values", "objects"))

    def __init__(self, attribute: Optional[str] = None, *values: Any):
        self.attribute = attribute
        self.values = list(values)


class InstanceOfPredicate(Predicate):
    CLASS_ID = 8
    _FIELDS = (("class_name", "utf"),)

    def __init__(self, class_name: Optional[str] = None):
        self.class_name = class_name


class NotEqualPredicate(EqualPredicate):
    CLASS_ID = 9


class NotPredicate(Predicate):
    CLASS_ID = 10
    _FIELDS = (("predicate", "object"),)

    def __init__(self, predicate: Optional[Predicate] = None):
        if predicate is not None:  # None only while the serialization service reads one
            _check_operands("not_", (predicate,))
        self.predicate = predicate


class OrPredicate(AndPredicate):
    CLASS_ID = 11


class RegexPredicate(Predicate):
    CLASS_ID = 12
    _FIELDS = (("attribute", "utf"), ("pattern", "utf"))

    def __init__(self, attribute: Optional[str] = None, pattern: Optional[str] = None):
        self.attribute = attribute
        self.pattern = pattern


class FalsePredicate(Predicate):
    CLASS_ID = 13


class TruePredicate(Predicate):
    CLASS_ID = 14


class PagingPredicate(Predicate):
    """Pages through the results of ``predicate``, ``page_size`` entries at a time.

    Wire layout (3.12 member, class id 15): inner predicate (object),
    comparator (object), int32 page, int32 page size, UTF iteration type,
    int32 anchor count, then per anchor int32 page, key object, value object.
    ``comparator`` must be a serializable object the member can run (e.g. an
    IdentifiedDataSerializable Java ``Comparator``), or None.
    """

    CLASS_ID = 15

    def __init__(self, predicate: Optional[Predicate] = None, page_size: int = 1,
                 comparator: Any = None):
        if isinstance(predicate, PagingPredicate):
            raise IllegalArgumentError("a PagingPredicate cannot wrap another PagingPredicate")
        if predicate is not None:
            _check_operands("paging", (predicate,))
        if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size <= 0:
            raise IllegalArgumentError("page_size must be an int > 0, got %r" % (page_size,))
        self.predicate = predicate
        self.comparator = comparator
        self.page_size = page_size
        self.page = 0
        self.iteration_type: Optional[str] = "ENTRY"  # None only as read from a null on the wire
        self.anchor_list: List[Tuple[int, Tuple[Any, Any]]] = []

    def next_page(self) -> int:
        self.page += 1
        return self.page

    def previous_page(self) -> int:
        if self.page > 0:
            self.page -= 1
        return self.page

    def set_page(self, page: int) -> None:
        if page < 0:
            raise IllegalArgumentError("page must be >= 0, got %r" % (page,))
        self.page = page

    def reset(self) -> None:
        self.page = 0
        self.iteration_type = "ENTRY"
        del self.anchor_list[:]

    def get_anchor(self) -> Optional[Tuple[int, Tuple[Any, Any]]]:
        """The nearest anchor at or before the current page, as ``(page, (key, value))``."""
        best = None
        for anchor in self.anchor_list:
            if anchor[0] <= self.page:
                best = anchor
        return best

    def set_anchor(self, page: int, anchor: Tuple[Any, Any]) -> None:
        """Record the last ``(key, value)`` of ``page`` (called by the proxy)."""
        for i, (p, _) in enumerate(self.anchor_list):
            if p == page:
                self.anchor_list[i] = (page, anchor)
                return
        self.anchor_list.append((page, anchor))
        self.anchor_list.sort(key=lambda a: a[0])

    def write_data(self, out: ObjectDataOutput) -> None:
        out.write_object(self.predicate)
        out.write_object(self.comparator)
        out.write_int(self.page)
        out.write_int(self.page_size)
        out.write_utf(self.iteration_type)
        out.write_int(len(self.anchor_list))
        for page, (key, value) in self.anchor_list:
            out.write_int(page)
            out.write_object(key)
            out.write_object(value)

    def read_data(self, inp: ObjectDataInput) -> None:
        self.predicate = inp.read_object()
        self.comparator = inp.read_object()
        self.page = inp.read_int()
        self.page_size = inp.read_int()
        self.iteration_type = inp.read_utf()
        self.anchor_list = []
        for _ in range(inp.read_int()):
            page = inp.read_int()
            key = inp.read_object()
            self.anchor_list.append((page, (key, inp.read_object())))

    def _state(self) -> Tuple[Any, ...]:
        return (self.predicate, self.comparator, self.page, self.page_size,
                self.iteration_type, self.anchor_list)

    def __repr__(self) -> str:
        return "PagingPredicate(predicate=%r, page_size=%d, page=%d)" % (
            self.predicate, self.page_size, self.page)


#: class id -> class, registered by the serialization service as factory -32.
PREDICATE_FACTORY = {cls.CLASS_ID: cls for cls in (
    SqlPredicate, AndPredicate, BetweenPredicate, EqualPredicate, GreaterLessPredicate,
    LikePredicate, ILikePredicate, InPredicate, InstanceOfPredicate, NotEqualPredicate,
    NotPredicate, OrPredicate, RegexPredicate, FalsePredicate, TruePredicate, PagingPredicate)}


# --- the functions of the manual ----------------------------------------------------

def sql(sql: Optional[str] = None) -> SqlPredicate:
    """A predicate in Hazelcast's SQL-like syntax, e.g. ``sql("age < 30 AND active")``."""
    _check_sql(sql)
    return SqlPredicate(sql)


def and_(*predicates: Predicate) -> AndPredicate:
    """True when all ``predicates`` are."""
    return AndPredicate(*predicates)


def or_(*predicates: Predicate) -> OrPredicate:
    """True when any of ``predicates`` is."""
    return OrPredicate(*predicates)


def not_(predicate: Predicate) -> NotPredicate:
    """True when ``predicate`` is false."""
    _check_operands("not_", (predicate,))
    return NotPredicate(predicate)


is_not = not_


def is_equal_to(attribute: str, value: Any) -> EqualPredicate:
    return EqualPredicate(attribute, value)


def is_not_equal_to(attribute: str, value: Any) -> NotEqualPredicate:
    return NotEqualPredicate(attribute, value)


def is_like(attribute: str, expression: str) -> LikePredicate:
    """``%`` in ``expression`` matches any characters, ``_`` exactly one."""
    return LikePredicate(attribute, expression)


def is_ilike(attribute: str, expression: str) -> ILikePredicate:
    """Case-insensitive :func:`is_like`."""
    return ILikePredicate(attribute, expression)


def matches_regex(attribute: str, pattern: str) -> RegexPredicate:
    """True when the attribute matches the Java regular expression ``pattern``."""
    return RegexPredicate(attribute, pattern)


is_regex = matches_regex


def is_greater_than(attribute: str, x: Any) -> GreaterLessPredicate:
    return GreaterLessPredicate(attribute, x, False, False)


def is_greater_than_or_equal_to(attribute: str, x: Any) -> GreaterLessPredicate:
    return GreaterLessPredicate(attribute, x, True, False)


def is_less_than(attribute: str, x: Any) -> GreaterLessPredicate:
    return GreaterLessPredicate(attribute, x, False, True)


def is_less_than_or_equal_to(attribute: str, x: Any) -> GreaterLessPredicate:
    return GreaterLessPredicate(attribute, x, True, True)


def is_between(attribute: str, from_: Any, to: Any) -> BetweenPredicate:
    """Inclusive range ``from_ <= attribute <= to``."""
    return BetweenPredicate(attribute, from_, to)


def is_in(attribute: str, *values: Any) -> InPredicate:
    return InPredicate(attribute, *values)


def is_instance_of(class_name: str) -> InstanceOfPredicate:
    """True for values of the Java class ``class_name`` (fully qualified)."""
    return InstanceOfPredicate(class_name)


def true() -> TruePredicate:
    """Passes every entry."""
    return TruePredicate()


def false() -> FalsePredicate:
    """Passes no entry."""
    return FalsePredicate()


def paging(predicate: Optional[Predicate] = None, page_size: int = 1,
           comparator: Any = None) -> PagingPredicate:
    return PagingPredicate(predicate, page_size, comparator)
