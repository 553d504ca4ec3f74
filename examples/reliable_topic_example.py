"""ReliableTopic: a topic kept in a Ringbuffer, so a listener misses nothing stored.

The members keep the messages of topic "orders" in the ringbuffer "_hz_rb_orders", configured
on the members as <ringbuffer name="orders"> (capacity, backups, time-to-live).
"""
import threading

import hazelcast
from hazelcast.config import ReliableTopicConfig, TOPIC_OVERLOAD_POLICY
from hazelcast.proxy.reliable_topic import ReliableMessageListener

config = hazelcast.ClientConfig()
topic_config = ReliableTopicConfig("orders")
topic_config.read_batch_size = 50
topic_config.topic_overload_policy = TOPIC_OVERLOAD_POLICY.BLOCK
config.add_reliable_topic_config(topic_config)
client = hazelcast.HazelcastClient(config)


class OrderListener(ReliableMessageListener):
    """Reads from the first stored message and remembers how far it got."""

    def __init__(self, expected):
        self.last_sequence = -1
        self.remaining = expected
        self.done = threading.Event()

    def on_message(self, message):
        print(f"order {message.message} (sequence {self.last_sequence})")
        self.remaining -= 1
        if self.remaining == 0:
            self.done.set()

    def retrieve_initial_sequence(self):
        return 0  # the oldest message still stored; -1 would mean "only new ones"

    def store_sequence(self, sequence):
        self.last_sequence = sequence  # called just before on_message

    def is_loss_tolerant(self):
        return True  # if messages were overwritten before we read them, go on from the oldest


topic = client.get_reliable_topic("orders").blocking()
topic.publish("first order")  # stored: the listener added below still gets it

listener = OrderListener(expected=4)
registration_id = topic.add_listener(listener)
for item in ("book", "pen", "lamp"):
    topic.publish(item)

listener.done.wait(10)
topic.remove_listener(registration_id)
topic.destroy()
client.shutdown()
