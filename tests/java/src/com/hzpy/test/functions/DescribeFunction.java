package com.hzpy.test.functions;

import com.hazelcast.core.IFunction;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * {@code "<simple class name>:<value>"} of the value, or {@code "null"}: a result of
 * another type than the value, for apply(). Factory 2001, class 3, no fields.
 */
public class DescribeFunction implements IFunction<Object, Object>, IdentifiedDataSerializable {

    @Override
    public Object apply(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    @Override
    public int getFactoryId() {
        return FunctionsFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return FunctionsFactory.DESCRIBE;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
