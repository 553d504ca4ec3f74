"""The partition table: which member owns which partition.

The cluster service fetches it from the owner member (``Client.getPartitions``)
after connecting, again on every membership change, and periodically; a table
older than the one held (by ``partitionStateVersion``) is ignored.
"""
import logging
import threading
from typing import Dict, List, Optional

from hazelcast.network.address import Endpoint

_logger = logging.getLogger("HazelcastClient.PartitionService")



class PartitionService:
    """Partition ids of keys and the owner of each partition."""

    def __init__(self):
        self._lock = threading.Lock()
        self._owners: Dict[int, Endpoint] = {}
        self._state_version = -1
        self.partition_count = 0

    def get_partition_id(self, key_data) -> int:
        """Partition of a serialized key: murmur3 hash modulo the partition count."""
        count = self.partition_count
        if count == 0:
            return -1  # no table yet (see ClusterService.wait_for_partition_table): any member routes it (3.12 only)
        h = key_data.get_partition_hash()
        if h == -2147483648:
            return 0
        return abs(h) % count

    def get_partition_owner(self, partition_id: int) -> Optional[Endpoint]:
        return self._owners.get(partition_id)

    def get_partition_count(self) -> int:
        return self.partition_count

    def has_table(self) -> bool:
        """True once a (non-empty) partition table has arrived."""
        return bool(self._owners)

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
