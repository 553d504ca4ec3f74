"""Module attributes imported on first use (PEP 562 ``__getattr__``)."""
import importlib
from typing import Any, Callable, Dict, Optional, Tuple


def lazy_attributes(module_name: str, table: Dict[str, Tuple[str, Optional[str]]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``table``: attribute -> (module to import, name in it;
    None for the module itself). Used for names 3.12.3 had in a module that we define
    elsewhere, where importing them up front would cost time or make an import cycle."""
    def __getattr__(name: str) -> Any:
        try:
            source, attribute = table[name]
        except KeyError:
            raise AttributeError("module %r has no attribute %r" % (module_name, name)) from None
        module = importlib.import_module(source)
        return module if attribute is None else getattr(module, attribute)

    return __getattr__
