"""Error messages (type 109): the errorCodec vectors and the code -> class table."""
import csv
import os

import pytest

from hazelcast import errors
from hazelcast.protocol.error_codes import ERROR_CLASSES, error_class, error_from_message
from hazelcast.protocol.message import ClientMessage
from protocol_reference import SHARED, VECTORS, read_error_vectors, require_shared

# Java simple class name (from the vector key) -> the class it must become
_SPECIAL = {"AuthenticationException": errors.AuthenticationError,
            "EOFException": errors.HazelcastEOFError, "HazelcastException": errors.HazelcastError,
            "IOException": errors.HazelcastIOError, "RuntimeException": errors.HazelcastRuntimeError,
            "SecurityException": errors.HazelcastSecurityError,
            "SocketException": errors.HazelcastSocketError,
            "TimeoutException": errors.HazelcastTimeoutError,
            "InterruptedException": errors.InterruptedError_,
            "IllegalAccessException": errors.IllegalAccessError,
            "MaxMessageSizeExceeded": errors.MaxMessageSizeExceededError,
            "AssertionError": errors.HazelcastAssertionError}
_MESSAGES = {19: "java.io.IOException", 33: "Illegal IP address format: SampleString",
             63: "SampleString: SampleString", 70: None,
             73: "The size of the message exceeds the maximum value of 2147483647 bytes."}
_TRACE_HEAD = ("com.hazelcast.client.protocol.compatibility.ReferenceObjects", "<clinit>",
               "ReferenceObjects.java")


def _expected_class(java_name):
    if java_name in _SPECIAL:
        return _SPECIAL[java_name]
    return getattr(errors, java_name.replace("Exception", "Error"))


@pytest.mark.parametrize("name,count,first_line", [("1.0", 78, 211), ("1.1", 2, 293)])
def test_error_codec_vectors(name, count, first_line):
    path = require_shared(os.path.join(VECTORS, "%s.protocol.errorCodec.compatibility.binary"
                                       % name))
    records = list(read_error_vectors(path))
    assert len(records) == count
    for key, frame in records:
        error = error_from_message(ClientMessage(frame))
        java_name = key.split("-", 1)[1]
        assert type(error) is _expected_class(java_name), key
        assert error.server_class_name.rsplit(".", 1)[-1].rsplit("$", 1)[-1] == java_name, key
        assert error.server_message == _MESSAGES.get(error.error_code, "SampleString"), key
        assert error.message == error.server_message
        assert len(error.server_stack_trace) == 7
        assert error.server_stack_trace[0] == _TRACE_HEAD + (first_line,)
        assert error.server_stack_trace[2][3] == -2
        if error.error_code == 19:
            assert (error.cause_error_code, error.cause_class_name) == (24, "java.io.IOException")
        else:
            assert (error.cause_error_code, error.cause_class_name) == (0, None)
        assert ERROR_CLASSES[error.error_code] is type(error)


def test_table_covers_every_3_12_code():
    path = require_shared(os.path.join(SHARED, "definitions", "error-codes-3.12.tsv"))
    with open(path, newline="") as f:
        codes = [int(row["code"]) for row in csv.DictReader(f, delimiter="\t")]
    assert [c for c in codes if c < 500] == list(range(98))
    assert sorted(ERROR_CLASSES) == list(range(98))


@pytest.mark.parametrize("code,cls", [(0, errors.UndefinedError), (3, errors.AuthenticationError),
                                      (21, errors.HazelcastInstanceNotActiveError),
                                      (55, errors.TargetDisconnectedError),
                                      (97, errors.NotLeaderError), (98, errors.UndefinedError),
                                      (499, errors.UndefinedError), (500, errors.JetError),
                                      (599, errors.JetError), (600, errors.UndefinedError),
                                      (999, errors.UndefinedError), (1000, errors.UserError),
                                      (123456, errors.UserError), (-1, errors.UndefinedError)])
def test_error_class_ranges(code, cls):
    assert error_class(code) is cls


def test_truncated_error_message_is_protocol_error():
    path = require_shared(os.path.join(VECTORS, "1.1.protocol.errorCodec.compatibility.binary"))
    _, frame = next(iter(read_error_vectors(path)))
    for cut in (22, 30, len(frame) // 2, len(frame) - 1):
        with pytest.raises(errors.ProtocolError):
            error_from_message(ClientMessage(frame[:cut]))
