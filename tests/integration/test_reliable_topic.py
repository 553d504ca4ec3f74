"""ReliableTopic against real members: delivery, listener control (initial sequence, stored
sequences, loss tolerance, terminal errors), overload policies, loss reporting with a small
ringbuffer, messages that Java members and clients write, and 10,000 messages in order
while a member of three is killed."""
import logging
import os
import runpy
import struct
import subprocess
import threading
import time

import pytest

import hazelcast
from hazelcast.config import TOPIC_OVERLOAD_POLICY, ReliableTopicConfig
from hazelcast.errors import (HazelcastClientNotActiveError, HazelcastSerializationError, IllegalArgumentError,
                              TopicOverloadError)
from hazelcast.future import combine_futures
from hazelcast.proxy.reliable_topic import ReliableMessageListener
from hazelcast.proxy.topic import TopicMessage
from hazelcast.serialization.data import Data
from tests.integration.client_helpers import client_config, wait_until
from tests.support.cluster import Cluster, hz_version, jar_path, java_executable, java_major_version

# members look up a topic's ringbuffer config by the topic name (without the _hz_rb_ prefix)
STRUCTURES = ("<ringbuffer name='small*'><capacity>10</capacity></ringbuffer>"
              "<ringbuffer name='ttl*'><capacity>3</capacity><time-to-live-seconds>120</time-to-live-seconds>"
              "</ringbuffer>"
              "<ringbuffer name='shortttl*'><capacity>2</capacity><time-to-live-seconds>1</time-to-live-seconds>"
              "</ringbuffer>"
              "<ringbuffer name='longttl*'><capacity>1</capacity><time-to-live-seconds>300</time-to-live-seconds>"
              "</ringbuffer>")
POLICY_OF_TOPIC = {"ttl-error": TOPIC_OVERLOAD_POLICY.ERROR,
                   "ttl-discard-newest": TOPIC_OVERLOAD_POLICY.DISCARD_NEWEST,
                   "ttl-discard-oldest": TOPIC_OVERLOAD_POLICY.DISCARD_OLDEST,
                   "shortttl-block": TOPIC_OVERLOAD_POLICY.BLOCK}
_names = iter(range(10 ** 6))


@pytest.fixture(scope="module")
def members(cluster):  # `cluster` only for its check that members can be started
    with Cluster(size=1, structures=STRUCTURES, name="reliable-topic") as c:
        yield c


@pytest.fixture(scope="module")
def client(members):
    config = client_config(members)
    for name, policy in POLICY_OF_TOPIC.items():
        topic_config = ReliableTopicConfig(name)
        topic_config.topic_overload_policy = policy
        config.add_reliable_topic_config(topic_config)
    c = hazelcast.HazelcastClient(config)
    yield c
    c.shutdown()


@pytest.fixture
def logged():
    """Records of the reliable topic's logger (the client's loggers do not propagate)."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("HazelcastClient.ReliableTopic")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def topic_name(prefix="rt"):
    return "%s-%d-%d" % (prefix, os.getpid(), next(_names))


def messages_of(received):
    return [m.message for m in received]


def test_listener_gets_messages_in_order_with_publish_time(client):
    topic = client.get_reliable_topic(topic_name())
    received = []
    registration_id = topic.add_listener(received.append).result()
    assert isinstance(registration_id, str)
    before = time.time()
    values = ["text", 42, 1.5, [1, "two"], {"k": "v"}] + list(range(100))
    combine_futures([topic.publish(v) for v in values]).result()
    wait_until(lambda: len(received) == len(values))
    assert messages_of(received) == values
    first = received[0]
    assert isinstance(first, TopicMessage) and first.name == topic.name
    assert before - 1 <= first.publish_time_seconds <= time.time() + 1
    assert first.member is None  # a client published it


def test_listener_starts_after_the_tail_unless_it_asks_for_history(client):
    topic = client.get_reliable_topic(topic_name()).blocking()
    for i in range(3):
        topic.publish("old-%d" % i)

    class FromStart(ReliableMessageListener):
        def __init__(self):
            self.received, self.stored = [], []

        def on_message(self, message):
            self.received.append((message.message, self.stored[-1]))

        def retrieve_initial_sequence(self):
            return 1

        def store_sequence(self, sequence):
            self.stored.append(sequence)

    history, fresh = FromStart(), []
    topic.add_listener(history)
    topic.add_listener(fresh.append)
    topic.publish("new")
    wait_until(lambda: len(history.received) == 3 and len(fresh) == 1)
    # store_sequence is called with each message's sequence before on_message gets it
    assert history.received == [("old-1", 1), ("old-2", 2), ("new", 3)]
    assert messages_of(fresh) == ["new"]


def test_any_object_with_on_message_is_a_listener(client):
    topic = client.get_reliable_topic(topic_name())

    class Plain:
        received = []

        def on_message(self, message):
            self.received.append(message.message)

    topic.add_listener(Plain()).result()
    topic.publish("hello").result()
    wait_until(lambda: Plain.received == ["hello"])


def test_removed_listener_gets_nothing_more(client):
    topic = client.get_reliable_topic(topic_name()).blocking()
    kept, removed = [], []
    topic.add_listener(kept.append)
    registration_id = topic.add_listener(removed.append)
    topic.publish("before")
    wait_until(lambda: len(kept) == 1 and len(removed) == 1)
    assert topic.remove_listener(registration_id) is True
    assert topic.remove_listener(registration_id) is False
    topic.publish("after")
    wait_until(lambda: len(kept) == 2)
    time.sleep(0.2)
    assert messages_of(removed) == ["before"]


def test_an_error_in_on_message_is_logged_and_reading_goes_on_unless_terminal(client, logged):
    topic = client.get_reliable_topic(topic_name()).blocking()

    class Picky(ReliableMessageListener):
        def __init__(self, terminal):
            self.terminal, self.received = terminal, []

        def on_message(self, message):
            self.received.append(message.message)
            if message.message == "bad":
                raise ValueError("cannot take it")

        def is_terminal(self, error):
            return self.terminal and isinstance(error, ValueError)

    tolerant, terminal = Picky(False), Picky(True)
    topic.add_listener(tolerant)
    terminal_id = topic.add_listener(terminal)
    for value in ("good", "bad", "after"):
        topic.publish(value)
    wait_until(lambda: tolerant.received == ["good", "bad", "after"])
    time.sleep(0.2)
    assert terminal.received == ["good", "bad"]
    assert topic.remove_listener(terminal_id) is False  # it is gone already
    levels = sorted((r.levelname, "cannot take it" in r.getMessage()) for r in logged)
    assert levels == [("ERROR", True), ("WARNING", True)]


def test_bad_arguments(client):
    topic = client.get_reliable_topic(topic_name())
    with pytest.raises(IllegalArgumentError, match="message can't be None"):
        topic.publish(None)
    with pytest.raises(IllegalArgumentError, match="on_message can't be None"):
        topic.add_listener(None)
    with pytest.raises(IllegalArgumentError, match="listener must be a function taking a TopicMessage, or an "
                                                   "object with an on_message"):
        topic.add_listener(42)

    class Confused(ReliableMessageListener):
        def on_message(self, message):
            pass

        def retrieve_initial_sequence(self):
            return "start"

    with pytest.raises(IllegalArgumentError, match="retrieve_initial_sequence\\(\\) must return a sequence >= 0, "
                                                   "or -1 for the next message published; it returned 'start'"):
        topic.add_listener(Confused())


def test_error_policy_raises_topic_overload_error_when_the_ringbuffer_is_full(client):
    topic = client.get_reliable_topic("ttl-error").blocking()
    for i in range(3):  # capacity 3, time-to-live 120 s
        topic.publish(i)
    with pytest.raises(TopicOverloadError, match="Failed to publish message 3 on topic ttl-error.*policy is ERROR"):
        topic.publish(3)


def test_discard_policies_drop_the_newest_or_overwrite_the_oldest(client):
    for name, stored in (("ttl-discard-newest", [0, 1, 2]), ("ttl-discard-oldest", [2, 3, 4])):
        topic = client.get_reliable_topic(name).blocking()
        for i in range(5):
            assert topic.publish(i) is None
        history = HistoryListener()
        topic.add_listener(history)
        wait_until(lambda history=history: len(history.received) == 3)
        assert messages_of(history.received) == stored


class HistoryListener(ReliableMessageListener):
    """Reads from the oldest message still stored."""

    def __init__(self):
        self.received = []

    def on_message(self, message):
        self.received.append(message)

    def retrieve_initial_sequence(self):
        return 0

    def is_loss_tolerant(self):
        return True


def test_block_policy_waits_until_there_is_room(client):
    topic = client.get_reliable_topic("shortttl-block")
    started = time.monotonic()
    for i in range(3):  # capacity 2, time-to-live 1 s: the third waits for the first to expire
        topic.publish(i).result(30)
    assert 0.5 < time.monotonic() - started < 15


def test_a_blocked_publish_fails_when_the_client_shuts_down(members):
    own = hazelcast.HazelcastClient(client_config(members))
    topic = own.get_reliable_topic(topic_name("longttl"))  # capacity 1, time-to-live 300 s: BLOCK waits
    topic.publish("fits").result(10)
    blocked = topic.publish("waits")
    time.sleep(0.5)
    assert not blocked.done()
    own.shutdown()
    with pytest.raises(HazelcastClientNotActiveError, match="shut down while a publish on reliable topic"):
        blocked.result(10)


def test_a_too_slow_listener_is_terminated_or_skips_ahead_if_loss_tolerant(client, logged):
    topic = client.get_reliable_topic(topic_name("small")).blocking()  # ringbuffer capacity 10

    class Slow(ReliableMessageListener):
        def __init__(self, tolerant):
            self.tolerant, self.received, self.gate = tolerant, [], threading.Event()

        def on_message(self, message):
            self.received.append(message.message)
            self.gate.wait(10)  # holds the event thread: nothing is read meanwhile

        def is_loss_tolerant(self):
            return self.tolerant

    tolerant, strict = Slow(True), Slow(False)
    topic.add_listener(tolerant)
    strict_id = topic.add_listener(strict)
    topic.publish(0)
    wait_until(lambda: tolerant.received == [0])
    for i in range(1, 50):  # overwrites 0..39
        topic.publish(i)
    tolerant.gate.set()
    strict.gate.set()
    wait_until(lambda: tolerant.received == [0] + list(range(40, 50)))
    assert strict.received == [0]
    assert topic.remove_listener(strict_id) is False
    text = [(r.levelname, r.getMessage()) for r in logged]
    assert [level for level, _ in text] == ["WARNING", "ERROR"] or [level for level, _ in text] == ["ERROR", "WARNING"]
    assert any(level == "ERROR" and "Terminating" in m and "messages from sequence 1 to 39" in m for level, m in text)
    assert any(level == "WARNING" and "lost messages 1 to 39" in m for level, m in text)


def java_member_message(publish_millis, host, port, payload):
    """A ringbuffer item as a 3.x member writes it: ReliableTopicMessage with its Address."""
    out = struct.pack(">ii?iiq", 0, -2, True, -18, 2, publish_millis)
    out += struct.pack(">i?iiibi", -2, True, 0, 1, port, 4, len(host)) + host.encode()
    return Data(out + struct.pack(">i", len(payload.buffer)) + payload.buffer)


def test_a_message_written_by_a_member_names_that_member(client):
    topic = client.get_reliable_topic(topic_name())
    received = []
    topic.add_listener(received.append).result()
    member = client.cluster.get_member_list()[0]
    item = java_member_message(1234567890123, member.address.host, member.address.port,
                               client.serialization_service.to_data("from a member"))
    client.get_ringbuffer("_hz_rb_" + topic.name).add(item).result()
    wait_until(lambda: received)
    (message,) = received
    assert (message.message, message.publish_time, message.member) == ("from a member", 1234567890123, member)


def test_an_item_that_is_not_a_topic_message_is_reported_and_skipped(client, logged):
    topic = client.get_reliable_topic(topic_name())
    received = []
    topic.add_listener(received.append).result()
    client.get_ringbuffer("_hz_rb_" + topic.name).add("not a topic message").result()
    topic.publish("fine").result()
    wait_until(lambda: messages_of(received) == ["fine"])
    (record,) = logged
    assert record.levelname == "WARNING" and isinstance(record.exc_info[1], HazelcastSerializationError)
    assert "must be a ReliableTopicMessage (IdentifiedDataSerializable factory -18 class 2)" in record.getMessage()


JAVA_CLIENT = """
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.ITopic;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

public class ReliableTopicPeer {
    public static void main(String[] args) throws Exception {
        ClientConfig config = new ClientConfig();
        config.getNetworkConfig().addAddress(args[0]);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        ITopic<Object> topic = client.getReliableTopic(args[1]);
        ArrayBlockingQueue<Object> received = new ArrayBlockingQueue<Object>(10);
        topic.addMessageListener(m -> received.add(m.getMessageObject()));
        topic.publish("from-java");
        Object got = received.poll(30, TimeUnit.SECONDS);
        while ("from-java".equals(got)) {
            got = received.poll(30, TimeUnit.SECONDS);
        }
        System.out.println("RECEIVED " + got);
        client.shutdown();
    }
}
"""


def test_java_and_python_clients_read_each_others_messages(client, members, tmp_path):
    client_jar = os.environ.get("HZ_CLIENT_JAR") or os.path.join(
        os.path.dirname(jar_path()), "hazelcast-client-%s.jar" % hz_version())
    if not os.path.exists(client_jar) or java_major_version() < 11:
        pytest.skip("needs %s and Java 11+ (to run a Java source file)" % client_jar)
    source = tmp_path / "ReliableTopicPeer.java"
    source.write_text(JAVA_CLIENT)
    topic = client.get_reliable_topic(topic_name())
    received = []
    topic.add_listener(received.append).result()
    java = subprocess.Popen([java_executable(), "-Dhazelcast.logging.type=none",
                             "-cp", os.pathsep.join([jar_path(), client_jar]), str(source),
                             members.addresses[0], topic.name], stdout=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: received or java.poll() is not None, timeout=60)
        assert messages_of(received) == ["from-java"]
        topic.publish("from-python").result()
        assert java.communicate(timeout=60)[0].strip() == "RECEIVED from-python"
    finally:
        if java.poll() is None:
            java.kill()
            java.wait()


def test_destroy_stops_listeners_and_empties_the_topic(client):
    topic = client.get_reliable_topic(topic_name())
    received = []
    registration_id = topic.add_listener(received.append).result()
    topic.publish("kept").result()
    wait_until(lambda: len(received) == 1)
    assert topic.destroy() is True
    assert topic.remove_listener(registration_id).result() is False
    again = client.get_reliable_topic(topic.name)
    history = HistoryListener()
    again.add_listener(history).result()
    again.publish("new").result()
    wait_until(lambda: messages_of(history.received) == ["new"])


SURVIVOR = ("<ringbuffer name='survivor*'><capacity>20000</capacity><backup-count>1</backup-count>"
            "</ringbuffer>")


def publish_all(topic, values, batch=500):
    for start in range(0, len(values), batch):
        combine_futures([topic.publish(v) for v in values[start:start + batch]]).result(120)


def owner_endpoint(client):
    owner = client.connection_manager.owner_connection
    if owner is None or owner.closed or owner.member_address is None:
        return None
    return owner.member_address.host, owner.member_address.port


def test_ten_thousand_messages_none_lost_while_a_member_of_three_is_killed(cluster_factory):
    three = cluster_factory(3, structures=SURVIVOR)
    config = client_config(three)
    topic_config = ReliableTopicConfig("survivor")
    topic_config.read_batch_size = 100
    config.add_reliable_topic_config(topic_config)
    client = hazelcast.HazelcastClient(config)
    try:
        topic = client.get_reliable_topic("survivor")
        received = []
        topic.add_listener(lambda m: received.append(m.message)).result()
        publish_all(topic, list(range(5000)))
        # kill the member that owns the topic's ringbuffer: its backup takes over
        partitions, key = client.partition_service, client.serialization_service.to_data("_hz_rb_survivor")
        client.cluster.refresh_partitions().result(30)  # a fresh cluster assigns partitions on first use: ask again now
        owner = wait_until(lambda: partitions.get_partition_owner(partitions.get_partition_id(key)),
                           message="the partition table")
        victim = next(m for m in three.members if m.port == owner[1])
        victim.terminate()
        three.wait_for_size(2, members=[m for m in three.members if m is not victim])
        # The publisher waits for the client's owner connection to be back before going on:
        # a new owner connection replaces the plain one to that member, failing the publishes
        # in flight on it. The listener is reading meanwhile and must not need such care.
        wait_until(lambda: owner_endpoint(client) not in (None, victim.address), timeout=30,
                   message="an owner connection to a live member")
        publish_all(topic, list(range(5000, 10000)))
        wait_until(lambda: len(received) >= 10000, timeout=90, message="10,000 messages")
        time.sleep(0.2)
        # nothing lost or repeated, in the order stored (retries after the kill may reorder publishes)
        history = HistoryListener()
        topic.add_listener(history).result()
        wait_until(lambda: len(history.received) >= 10000, timeout=60, message="the stored history")
        assert received == messages_of(history.received)
        assert sorted(received) == list(range(10000)) and received[:5000] == list(range(5000))
    finally:
        client.shutdown()


def test_example_runs(members, client, monkeypatch, capsys):
    client.get_reliable_topic("orders").destroy()
    config = client_config(members)
    monkeypatch.setattr(hazelcast, "ClientConfig", lambda: config)
    runpy.run_path(os.path.join(os.path.dirname(__file__), "..", "..", "examples", "reliable_topic_example.py"))
    assert capsys.readouterr().out.splitlines() == [
        "order first order (sequence 0)", "order book (sequence 1)", "order pen (sequence 2)",
        "order lamp (sequence 3)"]


def test_the_backing_ringbuffer_can_be_read_directly(client):
    from hazelcast.serialization.reliable_topic_message import ReliableTopicMessage
    topic = client.get_reliable_topic(topic_name())
    topic.publish("stored").result()
    stored = client.get_ringbuffer("_hz_rb_" + topic.name).blocking().read_one(0)
    assert isinstance(stored, ReliableTopicMessage)
    assert client.serialization_service.to_object(stored.payload) == "stored"
    assert stored.publisher_address is None and stored.publish_time > 0
