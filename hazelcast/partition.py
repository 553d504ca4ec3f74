"""The partition table: which member owns which partition.

Fetched from the owner member (``Client.getPartitions``) after connecting,
again on every membership change, and periodically; a table older than the
one held (by ``partitionStateVersion``) is ignored.
"""
import logging
import threading
from typing import Dict, List, Optional, Tuple

from hazelcast.protocol.codec import client_get_partitions_codec

_logger = logging.getLogger("HazelcastClient.PartitionService")

Endpoint = Tuple[str, int]


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
            return -1  # not known yet: the request goes to any member, which routes it
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
        future.add_done_callback(self._on_partitions)
        return future

    def _on_partitions(self, future) -> None:
        error = future.exception()
        if error is not None:
            _logger.debug("Fetching the partition table failed: %s", error)
            return
        response = future.result()
        self.apply_table(response.partitions, response.partition_state_version)

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
