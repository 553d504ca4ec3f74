package com.hzpy.test.map;

import java.util.Comparator;
import java.util.Map;

/**
 * Orders map entries by value, largest first (values must be Comparable), for paging
 * predicates. Factory 5, class 3, no fields.
 */
public class DescendingValueComparator extends FieldlessIdentified implements Comparator<Map.Entry> {
    static final int CLASS_ID = 3;

    @Override
    @SuppressWarnings("unchecked")
    public int compare(Map.Entry first, Map.Entry second) {
        return ((Comparable<Object>) second.getValue()).compareTo(first.getValue());
    }

    @Override
    public int getId() {
        return CLASS_ID;
    }
}
