package com.hzpy.test.map;

import java.util.Map;

/**
 * Appends its string to a string value and returns the new value; an absent entry stays
 * absent and the result is null. Factory 5, class 2, one UTF field (the suffix).
 */
public class AppendEntryProcessor extends StringArgumentProcessor {
    static final int CLASS_ID = 2;

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        Object current = entry.getValue();
        if (current == null) {
            return null;
        }
        String updated = current + argument;
        entry.setValue(updated);
        return updated;
    }

    @Override
    public int getId() {
        return CLASS_ID;
    }
}
