package com.hzpy.test.functions;

import com.hazelcast.core.IFunction;

/**
 * Ringbuffer read filter: true for items whose string form starts with the prefix.
 * Factory 2001, class 5, fields: UTF prefix.
 */
public class StartsWithFilter extends StringArgument implements IFunction<Object, Boolean> {

    @Override
    public Boolean apply(Object item) {
        return item != null && String.valueOf(item).startsWith(argument);
    }

    @Override
    public int getFactoryId() {
        return FunctionsFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return FunctionsFactory.STARTS_WITH;
    }
}
