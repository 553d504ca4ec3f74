"""Parsing the member addresses of ``ClientNetworkConfig.addresses``."""
from typing import List, Tuple

from hazelcast.errors import ConfigurationError

DEFAULT_PORTS = (5701, 5702, 5703)
DEFAULT_HOST = "localhost"

Endpoint = Tuple[str, int]


def parse_address(text: str) -> List[Endpoint]:
    """Turn ``host``, ``host:port`` or ``[v6]:port`` into the endpoints to try.

    A missing port means 5701, 5702 and 5703. A bare IPv6 address (more than
    one colon, no brackets) is taken as a host without a port.
    """
    if not isinstance(text, str):
        raise ConfigurationError("member address must be a string like 'host', 'host:port' or "
                                 "'[v6]:port', got %r" % (text,))
    value = text.strip()
    if not value:
        raise ConfigurationError("member address is empty; use 'host', 'host:port' or '[v6]:port'")
    if value.startswith("["):
        close = value.find("]")
        if close < 0:
            raise ConfigurationError("member address %r has '[' without ']'" % text)
        host = value[1:close]
        rest = value[close + 1:]
        if not rest:
            return [(host, port) for port in DEFAULT_PORTS]
        if not rest.startswith(":"):
            raise ConfigurationError("member address %r: expected ':port' after ']'" % text)
        return [(host, _parse_port(rest[1:], text))]
    if value.count(":") > 1:  # bare IPv6
        return [(value, port) for port in DEFAULT_PORTS]
    if ":" in value:
        host, _, port_text = value.partition(":")
        if not host:
            raise ConfigurationError("member address %r has no host" % text)
        return [(host, _parse_port(port_text, text))]
    return [(value, port) for port in DEFAULT_PORTS]


def _parse_port(port_text: str, original: str) -> int:
    try:
        port = int(port_text)
    except ValueError:
        raise ConfigurationError("member address %r: port %r is not a number (1-65535)"
                                 % (original, port_text)) from None
    if not 0 < port < 65536:
        raise ConfigurationError("member address %r: port %d is out of range (1-65535)" % (original, port))
    return port


def parse_addresses(addresses: List[str]) -> List[Endpoint]:
    """All endpoints of the configured list (``localhost`` when it is empty), without duplicates."""
    endpoints: List[Endpoint] = []
    seen = set()
    for text in addresses or [DEFAULT_HOST]:
        for endpoint in parse_address(text):
            if endpoint not in seen:
                seen.add(endpoint)
                endpoints.append(endpoint)
    return endpoints
