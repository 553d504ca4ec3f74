"""Topic (manual 7.4.8): a listener receives what is published."""
import threading

import hazelcast

config = hazelcast.ClientConfig()
client = hazelcast.HazelcastClient(config)

received = threading.Event()


# Function to be called when a message is published
def print_on_message(topic_message):
    print("Got message:", topic_message.message)
    print("  published by", topic_message.member)
    received.set()


# Get a Topic called "my-distributed-topic"
topic = client.get_topic("my-distributed-topic")

# Add a Listener to the Topic
registration_id = topic.add_listener(print_on_message).result()

# Publish a message to the Topic
topic.publish("Hello to distributed world")  # Outputs 'Got message: Hello to distributed world'

received.wait(10)  # listeners run on the client's event thread
topic.remove_listener(registration_id).result()
client.shutdown()
