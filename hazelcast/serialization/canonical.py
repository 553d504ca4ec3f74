"""Canonical pickles: equal dicts and sets give the same bytes.

Members compare keys (and the values of ``replace_if_same``, ``contains_value``, set
membership ...) by their serialized bytes. A plain pickle of a dict follows its insertion
order, a set its hash order (which for str changes from process to process), and pickle
back-references depend on object identity, so two equal dicts could be two different map
keys. :func:`canonical_pickle` removes all three:

* a ``dict`` is written with its items sorted, a ``set``/``frozenset`` with its elements
  sorted: by value when they are all str, all bytes or all real numbers (no NaN), else by
  their own canonical pickle (a total order that does not depend on insertion order);
* this applies at any depth inside dicts, sets, lists and tuples (exact types only:
  ``OrderedDict`` keeps its order, since its equality depends on it, and the attributes
  of your own classes are pickled as pickle does);
* the pickler runs in "fast" mode (no memo), so shared and distinct-but-equal objects are
  written the same way.

A dict read back therefore has its keys in that sorted order. Self-referencing structures
cannot be written canonically; they are pickled as pickle does.
"""
import io
import operator
import pickle
from typing import Any, Callable, List, Tuple

_PROTOCOL = pickle.HIGHEST_PROTOCOL


class _Rebuild:
    """Pickles as ``factory(items)``: a set/frozenset with its items in a fixed order (a
    set's own iteration order cannot be chosen; a dict's can, by insertion)."""

    __slots__ = ("factory", "items")

    def __init__(self, factory: Callable[[List[Any]], Any], items: List[Any]) -> None:
        self.factory = factory
        self.items = items

    def __reduce__(self) -> Tuple[Callable[[List[Any]], Any], Tuple[List[Any]]]:
        return self.factory, (self.items,)


_LEAVES = frozenset((str, int, float, bool, bytes, type(None)))
_FIRST = operator.itemgetter(0)


def _by_value(values: Any) -> bool:
    """True when ``values`` can be sorted by value in one total order."""
    types = {type(v) for v in values}
    if types <= _NUMBERS:
        return all(v == v for v in values)  # NaN compares with nothing
    return len(types) == 1 and (str in types or bytes in types)


_NUMBERS = frozenset((int, float, bool))


def _canonical(obj: Any) -> Any:
    t = type(obj)
    if t in _LEAVES:
        return obj
    if t is dict:
        leaves = _LEAVES
        pairs = [(k if type(k) in leaves else _canonical(k), v if type(v) in leaves else _canonical(v))
                 for k, v in obj.items()]
        if _by_value(obj):
            pairs.sort(key=_FIRST)
        else:
            pairs.sort(key=lambda pair: _dumps(pair[0]))
        return dict(pairs)  # a dict pickles in insertion order: now the sorted one
    if t is set or t is frozenset:
        items = [_canonical(item) for item in obj]
        items.sort(key=None if _by_value(obj) else _dumps)
        return _Rebuild(t, items)
    if t is list:
        return [item if type(item) in _LEAVES else _canonical(item) for item in obj]
    if t is tuple:
        return tuple([item if type(item) in _LEAVES else _canonical(item) for item in obj])
    return obj


def _dumps(obj: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, _PROTOCOL)
    pickler.fast = True  # no memo: identity must not change the bytes
    pickler.dump(obj)
    return buffer.getvalue()


def canonical_pickle(obj: Any) -> bytes:
    """The pickle of ``obj``, the same for equal dicts/sets (see the module doc)."""
    if type(obj) not in (dict, set, frozenset, list, tuple):
        return pickle.dumps(obj, _PROTOCOL)
    try:
        return _dumps(_canonical(obj))
    except (RecursionError, ValueError):
        # a structure that contains itself (fast mode refuses cycles): no canonical form
        return pickle.dumps(obj, _PROTOCOL)
