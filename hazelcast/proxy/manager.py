"""Creates and caches proxies: one per (service, name) per client."""
import threading
from typing import Dict, List, Tuple

from hazelcast.protocol.codec import client_create_proxy_codec
from hazelcast.proxy.map import Map

MAP_SERVICE = "hz:impl:mapService"

_PROXY_CLASSES = {
    MAP_SERVICE: Map,
}


class DistributedObjectEvent:
    """A distributed object was created or destroyed (``event_type`` is "CREATED"/"DESTROYED")."""

    __slots__ = ("name", "service_name", "event_type")

    def __init__(self, name: str, service_name: str, event_type: str):
        self.name = name
        self.service_name = service_name
        self.event_type = event_type

    def __repr__(self) -> str:
        return "DistributedObjectEvent(name=%s, service_name=%s, event_type=%s)" % (
            self.name, self.service_name, self.event_type)


class ProxyManager:
    def __init__(self):
        self._lock = threading.Lock()
        self._proxies: Dict[Tuple[str, str], object] = {}
        self._context = None

    def bind(self, context) -> None:
        self._context = context

    def get_or_create(self, service_name: str, name: str, create_on_cluster: bool = True):
        key = (service_name, name)
        proxy = self._proxies.get(key)
        if proxy is not None:
            return proxy
        proxy_class = _PROXY_CLASSES[service_name]
        with self._lock:
            proxy = self._proxies.get(key)
            if proxy is not None:
                return proxy
            proxy = proxy_class(service_name, name, self._context)
            if create_on_cluster:
                self._create_on_cluster(service_name, name)
            self._proxies[key] = proxy
        return proxy

    def _create_on_cluster(self, service_name: str, name: str) -> None:
        connection_manager = self._context.invocation_service._connection_manager
        owner = connection_manager.owner_connection
        address = owner.member_address if owner is not None else None
        if address is None:
            return
        request = client_create_proxy_codec.encode_request(name, service_name, address)
        self._context.invocation_service.invoke_on_random_target(request).result()

    def forget(self, service_name: str, name: str) -> None:
        with self._lock:
            self._proxies.pop((service_name, name), None)

    def proxies_for(self, infos) -> List[object]:
        proxies = []
        for info in infos:
            if info.service_name in _PROXY_CLASSES:
                proxies.append(self.get_or_create(info.service_name, info.name, create_on_cluster=False))
        return proxies
