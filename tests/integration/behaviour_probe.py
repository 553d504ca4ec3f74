"""Calls written against the 3.12.3 API, printing what they answered as JSON.

tests/integration/test_official_behaviour.py runs this file twice against the same
member: with the official hazelcast-python-client 3.12.3 (its virtualenv's python)
and with this checkout; the two outputs must be equal. Standard library and the
``hazelcast`` package only: it must run under both clients. Its task and entry
processor classes are also those of test_migrating_app.py.

    python behaviour_probe.py HOST:PORT GROUP PASSWORD NAME_SUFFIX
"""
import json
import sys
import threading


def _alias_collections_abcs() -> None:
    # 3.12.3 imports the ABCs from ``collections`` (removed in Python 3.10)
    import collections
    import collections.abc
    for abc_name in collections.abc.__all__:
        if not hasattr(collections, abc_name):
            setattr(collections, abc_name, getattr(collections.abc, abc_name))


if __name__ == "__main__" and sys.version_info >= (3, 10):
    _alias_collections_abcs()  # before 3.12.3 is imported; only when run as the probe

from hazelcast.serialization.api import IdentifiedDataSerializable  # noqa: E402


class UtfArgument(IdentifiedDataSerializable):
    """A user's IdentifiedDataSerializable with one UTF field, the twin of a Java class."""

    FACTORY_ID = CLASS_ID = 0

    def __init__(self, argument=None):
        self.argument = argument

    def write_data(self, object_data_output):
        object_data_output.write_utf(self.argument)

    def read_data(self, object_data_input):
        self.argument = object_data_input.read_utf()

    def get_factory_id(self):
        return self.FACTORY_ID

    def get_class_id(self):
        return self.CLASS_ID


class EchoTask(UtfArgument):
    """com.hzpy.test.functions.EchoTask: answers argument@host:port of its member."""
    FACTORY_ID, CLASS_ID = 2002, 1


class AppendProcessor(UtfArgument):
    """com.hzpy.test.map.AppendEntryProcessor: appends its argument to the value."""
    FACTORY_ID, CLASS_ID = 5, 2


def shape(value):
    """Type and value, order-insensitive for the collections whose order the cluster picks.
    Any sequence but a tuple counts as a list (3.12.3 answers lazy Sequence types)."""
    from collections.abc import Sequence
    if isinstance(value, tuple):
        return ["tuple", [shape(v) for v in value]]
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return ["list", sorted((shape(v) for v in value), key=repr)]
    if isinstance(value, dict):
        return ["dict", sorted(([shape(k), shape(v)] for k, v in value.items()), key=repr)]
    if isinstance(value, (bool, int, float, str)) or value is None:
        return [type(value).__name__, value]
    return [type(value).__name__]


def first_event(register, trigger, timeout=30.0):
    """``register(callback)``, then ``trigger()``: the first event the callback got, or None."""
    got = []
    arrived = threading.Event()
    register(lambda event: (got.append(event), arrived.set()))
    trigger()
    arrived.wait(timeout)
    return got[0] if got else None


def probe_map(client, name, out):
    events = []
    removed = threading.Event()

    def on_event(event):
        events.append(event.event_type)
        if event.key == "c" and event.value is None and event.old_value is not None:
            removed.set()  # the last change below

    plain = client.get_map(name)
    plain.add_entry_listener(include_value=True, added_func=on_event, updated_func=on_event,
                             removed_func=on_event)
    m = plain.blocking()
    out["put"] = shape(m.put("a", "1"))
    out["put_again"] = shape(m.put("a", "2"))
    m.put_all({"b": "3", "c": "4"})
    out["get_all"] = shape(m.get_all(["a", "b", "z"]))
    out["get_all_empty"] = shape(m.get_all([]))
    out["key_set"] = shape(m.key_set())
    out["values"] = shape(m.values())
    out["entry_set"] = shape(m.entry_set())
    out["execute_on_keys"] = shape(m.execute_on_keys(["a", "b"], AppendProcessor("!")))
    out["execute_on_keys_empty"] = shape(m.execute_on_keys([], AppendProcessor("!")))
    out["execute_on_entries"] = shape(m.execute_on_entries(AppendProcessor("?")))
    out["execute_on_key"] = shape(m.execute_on_key("c", AppendProcessor("#")))
    out["remove"] = shape(m.remove("c"))
    removed.wait(30)
    out["entry_event_types"] = sorted(set(events))
    out["str_blocking_map"] = str(m).replace(name, "<name>")
    out["str_map"] = str(plain).replace(name, "<name>")


def probe_map_details(client, name, out):
    import hazelcast
    from hazelcast.serialization.predicate import sql

    m = client.get_map(name).blocking()
    m.put(1, 1.5)
    m.put(2, 2.5)
    out["int_key_float_value"] = shape(m.get(1))
    view = m.get_entry_view(1)
    out["entry_view"] = [type(view).__name__, view.key, view.value, type(view.ttl).__name__]
    out["contains_key"] = shape(m.contains_key(1))
    out["try_put"] = shape(m.try_put(3, "three", 1))
    out["replace_if_same"] = shape(m.replace_if_same(3, "three", "THREE"))
    out["evict"] = shape(m.evict(3))
    out["is_locked"] = shape(m.is_locked(1))
    out["get_missing"] = shape(m.get(99))
    out["size"] = shape(m.size())
    out["key_set_sql"] = shape(m.key_set(sql("this > 1")))
    out["entry_set_sql"] = shape(m.entry_set(sql("this > 1")))
    out["values_sql"] = shape(m.values(sql("this > 1")))
    out["put_ttl"] = shape(m.put(4, "x", ttl=100))
    out["delete"] = shape(m.delete(4))
    out["set_result"] = shape(m.set(5, "y"))
    json_map = client.get_map(name + "-json").blocking()
    json_map.put("j", hazelcast.core.HazelcastJsonValue('{"age": 3}'))
    out["json_value_type"] = type(json_map.get("j")).__name__
    out["json_value_text"] = json_map.get("j").to_string()


def probe_events(client, name, out):
    keyed_map = client.get_map(name + "-keyed")
    event = first_event(lambda f: keyed_map.add_entry_listener(key="watched", include_value=True, added_func=f),
                        lambda: (keyed_map.blocking().put("other", 1), keyed_map.blocking().put("watched", 2)))
    if event is not None:
        out["keyed_event"] = [event.key, event.value, event.old_value, event.event_type,
                              event.number_of_affected_entries, type(event.uuid).__name__]
    multi_map = client.get_multi_map(name + "-mm")
    event = first_event(lambda f: multi_map.add_entry_listener(include_value=True, added_func=f),
                        lambda: multi_map.blocking().put("k", "v"))
    if event is not None:
        out["multi_map_event"] = [event.key, event.value, event.event_type]
    replicated = client.get_replicated_map(name + "-rm")
    event = first_event(lambda f: replicated.add_entry_listener(added_func=f),
                        lambda: replicated.blocking().put("k", "v"))
    if event is not None:
        out["replicated_map_event"] = [event.key, event.value, event.event_type]
    listened = client.get_list(name + "-list")
    event = first_event(lambda f: listened.add_listener(include_value=True, item_added_func=f),
                        lambda: listened.blocking().add("i1"))
    if event is not None:
        out["item_event"] = [event.item, event.event_type, type(event.member).__name__]
    topic = client.get_topic(name + "-topic")
    message = first_event(topic.add_listener, lambda: topic.blocking().publish("hello"))
    if message is not None:
        out["topic_message"] = [message.message, type(message.member).__name__,
                                type(message.publish_time).__name__, message.publish_time > 10 ** 12]
    existing = []
    client.cluster.add_listener(member_added=existing.append, fire_for_existing=True)
    out["fire_for_existing_before_return"] = len(existing)


def probe_collections(client, name, out):
    mm = client.get_multi_map(name + "-mm").blocking()
    out["mm_put"] = shape(mm.put("k", "v1"))
    out["mm_put_dup"] = shape(mm.put("k", "v1"))
    mm.put("k", "v2")
    out["multi_map_get"] = shape(mm.get("k"))
    out["multi_map_entry_set"] = shape(mm.entry_set())
    out["mm_value_count"] = shape(mm.value_count("k"))
    out["mm_remove_all"] = shape(mm.remove_all("k"))
    out["mm_key_set"] = shape(mm.key_set())
    queue = client.get_queue(name + "-q").blocking()
    out["poll_empty"] = shape(queue.poll())
    out["peek_empty"] = shape(queue.peek())
    out["offer"] = shape(queue.offer("o"))
    out["put_q"] = shape(queue.put("p"))
    out["take"] = shape(queue.take())
    out["remaining_capacity"] = shape(queue.remaining_capacity() > 0)
    out["queue_iterator"] = shape(queue.iterator())
    queue.add_all(["x", "y"])
    drained = []
    out["drain_to"] = shape(queue.drain_to(drained))
    out["drained"] = shape(drained)
    lst = client.get_list(name + "-list").blocking()
    out["list_add"] = shape(lst.add("a"))
    lst.add_all(["b", "a"])
    out["list_sub_list"] = shape(lst.sub_list(0, 2))
    out["list_get"] = shape(lst.get(1))
    out["list_index_of"] = shape(lst.index_of("a"))
    out["list_last_index_of"] = shape(lst.last_index_of("a"))
    out["list_set_at"] = shape(lst.set_at(0, "z"))
    out["list_remove_at"] = shape(lst.remove_at(0))
    out["list_get_all"] = shape(lst.get_all())
    s = client.get_set(name + "-set").blocking()
    out["set_add"] = shape(s.add("e"))
    out["set_add_again"] = shape(s.add("e"))
    s.add_all(["p", "q"])
    out["set_get_all"] = shape(s.get_all())
    out["set_remove"] = shape(s.remove("e"))
    rm = client.get_replicated_map(name + "-rm").blocking()
    out["replicated_put"] = shape(rm.put("k", "v"))
    out["replicated_entry_set"] = shape(rm.entry_set())
    rb = client.get_ringbuffer(name + "-rb").blocking()
    out["rb_capacity"] = shape(rb.capacity())
    out["rb_add"] = shape(rb.add("first"))
    out["rb_add_all"] = shape(rb.add_all(["a", "b"]))
    out["rb_read_one"] = shape(rb.read_one(1))
    out["rb_read_many"] = shape(list(rb.read_many(0, 1, 10)))
    out["rb_sizes"] = shape([rb.size(), rb.head_sequence(), rb.tail_sequence()])


def probe_concurrency(client, name, out):
    lock = client.get_lock(name + "-lock").blocking()
    out["lease_not_locked"] = shape(lock.get_remaining_lease_time())
    lock.lock(lease_time=30)
    out["lease_unit_is_ms"] = 1000 < lock.get_remaining_lease_time() <= 30000
    lock.unlock()
    counter = client.get_atomic_long(name + "-al").blocking()
    out["atomic_add_and_get"] = shape(counter.add_and_get(5))
    out["al_get_and_increment"] = shape(counter.get_and_increment())
    out["al_compare_and_set"] = shape(counter.compare_and_set(6, 7))
    ref = client.get_atomic_reference(name + "-ar").blocking()
    out["ref_get_empty"] = shape(ref.get())
    out["ref_set"] = shape(ref.set("r"))
    out["ref_get_and_set"] = shape(ref.get_and_set("s"))
    out["ref_compare_and_set"] = shape(ref.compare_and_set("s", "t"))
    out["ref_is_null"] = shape(ref.is_null())
    semaphore = client.get_semaphore(name + "-sem").blocking()
    out["semaphore_init"] = shape(semaphore.init(2))
    out["semaphore_try_acquire"] = shape(semaphore.try_acquire(1))
    latch = client.get_count_down_latch(name + "-cdl").blocking()
    out["latch_try_set_count"] = shape(latch.try_set_count(1))
    out["latch_count_down"] = shape(latch.count_down())
    out["latch_get_count"] = shape(latch.get_count())
    out["id_generator"] = type(client.get_id_generator(name + "-id").blocking().new_id()).__name__
    out["flake_id"] = type(client.get_flake_id_generator(name + "-fid").blocking().new_id()).__name__
    out["pn_add_and_get"] = shape(client.get_pn_counter(name + "-pn").blocking().add_and_get(3))
    executor = client.get_executor(name + "-ex").blocking()
    member = client.cluster.get_member_list()[0]
    where = "%s:%d" % (member.address.host, member.address.port)
    out["execute_on_member"] = executor.execute_on_member(member, EchoTask("hi")) == "hi@" + where
    out["execute_on_members"] = shape(executor.execute_on_members([member], EchoTask("all")))
    out["execute_on_all_members"] = len(executor.execute_on_all_members(EchoTask("x")))
    out["execute_on_key_owner"] = executor.execute_on_key_owner("k", EchoTask("o")) == "o@" + where
    transaction = client.new_transaction(timeout=30)
    transaction.begin()
    txn_map = transaction.get_map(name + "-txn")
    out["txn_put"] = shape(txn_map.put("k", "v"))
    out["txn_get"] = shape(txn_map.get("k"))
    out["str_txn_map"] = str(txn_map).split("(")[0]
    transaction.commit()


def probe_errors(client, name, out):
    import hazelcast
    errors = {}
    try:
        client.get_lock(name + "-unheld").blocking().unlock()
    except Exception as e:
        errors["unlock_unheld"] = type(e).__name__
    try:
        hazelcast.core.HazelcastJsonValue(object())
    except Exception as e:
        errors["json_unencodable"] = type(e).__name__
    out["errors"] = errors


def main(address, group, password, suffix):
    import hazelcast

    states = []
    members_seen = []
    config = hazelcast.ClientConfig()
    config.group_config.name = group
    config.group_config.password = password
    config.network_config.addresses.append(address)
    config.add_lifecycle_listener(states.append)
    config.add_membership_listener(member_added=members_seen.append)
    client = hazelcast.HazelcastClient(config)
    out = {"members_seen_by_constructor": len(members_seen)}
    try:
        name = "probe-" + suffix
        for probe in (probe_map, probe_map_details, probe_events, probe_collections, probe_concurrency,
                      probe_errors):
            probe(client, name + "-" + probe.__name__, out)
    finally:
        client.shutdown()
    out["lifecycle_states"] = states
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:5])
