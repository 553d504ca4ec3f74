"""Suggestions ("did you mean ...?") for misspelled setting and property names."""
import difflib
from typing import Iterable, Optional

_CUTOFF = 0.6


def _forms(name: str, separator: str) -> Iterable[str]:
    """``name`` and its abbreviation by initials (time_to_live_seconds -> ttl_seconds)."""
    yield name
    words = name.split(separator)
    if len(words) > 2:
        yield "".join(word[:1] for word in words[:-1]) + separator + words[-1]


def close_match(name: str, known: Iterable[str], separator: str = "_") -> Optional[str]:
    """The known name ``name`` most likely misspells, or None when none is close."""
    best, best_score = None, _CUTOFF
    for candidate in known:
        score = max(difflib.SequenceMatcher(None, name, form).ratio()
                    for form in _forms(candidate, separator))
        if score > best_score or (score == best_score and best is None):
            best, best_score = candidate, score
    return best
