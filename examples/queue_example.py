"""Queue: a producer and a consumer, blocking calls, an item listener (manual 7.4.4)."""
import threading

import hazelcast


def main(client):
    queue = client.get_queue("tasks").blocking()
    queue.add_listener(include_value=True,
                            item_added_func=lambda event: print("queued:", event.item))

    def produce():
        for n in range(3):
            queue.put("task-%d" % n)  # waits for room if the queue is bounded and full
        queue.put("stop")

    producer = threading.Thread(target=produce)
    producer.start()
    while True:
        task = queue.take()  # waits on the member until an item comes
        if task == "stop":
            break
        print("done:", task)
    producer.join()

    print("poll with a timeout on an empty queue:", queue.poll(0.5))  # None after 0.5 s
    queue.add_all(["a", "b", "c"])
    drained = []
    print("drained", queue.drain_to(drained), "items:", drained)


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
