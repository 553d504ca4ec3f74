"""Topic proxy (``client.get_topic(name)``, manual section 7.4.8): publish/subscribe.

Messages go to the listeners registered at the moment the member handles the
publish; nothing is stored (see ReliableTopic for a topic that is).
"""
import threading
from typing import Any, Callable, List, Optional

from hazelcast.core import Member
from hazelcast.errors import IllegalArgumentError
from hazelcast.future import Future, combine_futures
from hazelcast.protocol.codec import (topic_add_message_listener_codec, topic_publish_codec,
                                      topic_remove_message_listener_codec)
from hazelcast.proxy.base import NamePartitionedProxy, check_not_none


class TopicMessage:
    """One message as a listener receives it.

    * ``name`` -- the topic's name
    * ``message`` -- the published object, deserialized
    * ``publish_time`` -- when it was published: the member's integer
      MILLISECONDS since the epoch, as in 3.12.3 (``publish_time_millis`` is
      the same); ``publish_time_seconds`` is a float like ``time.time()``
    * ``member`` -- the :class:`~hazelcast.core.Member` that published it
      (for a client's publish, the member that handled it), or ``None`` if
      the client does not know that member (any more)
    """

    __slots__ = ("name", "message", "publish_time_millis", "member")

    def __init__(self, name: str, message: Any, publish_time_millis: int, member: Optional[Member]):
        self.name = name
        self.message = message
        self.publish_time_millis = publish_time_millis
        self.member = member

    @property
    def publish_time(self) -> int:
        return self.publish_time_millis

    @property
    def publish_time_seconds(self) -> float:
        return self.publish_time_millis / 1000.0

    def __repr__(self) -> str:
        return "TopicMessage(name=%s, message=%r, publish_time=%d, member=%s)" % (
            self.name, self.message, self.publish_time, self.member)


def check_listener_function(on_message: Any) -> None:
    if not callable(on_message):
        raise IllegalArgumentError("on_message must be a function taking a TopicMessage, got %r"
                                   % (on_message,))


class Topic(NamePartitionedProxy):
    """A publish/subscribe channel.

    ``publish`` and ``add_listener`` return Futures (``blocking()`` gives the
    values). A publish made through this proxy after ``add_listener`` was
    called is sent only once that registration is done, so the new listener
    receives it. Listeners run on the client's event thread, one message
    after another.
    """

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        self._cluster = context.cluster_service
        self._pending_registrations: List[Future] = []
        self._pending_lock = threading.Lock()

    def publish(self, message: Any) -> Future:
        """Send ``message`` to every listener of the topic; Future of None."""
        check_not_none(message, "message")
        request = topic_publish_codec.encode_request(self.name, self._to_data(message))
        with self._pending_lock:
            pending = self._pending_registrations = [f for f in self._pending_registrations if not f.done()]
        if not pending:
            return self._invoke_on_key(request, self._key_data)._map(_none)
        # a failed registration must not stop the publish: continue either way
        waits = [f.continue_with(_none) for f in pending]
        return combine_futures(waits).continue_with(
            lambda _: self._invoke_on_key(request, self._key_data))._map(_none)

    def add_listener(self, on_message: Optional[Callable[[TopicMessage], None]] = None) -> Future:
        """Call ``on_message(TopicMessage)`` for every message published from now on;
        Future of the registration id (for ``remove_listener``)."""
        check_not_none(on_message, "on_message")
        check_listener_function(on_message)
        name = self.name
        to_object = self._to_object
        get_member = self._cluster.get_member_by_uuid

        def on_event(item, publish_time, member_uuid) -> None:
            on_message(TopicMessage(name, to_object(item), publish_time, get_member(member_uuid)))

        def handle(message) -> None:
            topic_add_message_listener_codec.handle(message, handle_event_topic=on_event)

        future = self._register_listener(
            lambda local_only: topic_add_message_listener_codec.encode_request(name, local_only),
            topic_add_message_listener_codec.decode_response,
            lambda server_id: topic_remove_message_listener_codec.encode_request(name, server_id),
            handle)
        with self._pending_lock:
            self._pending_registrations.append(future)
        return future

    def remove_listener(self, registration_id: str) -> Future:
        """Stop the listener ``registration_id``; Future of True if it was registered."""
        check_not_none(registration_id, "registration_id")
        return self._deregister_listener(registration_id)


def _none(_) -> None:
    return None
