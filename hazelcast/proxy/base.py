"""The base of every distributed-object proxy, and ``blocking()``."""
import threading
from typing import Any, Callable, Optional

from hazelcast.errors import IllegalArgumentError
from hazelcast.future import Future
from hazelcast.protocol.codec import client_destroy_proxy_codec


class ProxyContext:
    """The services a proxy works with, wired once by the client."""

    def __init__(self, client, invocation_service, serialization_service, partition_service,
                 listener_service, cluster_service, proxy_manager, config):
        self.client = client
        self.invocation_service = invocation_service
        self.serialization_service = serialization_service
        self.partition_service = partition_service
        self.listener_service = listener_service
        self.cluster_service = cluster_service
        self.proxy_manager = proxy_manager
        self.config = config


def check_not_none(value: Any, what: str) -> None:
    if value is None:
        raise IllegalArgumentError("%s can't be None" % what)


def thread_id() -> int:
    """The id the cluster uses to tell this thread's locks from another's."""
    return threading.get_ident() & 0x7FFFFFFFFFFFFFFF


def to_millis(seconds: Optional[float]) -> int:
    """Seconds (a float, or -1/None for the default) to the protocol's milliseconds."""
    if seconds is None or seconds < 0:
        return -1
    return int(seconds * 1000)


class Proxy:
    """A distributed object on the cluster: methods return Futures."""

    def __init__(self, service_name: str, name: str, context: ProxyContext):
        self.service_name = service_name
        self.name = name
        self._context = context
        self._invocation_service = context.invocation_service
        serialization = context.serialization_service
        self._to_data = serialization.to_data
        self._to_object = serialization.to_object
        self._partition_service = context.partition_service

    def destroy(self) -> bool:
        """Destroy the object on the cluster and forget this proxy; True when done."""
        self._context.proxy_manager.forget(self.service_name, self.name)
        request = client_destroy_proxy_codec.encode_request(self.name, self.service_name)
        self._invocation_service.invoke_on_random_target(request).result()
        return True

    def blocking(self) -> "BlockingProxy":
        """A view of this proxy whose methods return plain values instead of Futures."""
        return BlockingProxy(self)

    # --- helpers for subclasses -------------------------------------------------------

    def _invoke(self, request, decoder: Optional[Callable] = None) -> Future:
        return self._invocation_service.invoke_on_random_target(request, decoder)

    def _invoke_on_key(self, request, key_data, decoder: Optional[Callable] = None) -> Future:
        return self._invocation_service.invoke_on_key(request, key_data, decoder)

    def _invoke_on_partition(self, request, partition_id: int, decoder: Optional[Callable] = None) -> Future:
        return self._invocation_service.invoke_on_partition(request, partition_id, decoder)

    def _invoke_on_target(self, request, endpoint, decoder: Optional[Callable] = None) -> Future:
        return self._invocation_service.invoke_on_target(request, endpoint, decoder)

    def _register_listener(self, encode_register, decode_register, encode_deregister, handler) -> Future:
        return self._context.listener_service.register_listener(
            encode_register, decode_register, encode_deregister, handler)

    def _deregister_listener(self, registration_id: str) -> Future:
        return self._context.listener_service.deregister_listener(registration_id)

    def _partition_key_data(self):
        """Data of the name's partition key (the part after '@', as Java does)."""
        name = self.name
        key = name[name.index("@") + 1:] if "@" in name else name
        return self._to_data(key)

    def __repr__(self) -> str:
        return '%s(name="%s")' % (type(self).__name__, self.name)


class BlockingProxy:
    """Wraps a proxy so that each method waits for, and returns, its result."""

    def __init__(self, proxy: Proxy):
        self._wrapped = proxy
        self.name = proxy.name
        self.service_name = proxy.service_name

    def blocking(self) -> "BlockingProxy":
        return self

    def __getattr__(self, name: str):
        attribute = getattr(self._wrapped, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            result = attribute(*args, **kwargs)
            if isinstance(result, Future):
                return result.result()
            return result

        call.__name__ = name
        call.__doc__ = attribute.__doc__
        self.__dict__[name] = call
        return call

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)
