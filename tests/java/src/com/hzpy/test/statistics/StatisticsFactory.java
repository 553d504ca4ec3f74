package com.hzpy.test.statistics;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * IdentifiedDataSerializable factory 2010 of the client statistics tests. Register with
 * {@code Cluster(data_serializable_factories={2010: "com.hzpy.test.statistics.StatisticsFactory"})}.
 */
public class StatisticsFactory implements DataSerializableFactory {
    public static final int FACTORY_ID = 2010;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return typeId == ClientStatisticsReader.CLASS_ID ? new ClientStatisticsReader() : null;
    }
}
