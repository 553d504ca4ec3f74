"""ReplicatedMap: every member holds every entry; ttl and filtered listeners (manual 7.4.3)."""
import hazelcast
from hazelcast.serialization.predicate import sql


def main(client):
    prices = client.get_replicated_map("prices").blocking()
    prices.add_entry_listener(predicate=sql("this > 100"),
                              added_func=lambda event: print("expensive:", event.key, event.value))
    prices.add_entry_listener(key="tea", updated_func=lambda event: print(
        "tea:", event.old_value, "->", event.value))

    prices.put_all({"tea": 3, "laptop": 900})
    prices.put("tea", 4)
    prices.put("offer", 1, ttl=60)  # gone after a minute
    print("tea costs", prices.get("tea"), "- entries:", prices.size())
    prices.clear()


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
