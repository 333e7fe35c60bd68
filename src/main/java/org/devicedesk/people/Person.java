package org.devicedesk.people;

import java.time.Instant;
import java.time.LocalDate;

/** A person (SPEC section 1), with their latest declaration date for the list. */
public record Person(long id, String fullName, String email, String staffNumber, Category category, String team,
                     Long lineManagerId, String lineManagerName, boolean active, LocalDate leftOn,
                     LocalDate lastDeclaredOn, Instant createdAt, long version) {

    public PersonDraft draft() {
        return new PersonDraft(fullName, email, staffNumber, category, team, lineManagerId);
    }
}
