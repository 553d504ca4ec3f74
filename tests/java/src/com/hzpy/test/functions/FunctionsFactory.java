package com.hzpy.test.functions;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * IdentifiedDataSerializable factory 2001: IFunction implementations for the
 * AtomicLong / AtomicReference alter and apply tests, and a Ringbuffer read filter.
 */
public class FunctionsFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 2001;
    public static final int MULTIPLY = 1;
    public static final int APPEND = 2;
    public static final int DESCRIBE = 3;
    public static final int FAILING = 4;
    public static final int STARTS_WITH = 5;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case MULTIPLY:
                return new MultiplyFunction();
            case APPEND:
                return new AppendFunction();
            case DESCRIBE:
                return new DescribeFunction();
            case FAILING:
                return new FailingFunction();
            case STARTS_WITH:
                return new StartsWithFilter();
            default:
                return null;
        }
    }
}
