package com.hzpy.test.functions;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * IdentifiedDataSerializable factory 2002: Callable tasks for the executor service tests
 * (class 3 is unused: FailingFunction of factory 2001 is also a failing task).
 */
public class ExecutorTasksFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 2002;
    public static final int ECHO = 1;
    public static final int INCREMENT = 2;
    public static final int SLEEP = 4;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case ECHO:
                return new EchoTask();
            case INCREMENT:
                return new IncrementTask();
            case SLEEP:
                return new SleepTask();
            default:
                return null;
        }
    }
}
