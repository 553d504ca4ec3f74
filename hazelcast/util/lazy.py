"""Module attributes imported on first use (PEP 562 ``__getattr__``)."""
from typing import Any, Callable, Dict, Optional, Tuple

Loader = Callable[[], Any]
"""Imports a module with a plain import statement and returns it."""


def lazy_attributes(module_name: str, table: Dict[str, Tuple[Loader, Optional[str]]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``table``: attribute -> (loader of the module that defines
    it, name in that module; None for the module itself). Used for names 3.12.3 had in a
    module that we define elsewhere, where importing them up front would cost time or make
    an import cycle. The loaders are plain imports, so readers and tools can follow them."""
    def __getattr__(name: str) -> Any:
        try:
            load, attribute = table[name]
        except KeyError:
            raise AttributeError("module %r has no attribute %r" % (module_name, name)) from None
        module = load()
        return module if attribute is None else getattr(module, attribute)

    return __getattr__
