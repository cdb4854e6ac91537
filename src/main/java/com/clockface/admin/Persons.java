package com.clockface.admin;

import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PersonStatus;

/** Small person look-ups shared by the admin services and commands. */
public final class Persons {
    private Persons() { }

    /** The person with that employee number; a clear error otherwise. */
    public static Person require(PersonRepository repo, String employeeNo) {
        if (employeeNo == null || employeeNo.isBlank()) throw new IllegalArgumentException("Give an employee number.");
        return repo.findByEmployeeNo(employeeNo.trim()).orElseThrow(() -> new IllegalArgumentException(
                "There is no person with employee number " + employeeNo.trim() + "."));
    }

    /** How a person is shown in timesheets and the review queue; erased persons have no name. */
    public static String displayName(Person p) {
        if (p == null) return "(unknown)";
        if (p.status() == PersonStatus.ERASED || p.name() == null) return "(erased)";
        return p.name();
    }
}
