package com.hzpy.test.serialization;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** IdentifiedDataSerializable factory 1966 of the serialization tests' helpers. */
public class SerializationTestFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 1966;
    public static final int TYPE_NAME_PROCESSOR_CLASS_ID = 1;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        if (typeId == TYPE_NAME_PROCESSOR_CLASS_ID) {
            return new TypeNameEntryProcessor();
        }
        return null;
    }
}
