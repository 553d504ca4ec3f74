"""Ringbuffer proxy (``client.get_ringbuffer(name)``, manual section 7.4.7).

A ringbuffer lives in one partition (that of its name), so every request goes
to the owner of that partition. Items are addressed by sequence: the head is
the oldest item still stored, the tail the newest.
"""
from typing import Any, Callable, Iterator, List, Optional, Sequence

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import Future, completed_future
from hazelcast.protocol.codec import (ringbuffer_add_all_codec, ringbuffer_add_codec,
                                      ringbuffer_capacity_codec, ringbuffer_head_sequence_codec,
                                      ringbuffer_read_many_codec, ringbuffer_read_one_codec,
                                      ringbuffer_remaining_capacity_codec, ringbuffer_size_codec,
                                      ringbuffer_tail_sequence_codec)
from hazelcast.proxy.base import NamePartitionedProxy, check_not_none

MAX_BATCH_SIZE = 1000
"""The most items one ``add_all`` or ``read_many`` may carry."""


class OVERFLOW_POLICY:
    """What ``add``/``add_all`` do when the ringbuffer is full.

    A ringbuffer is only ever full when it has a time-to-live: items younger
    than that may not be overwritten with ``FAIL``. Without a time-to-live the
    oldest item is always overwritten.
    """

    OVERWRITE = 0
    """Overwrite the oldest item, even if it is still within its time-to-live."""
    FAIL = 1
    """Add nothing and return -1."""


# 3.12.3's module-level names of the same values
OVERFLOW_POLICY_OVERWRITE = OVERFLOW_POLICY.OVERWRITE
OVERFLOW_POLICY_FAIL = OVERFLOW_POLICY.FAIL


def _check_int(value: Any, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise IllegalArgumentError("%s must be an int >= %d, got %r" % (what, minimum, value))
    return value


def _check_overflow_policy(policy: Any) -> int:
    if isinstance(policy, bool) or policy not in (OVERFLOW_POLICY.OVERWRITE, OVERFLOW_POLICY.FAIL):
        raise IllegalArgumentError("overflow_policy must be OVERFLOW_POLICY.OVERWRITE (0) or "
                                   "OVERFLOW_POLICY.FAIL (1), got %r" % (policy,))
    return policy


class ReadResult(Sequence):
    """What ``read_many`` read: a list of items plus where they came from.

    It is a read-only sequence of the items (``len()``, indexing, slicing,
    iteration). Items are deserialized on first access, on the caller's thread.

    * ``read_count`` -- how many items were read from the ringbuffer; more than
      ``len(result)`` when a filter dropped some.
    * ``get_sequence(i)`` -- the sequence of item ``i``; ``sequences`` lists them all.
    * ``next_sequence_to_read_from`` -- where the next ``read_many`` continues.
    """

    __slots__ = ("read_count", "next_sequence_to_read_from", "_data", "_sequences", "_items", "_to_object")

    def __init__(self, read_count: int, data_items: List[Any], sequences: Optional[List[int]],
                 next_sequence: int, to_object: Callable[[Any], Any]):
        self.read_count = read_count
        self.next_sequence_to_read_from = next_sequence
        self._data = data_items
        self._sequences = sequences
        self._items: Optional[List[Any]] = None
        self._to_object = to_object

    @property
    def items(self) -> List[Any]:
        """The items, deserialized."""
        if self._items is None:
            to_object = self._to_object
            self._items = [to_object(d) for d in self._data]
        return self._items

    @property
    def size(self) -> int:
        """The number of items in this result (``len(result)``)."""
        return len(self._data)

    @property
    def sequences(self) -> Optional[List[int]]:
        """The sequence of each item; None only for a filtered read from a 3.6-3.8 member."""
        return self._sequences

    def get_sequence(self, index: int) -> int:
        """The sequence of item ``index``."""
        if self._sequences is None:
            raise IllegalArgumentError("the member did not report item sequences (members older than "
                                       "3.9 do not, for filtered reads)")
        return self._sequences[index]

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, index):
        return self.items[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __eq__(self, other) -> bool:
        if isinstance(other, ReadResult):
            other = other.items
        return isinstance(other, (list, tuple)) and self.items == list(other)

    __hash__ = None  # mutable-looking container: not hashable

    def __repr__(self) -> str:
        return "ReadResult(read_count=%d, items=%r, next_sequence_to_read_from=%d)" % (
            self.read_count, self.items, self.next_sequence_to_read_from)


class Ringbuffer(NamePartitionedProxy):
    """A bounded, append-only log of items addressed by sequence.

    Every method returns a :class:`~hazelcast.future.Future`; use
    ``blocking()`` for plain values. Bad arguments raise
    :class:`~hazelcast.errors.IllegalArgumentError` (a ``ValueError``) at once.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        self._capacity: Optional[int] = None
        self._decode_item = lambda message: self._to_object(ringbuffer_read_one_codec.decode_response(message))

    def _invoke_here(self, request, decoder: Optional[Callable] = None,
                     wait_timeout: Optional[float] = 0.0) -> Future:
        return self._invoke_on_key(request, self._key_data, decoder, wait_timeout)

    # --- sizes and sequences ------------------------------------------------------------

    def capacity(self) -> Future:
        """Future of the capacity: the most items the ringbuffer holds (fetched once)."""
        if self._capacity is not None:
            return completed_future(self._capacity)

        def remember(message) -> int:
            self._capacity = ringbuffer_capacity_codec.decode_response(message)
            return self._capacity

        return self._invoke_here(ringbuffer_capacity_codec.encode_request(self.name), remember)

    def size(self) -> Future:
        """Future of the number of items stored (``tail - head + 1``; never above capacity)."""
        return self._invoke_here(ringbuffer_size_codec.encode_request(self.name),
                                 ringbuffer_size_codec.decode_response)

    def tail_sequence(self) -> Future:
        """Future of the sequence of the newest item; -1 while the ringbuffer is empty."""
        return self._invoke_here(ringbuffer_tail_sequence_codec.encode_request(self.name),
                                 ringbuffer_tail_sequence_codec.decode_response)

    def head_sequence(self) -> Future:
        """Future of the sequence of the oldest item; ``tail + 1`` when empty (0 at first)."""
        return self._invoke_here(ringbuffer_head_sequence_codec.encode_request(self.name),
                                 ringbuffer_head_sequence_codec.decode_response)

    def remaining_capacity(self) -> Future:
        """Future of how many items can be added without overwriting one still within its
        time-to-live (always the capacity when no time-to-live is configured)."""
        return self._invoke_here(ringbuffer_remaining_capacity_codec.encode_request(self.name),
                                 ringbuffer_remaining_capacity_codec.decode_response)

    # --- writing ------------------------------------------------------------------------

    def add(self, item: Any, overflow_policy: int = OVERFLOW_POLICY.OVERWRITE) -> Future:
        """Append ``item``; Future of its sequence, or -1 if ``FAIL`` found no room."""
        check_not_none(item, "item")
        policy = _check_overflow_policy(overflow_policy)
        request = ringbuffer_add_codec.encode_request(self.name, policy, self._to_data(item))
        return self._invoke_here(request, ringbuffer_add_codec.decode_response)

    def add_all(self, items: Sequence[Any], overflow_policy: int = OVERFLOW_POLICY.OVERWRITE) -> Future:
        """Append ``items`` (1 to 1000) in order; Future of the last one's sequence, or -1
        if ``FAIL`` found no room (then nothing is added)."""
        check_not_none(items, "items")
        if isinstance(items, (str, bytes, dict)) or not hasattr(items, "__iter__"):
            raise IllegalArgumentError("items must be a list (or other sequence) of items, got %r"
                                       % type(items).__name__)
        items = list(items)
        if not items:
            raise IllegalArgumentError("items can't be empty: add_all takes 1 to %d items" % MAX_BATCH_SIZE)
        if len(items) > MAX_BATCH_SIZE:
            raise IllegalArgumentError("items can't hold more than %d items, got %d"
                                       % (MAX_BATCH_SIZE, len(items)))
        policy = _check_overflow_policy(overflow_policy)
        data = []
        for item in items:
            check_not_none(item, "an item of items")
            data.append(self._to_data(item))
        request = ringbuffer_add_all_codec.encode_request(self.name, data, policy)
        return self._invoke_here(request, ringbuffer_add_all_codec.decode_response)

    # --- reading ------------------------------------------------------------------------

    def read_one(self, sequence: int) -> Future:
        """Future of the item at ``sequence``.

        Reading ``tail + 1`` waits until an item is added there. A sequence
        older than the head fails with ``StaleSequenceError``; one beyond
        ``tail + 1`` with ``IllegalArgumentError``.
        """
        _check_int(sequence, "sequence")
        request = ringbuffer_read_one_codec.encode_request(self.name, sequence)
        return self._invoke_here(request, self._decode_item, wait_timeout=None)  # may wait for the item

    def read_many(self, start_sequence: int, min_count: int, max_count: int, filter: Any = None) -> Future:
        """Future of a :class:`ReadResult` of up to ``max_count`` items from ``start_sequence``.

        The member answers once at least ``min_count`` items are there (it
        waits for them; ``min_count=0`` answers at once). ``filter`` is an
        object the members can deserialize and run (e.g. an
        IdentifiedDataSerializable ``IFunction`` known to the members); items
        it rejects are skipped but counted in ``read_count``. Bounds:
        ``0 <= min_count <= max_count <= 1000`` and ``min_count <= capacity``.
        """
        return self._read_many(start_sequence, min_count, max_count, filter, self._to_object)

    def _read_many(self, start_sequence: int, min_count: int, max_count: int, filter: Any,
                   to_object: Callable[[Any], Any]) -> Future:
        _check_int(start_sequence, "start_sequence")
        _check_int(min_count, "min_count")
        _check_int(max_count, "max_count")
        if min_count > max_count:
            raise IllegalArgumentError("min_count (%d) must not be larger than max_count (%d)"
                                       % (min_count, max_count))
        if max_count > MAX_BATCH_SIZE:
            raise IllegalArgumentError("max_count can't be larger than %d, got %d" % (MAX_BATCH_SIZE, max_count))
        filter_data = self._to_data(filter) if filter is not None else None

        def decode(message) -> ReadResult:
            response = ringbuffer_read_many_codec.decode_response(message)
            sequences = response.item_seqs
            if sequences is None and filter is None:  # 3.6-3.8 members: no sequences, but no gaps either
                sequences = list(range(start_sequence, start_sequence + len(response.items)))
            # 3.12 members report 0 as the next sequence: take the largest of what is known
            next_sequence = max(response.next_seq or 0, start_sequence + response.read_count,
                                sequences[-1] + 1 if sequences else 0)
            return ReadResult(response.read_count, response.items, sequences, next_sequence, to_object)

        def send(capacity: int) -> Future:
            if min_count > capacity:
                raise IllegalArgumentError("min_count (%d) must not be larger than the capacity (%d)"
                                           % (min_count, capacity))
            request = ringbuffer_read_many_codec.encode_request(self.name, start_sequence, min_count,
                                                                max_count, filter_data)
            # With min_count > 0 the member waits, as long as it takes, for that many items.
            return self._invoke_here(request, decode, None if min_count else 0.0)

        if self._capacity is not None:
            return send(self._capacity)
        return self.capacity().continue_with(lambda done: send(done.result()))
