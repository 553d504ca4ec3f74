package com.hzpy.test.map;

import java.util.Map;

/**
 * The entry processor of the user manual (section 7.6.1): stores its string in the entry
 * and returns it. Factory 5, class 1, one UTF field.
 */
public class IdentifiedEntryProcessor extends StringArgumentProcessor {
    static final int CLASS_ID = 1;

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        entry.setValue(argument);
        return argument;
    }

    @Override
    public int getId() {
        return CLASS_ID;
    }
}
