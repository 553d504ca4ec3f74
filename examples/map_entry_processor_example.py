"""Map entry processors (manual 7.6). The members need the Java twins on their classpath and
factory 5 registered (tests/java/src/com/hzpy/test/map: IdentifiedFactory,
IdentifiedEntryProcessor, AppendEntryProcessor), e.g. in hazelcast.xml:

    <serialization><data-serializable-factories>
        <data-serializable-factory factory-id="5">com.hzpy.test.map.IdentifiedFactory</data-serializable-factory>
    </data-serializable-factories></serialization>
"""
import hazelcast
from hazelcast.serialization.api import IdentifiedDataSerializable
from hazelcast.serialization.predicate import is_like


class AppendEntryProcessor(IdentifiedDataSerializable):
    """Runs on the members as com.hzpy.test.map.AppendEntryProcessor: value += suffix."""

    def __init__(self, suffix=""):
        self.suffix = suffix

    def write_data(self, object_data_output):
        object_data_output.write_utf(self.suffix)

    def read_data(self, object_data_input):
        self.suffix = object_data_input.read_utf()

    def get_factory_id(self):
        return 5

    def get_class_id(self):
        return 2


def main(client):
    greetings = client.get_map("greetings").blocking()
    greetings.put_all({"en": "hello", "fr": "bonjour", "de": "hallo"})
    print("one key:", greetings.execute_on_key("en", AppendEntryProcessor("!")))
    print("some keys:", sorted(greetings.execute_on_keys(["fr", "de"], AppendEntryProcessor("?"))))
    matching = greetings.execute_on_entries(AppendEntryProcessor("."), is_like("this", "h%"))
    print("matching a predicate:", sorted(matching))  # (key, result) pairs
    print("all:", sorted(result for _, result in greetings.execute_on_entries(AppendEntryProcessor("~"))))


if __name__ == "__main__":
    hz = hazelcast.HazelcastClient(hazelcast.ClientConfig())
    main(hz)
    hz.shutdown()
