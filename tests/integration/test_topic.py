"""Topic (manual 7.4.8) against real members: listeners get message, publish time and member;
removing a listener; bad arguments; two members deliver each message once; the manual's
sample runs as written."""
import os
import runpy
import time
import uuid

import pytest

import hazelcast
from hazelcast.core import Member
from hazelcast.errors import IllegalArgumentError
from hazelcast.proxy.topic import TopicMessage
from tests.integration.client_helpers import client_config, wait_until
from tests.support.manual import python_blocks


@pytest.fixture(scope="module")
def client(cluster):
    c = hazelcast.HazelcastClient(client_config(cluster))
    yield c
    c.shutdown()


def topic_name():
    return "topic-" + uuid.uuid4().hex[:8]


def test_manual_sample_runs_as_written(cluster, capsys):
    (sample,) = python_blocks("### 7.4.8. Using Topic", "### 7.4.9.")
    with hazelcast.HazelcastClient(client_config(cluster)) as client:  # its listener goes with it
        exec(sample, {"client": client})
        output = []
        wait_until(lambda: output.append(capsys.readouterr().out) or "".join(output))
        time.sleep(0.2)  # and nothing more arrives
        output.append(capsys.readouterr().out)
    assert "".join(output) == "Got message: Hello to distributed world\n"


def test_listener_gets_message_publish_time_and_member(client):
    topic = client.get_topic(topic_name())
    received = []
    registration_id = topic.add_listener(received.append).result()
    assert isinstance(registration_id, str)
    before = time.time()
    topic.blocking().publish({"greeting": "hello"})
    wait_until(lambda: received)
    (message,) = received
    assert isinstance(message, TopicMessage)
    assert message.name == topic.name
    assert message.message == {"greeting": "hello"}
    assert isinstance(message.publish_time, int)  # milliseconds, as in 3.12.3; member clock
    assert (before - 5) * 1000 <= message.publish_time <= (time.time() + 5) * 1000
    assert message.publish_time_millis == message.publish_time
    assert message.publish_time_seconds == message.publish_time / 1000.0
    assert isinstance(message.member, Member)
    assert message.member in client.cluster.get_member_list()


def test_messages_arrive_in_publish_order_at_every_listener(client):
    topic = client.get_topic(topic_name())
    first, second = [], []
    topic.add_listener(lambda m: first.append(m.message)).result()
    topic.add_listener(lambda m: second.append(m.message)).result()
    for i in range(50):
        topic.publish(i)
    wait_until(lambda: len(first) == 50 and len(second) == 50)
    assert first == second == list(range(50))


def test_removed_listener_gets_nothing_more(client):
    topic = client.get_topic(topic_name()).blocking()
    kept, removed = [], []
    topic.add_listener(lambda m: kept.append(m.message))
    registration_id = topic.add_listener(lambda m: removed.append(m.message))
    topic.publish("before")
    wait_until(lambda: kept == ["before"] and removed == ["before"])
    assert topic.remove_listener(registration_id) is True
    assert topic.remove_listener(registration_id) is False
    topic.publish("after")
    wait_until(lambda: kept == ["before", "after"])
    time.sleep(0.2)
    assert removed == ["before"]


def test_a_publish_right_after_add_listener_reaches_the_listener(client):
    topic = client.get_topic(topic_name())
    received = []
    topic.add_listener(received.append)  # not waited for
    topic.publish("first").result(10)
    wait_until(lambda: [m.message for m in received] == ["first"])


def test_bad_arguments(client):
    topic = client.get_topic(topic_name())
    with pytest.raises(IllegalArgumentError, match="message can't be None"):
        topic.publish(None)
    with pytest.raises(IllegalArgumentError, match="on_message must be a function taking a TopicMessage, got 'x'"):
        topic.add_listener("x")
    with pytest.raises(IllegalArgumentError, match="on_message can't be None"):
        topic.add_listener(None)


def test_two_members_deliver_each_message_once_to_smart_and_unisocket_clients(cluster_factory):
    members = cluster_factory(2)
    clients = [hazelcast.HazelcastClient(client_config(members, smart_routing=smart)) for smart in (True, False)]
    try:
        # A smart client connects to the other members in the background after it starts, and
        # registers listeners there once connected: wait for that, or the first messages
        # published on the second member may find no registration of ours there.
        wait_until(lambda: len(clients[0].connection_manager.active_connections()) == 2)
        received = {0: [], 1: []}
        names = [topic_name() for _ in range(4)]  # topics owned by either member
        for index, c in enumerate(clients):
            for name in names:
                c.get_topic(name).add_listener(lambda m, r=received[index]: r.append((m.name, m.message))).result()
        for index, c in enumerate(clients):
            for name in names:
                for i in range(3):
                    c.get_topic(name).publish("%d-%d" % (index, i))
        expected = sorted((name, "%d-%d" % (index, i)) for name in names for index in (0, 1) for i in range(3))
        wait_until(lambda: len(received[0]) >= len(expected) and len(received[1]) >= len(expected))
        time.sleep(0.3)
        assert sorted(received[0]) == expected and sorted(received[1]) == expected
    finally:
        for c in clients:
            c.shutdown()


def test_example_runs(cluster, monkeypatch, capsys):
    config = client_config(cluster)
    monkeypatch.setattr(hazelcast, "ClientConfig", lambda: config)
    runpy.run_path(os.path.join(os.path.dirname(__file__), "..", "..", "examples", "topic_example.py"))
    got, published_by = capsys.readouterr().out.splitlines()
    assert got == "Got message: Hello to distributed world"
    assert published_by == "  published by Member [127.0.0.1]:%d - " % cluster.members[0].port + published_by[-36:]
