"""The wire format against a real member, with nothing of the client but ClientMessage."""
from tests.support import raw


def test_authentication_succeeds(member_address):
    sock, response = raw.authenticate(member_address, "dev", "dev-pass")
    with sock:
        assert response.message_type == raw.AUTHENTICATION_RESPONSE
        assert response.correlation_id == 1
        assert response.read_byte() == raw.AUTH_OK
        assert response.read_null_flag() is False  # the member's address follows
        assert response.read_str() == member_address[0]
        assert response.read_int() == member_address[1]


def test_wrong_group_name_is_refused(member_address):
    sock, response = raw.authenticate(member_address, "not-dev", "dev-pass")
    with sock:
        if response.message_type == raw.AUTHENTICATION_RESPONSE:
            assert response.read_byte() == raw.AUTH_CREDENTIALS_FAILED
        else:
            assert response.message_type == raw.ERROR_RESPONSE


def test_ping_gets_void_response(member_address):
    sock, response = raw.authenticate(member_address)
    with sock:
        assert response.read_byte() == raw.AUTH_OK
        raw.send(sock, raw.ping_request(correlation_id=7))
        reply = raw.receive(sock)
        assert reply.message_type == raw.VOID_RESPONSE
        assert reply.correlation_id == 7
