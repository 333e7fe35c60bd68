package org.devicedesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.junit.jupiter.api.Test;

/** The three-way merge behind every form's Reload (issue 13). */
class ReloadMergeTest {
    final PersonDraft loaded = new PersonDraft("Pat Person", null, "OP1", Category.EMPLOYEE, "Policy", null);

    @Test
    void keepsWhatThePersonChangedTakesWhatTheOtherChangedAndNamesWhereBothDid() {
        PersonDraft mine = new PersonDraft("Pat Person", "pat@opcc.example", "OP1", Category.EMPLOYEE, "Estates", null);
        PersonDraft theirs = new PersonDraft("Patricia Person", null, "OP1", Category.EMPLOYEE, "Finance", null);
        var merged = Reload.merge(loaded, mine, theirs, "full name", "email", "staff number", "category", "team", "line manager");
        assertEquals(new PersonDraft("Patricia Person", "pat@opcc.example", "OP1", Category.EMPLOYEE, "Finance", null), merged.draft());
        assertEquals(List.of("email"), merged.kept());
        assertEquals(List.of("team"), merged.clashed());
        assertEquals("Reloaded Pat's record as it is now saved. Your changes to email are kept. You both changed team: the saved value"
                + " is shown; put yours back if it should win. Check the form and save again.", merged.explain("Pat's record"));
    }

    @Test
    void anEmptyFieldAndAMissingValueAreTheSameAndTheSameChangeIsNoClash() {
        PersonDraft mine = new PersonDraft("Pat Person ", "", "OP1", Category.EMPLOYEE, "Estates", null);
        PersonDraft theirs = new PersonDraft("Pat Person", null, "OP1", Category.EMPLOYEE, "Estates", null);
        var merged = Reload.merge(loaded, mine, theirs);
        assertEquals(theirs, merged.draft());
        assertEquals(List.of(), merged.kept());
        assertEquals(List.of(), merged.clashed());
    }
}
