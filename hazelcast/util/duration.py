"""The one rule for durations that users give in seconds (TTLs, timeouts, lease times).

Every proxy and config setting that takes a duration checks and converts it here:

* accepted: an ``int`` or ``float`` (any ``numbers.Real`` but ``bool``) number of seconds,
  ``>= 0`` (``> 0`` where zero makes no sense);
* refused with :class:`hazelcast.errors.IllegalArgumentError` (a ``ValueError``) naming
  the argument, the value and what is accepted: ``bool``, non-numbers, NaN, negative
  numbers and infinity -- except the sentinels an API documents: ``None`` and ``-1``
  ("the default" or "no limit", whatever that API says they mean), and, where the
  sentinel means "no limit", ``float("inf")`` as well;
* rounding to the protocol's milliseconds: **up** to the next whole millisecond, so a
  positive duration never becomes 0 (which members read as "forever" for a TTL, or
  "do not wait" for a timeout): 0.0005 s -> 1 ms, 0.0015 s -> 2 ms. The product is
  first rounded to a nanosecond so that binary float noise (0.3 * 1000 is
  300.00000000000006) does not add a millisecond (durations below a nanosecond
  still give 1 ms). Durations beyond the protocol's
  64-bit range are clamped to its maximum.

The sentinels become ``-1`` on the wire, which members read as the default / no limit.
"""
import math
import numbers
from typing import Any, Optional, Type

from hazelcast.errors import HazelcastError, IllegalArgumentError

MAX_MILLIS = (1 << 63) - 1
"""The largest duration the protocol carries (Java ``Long.MAX_VALUE`` milliseconds)."""

UNSET_MILLIS = -1
"""What the sentinels (None, -1, and infinity where allowed) are sent as."""

_MAX_SECONDS = MAX_MILLIS / 1000.0
_FAST_TYPES = frozenset((int, float))  # skip the slower ABC check for the usual types

# The meanings of the None/-1 sentinel shared by several APIs (for ``unset``).
WAIT_FOREVER = "wait as long as it takes"
HOLD_LOCK = "hold the lock until it is unlocked"


def _accepted(positive: bool, unset: str, infinite: bool) -> str:
    text = "a number of seconds %s" % ("> 0" if positive else ">= 0")
    if unset:
        text += ", or None/-1%s to %s" % ("/float('inf')" if infinite else "", unset)
    return text


def checked_seconds(seconds: Any, what: str, unset: str = "", infinite: bool = False,
                    positive: bool = False,
                    error: Type[HazelcastError] = IllegalArgumentError) -> Optional[float]:
    """``seconds`` checked by the rule above: the number itself, or None for a sentinel.

    ``what`` names the argument for the error message (e.g. ``"Map.put: ttl"``).
    ``unset`` says what None/-1 mean for this API (e.g. ``"use the map's default TTL"``);
    empty means the API has no sentinel. ``infinite``: infinity is that sentinel too.
    ``positive``: 0 is refused. ``error``: the class raised (a subclass of
    :class:`HazelcastError` taking a message), e.g. ``ConfigurationError`` for settings.
    """
    if seconds is None:
        if unset:
            return None
    elif type(seconds) in _FAST_TYPES or (isinstance(seconds, numbers.Real) and not isinstance(seconds, bool)):
        if seconds == -1 and unset:
            return None
        if seconds > 0 or (seconds == 0 and not positive):
            if seconds != math.inf:
                number: float = seconds  # a real number now (the checks above)
                return number
            if infinite and unset:
                return None
    raise error("%s must be %s, got %r%s" % (
        what, _accepted(positive, unset, infinite), seconds,
        "" if seconds is None else " (%s)" % type(seconds).__name__))


def to_millis(seconds: Any, what: str, unset: str = "", infinite: bool = False,
              positive: bool = False,
              error: Type[HazelcastError] = IllegalArgumentError) -> int:
    """``seconds`` checked (see :func:`checked_seconds`) and converted to protocol
    milliseconds, rounded up; the sentinels give :data:`UNSET_MILLIS` (-1)."""
    checked = checked_seconds(seconds, what, unset, infinite, positive, error)
    if checked is None:
        return UNSET_MILLIS
    return seconds_to_millis(checked)


def seconds_to_millis(seconds: float) -> int:
    """A checked, non-negative number of seconds as whole milliseconds, rounded up (the
    rule above); for values the caller has already validated."""
    kind = type(seconds)
    if kind is int or (kind is not float and isinstance(seconds, numbers.Integral)):
        return min(MAX_MILLIS, int(seconds) * 1000)
    if seconds >= _MAX_SECONDS:
        return MAX_MILLIS
    millis = int(math.ceil(round(float(seconds) * 1000.0, 6)))
    return millis if millis > 0 or seconds <= 0 else 1


def wait_of(millis: int) -> Optional[float]:
    """The invocation's ``wait_timeout`` (seconds; None: as long as it takes) of a request
    that tells the member to wait ``millis`` (:data:`UNSET_MILLIS`: as long as it takes)."""
    return None if millis < 0 else millis / 1000.0
