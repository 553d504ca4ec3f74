"""Map queries against real members (manual 7.7): every predicate function and SQL form on
str/int values and Portable objects, ``__key`` and ``this``, JSON values with nested paths
and ``[any]``, paging forward and back with and without a comparator (over two members),
and the manual's 7.7 samples run as written."""
import uuid

import pytest

import hazelcast
from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import IllegalArgumentError
from hazelcast.serialization.predicate import (and_, false, is_between, is_equal_to, is_greater_than,
                                               is_greater_than_or_equal_to, is_ilike, is_in, is_instance_of,
                                               is_less_than, is_less_than_or_equal_to, is_like, is_not,
                                               is_not_equal_to, matches_regex, not_, or_, paging, sql, true)
from tests.integration.client_helpers import client_config
from tests.integration.test_map_helpers import (DescendingValueComparator, factory_cluster, load_example,
                                                needs_members, run_example, run_sample)
from tests.support import manual


# the Portable Employee of examples/map_query_example.py (factory 1000, class 100): queried by
# field on the members, which have no Java class for it
Person = load_example("map_query_example.py").Employee


PEOPLE = [Person("Joe", 20, True, 50000.0), Person("Josh", 30, False, 60000.0),
          Person("Joseph", 45, True, 80000.0), Person("John", 33, True, 40000.0),
          Person("jOE", 40, False, 70000.0), Person("abc-123", 25, True, 55000.0),
          Person("abx-123", 60, False, 90000.0), Person("Jane", 70, True, 65000.0)]


@pytest.fixture(scope="module")
def client(cluster):
    config = client_config(factory_cluster())
    config.serialization_config.portable_factories[1000] = {100: Person}
    client = hazelcast.HazelcastClient(config)
    yield client
    client.shutdown()


@pytest.fixture(scope="module")
def people(client):
    people_map = client.get_map("people-" + uuid.uuid4().hex).blocking()
    people_map.put_all({p.name: p for p in PEOPLE})
    return people_map


@pytest.fixture(scope="module")
def ages(client):
    ages_map = client.get_map("ages-" + uuid.uuid4().hex).blocking()
    ages_map.put_all({p.name: p.age for p in PEOPLE})
    return ages_map


def names(people_list):
    return sorted(p.name for p in people_list)


def where(condition):
    return sorted(p.name for p in PEOPLE if condition(p))


# --- the manual ----------------------------------------------------------------------------

@needs_members("3.12")  # JSON values
def test_manual_7_7_samples_run_as_written(cluster):
    blocks = manual.python_blocks("## 7.7. Distributed Query", "## 7.8.")
    assert len(blocks) == 7, "the manual's 7.7 section changed shape"
    employee_class, combined, with_sql, by_key, by_this, json_values, departments_sample = blocks
    namespace = {}
    run_sample(employee_class, namespace, "7.7.1.1")
    employee = namespace["Employee"]
    config = client_config(cluster)
    config.serialization_config.portable_factories[1000] = {100: employee}
    sample_client = hazelcast.HazelcastClient(config)
    try:
        namespace["client"] = sample_client
        for name in ("employee", "persons", "json-values"):
            sample_client.get_map(name).blocking().clear()
        sample_client.get_map("employee").blocking().put_all({
            1: employee("Ann", 25, True, 3000.0), 2: employee("Bob", 35, True, 4000.0),
            3: employee("Cid", 28, False, 5000.0), 4: employee("Dee", 22, True, 6000.0)})
        run_sample(combined, namespace, "7.7.1.2")
        assert names(namespace["employees"]) == ["Ann", "Dee"]
        run_sample(with_sql, namespace, "7.7.1.3")
        assert names(namespace["employees"]) == ["Ann", "Dee"]
        assert run_sample(by_key, namespace, "7.7.1.3 __key") == "23\n"
        printed = run_sample(by_this, namespace, "7.7.1.3 this")
        assert sorted(printed.split()) == ["28", "30"]  # the order of values() is the members'
        run_sample(json_values, namespace, "7.7.1.4")
        assert namespace["people_under_21"] == [HazelcastJsonValue({"name": "Trey", "age": 17})]
        departments = sample_client.get_map("departments-" + uuid.uuid4().hex).blocking()
        departments.put(1, HazelcastJsonValue({"departmentId": 1, "room": "alpha", "people": [
            {"name": "Peter", "age": 26, "salary": 50000}, {"name": "Jonah", "age": 50, "salary": 140000}]}))
        departments.put(2, HazelcastJsonValue({"departmentId": 2, "room": "beta", "people": [
            {"name": "Angela", "age": 29, "salary": 70000}]}))
        namespace["departments"] = departments
        run_sample(departments_sample, namespace, "7.7.1.4 [any]")
        assert [v.loads()["room"] for v in namespace["department_with_peter"]] == ["alpha"]
    finally:
        sample_client.shutdown()


@needs_members("3.12")
def test_example_runs(cluster):
    example = load_example("map_query_example.py")
    config = client_config(cluster)
    config.serialization_config.portable_factories[1000] = {100: example.Employee}
    example_client = hazelcast.HazelcastClient(config)
    try:
        assert run_example(example_client, example).splitlines() == [
            "young and active: ['Jill', 'Joe']", "SQL: [1, 2, 3, 4]", "JSON [any]: ['a']",
            "page 0: [3, 4, 5]", "page 1: [6, 7, 8]", "page 2: [9]"]
    finally:
        example_client.shutdown()


# --- predicates on Portable attributes ------------------------------------------------------------

@pytest.mark.parametrize("predicate, condition", [
    (is_equal_to("name", "Joe"), lambda p: p.name == "Joe"),
    (is_not_equal_to("age", 20), lambda p: p.age != 20),
    (is_like("name", "Jo%"), lambda p: p.name.startswith("Jo")),
    (is_like("name", "Jo_"), lambda p: p.name in ("Joe",)),
    (is_ilike("name", "jo_"), lambda p: p.name.lower() == "joe"),
    (matches_regex("name", "ab[cx]-.*"), lambda p: p.name.startswith("ab")),
    (is_greater_than("age", 40), lambda p: p.age > 40),
    (is_greater_than_or_equal_to("age", 40), lambda p: p.age >= 40),
    (is_less_than("salary", 55000.0), lambda p: p.salary < 55000),
    (is_less_than_or_equal_to("salary", 55000.0), lambda p: p.salary <= 55000),
    (is_between("age", 25, 40), lambda p: 25 <= p.age <= 40),
    (is_in("age", 20, 33, 99), lambda p: p.age in (20, 33)),
    (is_not(is_equal_to("active", True)), lambda p: not p.active),
    (not_(is_in("name", "Joe", "Jane")), lambda p: p.name not in ("Joe", "Jane")),
    (and_(is_equal_to("active", True), is_less_than("age", 30)), lambda p: p.active and p.age < 30),
    (or_(is_equal_to("age", 60), is_equal_to("name", "Joe"), false()), lambda p: p.age == 60 or p.name == "Joe"),
    (true(), lambda p: True),
    (false(), lambda p: False),
    (is_equal_to("__key", "John"), lambda p: p.name == "John"),
    (is_like("__key", "J%n%"), lambda p: p.name in ("John", "Jane")),
])
def test_predicates_on_portable_attributes(people, predicate, condition):
    assert names(people.values(predicate)) == where(condition)


@pytest.mark.parametrize("text, condition", [
    ("active AND age > 30", lambda p: p.active and p.age > 30),
    ("active = false OR age = 45 OR name = 'Joe'", lambda p: not p.active or p.age == 45 or p.name == "Joe"),
    ("active AND ( age > 20 OR salary < 60000 )", lambda p: p.active and (p.age > 20 or p.salary < 60000)),
    ("age <= 30", lambda p: p.age <= 30),
    ("name = 'Joe'", lambda p: p.name == "Joe"),
    ("salary != 50000", lambda p: p.salary != 50000),
    ("age BETWEEN 20 AND 33", lambda p: 20 <= p.age <= 33),
    ("age NOT BETWEEN 30 AND 40", lambda p: p.age < 30 or p.age > 40),
    ("age IN ( 20, 30, 40 )", lambda p: p.age in (20, 30, 40)),
    ("age NOT IN ( 60, 70 )", lambda p: p.age not in (60, 70)),
    ("active AND ( salary >= 50000 OR ( age NOT BETWEEN 20 AND 30 ) )",
     lambda p: p.active and (p.salary >= 50000 or not 20 <= p.age <= 30)),
    ("name LIKE 'Jo%'", lambda p: p.name.startswith("Jo")),
    ("name LIKE 'Jo_'", lambda p: p.name == "Joe"),
    ("name NOT LIKE 'Jo_'", lambda p: p.name != "Joe"),
    ("name LIKE 'J_s%'", lambda p: p.name in ("Josh", "Joseph")),
    ("name ILIKE 'Jo%'", lambda p: p.name.lower().startswith("jo")),
    ("name ILIKE 'Jo_'", lambda p: p.name.lower() == "joe"),
    ("name REGEX 'abc-.*'", lambda p: p.name == "abc-123"),
    ("name NOT REGEX 'abc-.*'", lambda p: p.name != "abc-123"),
    ("__key = 'Jane'", lambda p: p.name == "Jane"),
])
def test_sql_forms_of_the_manual(people, text, condition):
    assert names(people.values(sql(text))) == where(condition)


def test_predicates_with_key_set_entry_set_and_index(client, people):
    predicate = is_greater_than("age", 44)
    assert sorted(people.key_set(predicate)) == ["Jane", "Joseph", "abx-123"]
    assert sorted((k, p.age) for k, p in people.entry_set(predicate)) == [
        ("Jane", 70), ("Joseph", 45), ("abx-123", 60)]
    indexed = client.get_map("indexed-" + uuid.uuid4().hex).blocking()
    indexed.add_index("age", ordered=True)
    indexed.add_index("name")
    indexed.put_all({p.name: p for p in PEOPLE})
    assert names(indexed.values(and_(is_greater_than("age", 44), is_equal_to("active", True)))) == [
        "Jane", "Joseph"]


# --- this / __key on plain values ----------------------------------------------------------------

def test_this_and_key_on_str_and_int_values(client, ages):
    assert sorted(ages.values(is_greater_than_or_equal_to("this", 45))) == [45, 60, 70]
    assert sorted(ages.key_set(sql("this BETWEEN 30 AND 40"))) == ["John", "Josh", "jOE"]
    assert sorted(ages.values(sql("__key LIKE 'J%' AND this < 40"))) == [20, 30, 33]
    assert ages.values(is_instance_of("java.lang.Integer")) != []
    assert ages.values(is_instance_of("java.lang.String")) == []
    words = client.get_map("words-" + uuid.uuid4().hex).blocking()
    words.put_all({1: "apple", 2: "Apricot", 3: "banana"})
    assert sorted(words.key_set(is_ilike("this", "ap%"))) == [1, 2]
    assert sorted(words.values(and_(is_greater_than("__key", 1), matches_regex("this", ".*an.*")))) == ["banana"]


# --- JSON values -------------------------------------------------------------------------------

@needs_members("3.12")
def test_json_values_nested_attributes_and_any(client):
    documents = client.get_map("json-" + uuid.uuid4().hex).blocking()
    documents.put_all({
        "a": HazelcastJsonValue({"name": "A", "age": 17, "address": {"city": "Oslo"},
                                 "tags": ["x", "y"], "scores": [1, 9]}),
        "b": HazelcastJsonValue('{"name": "B", "age": 40, "address": {"city": "Rome"}, '
                                '"tags": ["y"], "scores": [5], "ratio": 0.5}'),
        "c": HazelcastJsonValue({"name": "C", "age": 65, "address": {"city": "Oslo"}, "tags": [], "scores": []}),
    })
    keys = lambda predicate: sorted(documents.key_set(predicate))  # noqa: E731
    assert keys(is_less_than("age", 21)) == ["a"]
    assert keys(is_equal_to("address.city", "Oslo")) == ["a", "c"]
    assert keys(is_equal_to("tags[any]", "y")) == ["a", "b"]
    assert keys(is_equal_to("tags[0]", "y")) == ["b"]
    assert keys(is_greater_than("scores[any]", 8)) == ["a"]
    assert keys(sql("address.city = 'Rome' OR age > 60")) == ["b", "c"]
    assert keys(is_equal_to("ratio", 0.5)) == ["b"]
    [value] = documents.values(is_equal_to("name", "C"))
    assert isinstance(value, HazelcastJsonValue) and value.loads()["age"] == 65


# --- paging ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def numbers(client):
    numbers_map = client.get_map("numbers-" + uuid.uuid4().hex).blocking()
    numbers_map.put_all({"n%02d" % i: i for i in range(25)})  # spread over both members
    return numbers_map


def test_paging_forward_backward_and_past_the_end(numbers):
    predicate = paging(is_greater_than_or_equal_to("this", 3), page_size=5)
    assert numbers.values(predicate) == [3, 4, 5, 6, 7]
    predicate.next_page()
    assert numbers.values(predicate) == [8, 9, 10, 11, 12]
    predicate.set_page(4)  # jumps ahead from the anchor of page 1
    assert numbers.values(predicate) == [23, 24]
    predicate.next_page()
    assert numbers.values(predicate) == []
    predicate.previous_page()
    predicate.previous_page()
    assert numbers.values(predicate) == [18, 19, 20, 21, 22]
    assert [page for page, _ in predicate.anchor_list] == [0, 1, 2, 3]
    predicate.set_page(2)
    assert numbers.values(predicate) == [13, 14, 15, 16, 17]
    predicate.reset()
    assert numbers.values(predicate) == [3, 4, 5, 6, 7]
    assert [page for page, _ in predicate.anchor_list] == [0]


def test_paging_in_key_order_with_key_set_and_entry_set(numbers):
    predicate = paging(page_size=4)
    predicate.set_page(3)
    assert numbers.key_set(predicate) == ["n12", "n13", "n14", "n15"]
    assert [page for page, _ in predicate.anchor_list] == [0, 1, 2, 3]
    predicate.next_page()
    assert numbers.entry_set(predicate) == [("n16", 16), ("n17", 17), ("n18", 18), ("n19", 19)]
    predicate.set_page(6)
    assert numbers.key_set(predicate) == ["n24"]
    with pytest.raises(IllegalArgumentError, match=r"pages in key order .* reset\(\) it first"):
        numbers.values(predicate)
    predicate.reset()
    assert numbers.values(predicate) == [0, 1, 2, 3]


def test_paging_with_a_comparator_on_the_members(numbers):
    predicate = paging(is_less_than("this", 20), page_size=6, comparator=DescendingValueComparator())
    assert numbers.values(predicate) == [19, 18, 17, 16, 15, 14]
    predicate.next_page()
    assert numbers.key_set(predicate) == ["n13", "n12", "n11", "n10", "n09", "n08"]
    predicate.next_page()
    assert numbers.entry_set(predicate) == [("n%02d" % i, i) for i in (7, 6, 5, 4, 3, 2)]
    predicate.next_page()
    assert numbers.values(predicate) == [1, 0]
    predicate.previous_page()
    predicate.previous_page()
    assert numbers.values(predicate) == [13, 12, 11, 10, 9, 8]


def test_paging_ties_are_broken_as_on_the_members(client):
    # equal values: members and client order them by the Java hashCode of the keys, so
    # the pages meet at the anchors without repeating or skipping an entry
    ties = client.get_map("ties-" + uuid.uuid4().hex).blocking()
    ties.put_all({"tie-%d" % i: 7 for i in range(11)})
    ties.put("big", 9)
    predicate = paging(page_size=3, comparator=DescendingValueComparator())
    seen = []
    while True:
        page = ties.key_set(predicate)
        if not page:
            break
        seen.extend(page)
        predicate.next_page()
    assert seen[0] == "big"
    assert sorted(seen[1:]) == sorted("tie-%d" % i for i in range(11))
