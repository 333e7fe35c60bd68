package org.devicedesk.people;

/** What a form or an import supplies to create or edit a person. */
public record PersonDraft(String fullName, String email, String staffNumber, Category category, String team, Long lineManagerId) {}
