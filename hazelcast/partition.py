"""The partition table: which member owns which partition.

Fetched from the owner member (``Client.getPartitions``) after connecting,
again on every membership change, and periodically; a table older than the
one held (by ``partitionStateVersion``) is ignored.
"""
import logging
import threading
import time
from typing import Dict, List, Optional

from hazelcast.network.address import Endpoint
from hazelcast.protocol.codec import client_get_partitions_codec

_logger = logging.getLogger("HazelcastClient.PartitionService")



class PartitionService:
    """Partition ids of keys and the owner of each partition."""

    def __init__(self):
        self._lock = threading.Lock()
        self._owners: Dict[int, Endpoint] = {}
        self._state_version = -1
        self.partition_count = 0
        self._invocation_service = None
        self._connection_manager = None

    def bind(self, invocation_service, connection_manager) -> None:
        self._invocation_service = invocation_service
        self._connection_manager = connection_manager

    def get_partition_id(self, key_data) -> int:
        """Partition of a serialized key: murmur3 hash modulo the partition count."""
        count = self.partition_count
        if count == 0:
            return -1  # no table yet (see wait_for_table): any member routes it (3.12 only)
        h = key_data.get_partition_hash()
        if h == -2147483648:
            return 0
        return abs(h) % count

    def get_partition_owner(self, partition_id: int) -> Optional[Endpoint]:
        return self._owners.get(partition_id)

    def get_partition_count(self) -> int:
        return self.partition_count

    def refresh(self):
        """Ask the owner member for the table; returns the Future of the request."""
        connection = self._connection_manager.owner_connection
        if connection is None or connection.closed:
            return None
        future = self._invocation_service.invoke_on_connection(
            client_get_partitions_codec.encode_request(), connection,
            decoder=client_get_partitions_codec.decode_response)
        future.add_inline_callback(self._on_partitions)
        return future

    def _on_partitions(self, future) -> None:
        error = future.exception()
        if error is not None:
            _logger.debug("Fetching the partition table failed: %s", error)
            return
        response = future.result()
        self.apply_table(response.partitions, response.partition_state_version)

    def wait_for_table(self, timeout: float, pause: float = 0.1) -> bool:
        """Fetch the table until the member has one (blocking; not on the I/O thread).

        A member answers with an empty table while it is still arranging the
        partitions of a new cluster. Members before 3.12 do not send the
        partition count at authentication, so until the table arrives keys
        could not be routed.
        """
        deadline = time.monotonic() + timeout
        while True:
            future = self.refresh()
            if future is not None:
                try:
                    future.result(max(deadline - time.monotonic(), 0.01))
                except Exception as e:  # noqa: BLE001 - retried until the deadline
                    _logger.debug("Fetching the partition table failed: %s", e)
            if self._owners:
                return True
            if time.monotonic() + pause > deadline:
                return False
            time.sleep(pause)

    def apply_table(self, partitions: List, state_version: Optional[int]) -> None:
        owners: Dict[int, Endpoint] = {}
        for address, partition_ids in partitions:
            endpoint = (address.host, address.port)
            for partition_id in partition_ids:
                owners[partition_id] = endpoint
        if not owners:
            return
        with self._lock:
            if state_version is not None and state_version >= 0 and state_version < self._state_version:
                return
            self._state_version = state_version if state_version is not None else self._state_version
            self._owners = owners
            if self.partition_count == 0:
                self.partition_count = len(owners)
        _logger.debug("Partition table updated: %d partitions, state version %s", len(owners), state_version)

    def set_partition_count(self, count: Optional[int]) -> None:
        if count and self.partition_count == 0:
            self.partition_count = count
