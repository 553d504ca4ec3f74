package com.hzpy.test.functions;

import com.hazelcast.core.IFunction;

/** {@code value * factor} for an AtomicLong. Factory 2001, class 1, fields: long factor. */
public class MultiplyFunction extends LongArgument implements IFunction<Long, Long> {

    @Override
    public Long apply(Long value) {
        return value * argument;
    }

    @Override
    public int getFactoryId() {
        return FunctionsFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return FunctionsFactory.MULTIPLY;
    }
}
