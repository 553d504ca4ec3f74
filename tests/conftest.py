"""Shared pytest setup: import paths, the integration marker, member logs on failure."""
import os
import sys

import pytest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO_ROOT not in sys.path:
    sys.path.insert(0, REPO_ROOT)

from tests.support import cluster as harness  # noqa: E402

_INTEGRATION_DIR = os.path.join(REPO_ROOT, "tests", "integration") + os.sep


def pytest_collection_modifyitems(config, items):
    for item in items:
        if str(item.fspath).startswith(_INTEGRATION_DIR):
            item.add_marker(pytest.mark.integration)


def pytest_sessionstart(session):
    killed = harness.sweep_stale_members()
    if killed:
        sys.stderr.write("hzpy harness: killed %d member(s) left by an earlier run: %s\n"
                         % (len(killed), killed))


def pytest_sessionfinish(session, exitstatus):
    harness.kill_all_members()


def _log_sizes():
    sizes = {}
    for member in harness.started_members():
        try:
            sizes[member.log_path] = os.path.getsize(member.log_path)
        except OSError:
            sizes[member.log_path] = 0
    return sizes


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item._hz_log_sizes = _log_sizes()


MAX_LOG_LINES = 150


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    before = getattr(item, "_hz_log_sizes", {})
    seen = set()
    for member in harness.started_members():
        if member.log_path in seen:
            continue
        seen.add(member.log_path)
        try:
            with open(member.log_path, "rb") as f:
                f.seek(before.get(member.log_path, 0))
                text = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        if not text.strip():
            continue
        lines = text.splitlines()
        if len(lines) > MAX_LOG_LINES:
            lines = ["... %d earlier lines in %s ..." % (len(lines) - MAX_LOG_LINES,
                                                         member.log_path)] + lines[-MAX_LOG_LINES:]
        report.sections.append(("member log %s (%s)" % (member.address_str, report.when),
                                "\n".join(lines)))
