"""The official 3.12.3 client in its own virtualenv, described once per introspect.py version.

The virtualenv lives in .cache/compat-venv/ (git-ignored) on this interpreter; 3.12.3's
files never enter this repository. When pip cannot reach PyPI the conformance test skips,
except under run-tests.sh or CI (HZ_REQUIRE_COMPAT=1 or CI set), where it fails.
"""
import hashlib
import json
import os
import subprocess
import sys
from typing import Any, Dict, List

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
OFFICIAL_PACKAGE = "hazelcast-python-client==3.12.3"
VENV = os.path.join(REPO_ROOT, ".cache", "compat-venv")
INTROSPECT = os.path.join(HERE, "introspect.py")

# summary lines printed at the end of the run (pytest_terminal_summary)
SUMMARY: List[str] = []


def _required() -> bool:
    return os.environ.get("HZ_REQUIRE_COMPAT") == "1" or bool(os.environ.get("CI"))


def _venv_python() -> str:
    if os.name == "nt":
        return os.path.join(VENV, "Scripts", "python.exe")
    return os.path.join(VENV, "bin", "python")


def clean_env() -> Dict[str, str]:
    # run-tests.sh puts this checkout on PYTHONPATH: the official venv must not see it
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def _run(argv: List[str]) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True,
                          env=clean_env(), cwd=HERE)


def _unavailable(why: str) -> None:
    if _required():
        pytest.fail("the official client is needed for the compat test: %s" % why)
    pytest.skip("official client not installable here (offline?): %s" % why)


def ensure_official_python() -> str:
    """The python of .cache/compat-venv/ with 3.12.3 installed (made on first use)."""
    python = _venv_python()
    want = "%d.%d" % sys.version_info[:2]
    if os.path.isfile(python):
        have = _run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).stdout.strip()
        if have != want:
            python = ""
    else:
        python = ""
    if not python:
        made = _run([sys.executable, "-m", "venv", "--clear", VENV])
        if made.returncode != 0:
            _unavailable("python -m venv failed: %s" % made.stderr.strip()[-500:])
        python = _venv_python()
    version = _run([python, "-c", "import importlib.metadata as m; "
                                  "print(m.version('hazelcast-python-client'))"]).stdout.strip()
    if version != OFFICIAL_PACKAGE.split("==")[1]:
        installed = _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                          OFFICIAL_PACKAGE])
        if installed.returncode != 0:
            _unavailable("pip install %s failed: %s" % (OFFICIAL_PACKAGE, installed.stderr.strip()[-500:]))
    return python


def _introspect_digest() -> str:
    with open(INTROSPECT, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


@pytest.fixture(scope="session")
def official_api() -> Dict[str, Any]:
    """The JSON description of 3.12.3's API (see introspect.py), cached per script version."""
    cache = os.path.join(VENV, "api-%s.json" % _introspect_digest())
    if os.path.isfile(cache):
        with open(cache) as f:
            return json.load(f)
    python = ensure_official_python()
    attributes = _run([python, INTROSPECT, "--attributes"])
    described = _run([python, INTROSPECT])
    for result in (attributes, described):
        if result.returncode != 0:
            pytest.fail("introspect.py failed in %s:\n%s" % (VENV, result.stderr[-3000:]))
    api = json.loads(described.stdout)
    if not os.path.abspath(api["origin"]).startswith(os.path.abspath(VENV) + os.sep):
        pytest.fail("introspect.py described this checkout (%s), not 3.12.3" % api["origin"])
    api["attributes_after_import"] = json.loads(attributes.stdout)
    tmp = cache + ".tmp%d" % os.getpid()
    with open(tmp, "w") as f:
        json.dump(api, f)
    os.replace(tmp, cache)
    return api


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for line in SUMMARY:
        terminalreporter.write_line(line)
