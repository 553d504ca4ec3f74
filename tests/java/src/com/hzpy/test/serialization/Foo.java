package com.hzpy.test.serialization;

import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableReader;
import com.hazelcast.nio.serialization.PortableWriter;

import java.io.IOException;

/** Java twin of the manual's Foo sample (Portable, factory 1, class 1, one UTF field "foo"). */
public class Foo implements Portable {
    private String foo;

    public Foo() {
    }

    public Foo(String foo) {
        this.foo = foo;
    }

    @Override
    public int getFactoryId() {
        return FooFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return FooFactory.FOO_CLASS_ID;
    }

    @Override
    public void writePortable(PortableWriter writer) throws IOException {
        writer.writeUTF("foo", foo);
    }

    @Override
    public void readPortable(PortableReader reader) throws IOException {
        foo = reader.readUTF("foo");
    }

    @Override
    public String toString() {
        return "Foo{foo=" + foo + "}";
    }
}
