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
        events = []
        got_removal = threading.Event()

        def on_event(event):
            events.append(event.event_type)
            if event.key == "c" and event.value is None and event.old_value is not None:
                got_removal.set()  # the last change below

        plain_map = client.get_map("probe-map-" + suffix)
        plain_map.add_entry_listener(include_value=True, added_func=on_event, updated_func=on_event,
                                     removed_func=on_event)
        m = plain_map.blocking()
        out["put"] = shape(m.put("a", "1"))
        out["put_again"] = shape(m.put("a", "2"))
        m.put_all({"b": "3", "c": "4"})
        out["get_all"] = shape(m.get_all(["a", "b", "z"]))
        out["key_set"] = shape(m.key_set())
        out["values"] = shape(m.values())
        out["entry_set"] = shape(m.entry_set())
        out["execute_on_keys"] = shape(m.execute_on_keys(["a", "b"], AppendProcessor("!")))
        out["execute_on_entries"] = shape(m.execute_on_entries(AppendProcessor("?")))
        out["execute_on_key"] = shape(m.execute_on_key("c", AppendProcessor("#")))
        out["remove"] = shape(m.remove("c"))
        got_removal.wait(30)
        out["entry_event_types"] = sorted(set(events))
        out["str_blocking_map"] = str(m).replace(suffix, "<suffix>")
        out["str_map"] = str(plain_map).replace(suffix, "<suffix>")

        lock = client.get_lock("probe-lock-" + suffix).blocking()
        out["lease_not_locked"] = shape(lock.get_remaining_lease_time())
        lock.lock(lease_time=30)
        remaining = lock.get_remaining_lease_time()
        out["lease_unit_is_ms"] = 1000 < remaining <= 30000
        lock.unlock()

        mm = client.get_multi_map("probe-mm-" + suffix).blocking()
        mm.put("k", "v1")
        mm.put("k", "v2")
        out["multi_map_get"] = shape(mm.get("k"))
        out["multi_map_entry_set"] = shape(mm.entry_set())

        queue = client.get_queue("probe-q-" + suffix).blocking()
        queue.add_all(["x", "y"])
        drained = []
        out["drain_to"] = shape(queue.drain_to(drained))
        out["drained"] = shape(drained)

        s = client.get_set("probe-s-" + suffix).blocking()
        s.add_all(["p", "q"])
        out["set_get_all"] = shape(s.get_all())

        rb = client.get_ringbuffer("probe-rb-" + suffix).blocking()
        out["rb_add"] = shape(rb.add("first"))
        out["rb_read_many"] = shape(list(rb.read_many(0, 1, 10)))

        executor = client.get_executor("probe-ex-" + suffix).blocking()
        member = client.cluster.get_member_list()[0]
        where = "%s:%d" % (member.address.host, member.address.port)
        out["execute_on_member"] = executor.execute_on_member(member, EchoTask("hi")) == "hi@" + where
        out["execute_on_members"] = shape(executor.execute_on_members([member], EchoTask("all")))

        messages = []
        got_message = threading.Event()
        topic = client.get_topic("probe-t-" + suffix)
        topic.add_listener(lambda message: (messages.append(message), got_message.set()))
        topic.blocking().publish("hello")
        got_message.wait(30)
        out["publish_time_type"] = type(messages[0].publish_time).__name__ if messages else None
        out["publish_time_is_ms"] = bool(messages) and messages[0].publish_time > 10 ** 12

        items = []
        got_item = threading.Event()
        listened = client.get_list("probe-l-" + suffix)
        listened.add_listener(include_value=True, item_added_func=lambda e: (items.append(e), got_item.set()))
        lst = listened.blocking()
        out["list_add"] = shape(lst.add("i1"))
        lst.add_all(["i2", "i3"])
        out["list_sub_list"] = shape(lst.sub_list(0, 2))
        got_item.wait(30)
        out["item_event"] = [items[0].item, items[0].event_type] if items else None

        existing = []
        client.cluster.add_listener(member_added=existing.append, fire_for_existing=True)
        out["fire_for_existing_before_return"] = len(existing)

        rm = client.get_replicated_map("probe-rm-" + suffix).blocking()
        out["replicated_put"] = shape(rm.put("k", "v"))
        out["replicated_entry_set"] = shape(rm.entry_set())

        counter = client.get_atomic_long("probe-al-" + suffix).blocking()
        out["atomic_add_and_get"] = shape(counter.add_and_get(5))
        semaphore = client.get_semaphore("probe-sem-" + suffix).blocking()
        out["semaphore_init"] = shape(semaphore.init(2))
        out["semaphore_try_acquire"] = shape(semaphore.try_acquire(1))

        transaction = client.new_transaction(timeout=30)
        transaction.begin()
        txn_map = transaction.get_map("probe-txn-" + suffix)
        out["txn_put"] = shape(txn_map.put("k", "v"))
        out["txn_get"] = shape(txn_map.get("k"))
        out["str_txn_map"] = str(txn_map).split("(")[0]
        transaction.commit()

        m2 = client.get_map("probe-m2-" + suffix).blocking()
        m2.put(1, 1.5)
        m2.put(2, 2.5)
        m3 = client.get_map("probe-m3-" + suffix).blocking()
        m3.put("j", hazelcast.core.HazelcastJsonValue('{"age": 3}'))
        out["int_key_float_value"] = shape(m2.get(1))
        out["json_value_type"] = type(m3.get("j")).__name__
        out["json_value_text"] = m3.get("j").to_string()
        view = m2.get_entry_view(1)
        out["entry_view"] = [type(view).__name__, view.key, view.value, type(view.ttl).__name__]
        out["contains_key"] = shape(m2.contains_key(1))
        out["try_put"] = shape(m2.try_put(3, "three", 1))
        out["replace_if_same"] = shape(m2.replace_if_same(3, "three", "THREE"))
        out["evict"] = shape(m2.evict(3))
        out["is_locked"] = shape(m2.is_locked(1))
        out["get_missing"] = shape(m2.get(99))
        out["size"] = shape(m2.size())
        from hazelcast.serialization.predicate import sql
        out["key_set_sql"] = shape(m2.key_set(sql("this > 1")))
        out["put_ttl"] = shape(m2.put(4, "x", ttl=100))
        out["delete"] = shape(m2.delete(4))
        out["set_result"] = shape(m2.set(5, "y"))
        q2 = client.get_queue("probe-q2-" + suffix).blocking()
        out["poll_empty"] = shape(q2.poll())
        out["peek_empty"] = shape(q2.peek())
        out["offer"] = shape(q2.offer("o"))
        out["put_q"] = shape(q2.put("p"))
        out["take"] = shape(q2.take())
        out["remaining_capacity"] = shape(q2.remaining_capacity() > 0)
        out["queue_iterator"] = shape(q2.iterator())
        l2 = client.get_list("probe-l2-" + suffix).blocking()
        l2.add_all(["a", "b", "a"])
        out["list_get"] = shape(l2.get(1))
        out["list_index_of"] = shape(l2.index_of("a"))
        out["list_last_index_of"] = shape(l2.last_index_of("a"))
        out["list_set_at"] = shape(l2.set_at(0, "z"))
        out["list_remove_at"] = shape(l2.remove_at(0))
        out["list_get_all"] = shape(l2.get_all())
        s2 = client.get_set("probe-s2-" + suffix).blocking()
        out["set_add"] = shape(s2.add("e"))
        out["set_add_again"] = shape(s2.add("e"))
        out["set_remove"] = shape(s2.remove("e"))
        rb2 = client.get_ringbuffer("probe-rb2-" + suffix).blocking()
        out["rb_capacity"] = shape(rb2.capacity())
        out["rb_add_all"] = shape(rb2.add_all(["a", "b"]))
        out["rb_read_one"] = shape(rb2.read_one(1))
        out["rb_sizes"] = shape([rb2.size(), rb2.head_sequence(), rb2.tail_sequence()])
        latch = client.get_count_down_latch("probe-cdl-" + suffix).blocking()
        out["latch_try_set_count"] = shape(latch.try_set_count(1))
        out["latch_count_down"] = shape(latch.count_down())
        out["latch_get_count"] = shape(latch.get_count())
        out["id_generator"] = shape(type(client.get_id_generator("probe-id-" + suffix).blocking().new_id()).__name__)
        out["flake_id"] = shape(type(client.get_flake_id_generator("probe-fid-" + suffix).blocking().new_id()).__name__)
        pn = client.get_pn_counter("probe-pn-" + suffix).blocking()
        out["pn_add_and_get"] = shape(pn.add_and_get(3))
        ref = client.get_atomic_reference("probe-ar-" + suffix).blocking()
        out["ref_get_empty"] = shape(ref.get())
        out["ref_set"] = shape(ref.set("r"))
        out["ref_get_and_set"] = shape(ref.get_and_set("s"))
        out["ref_compare_and_set"] = shape(ref.compare_and_set("s", "t"))
        out["ref_is_null"] = shape(ref.is_null())
        out["al_get_and_increment"] = shape(counter.get_and_increment())
        out["al_compare_and_set"] = shape(counter.compare_and_set(6, 7))
        mm2 = client.get_multi_map("probe-mm2-" + suffix).blocking()
        out["mm_put"] = shape(mm2.put("k", "v"))
        out["mm_put_dup"] = shape(mm2.put("k", "v"))
        out["mm_value_count"] = shape(mm2.value_count("k"))
        out["mm_remove_all"] = shape(mm2.remove_all("k"))
        out["mm_key_set"] = shape(mm2.key_set())

        out["get_all_empty"] = shape(m2.get_all([]))
        out["execute_on_keys_empty"] = shape(m2.execute_on_keys([], AppendProcessor("!")))
        out["entry_set_sql"] = shape(m2.entry_set(sql("this > 1")))
        out["values_sql"] = shape(m2.values(sql("this > 1")))
        out["execute_on_all_members"] = len(executor.execute_on_all_members(EchoTask("x")))
        out["execute_on_key_owner"] = executor.execute_on_key_owner("k", EchoTask("o")) == "o@" + where
        keyed = []
        got_keyed = threading.Event()
        plain_m4 = client.get_map("probe-m4-" + suffix)
        plain_m4.add_entry_listener(key="watched", include_value=True,
                                    added_func=lambda e: (keyed.append(e), got_keyed.set()))
        plain_m4.blocking().put("other", 1)
        plain_m4.blocking().put("watched", 2)
        got_keyed.wait(30)
        if keyed:
            event = keyed[0]
            out["keyed_event"] = [event.key, event.value, event.old_value, event.event_type,
                                  event.number_of_affected_entries, type(event.uuid).__name__]
        mm_events = []
        got_mm = threading.Event()
        plain_mm3 = client.get_multi_map("probe-mm3-" + suffix)
        plain_mm3.add_entry_listener(include_value=True,
                                     added_func=lambda e: (mm_events.append(e), got_mm.set()))
        plain_mm3.blocking().put("k", "v")
        got_mm.wait(30)
        if mm_events:
            out["multi_map_event"] = [mm_events[0].key, mm_events[0].value, mm_events[0].event_type]
        rm_events = []
        got_rm = threading.Event()
        plain_rm2 = client.get_replicated_map("probe-rm2-" + suffix)
        plain_rm2.add_entry_listener(added_func=lambda e: (rm_events.append(e), got_rm.set()))
        plain_rm2.blocking().put("k", "v")
        got_rm.wait(30)
        if rm_events:
            out["replicated_map_event"] = [rm_events[0].key, rm_events[0].value, rm_events[0].event_type]
        if messages:
            out["topic_message"] = [messages[0].message, type(messages[0].member).__name__]
        if items:
            out["item_event_member"] = type(items[0].member).__name__

        errors = {}
        try:
            client.get_lock("probe-unheld-" + suffix).blocking().unlock()
        except Exception as e:
            errors["unlock_unheld"] = type(e).__name__
        try:
            hazelcast.core.HazelcastJsonValue(object())
        except Exception as e:
            errors["json_unencodable"] = type(e).__name__
        out["errors"] = errors
    finally:
        client.shutdown()
    out["lifecycle_states"] = states
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:5])
