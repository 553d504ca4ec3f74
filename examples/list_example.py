"""List: ordered, duplicates allowed, positional methods, an item listener (manual 7.4.6)."""
import hazelcast


def main(client):
    steps = client.get_list("steps").blocking()
    steps.add_listener(include_value=True, item_added_func=lambda event: print("added:", event.item))

    steps.add_all(["fetch", "build", "test"])
    steps.add_at(2, "lint")
    steps.add("fetch")
    print(steps.get_all())  # ['fetch', 'build', 'lint', 'test', 'fetch']
    print("first/last fetch:", steps.index_of("fetch"), steps.last_index_of("fetch"))
    print("replaced:", steps.set_at(1, "compile"))
    print("middle:", steps.sub_list(1, 4))
    print("removed:", steps.remove_at(0))
    steps.clear()


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
