"""IdGenerator proxy (``client.get_id_generator(name)``): cluster-wide unique ids.

As in every 3.x client, ids are handed out from blocks of 10,000: block ``b``
holds ``b * 10000`` to ``b * 10000 + 9999``, and blocks are numbered by the
AtomicLong ``"hz:atomic:idGenerator:" + name`` on the cluster, so clients of
any language that share the name never hand out the same id.
"""
from hazelcast.future import Future
from hazelcast.proxy.base import Proxy, check_int
from hazelcast.proxy.flake_id_generator import IdBatch, IdBatcher
from hazelcast.proxy.manager import ATOMIC_LONG_SERVICE

BLOCK_SIZE = 10000
ATOMIC_LONG_PREFIX = "hz:atomic:idGenerator:"


class IdGenerator(Proxy):
    """Unique ids (non-negative, increasing within a client) from blocks of 10,000.

    Most ``new_id()`` calls are answered locally (a completed Future); one
    round trip per 10,000 ids fetches the next block. Thread-safe.
    ``blocking()`` gives plain values.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        self._batcher = IdBatcher(self._next_block)

    @property
    def _blocks(self):
        # looked up on first use (from the caller's thread: it may talk to the cluster), not
        # in __init__: proxies are built under the proxy manager's lock
        blocks = self.__dict__.get("_blocks_proxy")
        if blocks is None:
            blocks = self._context.proxy_manager.get_or_create(ATOMIC_LONG_SERVICE, ATOMIC_LONG_PREFIX + self.name)
            self.__dict__["_blocks_proxy"] = blocks
        return blocks

    def init(self, initial: int) -> Future:
        """Make ``initial + 1`` the next id, if no id was generated under this name yet;
        Future of True if done (False when ids were already handed out)."""
        check_int(initial, "IdGenerator.init: initial", 0)
        block, offset = divmod(initial, BLOCK_SIZE)

        def on_set(was_set: bool) -> bool:
            if was_set:
                self._batcher.set_batch(IdBatch(initial + 1, 1, BLOCK_SIZE - offset - 1))
            return was_set

        return self._blocks.compare_and_set(0, block + 1)._map(on_set)

    def new_id(self) -> Future:
        """Future of a new unique id."""
        return self._batcher.new_id()

    def _next_block(self) -> Future:
        return self._blocks.get_and_increment()._map(
            lambda block: IdBatch(block * BLOCK_SIZE, 1, BLOCK_SIZE))

    def destroy(self) -> bool:
        """Destroy the generator and its block counter: ids start from 0 again."""
        super().destroy()
        return self._blocks.destroy()
