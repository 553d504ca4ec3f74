"""Map: reads and writes, TTLs, optimistic updates, locks, entry views (manual 7.4.1)."""
import threading

import hazelcast


def main(client):
    prices = client.get_map("prices").blocking()
    prices.clear()
    prices.put("apple", 3)
    print("old value returned by put:", prices.put("apple", 4))
    prices.put_all({"pear": 5, "plum": 2})
    print("get_all:", sorted(prices.get_all(["apple", "pear", "kiwi"]).items()))

    # optimistic update: replace only if nobody changed the value meanwhile
    current = prices.get("pear")
    print("replace_if_same:", prices.replace_if_same("pear", current, current + 1))
    print("put_if_absent on an existing key returns its value:", prices.put_if_absent("plum", 9))

    prices.put("offer", 1, ttl=60)  # gone after a minute
    view = prices.get_entry_view("offer")
    print("entry view: value %s, ttl %d ms, version %d" % (view.value, view.ttl, view.version))

    # a lock belongs to the thread that took it; others wait for it on the member
    prices.lock("apple")
    try:
        other = []
        thread = threading.Thread(target=lambda: other.append(prices.try_lock("apple", timeout=0.2)))
        thread.start()
        thread.join()
        print("another thread got the lock:", other[0])
        prices.put("apple", prices.get("apple") + 1)
    finally:
        prices.unlock("apple")
    print("apple:", prices.get("apple"), "size:", prices.size())

    # the same calls without blocking(): each returns a Future
    future = client.get_map("prices").get("plum")
    print("from a future:", future.result())


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
