"""Map queries: predicates, SQL, JSON values, paging (manual 7.7)."""
import hazelcast
from hazelcast.core import HazelcastJsonValue
from hazelcast.serialization.api import Portable
from hazelcast.serialization.predicate import and_, is_between, is_equal_to, is_greater_than, paging, sql


class Employee(Portable):
    """Queried by field on the members without a Java class (Portable factory 1000, class 100)."""

    def __init__(self, name=None, age=None, active=None, salary=None):
        self.name, self.age, self.active, self.salary = name, age, active, salary

    def get_factory_id(self):
        return 1000

    def get_class_id(self):
        return 100

    def write_portable(self, writer):
        writer.write_utf("name", self.name)
        writer.write_int("age", self.age)
        writer.write_boolean("active", self.active)
        writer.write_double("salary", self.salary)

    def read_portable(self, reader):
        self.name = reader.read_utf("name")
        self.age = reader.read_int("age")
        self.active = reader.read_boolean("active")
        self.salary = reader.read_double("salary")


def main(client):
    employees = client.get_map("query-employees").blocking()
    employees.put_all({1: Employee("Joe", 28, True, 50000.0), 2: Employee("Ann", 45, True, 90000.0),
                       3: Employee("Bob", 33, False, 60000.0), 4: Employee("Jill", 24, True, 40000.0)})
    employees.add_index("age", ordered=True)
    young_and_active = employees.values(and_(is_equal_to("active", True), is_between("age", 20, 30)))
    print("young and active:", sorted(e.name for e in young_and_active))
    print("SQL:", sorted(employees.key_set(sql("salary >= 60000 OR name LIKE 'J%'"))))

    documents = client.get_map("query-documents").blocking()
    documents.put("a", HazelcastJsonValue({"city": "Oslo", "tags": ["new", "cheap"]}))
    documents.put("b", HazelcastJsonValue('{"city": "Rome", "tags": ["old"]}'))
    print("JSON [any]:", documents.key_set(is_equal_to("tags[any]", "cheap")))

    numbers = client.get_map("query-numbers").blocking()
    numbers.put_all({"n%d" % i: i for i in range(10)})
    page = paging(is_greater_than("this", 2), page_size=3)
    while True:
        values = numbers.values(page)
        if not values:
            break
        print("page %d:" % page.page, values)
        page.next_page()


if __name__ == "__main__":
    config = hazelcast.ClientConfig()
    config.serialization_config.portable_factories[1000] = {100: Employee}
    hz = hazelcast.HazelcastClient(config)
    main(hz)
    hz.shutdown()
