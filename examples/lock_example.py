"""Lock (manual 7.4.9): threads of one client (run it twice for two clients) increment a
shared Map entry under a cluster-wide lock, so no increment is lost."""
import threading

import hazelcast


def main(client, threads=4, increments=50):
    lock = client.get_lock("counter-lock").blocking()
    counts = client.get_map("counts").blocking()
    counts.put_if_absent("visits", 0)

    def work():
        for _ in range(increments):
            with lock:  # lock() ... unlock(), owned by this thread
                counts.put("visits", counts.get("visits") + 1)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print("visits:", counts.get("visits"))

    # try_lock waits at most `timeout` seconds; lease_time frees it by itself
    if lock.try_lock(timeout=1, lease_time=10):
        try:
            print("locked for %.0f more seconds at most" % (lock.get_remaining_lease_time() / 1000.0))
        finally:
            lock.unlock()


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
