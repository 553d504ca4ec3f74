package com.hzpy.test.map;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * IdentifiedDataSerializable factory 5 of the Map tests (the factory id the user manual's
 * entry processor sample uses). Register with
 * {@code Cluster(data_serializable_factories={5: "com.hzpy.test.map.IdentifiedFactory"})}.
 */
public class IdentifiedFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 5;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        switch (typeId) {
            case IdentifiedEntryProcessor.CLASS_ID:
                return new IdentifiedEntryProcessor();
            case AppendEntryProcessor.CLASS_ID:
                return new AppendEntryProcessor();
            case DescendingValueComparator.CLASS_ID:
                return new DescendingValueComparator();
            case UpperCaseInterceptor.CLASS_ID:
                return new UpperCaseInterceptor();
            default:
                return null;
        }
    }
}
