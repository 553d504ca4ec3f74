package com.hzpy.test.functions;

import com.hazelcast.core.IFunction;

/**
 * {@code String.valueOf(value) + suffix}, or just {@code suffix} when the value is null
 * (AtomicReference). Factory 2001, class 2, fields: UTF suffix.
 */
public class AppendFunction extends StringArgument implements IFunction<Object, Object> {

    @Override
    public Object apply(Object value) {
        return value == null ? argument : String.valueOf(value) + argument;
    }

    @Override
    public int getFactoryId() {
        return FunctionsFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return FunctionsFactory.APPEND;
    }
}
