package com.hzpy.test.functions;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** Base of the test functions and tasks whose one field is a UTF string. */
public abstract class StringArgument implements IdentifiedDataSerializable {
    protected String argument;

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeUTF(argument);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        argument = in.readUTF();
    }
}
