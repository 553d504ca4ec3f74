"""MultiMap: several values per key, a key lock, an entry listener (manual 7.4.2)."""
import hazelcast


def main(client):
    roles = client.get_multi_map("roles").blocking()
    roles.add_entry_listener(include_value=True,
                             added_func=lambda event: print("added:", event.key, event.value),
                             removed_func=lambda event: print("removed:", event.key, event.old_value))

    roles.put("alice", "admin")
    roles.put("alice", "dev")
    roles.put("bob", "dev")
    print("alice:", sorted(roles.get("alice")), "count:", roles.value_count("alice"))

    roles.lock("alice")  # other threads (and clients) wait until this thread unlocks
    try:
        roles.remove("alice", "admin")
    finally:
        roles.unlock("alice")
    print("entries:", sorted(roles.entry_set()))
    roles.clear()


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
