"""Code samples of the user manual (../shared/reference/client-manual.md), read at test time.

Tests run the samples exactly as the manual prints them; where the manual is
absent (a clone without ../shared), they skip with the path they looked at.
"""
import os
import re

import pytest

MANUAL_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                           "..", "shared", "reference", "client-manual.md")

_BLOCK_RE = re.compile(r"```python\n(.*?)```", re.S)


def manual_text() -> str:
    path = os.path.normpath(MANUAL_PATH)
    if not os.path.exists(path):
        pytest.skip("the user manual is not at %s (it lives in ../shared beside the repo)" % path)
    with open(path, encoding="utf-8") as f:
        return f.read()


def python_blocks(start_heading: str, end_heading: str):
    """The ```python blocks between two headings (their text, e.g. '## 1.5. Basic Usage')."""
    text = manual_text()
    start = text.index(start_heading)
    end = text.index(end_heading, start)
    return [block for block in _BLOCK_RE.findall(text[start:end])]


DOCS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "docs")


def doc_python_blocks(doc_name: str):
    """The ```python blocks of ``docs/<doc_name>``, in order."""
    with open(os.path.join(DOCS_DIR, doc_name), encoding="utf-8") as f:
        return _BLOCK_RE.findall(f.read())


def run_blocks(blocks, namespace, source="<sample>") -> str:
    """Execute code blocks in order in one namespace; return what they printed."""
    import contextlib
    import io
    import textwrap
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for i, block in enumerate(blocks):
            exec(compile(textwrap.dedent(block), "%s#%d" % (source, i), "exec"), namespace)
    return out.getvalue()
