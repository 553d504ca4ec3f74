"""A ProxyContext for unit tests that build proxies without a client."""
import dataclasses
from typing import Any

from hazelcast.proxy.base import ProxyContext


def proxy_context(**services: Any) -> ProxyContext:
    """A context with ``services`` (by field name) and None for every other field: a proxy
    that reaches a service the test did not give fails with an AttributeError on None."""
    fields = {field.name: None for field in dataclasses.fields(ProxyContext)}
    unknown = set(services) - set(fields)
    if unknown:
        raise TypeError("ProxyContext has no field(s) %s" % ", ".join(sorted(unknown)))
    fields.update(services)
    return ProxyContext(**fields)
