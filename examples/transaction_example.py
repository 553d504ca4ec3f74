"""Transactions: move money between accounts and hand work from a queue to a map, all or
nothing (manual 7.4.12)."""
import hazelcast
from hazelcast.errors import TransactionError
from hazelcast.transaction import TWO_PHASE


def transfer(client, source, target, amount):
    """Move ``amount`` between two accounts atomically; False if the source lacks it."""
    with client.new_transaction(timeout=10, durability=1, type=TWO_PHASE) as transaction:
        accounts = transaction.get_map("accounts")
        balance = accounts.get_for_update(source)  # locks the key until commit/rollback
        if balance < amount:
            transaction.rollback()  # the with-block has nothing left to do
            return False
        accounts.put(source, balance - amount)
        accounts.put(target, accounts.get_for_update(target) + amount)
        return True  # leaving the block normally commits


def main(client):
    accounts = client.get_map("accounts").blocking()
    accounts.put_all({"alice": 100, "bob": 20})
    print("transfer 30 alice -> bob:", transfer(client, "alice", "bob", 30))
    print("transfer 500 bob -> alice:", transfer(client, "bob", "alice", 500))
    print("balances:", sorted(accounts.entry_set()))

    with client.new_transaction() as transaction:
        transaction.get_queue("orders").offer("order-1")

    # Without the with-block: begin, commit, and roll back on failure.
    transaction = client.new_transaction(timeout=10)
    transaction.begin()
    try:
        order = transaction.get_queue("orders").poll(timeout=1)
        transaction.get_map("processed").put(order, "done")
        raise RuntimeError("the process crashed half-way")
    except Exception as e:
        transaction.rollback()  # the order goes back to the queue, nothing is marked done
        print("rolled back:", e)

    try:
        with client.new_transaction(timeout=10) as transaction:
            order = transaction.get_queue("orders").poll(timeout=1)
            transaction.get_map("processed").put(order, "done")
        print("processed:", client.get_map("processed").blocking().get("order-1"))
    except TransactionError as e:  # e.g. the member the transaction ran on was lost
        print("transaction failed:", e)


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
