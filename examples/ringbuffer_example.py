"""Ringbuffer (manual 7.4.7): add items, read them back by sequence, one or many at a time."""
import hazelcast

config = hazelcast.ClientConfig()
client = hazelcast.HazelcastClient(config)

# Get a RingBuffer called "my-ringbuffer"
ringbuffer = client.get_ringbuffer("my-ringbuffer").blocking()

# Add two items into ring buffer
ringbuffer.add(100)
ringbuffer.add(200)

# We start from the oldest item.
# If you want to start from the next item, call ringbuffer.tail_sequence()+1
sequence = ringbuffer.head_sequence()
print(ringbuffer.read_one(sequence))  # Outputs '100'

sequence += 1
print(ringbuffer.read_one(sequence))  # Outputs '200'

# Add a batch, then read up to 10 items from the oldest one
last = ringbuffer.add_all([300, 400, 500])
result = ringbuffer.read_many(ringbuffer.head_sequence(), 1, 10)
print(f"Read {result.read_count} items, the last added has sequence {last}")
for item_sequence, item in zip(result.sequences, result):
    print(f"  sequence {item_sequence}: {item}")
print(f"Next read starts at sequence {result.next_sequence_to_read_from}")

ringbuffer.destroy()
client.shutdown()
