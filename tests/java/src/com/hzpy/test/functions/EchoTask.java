package com.hzpy.test.functions;

import com.hazelcast.nio.Address;

import java.util.concurrent.Callable;

/**
 * Returns {@code message + "@" + host:port} of the member that ran it.
 * Factory 2002, class 1, fields: UTF message.
 */
public class EchoTask extends MemberTask implements Callable<String> {
    @Override
    public String call() {
        Address address = instance.getCluster().getLocalMember().getAddress();
        return argument + "@" + address.getHost() + ":" + address.getPort();
    }

    @Override
    public int getId() {
        return ExecutorTasksFactory.ECHO;
    }
}
