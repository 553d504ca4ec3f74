"""Distributed executor service proxy (``client.get_executor(name)``).

A task is an object the member can run: a Java ``Callable`` (or ``Runnable``)
on the member's classpath that is ``IdentifiedDataSerializable`` or
``Portable``, sent as its Python twin (same factory and class id, same
fields). The member runs it in the executor named ``name`` and sends back what
``call()`` returned (None for a Runnable).

Argument order is 3.12.3's: where the task runs first, then the task
(``execute_on_key_owner(key, task)``, ``execute_on_member(member, task)``).

After ``shutdown()`` this proxy refuses new tasks with ``RejectedExecutionError``.
(A 3.x member itself still runs tasks sent to a shut-down executor, e.g. by
another client: it re-creates the executor on demand.)
"""
import uuid
from typing import Any, Iterable

from hazelcast.core import Member
from hazelcast.errors import IllegalArgumentError, RejectedExecutionError
from hazelcast.future import Future, combine_futures
from hazelcast.protocol.codec import (executor_service_is_shutdown_codec, executor_service_shutdown_codec,
                                      executor_service_submit_to_address_codec,
                                      executor_service_submit_to_partition_codec)
from hazelcast.proxy.base import Proxy, check_not_none


class Executor(Proxy):
    """Runs tasks on cluster members. Methods return Futures; ``blocking()`` gives
    plain values (and waits for the tasks to finish)."""

    def __init__(self, service_name: str, name: str, context):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._decode_result = lambda message: to_object(
            executor_service_submit_to_address_codec.decode_response(message))
        self._shut_down = False

    def execute_on_key_owner(self, key: Any, task: Any) -> Future:
        """Run ``task`` on the member that owns ``key``; Future of its result."""
        task_data = self._task_data(task, "execute_on_key_owner")
        check_not_none(key, "Executor.execute_on_key_owner: key")
        partition_id = self._partition_service.get_partition_id(self._to_data(key))
        request = executor_service_submit_to_partition_codec.encode_request(
            self.name, str(uuid.uuid4()), task_data, partition_id)
        # wait_timeout=None: how long the task runs is up to the task
        return self._invoke_on_partition(request, partition_id, self._decode_result, wait_timeout=None)

    def execute_on_member(self, member: Member, task: Any) -> Future:
        """Run ``task`` on ``member`` (from ``client.cluster.get_member_list()``);
        Future of its result."""
        task_data = self._task_data(task, "execute_on_member")
        _check_member(member, "Executor.execute_on_member: member")
        return self._submit_to(task_data, member)

    def execute_on_members(self, members: Iterable[Member], task: Any) -> Future:
        """Run ``task`` on each of ``members``; Future of the list of results, in the
        order of ``members`` (fails with the first error)."""
        task_data = self._task_data(task, "execute_on_members")
        if members is None or isinstance(members, (Member, str, bytes)):
            raise IllegalArgumentError("Executor.execute_on_members: members must be an iterable of "
                                       "Member, got %r" % (members,))
        members = list(members)
        for member in members:
            _check_member(member, "Executor.execute_on_members: each of members")
        return combine_futures([self._submit_to(task_data, member) for member in members])

    def execute_on_all_members(self, task: Any) -> Future:
        """Run ``task`` on every member of the cluster; Future of the list of results,
        in member-list order."""
        task_data = self._task_data(task, "execute_on_all_members")
        members = self._context.cluster_service.get_member_list()
        return combine_futures([self._submit_to(task_data, member) for member in members])

    def is_shutdown(self) -> Future:
        """Future of True once the executor has been shut down."""
        return self._invoke(executor_service_is_shutdown_codec.encode_request(self.name),
                            executor_service_is_shutdown_codec.decode_response)

    def shutdown(self) -> Future:
        """Shut the executor down on every member (running tasks finish); this proxy
        then refuses new tasks with ``RejectedExecutionError``."""
        self._shut_down = True
        return self._invoke(executor_service_shutdown_codec.encode_request(self.name))._map(lambda _: None)

    # --- helpers --------------------------------------------------------------------------

    def _task_data(self, task: Any, method: str):
        if self._shut_down:
            raise RejectedExecutionError("Executor.%s: executor '%s' was shut down by this client; "
                                         "no new tasks are accepted" % (method, self.name))
        check_not_none(task, "Executor.%s: task" % method)
        return self._to_data(task)

    def _submit_to(self, task_data, member: Member) -> Future:
        address = member.address
        request = executor_service_submit_to_address_codec.encode_request(
            self.name, str(uuid.uuid4()), task_data, address)
        return self._invoke_on_target(request, (address.host, address.port), self._decode_result,
                                      wait_timeout=None)  # as long as the task runs


def _check_member(member: Any, what: str) -> None:
    if not isinstance(member, Member):
        raise IllegalArgumentError("%s must be a hazelcast.core.Member (e.g. from "
                                   "client.cluster.get_member_list()), got %r" % (what, member))
