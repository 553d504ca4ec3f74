package com.hzpy.test.map;

import com.hazelcast.map.AbstractEntryProcessor;
import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.PortableReader;
import com.hazelcast.nio.serialization.PortableWriter;

import java.io.IOException;
import java.util.Map;

/**
 * A Portable entry processor: upper-cases a string value, appends its "suffix" field, and
 * returns the value it replaced. Portable factory 6, class 1.
 */
public class UpperCaseEntryProcessor extends AbstractEntryProcessor<Object, Object> implements Portable {
    static final int CLASS_ID = 1;

    private String suffix;

    public UpperCaseEntryProcessor() {
    }

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        Object current = entry.getValue();
        if (current instanceof String) {
            entry.setValue(((String) current).toUpperCase() + suffix);
        }
        return current;
    }

    @Override
    public int getFactoryId() {
        return MapPortableFactory.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writePortable(PortableWriter writer) throws IOException {
        writer.writeUTF("suffix", suffix);
    }

    @Override
    public void readPortable(PortableReader reader) throws IOException {
        suffix = reader.readUTF("suffix");
    }
}
