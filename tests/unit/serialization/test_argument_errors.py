"""Predicates a member cannot read are refused when built; serializer failures come out as
HazelcastSerializationError naming the serializer and type, with the cause chained."""
import pytest

from hazelcast.errors import HazelcastSerializationError, IllegalArgumentError
from hazelcast.serialization.api import IdentifiedDataSerializable, Portable, StreamSerializer
from hazelcast.serialization.predicate import (AndPredicate, NotPredicate, OrPredicate, PagingPredicate,
                                               SqlPredicate, and_, is_equal_to, not_, or_, paging, sql,
                                               true)
from hazelcast.serialization.service import SerializationService
from tests.unit.serialization.sample_types import config


class JavaPredicate(IdentifiedDataSerializable):
    """A predicate whose Java twin would be on the members' classpath."""

    def get_factory_id(self):
        return 66

    def get_class_id(self):
        return 1

    def write_data(self, out):
        pass

    def read_data(self, inp):
        pass


# --- predicates ---------------------------------------------------------------------------

@pytest.mark.parametrize("compose,name", [
    (lambda p: and_(sql("a > 1"), p), "and_"), (lambda p: or_(p, true()), "or_"),
    (lambda p: not_(p), "not_"), (lambda p: AndPredicate(p), "and_"), (lambda p: OrPredicate(p), "or_"),
    (lambda p: NotPredicate(p), "not_"),
])
def test_a_paging_predicate_cannot_be_composed(compose, name):
    with pytest.raises(IllegalArgumentError) as caught:
        compose(paging(true(), 5))
    assert str(caught.value).startswith("%s cannot contain a PagingPredicate" % name)
    assert "paging(%s(...), page_size)" % name in str(caught.value)


@pytest.mark.parametrize("operand", [None, "age < 30", 5, True, {"a": 1}, ["x"]])
def test_operands_that_are_not_predicates_are_refused(operand):
    for compose in (lambda: and_(true(), operand), lambda: or_(operand), lambda: not_(operand)):
        with pytest.raises(IllegalArgumentError, match="takes predicates"):
            compose()


def test_member_side_predicates_may_be_composed_and_paged():
    assert and_(JavaPredicate(), is_equal_to("a", 1)).predicates[0].get_class_id() == 1
    assert not_(JavaPredicate()).predicate is not None
    assert paging(and_(true(), JavaPredicate()), 3).page_size == 3


@pytest.mark.parametrize("query", [None, 5, b"a > 1", ["a > 1"]])
def test_sql_needs_a_str(query):
    with pytest.raises(IllegalArgumentError, match="sql takes the query as a str"):
        sql(query)
    if query is not None:
        with pytest.raises(IllegalArgumentError):
            SqlPredicate(query)


@pytest.mark.parametrize("page_size", [0, -1, True, 2.0, "2"])
def test_page_size_must_be_a_positive_int(page_size):
    with pytest.raises(IllegalArgumentError, match="page_size must be an int > 0"):
        paging(true(), page_size)


def test_paging_of_paging_is_refused():
    with pytest.raises(IllegalArgumentError, match="cannot wrap another PagingPredicate"):
        PagingPredicate(paging(true(), 2), 2)


def test_composed_predicates_still_round_trip_through_the_service():
    service = SerializationService(config())
    predicate = and_(sql("a > 1"), or_(not_(is_equal_to("b", 2)), true()))
    assert service.to_object(service.to_data(predicate)) == predicate


# --- serializer failures --------------------------------------------------------------------

class Widget:
    def __init__(self, size=1):
        self.size = size


class WidgetSerializer(StreamSerializer):
    def get_type_id(self):
        return 77

    def write(self, out, obj):
        out.write_int(10 // obj.size)

    def read(self, inp):
        return {10: Widget()}[inp.read_int()]


def _service(**overrides):
    return SerializationService(config(**overrides))


def test_a_failing_write_names_the_serializer_and_type_and_chains_the_cause():
    service = _service(custom_serializers={Widget: WidgetSerializer})
    with pytest.raises(HazelcastSerializationError) as caught:
        service.to_data(Widget(0))
    message = str(caught.value)
    assert "custom serializer %s.WidgetSerializer of %s.Widget failed to write" % (__name__, __name__) in message
    assert "ZeroDivisionError: integer division or modulo by zero" in message
    assert isinstance(caught.value.__cause__, ZeroDivisionError)


def test_a_failing_read_names_the_serializer_and_type_id_and_chains_the_cause():
    service = _service(custom_serializers={Widget: WidgetSerializer()})
    assert service.to_object(service.to_data(Widget(1))).size == 1
    with pytest.raises(HazelcastSerializationError) as caught:
        service.to_object(service.to_data(Widget(2)))
    assert "WidgetSerializer of %s.Widget (type id 77) failed to read a value: KeyError: 5" % __name__ \
        in str(caught.value)
    assert isinstance(caught.value.__cause__, KeyError)


def test_a_nested_failure_names_the_inner_serializer():
    service = _service(custom_serializers={Widget: WidgetSerializer})
    with pytest.raises(HazelcastSerializationError, match="WidgetSerializer of .*Widget failed to write"):
        service.to_data([1, Widget(0)])


def test_a_failing_global_serializer_is_named():
    service = _service(global_serializer=WidgetSerializer)
    with pytest.raises(HazelcastSerializationError, match="global serializer .*WidgetSerializer failed to "
                                                          "write a .*Widget: ZeroDivisionError"):
        service.to_data(Widget(0))


def test_a_serializer_that_is_not_one_is_named_when_the_service_starts():
    with pytest.raises(HazelcastSerializationError, match=r"custom serializer builtins.int of .*Widget failed "
                                                          r"in get_type_id\(\): AttributeError"):
        _service(custom_serializers={Widget: 5})

    class Unbuildable(WidgetSerializer):
        def __init__(self, needed):
            pass
    with pytest.raises(HazelcastSerializationError, match="Cannot create the custom serializer .*Unbuildable"):
        _service(custom_serializers={Widget: Unbuildable})


class BrokenIds(IdentifiedDataSerializable):
    def __init__(self, fail_write=False):
        self.fail_write = fail_write

    def get_factory_id(self):
        return 5

    def get_class_id(self):
        return 6

    def write_data(self, out):
        if self.fail_write:
            raise AttributeError("no field")
        out.write_int(1)

    def read_data(self, inp):
        raise ValueError("bad bytes")


def test_identified_data_serializable_failures_are_named():
    service = _service(data_serializable_factories={5: {6: BrokenIds}})
    with pytest.raises(HazelcastSerializationError, match="write_data of IdentifiedDataSerializable "
                                                          ".*BrokenIds failed: AttributeError: no field"):
        service.to_data(BrokenIds(fail_write=True))
    with pytest.raises(HazelcastSerializationError, match="read_data of IdentifiedDataSerializable "
                                                          ".*BrokenIds failed: ValueError: bad bytes") as caught:
        service.to_object(service.to_data(BrokenIds()))
    assert isinstance(caught.value.__cause__, ValueError)


class BrokenPortable(Portable):
    def __init__(self, fail_write=False):
        self.fail_write = fail_write

    def get_factory_id(self):
        return 8

    def get_class_id(self):
        return 9

    def write_portable(self, writer):
        writer.write_int("n", 1)
        if self.fail_write:
            raise TypeError("cannot write")

    def read_portable(self, reader):
        reader.read_int("n")
        raise LookupError("lost")


def test_portable_failures_are_named():
    service = _service(portable_factories={8: {9: BrokenPortable}})
    service.to_data(BrokenPortable())  # registers the class definition
    with pytest.raises(HazelcastSerializationError, match="write_portable of Portable .*BrokenPortable failed: "
                                                          "TypeError: cannot write") as caught:
        service.to_data(BrokenPortable(fail_write=True))
    assert isinstance(caught.value.__cause__, TypeError)
    with pytest.raises(HazelcastSerializationError, match="read_portable of Portable .*BrokenPortable failed: "
                                                          "LookupError: lost"):
        service.to_object(service.to_data(BrokenPortable()))
