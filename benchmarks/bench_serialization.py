"""Serialization micro-benchmarks: ``python benchmarks/bench_serialization.py``.

Prints µs per operation for the hot paths of map.put/get and entry_set:
to_object of a 1 KB string Data, decoding 10,000 such Data (as an entry_set
response would), and to_data of the same strings and of small ints.
"""
import os
import sys
import timeit
import types

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hazelcast.serialization.constants import INTEGER_TYPE  # noqa: E402
from hazelcast.serialization.service import SerializationService  # noqa: E402


def _service():
    return SerializationService(types.SimpleNamespace(
        portable_version=0, data_serializable_factories={}, portable_factories={},
        class_definitions=[], check_class_def_errors=True, is_big_endian=True,
        default_integer_type=INTEGER_TYPE.INT, custom_serializers={}, global_serializer=None,
        allow_pickle=True))


def _best(fn, number):
    """Best of 5 runs, in µs per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def main():
    svc = _service()
    texts = {
        "ascii": ("0123456789abcdef" * 64)[:1024],
        "latin/cjk": ("Pijamalı hasta yağız şoföre イロハニホヘト " * 40)[:1024],
        "emoji": ("ab😀" * 342)[:1024],
    }
    print("%-34s %12s" % ("operation", "µs/op"))
    for label, text in texts.items():
        data = svc.to_data(text)
        assert svc.to_object(data) == text
        print("%-34s %12.3f" % ("to_object 1 KB str (%s)" % label,
                                _best(lambda data=data: svc.to_object(data), 20000)))
        print("%-34s %12.3f" % ("to_data 1 KB str (%s)" % label,
                                _best(lambda text=text: svc.to_data(text), 20000)))
    entries = [svc.to_data(texts["ascii"][:-5] + "%05d" % i) for i in range(10000)]
    to_object = svc.to_object
    per_list = _best(lambda: [to_object(d) for d in entries], 5)
    print("%-34s %12.1f  (%.3f µs/entry)" % ("decode 10,000 x 1 KB str Data", per_list,
                                              per_list / 10000))
    mixed = [svc.to_data(texts["latin/cjk"][:-5] + "%05d" % i) for i in range(10000)]
    per_list = _best(lambda: [to_object(d) for d in mixed], 5)
    print("%-34s %12.1f  (%.3f µs/entry)" % ("decode 10,000 x 1 KB non-ASCII", per_list,
                                              per_list / 10000))
    small = svc.to_data(12345)
    print("%-34s %12.3f" % ("to_data int", _best(lambda: svc.to_data(12345), 50000)))
    print("%-34s %12.3f" % ("to_object int", _best(lambda: svc.to_object(small), 50000)))
    lst = [1, "a", 2.5, True]
    print("%-34s %12.3f" % ("to_data list of 4", _best(lambda: svc.to_data(lst), 20000)))


if __name__ == "__main__":
    main()
