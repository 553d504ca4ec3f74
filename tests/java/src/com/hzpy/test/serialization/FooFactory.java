package com.hzpy.test.serialization;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableFactory;

/** Portable factory 1: class 1 = {@link Foo}. */
public class FooFactory implements PortableFactory {
    public static final int FACTORY_ID = 1;
    public static final int FOO_CLASS_ID = 1;

    @Override
    public Portable create(int classId) {
        if (classId == FOO_CLASS_ID) {
            return new Foo();
        }
        return null;
    }
}
