"""Predicate bytes, checked by hand against the protocol reference §9.3:
IdentifiedDataSerializable (type -2), identified flag, factory -32, class id,
then the fields; nested objects as int32 type id + payload."""
import pytest

from hazelcast.serialization import predicate as p
from hazelcast.serialization.service import SerializationService

from tests.unit.serialization.sample_types import config

HDR = "00000000fffffffe01ffffffe0"     # hash 0, type -2, identified, factory -32


def ids(class_id):
    return "01ffffffe0%08x" % class_id


def utf(s):
    return "%08x" % len(s) + s.encode().hex()


def int_obj(v):
    return "fffffff9%08x" % v


@pytest.fixture
def svc():
    return SerializationService(config())


CASES = [
    (p.sql("age < 30"), 0, utf("age < 30")),
    (p.and_(p.true(), p.false()), 1,
     "00000002" + "fffffffe" + ids(14) + "fffffffe" + ids(13)),
    (p.is_between("age", 1, 9), 2, utf("age") + int_obj(9) + int_obj(1)),  # `to` before `from`
    (p.is_equal_to("active", True), 3, utf("active") + "fffffffc01"),
    (p.is_greater_than("a", 5), 4, utf("a") + int_obj(5) + "0000"),
    (p.is_greater_than_or_equal_to("a", 5), 4, utf("a") + int_obj(5) + "0100"),
    (p.is_less_than("a", 5), 4, utf("a") + int_obj(5) + "0001"),
    (p.is_less_than_or_equal_to("a", 5), 4, utf("a") + int_obj(5) + "0101"),
    (p.is_like("n", "M%"), 5, utf("n") + utf("M%")),
    (p.is_ilike("n", "m%"), 6, utf("n") + utf("m%")),
    (p.is_in("n", 1, 2), 7, utf("n") + "00000002" + int_obj(1) + int_obj(2)),
    (p.is_instance_of("java.lang.String"), 8, utf("java.lang.String")),
    (p.is_not_equal_to("a", 1), 9, utf("a") + int_obj(1)),
    (p.not_(p.true()), 10, "fffffffe" + ids(14)),
    (p.is_not(p.true()), 10, "fffffffe" + ids(14)),
    (p.or_(p.true()), 11, "00000001fffffffe" + ids(14)),
    (p.matches_regex("n", "a.*"), 12, utf("n") + utf("a.*")),
    (p.is_regex("n", "a.*"), 12, utf("n") + utf("a.*")),
    (p.false(), 13, ""),
    (p.true(), 14, ""),
]


@pytest.mark.parametrize("pred,class_id,fields", CASES)
def test_predicate_bytes(svc, pred, class_id, fields):
    d = svc.to_data(pred)
    assert d.buffer.hex() == HDR + "%08x" % class_id + fields
    assert svc.to_object(d) == pred


def test_paging_predicate(svc):
    pp = p.PagingPredicate(p.is_less_than("age", 30), page_size=10)
    assert pp.next_page() == 1
    pp.set_anchor(0, ("k", "v"))
    assert pp.get_anchor() == (0, ("k", "v"))
    d = svc.to_data(pp)
    assert d.buffer.hex().startswith(HDR + "0000000f")
    back = svc.to_object(d)
    assert back == pp and back.page == 1 and back.page_size == 10
    assert pp.previous_page() == 0 and pp.previous_page() == 0
    pp.reset()
    assert pp.anchor_list == [] and pp.page == 0
    with pytest.raises(ValueError):
        p.PagingPredicate(pp)
    with pytest.raises(ValueError):
        p.PagingPredicate(page_size=0)
