"""What every transactional proxy shares: calls that run inside their transaction."""
from typing import Any, List

from hazelcast.proxy.base import check_not_none


class TransactionalObject:
    """A distributed object seen through one transaction.

    Obtained from ``transaction.get_map(name)`` and friends, never built directly.
    Methods block and return plain values; they may only be called from the thread
    that began the transaction, while it is ACTIVE.
    """

    service_name = ""

    def __init__(self, name: str, transaction):
        self.name = name
        self.transaction = transaction
        serialization = transaction.serialization_service
        self._to_data = serialization.to_data
        self._to_object = serialization.to_object

    def _call(self, codec, *args) -> Any:
        """The decoded response of ``codec``'s request (name, txn id, thread id, *args)."""
        return self.transaction.call(codec, self.name, *args)

    def _call_object(self, codec, *args, wait_forever: bool = False) -> Any:
        """Like ``_call``, for a response holding one serialized value (or None)."""
        return self._to_object(self.transaction.call(codec, self.name, *args, wait_forever=wait_forever))

    def _call_list(self, codec, *args) -> List[Any]:
        """Like ``_call``, for a response holding a list of serialized values."""
        to_object = self._to_object
        return [to_object(data) for data in self.transaction.call(codec, self.name, *args)]

    def _data(self, value: Any, what: str):
        check_not_none(value, what)
        return self._to_data(value)

    def __repr__(self) -> str:
        return '%s(name="%s", transaction=%s)' % (type(self).__name__, self.name, self.transaction.id)

