"""Code written against hazelcast-python-client 3.12.3 finds the same API here.

3.12.3 is installed from PyPI into .cache/compat-venv/ at test time and described by
introspection (introspect.py); nothing of it is copied here, so this cannot drift from it.
Its user-facing modules, names, constant values and signatures must all exist here (see
api_compare.py for the rules); the internals below are excluded, each with its reason.
"""
import json
import subprocess
import sys

from tests.compat import conftest
from tests.compat.api_compare import Comparer, matches

# --- what is not user-facing in 3.12.3, so not compared --------------------------------
# fnmatch patterns on dotted module paths -> why a user's code does not import it
EXCLUDED_MODULES = {
    "hazelcast.six": "vendored Python 2/3 shim; this client is Python 3 only",
    "hazelcast.six.*": "vendored Python 2/3 shim; this client is Python 3 only",
    "hazelcast.protocol": "wire protocol (generated codecs, message framing): client internals",
    "hazelcast.protocol.*": "wire protocol (generated codecs, message framing): client internals",
    "hazelcast.connection": "connection internals (ours: hazelcast/network/)",
    "hazelcast.reactor": "I/O reactor internals (ours: hazelcast/network/reactor.py)",
    "hazelcast.invocation": "invocation service internals",
    "hazelcast.listener": "listener registration internals; users add listeners on proxies/cluster",
    "hazelcast.partition": "partition table internals",
    "hazelcast.hash": "murmur hash for partitioning: internals (ours: hazelcast/util/hashing.py)",
    "hazelcast.discovery": "cloud discovery internals; configured through ClientCloudConfig",
    "hazelcast.near_cache": "near cache storage internals; configured through NearCacheConfig",
    "hazelcast.statistics": "client statistics sender internals; configured through properties",
    "hazelcast.serialization.base": "serialization service internals",
    "hazelcast.serialization.bits": "byte-size constants of the serializers: internals",
    "hazelcast.serialization.data": "the serialized Data blob: internals",
    "hazelcast.serialization.input": "stream implementation; users see serialization.api.ObjectDataInput",
    "hazelcast.serialization.output": "stream implementation; users see serialization.api.ObjectDataOutput",
    "hazelcast.serialization.serializer": "built-in serializers: internals",
    "hazelcast.serialization.serialization_const": "built-in type ids: internals",
    "hazelcast.serialization.service": "serialization service internals",
    "hazelcast.serialization.portable.context": "portable class-definition registry: internals",
    "hazelcast.serialization.portable.reader":
        "portable reader implementation; users see serialization.api.PortableReader",
    "hazelcast.serialization.portable.writer":
        "portable writer implementation; users see serialization.api.PortableWriter",
    "hazelcast.serialization.portable.serializer": "portable serializer: internals",
}

# fnmatch patterns on dotted paths of names -> why it is not user-facing
_CLIENT_BUILT = "created by the client (get_map(), ...), never constructed by user code"
EXCLUDED_NAMES = {
    "*.logger": "3.12.3's per-object logging.Logger; ours logs under 'HazelcastClient.*' (standard logging)",
    "hazelcast.proxy.*.__init__": _CLIENT_BUILT,
    "hazelcast.proxy.*.partition_key": "routing internals of 3.12.3's proxies",
    "hazelcast.proxy.*.reference_id_generator": "lock reference ids: internals",
    "hazelcast.proxy.ProxyManager": "the client's proxy registry: internals",
    "hazelcast.proxy.create_map_proxy": "3.12.3's proxy factory: internals (use client.get_map())",
    "hazelcast.proxy.to_list": "internal helper (3.12.3's util.to_list, re-imported there)",
    "hazelcast.serialization.SerializationServiceV1": "the serialization service: internals",
    "hazelcast.proxy.base.default_response_handler": "3.12.3's codec plumbing: internals",
    "hazelcast.proxy.map.create_map_proxy": "3.12.3's proxy factory: internals (use client.get_map())",
    "hazelcast.proxy.map.MapFeatNearCache": "3.12.3's near-cached map class: internals (use client.get_map())",
    "hazelcast.proxy.base.get_entry_listener_flags": "listener flag plumbing: internals",
    "hazelcast.client.HazelcastClient.CLIENT_ID": "3.12.3's instance counter: internals",
    "hazelcast.client.HazelcastClient.heartbeat": "client service objects: internals",
    "hazelcast.client.HazelcastClient.invoker": "client service objects: internals",
    "hazelcast.client.HazelcastClient.listener": "client service objects: internals",
    "hazelcast.client.HazelcastClient.load_balancer": "client service objects: internals",
    "hazelcast.client.HazelcastClient.lock_reference_id_generator": "client service objects: internals",
    "hazelcast.client.HazelcastClient.near_cache_manager": "client service objects: internals",
    "hazelcast.client.HazelcastClient.proxy": "client service objects: internals",
    "hazelcast.client.HazelcastClient.reactor": "client service objects: internals",
    "hazelcast.client.HazelcastClient.statistics": "client service objects: internals",
    "hazelcast.client.HazelcastClient.transaction_manager": "client service objects: internals",
    "hazelcast.cluster.ClusterService.__init__": _CLIENT_BUILT,
    "hazelcast.cluster.ClusterService.start": "started by the client",
    "hazelcast.cluster.ClusterService.listeners": "listener storage: internals (use add_listener)",
    "hazelcast.cluster.ClusterService.owner_connection_address": "connection internals",
    "hazelcast.cluster.ClusterService.owner_uuid": "connection internals",
    "hazelcast.cluster.ClusterService.uuid": "connection internals",
    "hazelcast.cluster.RandomLoadBalancer":
        "3.12.3 always uses it internally; ClientConfig.load_balancer is not read by 3.12.3",
    "hazelcast.cluster.VectorClock": "PN counter replica timestamps: internals",
    "hazelcast.lifecycle.LifecycleService.__init__": _CLIENT_BUILT,
    "hazelcast.transaction.TransactionManager.__init__": _CLIENT_BUILT,
    "hazelcast.transaction.Transaction.__init__": "created by client.new_transaction()",
    "hazelcast.transaction.Transaction.client": "transaction internals",
    "hazelcast.transaction.Transaction.connection": "transaction internals",
    "hazelcast.transaction.Transaction.start_time": "transaction internals",
    "hazelcast.transaction.Transaction.thread_id": "transaction internals",
    "hazelcast.transaction.RETRY_COUNT": "transaction internals",
    "hazelcast.exception.ERROR_CODE_TO_ERROR": "the member error-code table: internals",
    "hazelcast.exception.create_exception": "builds errors from member responses: internals",
    "hazelcast.exception.is_retryable_error": "retry policy: internals",
    "hazelcast.exception.retryable": "the decorator marking retryable errors: internals",
    "hazelcast.exception.*.retryable": "retry policy flag: internals",
    "hazelcast.future.Future.logger": "see *.logger",
    "hazelcast.future.NONE_RESULT": "3.12.3's sentinel for 'no result yet': internals",
    "hazelcast.serialization.predicate.*.read_data": "called by the serializer, not by user code",
    "hazelcast.serialization.predicate.*.write_data": "called by the serializer, not by user code",
    "hazelcast.util.AtomicInteger": "internal helper",
    "hazelcast.util.DEFAULT_ADDRESS": "internal helper",
    "hazelcast.util.DEFAULT_PORT": "internal helper",
    "hazelcast.util.DEFAULT_LOGGING": "3.12.3's logging dictConfig; ours: LoggerConfig",
    "hazelcast.util.HazelcastFormatter": "3.12.3's log formatter; ours: LoggerConfig",
    "hazelcast.util.VersionMessageFilter": "3.12.3's log filter; ours: LoggerConfig",
    "hazelcast.util.ImmutableLazyDataList": "internal helper",
    "hazelcast.util.MAJOR_VERSION_MULTIPLIER": "internal helper",
    "hazelcast.util.MINOR_VERSION_MULTIPLIER": "internal helper",
    "hazelcast.util.UNKNOWN_VERSION": "internal helper",
    "hazelcast.util.MILLISECONDS_IN_SECONDS": "internal helper",
    "hazelcast.util.NANOSECONDS_IN_SECONDS": "internal helper",
    "hazelcast.util.calculate_version": "internal helper",
    "hazelcast.util.check_*": "internal argument checks",
    "hazelcast.util.create_git_info": "internal helper",
    "hazelcast.util.current_time*": "internal helper",
    "hazelcast.util.enum": "internal helper (3.12.3 builds its enum classes with it)",
    "hazelcast.util.get_portable_version": "internal helper",
    "hazelcast.util.get_possible_addresses": "internal helper",
    "hazelcast.util.get_provider_addresses": "internal helper",
    "hazelcast.util.parse_addresses": "internal helper",
    "hazelcast.util.thread_id": "internal helper",
    "hazelcast.util.to_list": "internal helper",
    "hazelcast.util.to_millis": "internal helper",
    "hazelcast.util.to_nanos": "internal helper",
    "hazelcast.util.validate_serializer": "internal helper",
    "hazelcast.util.validate_type": "internal helper",
    "*.reverse": "3.12.3's enum-builder reverse lookup dict, not an enum member",
    "hazelcast.transaction.TransactionManager.*": "the client's transaction service; users call "
                                                   "client.new_transaction(), which matches",
    "hazelcast.version.GIT_*": "3.12.3's build-time git metadata",
    "hazelcast.version.GitInfoProvider": "3.12.3's build-time git metadata",
    "hazelcast.version.get_commit_*": "3.12.3's build-time git metadata",
    "hazelcast.version.read_git_info": "3.12.3's build-time git metadata",
    "hazelcast.version.write_git_info": "3.12.3's build-time git metadata",
}

# --- reviewed differences not fixed yet: each must still be a difference --------------
KNOWN_GAPS = {
}


def _compare(official_api):
    return Comparer(official_api, EXCLUDED_MODULES, EXCLUDED_NAMES, KNOWN_GAPS).run()


def test_same_api_as_3_12_3(official_api):
    report = _compare(official_api)
    conftest.SUMMARY.append(report.summary() + ", known gaps %d" % len(report.known_gaps_hit))
    problems = "\n".join("%s: %s" % p for p in report.problems)
    assert not report.problems, "%d differences from 3.12.3:\n%s" % (len(report.problems), problems)


def test_known_gaps_are_still_gaps(official_api):
    """A fixed gap must leave KNOWN_GAPS, so the list stays honest."""
    report = _compare(official_api)
    stale = [p for p in KNOWN_GAPS if not any(
        matches(hit, {p: ""}) is not None for hit in report.known_gaps_hit)]
    assert not stale, "no longer differ from 3.12.3, remove from KNOWN_GAPS: %s" % stale


def test_submodules_reachable_after_import_hazelcast(official_api):
    """3.12.3's ``import hazelcast`` imports its submodules, so code written for it uses
    e.g. ``hazelcast.exception.HazelcastError`` after a bare ``import hazelcast``."""
    wanted = [m for m in official_api["attributes_after_import"] if matches(m, EXCLUDED_MODULES) is None]
    # a fresh interpreter: only ``import hazelcast``, then attribute access as user code does it
    code = ("import json, sys, functools, hazelcast\n"
            "def reachable(path):\n"
            "    try:\n"
            "        functools.reduce(getattr, path.split('.')[1:], hazelcast)\n"
            "        return True\n"
            "    except AttributeError:\n"
            "        return False\n"
            "print(json.dumps([p for p in json.loads(sys.argv[1]) if not reachable(p)]))\n")
    result = subprocess.run([sys.executable, "-c", code, json.dumps(wanted)], stdout=subprocess.PIPE,
                            text=True, cwd=conftest.REPO_ROOT, check=True)
    missing = json.loads(result.stdout)
    conftest.SUMMARY.append("compat: submodules reachable after 'import hazelcast' %d/%d"
                            % (len(wanted) - len(missing), len(wanted)))
    assert not missing, "not reachable after 'import hazelcast': %s" % missing
