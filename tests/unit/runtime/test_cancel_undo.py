"""What a cancelled wait does when the member answers it anyway, at the proxy level.

A scripted invocation service stands in for the cluster: a real member cannot be made to
grant a lock and then fail the unlock that gives it back, or to answer a poll in the
moment after it was cancelled, on demand. The integration tests
(tests/integration/test_callbacks_and_cancellation.py) check the same against a member.
"""
import logging

import pytest

from hazelcast.config import SerializationConfig
from hazelcast.errors import TargetDisconnectedError
from hazelcast.future import Future, failed_future
from hazelcast.protocol.codec import (lock_lock_codec, lock_unlock_codec, queue_poll_codec,
                                      queue_put_codec, semaphore_acquire_codec,
                                      semaphore_release_codec)
from hazelcast.proxy.lock import Lock
from hazelcast.proxy.queue import Queue
from hazelcast.proxy.semaphore import Semaphore
from hazelcast.serialization.service import SerializationService
from tests.support.contexts import proxy_context


class ScriptedInvocations:
    """Records each request; answers with the next scripted Future for its message type."""

    def __init__(self):
        self.sent = []
        self.answers = {}

    def answer(self, codec, future: Future) -> None:
        self.answers.setdefault(codec.REQUEST_TYPE, []).append(future)

    def invoke_on_key(self, request, key_data, decoder=None, wait_timeout=0.0) -> Future:
        self.sent.append(request.message_type)
        return self.answers[request.message_type].pop(0)


class Partitions:
    def get_partition_id(self, key_data) -> int:
        return 0


@pytest.fixture
def invocations():
    return ScriptedInvocations()


@pytest.fixture
def context(invocations):
    return proxy_context(invocation_service=invocations, partition_service=Partitions(),
                         serialization_service=SerializationService(SerializationConfig()))


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def errors():
    """The ERROR records of HazelcastClient.Proxy, whatever the client logging config
    other tests left on the HazelcastClient logger."""
    logger = logging.getLogger("HazelcastClient.Proxy")
    handler = Records()
    level, disabled = logger.level, logger.disabled
    logger.setLevel(logging.ERROR)
    logger.disabled = False
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)
    logger.disabled = disabled


def test_a_lock_granted_after_cancel_is_unlocked_and_a_failed_unlock_is_logged(context, invocations,
                                                                                errors):
    granted = Future()
    invocations.answer(lock_lock_codec, granted)
    invocations.answer(lock_unlock_codec, failed_future(TargetDisconnectedError("connection lost")))
    lock = Lock("hz:impl:lockService", "the-lock", context)
    waiting = lock.lock()
    assert waiting.cancel() is True
    granted.set_result(None)  # the member granted the lock to the cancelled wait
    assert invocations.sent == [lock_lock_codec.REQUEST_TYPE, lock_unlock_codec.REQUEST_TYPE]
    [record] = errors.records
    assert "the-lock" in record.getMessage() and "connection lost" in record.getMessage()


def test_a_lock_granted_before_cancel_is_kept(context, invocations, errors):
    granted = Future()
    invocations.answer(lock_lock_codec, granted)
    waiting = Lock("hz:impl:lockService", "kept", context).lock()
    granted.set_result(None)
    assert waiting.cancel() is False
    assert waiting.result() is None
    assert invocations.sent == [lock_lock_codec.REQUEST_TYPE]  # no unlock
    assert errors.records == []


def test_permits_acquired_after_cancel_are_released(context, invocations, errors):
    acquired = Future()
    invocations.answer(semaphore_acquire_codec, acquired)
    invocations.answer(semaphore_release_codec, Future())
    waiting = Semaphore("hz:impl:semaphoreService", "s", context).acquire(3)
    assert waiting.cancel() is True
    acquired.set_result(None)
    assert invocations.sent == [semaphore_acquire_codec.REQUEST_TYPE, semaphore_release_codec.REQUEST_TYPE]


def test_an_item_polled_for_a_cancelled_take_is_put_back(context, invocations, errors):
    first_slice = Future()
    invocations.answer(queue_poll_codec, first_slice)
    invocations.answer(queue_put_codec, failed_future(TargetDisconnectedError("gone")))
    queue = Queue("hz:impl:queueService", "q", context)
    take = queue.take()
    assert take.cancel() is True
    item = context.serialization_service.to_data("item")
    first_slice.set_result(item)  # the poll in flight took an item after all
    assert invocations.sent == [queue_poll_codec.REQUEST_TYPE, queue_put_codec.REQUEST_TYPE]
    [record] = errors.records  # and putting it back failed: said loudly
    assert "item is lost" in record.getMessage()


def test_a_cancelled_take_sends_no_further_poll(context, invocations):
    empty_slice = Future()
    invocations.answer(queue_poll_codec, empty_slice)
    take = Queue("hz:impl:queueService", "q", context).take()
    take.cancel()
    empty_slice.set_result(None)  # the slice ran out without an item
    assert invocations.sent == [queue_poll_codec.REQUEST_TYPE]
