package com.clockface.store;

import java.time.Instant;

/**
 * One row of {@code person}. Build a new one with {@link #newPerson}; ids and times are set by
 * {@link PersonRepository#create}.
 *
 * @param name       null once the person is erased
 * @param collection the site or group the person belongs to
 * @param pinHash    the PIN's hash (never the PIN), or null
 * @param consentText the consent text the person agreed to, with when and which admin recorded it
 */
public record Person(long id, String employeeNo, String name, String collection, PersonStatus status,
                     String pinHash, String consentText, Instant consentAt, String consentBy,
                     Instant createdAt, Instant updatedAt) {

    public static final String DEFAULT_COLLECTION = "default";

    public static Person newPerson(String employeeNo, String name, String collection) {
        return new Person(0, employeeNo, name, collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection,
                PersonStatus.ACTIVE, null, null, null, null, null, null);
    }

    public Person withName(String n) {
        return new Person(id, employeeNo, n, collection, status, pinHash, consentText, consentAt, consentBy, createdAt, updatedAt);
    }

    public Person withEmployeeNo(String e) {
        return new Person(id, e, name, collection, status, pinHash, consentText, consentAt, consentBy, createdAt, updatedAt);
    }

    public Person withCollection(String c) {
        return new Person(id, employeeNo, name, c, status, pinHash, consentText, consentAt, consentBy, createdAt, updatedAt);
    }

    public Person withStatus(PersonStatus s) {
        return new Person(id, employeeNo, name, collection, s, pinHash, consentText, consentAt, consentBy, createdAt, updatedAt);
    }

    public Person withPinHash(String h) {
        return new Person(id, employeeNo, name, collection, status, h, consentText, consentAt, consentBy, createdAt, updatedAt);
    }

    public Person withConsent(String text, Instant at, String by) {
        return new Person(id, employeeNo, name, collection, status, pinHash, text, at, by, createdAt, updatedAt);
    }

    public boolean active() { return status == PersonStatus.ACTIVE; }

    @Override
    public String toString() { // no PIN hash in logs
        return "Person[id=" + id + ", employeeNo=" + employeeNo + ", collection=" + collection + ", status=" + status + "]";
    }
}
