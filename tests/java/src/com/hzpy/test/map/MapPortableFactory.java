package com.hzpy.test.map;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableFactory;

/**
 * Portable factory 6 of the Map tests. Register with
 * {@code Cluster(portable_factories={6: "com.hzpy.test.map.MapPortableFactory"})}.
 */
public class MapPortableFactory implements PortableFactory {
    public static final int FACTORY_ID = 6;

    @Override
    public Portable create(int classId) {
        return classId == UpperCaseEntryProcessor.CLASS_ID ? new UpperCaseEntryProcessor() : null;
    }
}
