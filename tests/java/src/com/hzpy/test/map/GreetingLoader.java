package com.hzpy.test.map;

import com.hazelcast.core.MapLoader;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A MapLoader with three keys "a", "b", "c": loads "hello-" + key for any key except those
 * starting with "missing". For load_all and the LOADED entry event.
 */
public class GreetingLoader implements MapLoader<String, String> {

    @Override
    public String load(String key) {
        return key.startsWith("missing") ? null : "hello-" + key;
    }

    @Override
    public Map<String, String> loadAll(Collection<String> keys) {
        Map<String, String> loaded = new HashMap<String, String>();
        for (String key : keys) {
            String value = load(key);
            if (value != null) {
                loaded.put(key, value);
            }
        }
        return loaded;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return Arrays.asList("a", "b", "c");
    }
}
