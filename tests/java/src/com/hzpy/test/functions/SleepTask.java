package com.hzpy.test.functions;

import java.util.concurrent.Callable;

/** Sleeps {@code millis} and returns it. Factory 2002, class 4, fields: long millis. */
public class SleepTask extends LongArgument implements Callable<Long> {

    @Override
    public Long call() throws InterruptedException {
        Thread.sleep(argument);
        return argument;
    }

    @Override
    public int getFactoryId() {
        return ExecutorTasksFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return ExecutorTasksFactory.SLEEP;
    }
}
