package com.hzpy.test.functions;

import java.util.concurrent.Callable;

/**
 * Increments the AtomicLong named {@code counterName} on the member that runs it and
 * returns the new value. Factory 2002, class 2, fields: UTF counterName.
 */
public class IncrementTask extends MemberTask implements Callable<Long> {
    @Override
    public Long call() {
        return instance.getAtomicLong(argument).incrementAndGet();
    }

    @Override
    public int getId() {
        return ExecutorTasksFactory.INCREMENT;
    }
}
