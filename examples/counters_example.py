"""Counters and ids: AtomicLong (manual 7.4.10), Semaphore (7.4.11), PN Counter (7.4.13),
Flake ID Generator (7.4.14), IdGenerator and CountDownLatch."""
import threading

import hazelcast


def main(client):
    # AtomicLong: one strongly consistent number
    orders = client.get_atomic_long("order-count").blocking()
    print("orders:", orders.increment_and_get())

    # PN Counter: any replica takes updates, replicas converge; reads your own writes
    likes = client.get_pn_counter("likes").blocking()
    likes.add_and_get(3)
    print("likes:", likes.decrement_and_get())

    # ids: Flake ids are unique and roughly ordered; IdGenerator hands out blocks of 10,000
    print("flake id:", client.get_flake_id_generator("order-ids").blocking().new_id())
    print("sequential id:", client.get_id_generator("invoice-ids").blocking().new_id())

    # Semaphore: at most 2 workers at a time; CountDownLatch: wait for all 4 to finish
    slots = client.get_semaphore("slots").blocking()
    slots.init(2)
    done = client.get_count_down_latch("workers-done").blocking()
    done.try_set_count(4)

    def worker(n):
        slots.acquire()
        try:
            print("worker %d has a slot" % n)
        finally:
            slots.release()
        done.count_down()

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in workers:
        thread.start()
    print("all workers done:", done.await_latch(30))
    for thread in workers:
        thread.join()  # each has its count_down() answer before the client may shut down


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
