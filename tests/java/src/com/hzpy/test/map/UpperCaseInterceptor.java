package com.hzpy.test.map;

import com.hazelcast.map.MapInterceptor;

/**
 * A map interceptor that makes every string read through get() upper case (what is
 * stored does not change). Factory 5, class 4, no fields.
 */
public class UpperCaseInterceptor extends FieldlessIdentified implements MapInterceptor {
    static final int CLASS_ID = 4;

    @Override
    public Object interceptGet(Object value) {
        return value instanceof String ? ((String) value).toUpperCase() : null;
    }

    @Override
    public void afterGet(Object value) {
    }

    @Override
    public Object interceptPut(Object oldValue, Object newValue) {
        return null;
    }

    @Override
    public void afterPut(Object value) {
    }

    @Override
    public Object interceptRemove(Object removedValue) {
        return null;
    }

    @Override
    public void afterRemove(Object value) {
    }

    @Override
    public int hashCode() {
        return CLASS_ID;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpperCaseInterceptor;
    }

    @Override
    public int getId() {
        return CLASS_ID;
    }
}
