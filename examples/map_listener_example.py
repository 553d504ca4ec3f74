"""Map entry listeners: all events, one key, a predicate, map-wide events (manual 7.5.2.1)."""
import threading

import hazelcast
from hazelcast.serialization.predicate import is_greater_than


def main(client):
    stock = client.get_map("stock").blocking()
    stock.clear()
    printed = threading.Semaphore(0)

    def printer(text):
        def on_event(event):  # runs on the client's event thread
            print(text.format(event=event))
            printed.release()
        return on_event

    change = printer("{event.key}: {event.old_value} -> {event.value}")
    everything = stock.add_entry_listener(include_value=True, added_func=change, updated_func=change,
                                          removed_func=change)
    stock.add_entry_listener(include_value=True, key="bolts",
                             updated_func=printer("bolts changed to {event.value}"))
    stock.add_entry_listener(predicate=is_greater_than("this", 100),
                             added_func=printer("big stock added: {event.key}"))
    stock.add_entry_listener(clear_all_func=printer("cleared {event.number_of_affected_entries} entries"))

    stock.put("nuts", 10)
    stock.put("screws", 500)
    stock.put("bolts", 20)
    stock.put("bolts", 30)
    stock.remove("nuts")
    for _ in range(7):  # wait for the 7 prints of the events above
        printed.acquire(timeout=10)
    stock.remove_entry_listener(everything)
    stock.clear()
    printed.acquire(timeout=10)


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
