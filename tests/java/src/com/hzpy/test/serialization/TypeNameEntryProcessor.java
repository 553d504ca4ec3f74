package com.hzpy.test.serialization;

import com.hazelcast.map.EntryBackupProcessor;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Returns {@code "<java class name>|<toString()>"} of the stored value (arrays are
 * printed element by element), or {@code "null"}; the entry is not modified.
 * IdentifiedDataSerializable, factory {@link SerializationTestFactory#FACTORY_ID} (1966),
 * class 1, no fields. Lets integration tests see which Java type a Python value became.
 */
public class TypeNameEntryProcessor implements EntryProcessor<Object, Object>, IdentifiedDataSerializable {

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        Object value = entry.getValue();
        if (value == null) {
            return "null";
        }
        return value.getClass().getName() + "|" + describe(value);
    }

    static String describe(Object value) {
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<String>();
            for (int i = 0; i < Array.getLength(value); i++) {
                Object item = Array.get(value, i);
                items.add(item == null ? "null" : describe(item));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }

    @Override
    public EntryBackupProcessor<Object, Object> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return SerializationTestFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return SerializationTestFactory.TYPE_NAME_PROCESSOR_CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
