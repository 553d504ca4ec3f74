package com.hzpy.test.functions;

import com.hazelcast.core.IFunction;

import java.util.concurrent.Callable;

/**
 * Throws {@code IllegalStateException(message)}, as a function (alter/apply) and as an
 * executor task. Factory 2001, class 4, fields: UTF message.
 */
public class FailingFunction extends StringArgument implements IFunction<Object, Object>, Callable<Object> {

    @Override
    public Object apply(Object value) {
        throw new IllegalStateException(argument);
    }

    @Override
    public Object call() {
        throw new IllegalStateException(argument);
    }

    @Override
    public int getFactoryId() {
        return FunctionsFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return FunctionsFactory.FAILING;
    }
}
