"""Small helpers. ``TimeUnit`` is reachable here, where 3.12.3 had it; it is defined in
:mod:`hazelcast.config` and imported on first use, so that importing a helper of this
package never imports the config (which may itself use these helpers)."""
from types import ModuleType

from hazelcast.util.lazy import lazy_attributes


def _config() -> ModuleType:
    import hazelcast.config as module
    return module


__getattr__ = lazy_attributes(__name__, {"TimeUnit": (_config, "TimeUnit")})
