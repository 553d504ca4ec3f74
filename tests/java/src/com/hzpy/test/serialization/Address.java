package com.hzpy.test.serialization;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/** Java twin of the manual's Address sample (IdentifiedDataSerializable, factory 1, class 1). */
public class Address implements IdentifiedDataSerializable {
    private String street;
    private int zipCode;
    private String city;
    private String state;

    public Address() {
    }

    public Address(String street, int zipCode, String city, String state) {
        this.street = street;
        this.zipCode = zipCode;
        this.city = city;
        this.state = state;
    }

    @Override
    public int getFactoryId() {
        return AddressFactory.FACTORY_ID;
    }

    @Override
    public int getId() {
        return AddressFactory.ADDRESS_CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeUTF(street);
        out.writeInt(zipCode);
        out.writeUTF(city);
        out.writeUTF(state);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        street = in.readUTF();
        zipCode = in.readInt();
        city = in.readUTF();
        state = in.readUTF();
    }

    @Override
    public String toString() {
        return "Address{street=" + street + ", zipCode=" + zipCode + ", city=" + city
                + ", state=" + state + "}";
    }
}
