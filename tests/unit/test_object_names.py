"""Object names that are not a non-empty str are refused, naming the kind of object."""
import pytest

from hazelcast.errors import IllegalArgumentError
from hazelcast.proxy import manager
from tests.support.contexts import proxy_context


@pytest.mark.parametrize("service,kind", [(manager.MAP_SERVICE, "Map"), (manager.QUEUE_SERVICE, "Queue"),
                                          (manager.LOCK_SERVICE, "Lock")])
@pytest.mark.parametrize("name", [123, None, b"m", ["m"], ""])
def test_bad_names_are_refused_before_any_proxy_is_built(service, kind, name):
    with pytest.raises(IllegalArgumentError) as caught:
        manager.ProxyManager(lambda proxies: proxy_context(proxy_manager=proxies)).get_or_create(service, name)
    assert str(caught.value) == "The name of a %s must be a non-empty str, got %r (%s)" % (
        kind, name, type(name).__name__)
