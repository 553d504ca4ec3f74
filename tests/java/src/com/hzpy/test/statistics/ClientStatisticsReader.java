package com.hzpy.test.statistics;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryBackupProcessor;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * An entry processor that changes nothing and returns what this member holds as the client
 * statistics of the client with the given uuid (the text the client sent with
 * Client.statistics), or null. Factory 2010, class 1, one UTF field: the client uuid.
 *
 * The member's ClientEngine is reached by reflection (HazelcastInstanceImpl.node
 * .getClientEngine().getClientStatistics()) so that the class compiles against every 3.x jar;
 * on members older than 3.9, which keep no client statistics, it returns null.
 */
public class ClientStatisticsReader
        implements EntryProcessor<Object, Object>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int CLASS_ID = 1;

    private String clientUuid;
    private transient HazelcastInstance instance;

    public ClientStatisticsReader() {
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public Object process(Map.Entry<Object, Object> entry) {
        try {
            Object original = instance;
            try {
                original = original.getClass().getMethod("getOriginal").invoke(original);
            } catch (NoSuchMethodException notAProxy) {
                // already the HazelcastInstanceImpl
            }
            Object node = original.getClass().getField("node").get(original);
            Object clientEngine = node.getClass().getMethod("getClientEngine").invoke(node);
            Method getStatistics;
            try {
                getStatistics = clientEngine.getClass().getMethod("getClientStatistics");
            } catch (NoSuchMethodException before39) {
                return null;
            }
            Map<?, ?> statistics = (Map<?, ?>) getStatistics.invoke(clientEngine);
            Object stats = statistics == null ? null : statistics.get(clientUuid);
            return stats == null ? null : stats.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the client statistics: " + e, e);
        }
    }

    @Override
    public EntryBackupProcessor<Object, Object> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return StatisticsFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeUTF(clientUuid);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        clientUuid = in.readUTF();
    }
}
