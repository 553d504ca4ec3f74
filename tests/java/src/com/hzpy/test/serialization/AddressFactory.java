package com.hzpy.test.serialization;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** IdentifiedDataSerializable factory 1: class 1 = {@link Address}. */
public class AddressFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 1;
    public static final int ADDRESS_CLASS_ID = 1;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        if (typeId == ADDRESS_CLASS_ID) {
            return new Address();
        }
        return null;
    }
}
