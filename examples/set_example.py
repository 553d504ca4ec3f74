"""Set: no duplicates, set operations, an item listener (manual 7.4.5)."""
import hazelcast


def main(client):
    tags = client.get_set("tags").blocking()
    tags.add_listener(include_value=True, item_removed_func=lambda event: print("removed:", event.item))

    print(tags.add("python"), tags.add("python"))  # True False: no duplicates
    tags.add_all(["java", "go", "rust"])
    print("has python and go:", tags.contains_all(["python", "go"]))
    tags.retain_all(["python", "rust"])
    print("left:", sorted(tags.get_all()))
    tags.clear()


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
