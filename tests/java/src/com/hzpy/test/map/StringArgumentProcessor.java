package com.hzpy.test.map;

import com.hazelcast.map.AbstractEntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** Base of the factory-5 entry processors that carry one string (serialized as one UTF field). */
abstract class StringArgumentProcessor extends AbstractEntryProcessor<Object, Object>
        implements IdentifiedDataSerializable {

    protected String argument;

    @Override
    public int getFactoryId() {
        return IdentifiedFactory.FACTORY_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeUTF(argument);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        argument = in.readUTF();
    }
}
