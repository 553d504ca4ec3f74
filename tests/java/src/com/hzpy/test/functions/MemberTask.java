package com.hzpy.test.functions;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

/** Base of the tasks that use the member running them (one UTF field). */
public abstract class MemberTask extends StringArgument implements HazelcastInstanceAware {
    protected transient HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        instance = hazelcastInstance;
    }

    @Override
    public int getFactoryId() {
        return ExecutorTasksFactory.FACTORY_ID;
    }
}
