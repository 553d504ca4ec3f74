"""Client side of ``PagingPredicate`` queries (keys/values/entries page by page).

Every member returns its own best entries up to the requested page, counted from the
nearest anchor the predicate carries; the client merges them, sorts them the way the
members do, keeps the anchors (the last entry of each page) in the predicate for the
next request, and cuts out the page. The order is the comparator's, when the predicate
has one, else the natural order of keys (``key_set``, ``entry_set``) or values
(``values``); ties are broken by the Java ``hashCode`` of the keys, as on the members.
Without a comparator a predicate therefore can't switch between ``values`` and the other
two once it has anchors (the orders differ); ``reset()`` it first.
"""
import struct
from functools import cmp_to_key
from typing import Any, List, Optional, Tuple

from hazelcast.errors import IllegalArgumentError
from hazelcast.serialization.predicate import PagingPredicate

KEY = "KEY"
VALUE = "VALUE"
ENTRY = "ENTRY"

Entry = Tuple[Any, Any]


def prepare(predicate: PagingPredicate, iteration_type: str) -> None:
    """Check the comparator and set what the members should iterate over."""
    comparator = predicate.comparator
    if comparator is not None and not callable(getattr(comparator, "compare", None)):
        raise IllegalArgumentError(
            "the comparator of a PagingPredicate needs a compare(entry1, entry2) method (entries are "
            "(key, value) tuples; return <0, 0 or >0) that orders entries as its Java twin on the "
            "members does, because the client merges the members' results with it; %r has none"
            % (comparator,))
    if (comparator is None and predicate.anchor_list
            and (predicate.iteration_type == VALUE) != (iteration_type == VALUE)):
        raise IllegalArgumentError(
            "this PagingPredicate pages in %s order (it was used with %s), but without a comparator %s "
            "pages in %s order: reset() it first, or use a separate PagingPredicate" % (
                _order(predicate.iteration_type), _method(predicate.iteration_type), _method(iteration_type),
                _order(iteration_type)))
    predicate.iteration_type = iteration_type


def _order(iteration_type: str) -> str:
    return "value" if iteration_type == VALUE else "key"


def _method(iteration_type: str) -> str:
    return "values()" if iteration_type == VALUE else "key_set()/entry_set()"


def nearest_anchor(predicate: PagingPredicate) -> Tuple[int, Optional[Entry]]:
    """The anchor the members start after: ``(page, last entry of that page)``, ``(-1, None)`` on page 0."""
    anchors = predicate.anchor_list
    page = predicate.page
    if page == 0 or not anchors:
        return -1, None
    return anchors[page - 1] if page < len(anchors) else anchors[-1]


def page_of(entries: List[Entry], predicate: PagingPredicate) -> List[Entry]:
    """Sort the merged results, record anchors in ``predicate`` and return the current page."""
    if not entries:
        return []
    entries.sort(key=cmp_to_key(_comparison(predicate)))
    anchor_page = nearest_anchor(predicate)[0]
    page_size = predicate.page_size
    begin = page_size * (predicate.page - anchor_page - 1)
    if begin > len(entries):
        return []
    _set_anchors(entries, predicate, anchor_page)
    return entries[begin:begin + page_size]


def _set_anchors(entries: List[Entry], predicate: PagingPredicate, anchor_page: int) -> None:
    end = predicate.page_size
    while end <= len(entries) and anchor_page < predicate.page:
        anchor_page += 1
        predicate.set_anchor(anchor_page, entries[end - 1])
        end += predicate.page_size


def _comparison(predicate: PagingPredicate):
    comparator = predicate.comparator
    if comparator is not None:
        compare = comparator.compare

        def by_comparator(first: Entry, second: Entry) -> int:
            result = compare(first, second)
            return result if result else _compare(java_hash(first[0]), java_hash(second[0]))

        return by_comparator
    index = 1 if predicate.iteration_type == VALUE else 0

    def natural(first: Entry, second: Entry) -> int:
        try:
            result = _compare(first[index], second[index])
        except TypeError:
            raise IllegalArgumentError(
                "a PagingPredicate without a comparator sorts by %s, but %r and %r can't be compared; "
                "give it a comparator" % ("value" if index else "key", first[index], second[index])) from None
        return result if result else _compare(java_hash(first[0]), java_hash(second[0]))

    return natural


def _compare(first: Any, second: Any) -> int:
    if first < second:
        return -1
    return 1 if second < first else 0


def _int32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - 0x100000000 if value & 0x80000000 else value


def java_hash(value: Any) -> int:
    """``hashCode()`` of the Java object ``value`` becomes on a member (0 where unknown)."""
    if isinstance(value, bool):
        return 1231 if value else 1237
    if isinstance(value, int):
        if -0x80000000 <= value <= 0x7FFFFFFF:
            return value
        return _int32(value ^ ((value & 0xFFFFFFFFFFFFFFFF) >> 32))
    if isinstance(value, str):
        result = 0
        units = value.encode("utf-16-be")
        for i in range(0, len(units), 2):
            result = (31 * result + (units[i] << 8 | units[i + 1])) & 0xFFFFFFFF
        return _int32(result)
    if isinstance(value, float):
        bits = struct.unpack(">q", struct.pack(">d", value))[0]
        return _int32(bits ^ ((bits & 0xFFFFFFFFFFFFFFFF) >> 32))
    return 0
