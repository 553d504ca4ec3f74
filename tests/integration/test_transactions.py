"""Transactions (manual 7.4.12) against real members: what a user of a transaction and a
second client see."""
import contextlib
import importlib.util
import io
import os
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import (HazelcastTimeoutError, IllegalArgumentError, IllegalStateError,
                              TargetDisconnectedError, TransactionError, TransactionNotActiveError,
                              TransactionTimedOutError)
from hazelcast.serialization import predicate
from hazelcast.transaction import ONE_PHASE, TWO_PHASE, TransactionState
from tests.support.manual import doc_python_blocks, run_blocks
from tests.integration.client_helpers import client_config
from tests.support import manual


def _config(addresses):
    return client_config(addresses=["%s:%d" % address for address in addresses])


@pytest.fixture(scope="module")
def clients(cluster):
    """Two clients of the session member: one runs transactions, the other looks on."""
    address = cluster.members[0].address
    first = hazelcast.HazelcastClient(_config([address]))
    second = hazelcast.HazelcastClient(_config([address]))
    yield first, second
    first.shutdown()
    second.shutdown()


@pytest.fixture
def client(clients):
    return clients[0]


@pytest.fixture
def observer(clients):
    return clients[1]


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def look(client, read):
    """What ``read(transaction)`` returns in a fresh read-only transaction of ``client``."""
    transaction = client.new_transaction()
    transaction.begin()
    try:
        return read(transaction)
    finally:
        transaction.rollback()


# --- the manual ---------------------------------------------------------------------------------

def test_manual_sample_runs_as_written(client, observer):
    (sample,) = manual.python_blocks("### 7.4.12. Using Transactions", "### 7.4.13.")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(sample, "manual-7.4.12", "exec"), {"client": client})
    assert out.getvalue() == ""  # the except branch ("Transaction failed! ...") did not run
    assert observer.get_map("transactional-map").blocking().get("1") == "value1"
    assert look(observer, lambda t: t.get_set("transactional-set").size()) == 1
    observer.get_map("transactional-map").blocking().delete("1")
    with observer.new_transaction() as transaction:  # leave the sample's names as they were
        transaction.get_set("transactional-set").remove("value")


def test_example_runs(client):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                        "transaction_example.py")
    spec = importlib.util.spec_from_file_location("transaction_example", path)
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            example.main(client)
    finally:
        client.get_map("accounts").destroy()
        client.get_map("processed").destroy()
    assert out.getvalue().splitlines() == [
        "transfer 30 alice -> bob: True",
        "transfer 500 bob -> alice: False",
        "balances: [('alice', 70), ('bob', 50)]",
        "rolled back: the process crashed half-way",
        "processed: done",
    ]
    assert look(client, lambda t: t.get_queue("orders").size()) == 0


def test_docs_samples_run_in_order(client):
    try:
        printed = run_blocks(doc_python_blocks("transactions.md"), {"client": client}, "docs/transactions.md")
        assert printed.splitlines() == ["COMMITTED", "50", "1", "['alice']", "2", "order-1"]
    finally:
        client.get_map("accounts").destroy()
        with client.new_transaction() as transaction:
            transaction.get_multi_map("tags").remove_all("order-1")
            transaction.get_queue("orders").poll()


# --- commit, rollback, isolation ------------------------------------------------------------------

def test_commit_is_seen_by_another_client_all_at_once(client, observer):
    name, queue_name = unique("map"), unique("queue")
    seen = observer.get_map(name).blocking()
    transaction = client.new_transaction(timeout=30)
    transaction.begin()
    assert transaction.state == TransactionState.ACTIVE and transaction.id
    txn_map = transaction.get_map(name)
    for i in range(10):
        txn_map.put("k%d" % i, i)
    transaction.get_queue(queue_name).offer("item")
    assert txn_map.get("k3") == 3 and txn_map.size() == 10  # the transaction sees its own changes

    assert seen.size() == 0 and seen.entry_set() == []  # nobody else does
    assert look(observer, lambda t: t.get_queue(queue_name).size()) == 0

    transaction.commit()
    assert transaction.state == TransactionState.COMMITTED
    assert seen.size() == 10
    assert sorted(seen.values()) == list(range(10))
    assert look(observer, lambda t: t.get_queue(queue_name).poll()) == "item"


def test_rollback_leaves_nothing(client, observer):
    name, list_name = unique("map"), unique("list")
    observer.get_map(name).blocking().put("kept", "before")
    transaction = client.new_transaction()
    transaction.begin()
    txn_map = transaction.get_map(name)
    assert txn_map.put("kept", "changed") == "before"
    txn_map.put("new", "value")
    transaction.get_list(list_name).add("x")
    transaction.rollback()
    assert transaction.state == TransactionState.ROLLED_BACK
    seen = observer.get_map(name).blocking()
    assert seen.get("kept") == "before" and seen.get("new") is None and seen.size() == 1
    assert look(observer, lambda t: t.get_list(list_name).size()) == 0


def test_with_block_commits_on_success_and_rolls_back_on_error(client, observer):
    name = unique("map")
    seen = observer.get_map(name).blocking()
    with client.new_transaction() as transaction:
        transaction.get_map(name).put("a", 1)
    assert transaction.state == TransactionState.COMMITTED and seen.get("a") == 1

    with pytest.raises(KeyError):
        with client.new_transaction() as transaction:
            transaction.get_map(name).put("a", 2)
            raise KeyError("boom")
    assert transaction.state == TransactionState.ROLLED_BACK and seen.get("a") == 1

    began = client.new_transaction()
    began.begin()
    with began as same:  # an already begun transaction is committed by the block too
        same.get_map(name).put("b", 3)
    assert began.state == TransactionState.COMMITTED and seen.get("b") == 3


def test_writes_lock_their_key_until_the_transaction_ends(client, observer):
    name = unique("map")
    seen = observer.get_map(name)
    seen.blocking().put("k", "old")
    transaction = client.new_transaction()
    transaction.begin()
    assert transaction.get_map(name).get_for_update("k") == "old"
    blocked = seen.put("k", "other")
    with pytest.raises(HazelcastTimeoutError):
        blocked.result(timeout=0.5)  # the lock held by the transaction keeps it waiting
    transaction.get_map(name).put("k", "mine")
    transaction.commit()
    assert blocked.result(timeout=10) == "mine"  # ran after the commit, on top of it
    assert seen.blocking().get("k") == "other"


def test_types_and_durability(client, observer):
    name = unique("map")
    for i, (kind, durability) in enumerate([(ONE_PHASE, 0), (TWO_PHASE, 0), (TWO_PHASE, 2), (ONE_PHASE, 1)]):
        transaction = client.new_transaction(timeout=5, durability=durability, type=kind)
        assert (transaction.transaction_type, transaction.durability, transaction.timeout) == (kind, durability, 5)
        with transaction:
            transaction.get_map(name).set(i, kind)
    assert observer.get_map(name).blocking().size() == 4


# --- timeout ------------------------------------------------------------------------------------

def test_commit_after_the_timeout_fails_and_changes_nothing(client, observer):
    name = unique("map")
    transaction = client.new_transaction(timeout=1)
    transaction.begin()
    transaction.get_map(name).put("k", "v")
    time.sleep(1.2)
    with pytest.raises(TransactionTimedOutError, match="timed out"):
        transaction.commit()
    assert transaction.state == TransactionState.COMMIT_FAILED
    transaction.rollback()  # releases the key's lock
    assert observer.get_map(name).blocking().get("k") is None
    with client.new_transaction(timeout=5) as again:
        again.get_map(name).put("k", "again")
    assert observer.get_map(name).blocking().get("k") == "again"


# --- rules: threads, states, arguments -------------------------------------------------------------

def test_one_transaction_per_thread_and_only_on_its_thread(client):
    name = unique("map")
    first = client.new_transaction()
    first.begin()
    second = client.new_transaction()
    with pytest.raises(IllegalStateError, match="nested transactions are not allowed"):
        second.begin()
    assert second.state == TransactionState.NO_TXN
    txn_map = first.get_map(name)

    errors, ran = [], []

    def other_thread():
        for call in (lambda: txn_map.put("k", "v"), first.commit, first.rollback, lambda: first.get_map(name)):
            try:
                call()
            except IllegalStateError as e:
                errors.append(str(e))
        with client.new_transaction() as own:  # a thread of its own may run its own transaction
            ran.append(own.get_map(name).size())

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join(30)
    assert len(errors) == 4 and all("can't span threads" in e for e in errors)
    assert ran == [0]
    assert first.state == TransactionState.ACTIVE
    first.commit()
    second.begin()  # the thread is free again
    second.rollback()


def test_a_finished_transaction_cannot_be_used(client):
    transaction = client.new_transaction()
    with pytest.raises(TransactionNotActiveError, match="call begin"):
        transaction.get_map("m")
    with pytest.raises(TransactionNotActiveError, match="NO_TXN"):
        transaction.commit()
    with pytest.raises(TransactionNotActiveError, match="NO_TXN"):
        transaction.rollback()
    transaction.begin()
    txn_map = transaction.get_map("m")
    transaction.commit()
    with pytest.raises(TransactionNotActiveError, match="COMMITTED: TransactionalMap.put needs an ACTIVE"):
        txn_map.put("k", "v")
    for call in (transaction.commit, transaction.rollback):
        with pytest.raises(TransactionNotActiveError, match="COMMITTED"):
            call()
    with pytest.raises(IllegalStateError, match="begins only once"):
        transaction.begin()
    with pytest.raises(TransactionNotActiveError):
        with transaction:
            pass

    rolled = client.new_transaction()
    rolled.begin()
    rolled.rollback()
    with pytest.raises(TransactionNotActiveError, match="ROLLED_BACK"):
        rolled.rollback()
    with pytest.raises(TransactionNotActiveError, match="ROLLED_BACK"):
        rolled.get_queue("q")


@pytest.mark.parametrize("kwargs, message", [
    ({"timeout": 0}, "timeout must be a number of seconds > 0, got 0"),
    ({"timeout": -5}, "timeout must be a number of seconds > 0, got -5"),
    ({"timeout": "10"}, "timeout must be a number"),
    ({"timeout": float("inf")}, "timeout must be a number"),
    ({"durability": -1}, "durability must be an int >= 0"),
    ({"durability": 1.5}, "durability must be an int >= 0"),
    ({"type": 3}, "TWO_PHASE \\(1\\) or ONE_PHASE \\(2\\)"),
    ({"type": True}, "TWO_PHASE \\(1\\) or ONE_PHASE \\(2\\)"),
])
def test_bad_transaction_options_are_refused(client, kwargs, message):
    with pytest.raises(IllegalArgumentError, match=message):
        client.new_transaction(**kwargs)


def test_bad_arguments_are_refused(client):
    with client.new_transaction() as transaction:
        with pytest.raises(IllegalArgumentError, match="non-empty str"):
            transaction.get_map("")
        with pytest.raises(IllegalArgumentError, match="non-empty str"):
            transaction.get_queue(None)
        txn_map = transaction.get_map(unique("map"))
        with pytest.raises(IllegalArgumentError, match="key can't be None"):
            txn_map.put(None, 1)
        with pytest.raises(IllegalArgumentError, match="value can't be None"):
            txn_map.set("k", None)
        with pytest.raises(IllegalArgumentError, match="ttl must be a number"):
            txn_map.put("k", 1, ttl="1")
        with pytest.raises(IllegalArgumentError, match="PagingPredicate can't be used"):
            txn_map.key_set(predicate.PagingPredicate(predicate.sql("this > 1"), 2))
        queue = transaction.get_queue(unique("queue"))
        with pytest.raises(IllegalArgumentError, match="timeout must be a number of seconds >= 0, got -1"):
            queue.poll(-1)
        with pytest.raises(IllegalArgumentError, match="item can't be None"):
            queue.offer(None)
        assert transaction.get_map(txn_map.name) is txn_map  # one proxy per name


# --- each structure's operations -------------------------------------------------------------------

def test_map_operations(client, observer):
    name = unique("map")
    observer.get_map(name).blocking().put_all({"a": 1, "b": 2, "r": 5, "x": 0, "p": 7})
    with client.new_transaction() as transaction:
        m = transaction.get_map(name)
        assert (m.contains_key("a"), m.contains_key("zz"), m.is_empty(), m.size()) == (True, False, False, 5)
        assert m.get("a") == 1 and m.get_for_update("b") == 2 and m.get("zz") is None
        assert m.put("c", 3) is None and m.put("c", 4) == 3
        assert m.set("d", 5) is None and m.get("d") == 5
        assert m.put_if_absent("d", 6) == 5 and m.put_if_absent("e", 7) is None
        assert m.replace("p", 8) == 7 and m.replace("nope", 1) is None and not m.contains_key("nope")
        assert m.replace_if_same("a", 1, 10) is True and m.get("a") == 10
        assert m.replace_if_same("a", 1, 11) is False
        assert m.remove("x") == 0 and m.remove("x") is None
        assert m.remove_if_same("r", 6) is False and m.remove_if_same("r", 5) is True
        assert m.delete("b") is None and m.get("b") is None
        assert sorted(m.key_set()) == ["a", "c", "d", "e", "p"] and sorted(m.values()) == [4, 5, 7, 8, 10]
        assert sorted(m.key_set(predicate.sql("this > 6"))) == ["a", "e", "p"]
        assert sorted(m.values(predicate.is_less_than("this", 6))) == [4, 5]
        assert m.size() == 5
    assert dict(observer.get_map(name).blocking().entry_set()) == {"a": 10, "c": 4, "d": 5, "e": 7, "p": 8}


def test_map_put_ttl(client, observer):
    name = unique("map")
    with client.new_transaction() as transaction:
        transaction.get_map(name).put("short", "v", ttl=1)
        transaction.get_map(name).put("long", "v")
    seen = observer.get_map(name).blocking()
    assert seen.get("short") == "v"
    deadline = time.monotonic() + 10
    while seen.get("short") is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert seen.get("short") is None and seen.get("long") == "v"


def test_multi_map_operations(client, observer):
    name = unique("multimap")
    with client.new_transaction() as transaction:
        mm = transaction.get_multi_map(name)
        assert mm.put("k", 1) and mm.put("k", 2) and mm.put("k", 3) and mm.put("j", 1)
        assert sorted(mm.get("k")) == [1, 2, 3] and mm.get("none") == []
        assert mm.value_count("k") == 3 and mm.size() == 4
        assert mm.remove("k", 2) is True and mm.remove("k", 99) is False
        assert sorted(mm.remove_all("j")) == [1] and mm.remove_all("j") == []
    assert look(observer, lambda t: (sorted(t.get_multi_map(name).get("k")), t.get_multi_map(name).size())) \
        == ([1, 3], 2)


def test_queue_operations(client, observer):
    name = unique("queue")
    with client.new_transaction() as transaction:
        q = transaction.get_queue(name)
        assert q.poll() is None and q.peek() is None
        started = time.monotonic()
        assert q.poll(timeout=0.3) is None
        assert time.monotonic() - started >= 0.25
        assert q.offer("a") and q.offer("b", timeout=1) and q.offer("c")
        assert q.size() == 3 and q.peek() == "a" and q.peek(timeout=0.1) == "a"
    with client.new_transaction() as transaction:
        q = transaction.get_queue(name)
        assert q.take() == "a" and q.poll() == "b" and q.size() == 1
    transaction = client.new_transaction()
    transaction.begin()
    assert transaction.get_queue(name).poll() == "c"
    assert look(observer, lambda t: t.get_queue(name).size()) == 0  # reserved by the transaction
    transaction.rollback()  # so it goes back
    assert look(observer, lambda t: t.get_queue(name).poll()) == "c"


def test_list_and_set_operations(client, observer):
    list_name, set_name = unique("list"), unique("set")
    with client.new_transaction() as transaction:
        lst, st = transaction.get_list(list_name), transaction.get_set(set_name)
        assert lst.add("x") and lst.add("x") and lst.add("y") and lst.size() == 3
        assert st.add("x") is True and st.add("x") is False and st.add("y") and st.size() == 2
    with client.new_transaction() as transaction:  # removing what this transaction added: see the docs
        lst, st = transaction.get_list(list_name), transaction.get_set(set_name)
        assert lst.remove("x") is True and lst.remove("zz") is False and lst.size() == 2
        assert st.remove("y") is True and st.remove("y") is False and st.size() == 1
    assert look(observer, lambda t: (t.get_list(list_name).size(), t.get_set(set_name).size())) == (2, 1)


# --- the transaction's member dies ---------------------------------------------------------------

def test_losing_the_member_fails_the_transaction_and_applies_nothing(cluster_factory):
    members = cluster_factory(3)
    client = hazelcast.HazelcastClient(_config([m.address for m in members.members]))
    try:
        name, queue_name = unique("map"), unique("queue")
        before = {"k%d" % i: "before" for i in range(20)}
        with client.new_transaction() as setup:  # no partition table needed: the member routes it
            for key, value in before.items():
                setup.get_map(name).set(key, value)
        owner = client.connection_manager.owner_connection.member_address
        for _ in range(50):  # not on the owner member: losing the owner is another test's subject
            transaction = client.new_transaction(timeout=6)
            transaction.begin()
            if transaction.member_address != owner:
                break
            transaction.rollback()
        txn_map = transaction.get_map(name)
        for key in before:
            txn_map.put(key, "during")
        txn_map.put("new", "during")
        transaction.get_queue(queue_name).offer("during")

        bound = transaction.member_address
        (victim,) = [m for m in members.members if m.port == bound.port]
        survivors = [m for m in members.members if m is not victim]
        victim.terminate()
        with pytest.raises(TransactionError, match="closed during") as failure:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:  # until the client sees the connection close
                txn_map.get("k0")
                time.sleep(0.05)
        assert isinstance(failure.value.cause, TargetDisconnectedError)
        with client.new_transaction(timeout=10) as again:  # a lost transaction doesn't hold the thread
            again.get_map(name).put("after", "ok")
        with pytest.raises(TransactionError, match="closed during commit"):
            transaction.commit()
        transaction.rollback()  # nothing to send: the member is gone
        assert transaction.state == TransactionState.ROLLED_BACK

        members.wait_for_size(2, members=survivors)
        observer = hazelcast.HazelcastClient(_config([m.address for m in survivors]))
        try:
            seen = observer.get_map(name).blocking()
            assert dict(seen.entry_set()) == dict(before, after="ok")
            assert look(observer, lambda t: t.get_queue(queue_name).size()) == 0
            # keys it locked on the surviving members stay locked until its timeout has passed
            puts = [observer.get_map(name).put(key, "after") for key in before]
            assert [put.result(timeout=30) for put in puts] == ["before"] * len(before)
        finally:
            observer.shutdown()
        assert look(client, lambda t: t.get_map(name).get("after")) == "ok"
    finally:
        client.shutdown()
