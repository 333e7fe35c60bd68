package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B: at least 12 characters, not the username or the person's name, not a common or breached password. */
class PasswordRulesTest {
    private static String problem(String username, String name, String password) {
        Problems p = new Problems();
        PasswordRules.check(p, username, name, password, "password");
        try {
            p.throwIfAny();
            return null;
        } catch (Refused r) {
            return r.messageFor("password");
        }
    }

    @Test
    void theShippedListHoldsTensOfThousandsOfPasswords() {
        assertTrue(PasswordRules.listSize() >= 29_000, "zxcvbn's passwords.txt: " + PasswordRules.listSize());
    }

    @Test
    void commonPasswordsAndTheirDigitSuffixedFormsAreRefused() {
        for (String common : new String[] {"password1234", "Password1234", "qwerty123456", "!!football2026", "iloveyou1234", "monkeymonkey",
                "111111111111", "passwordpassword", "abc123abc123"}) {
            String m = problem("sam", "Sam Smith", common);
            assertTrue(m != null && m.contains("list of common passwords"), common + ": " + m);
        }
    }

    @Test
    void theUsernameOrThePersonsNameIsRefused() {
        assertEquals("The password must not be the username, or contain it.", problem("samantha.jones", null, "Samantha.Jones"));
        assertEquals("The password must not be the username, or contain it.", problem("sjones", null, "sjones-is-my-name"));
        assertTrue(problem("sj", "Samantha Jones", "samanthajones99").startsWith("The password must not be your name"));
        assertTrue(problem("sj", "Bartholomew Quince", "quince-tree-house").startsWith("The password must not be your name"));
    }

    @Test
    void longUnrelatedPhrasesPassWithoutCompositionRules() {
        assertNull(problem("sam", "Sam Smith", "correct-horse-battery"));
        assertNull(problem("sam", "Sam Smith", "violet kettle marathon"));
        assertEquals("The password must be at least 12 characters long.", problem("sam", null, "Tr0ub4dor&3"));
    }

    @Test
    void theServiceAppliesTheRulesToNewAccountsResetsAndTheFirstAdministrator() {
        try (TestDb t = TestDb.create()) {
            Refused first = assertThrows(Refused.class, () -> t.services.accounts.createFirstAdministrator("Ada Admin", "ada", "password1234", "password1234"));
            assertTrue(first.messageFor("password").contains("list of common passwords"));
            Session admin = t.services.accounts.createFirstAdministrator("Ada Admin", "ada", "violet kettle marathon", "violet kettle marathon");
            long pat = t.person("Patricia Okonkwo", false);
            Refused named = assertThrows(Refused.class, () -> t.services.accounts.create(admin, "pat", "okonkwo-2026-ok", pat, EnumSet.of(Role.STAFF)));
            assertTrue(named.messageFor("password").startsWith("The password must not be your name"), named.messageFor("password"));
            long id = t.services.accounts.create(admin, "pat", "amber lantern orchard", pat, EnumSet.of(Role.STAFF));
            Refused reset = assertThrows(Refused.class, () -> t.services.accounts.resetPassword(admin, id, "letmein12345"));
            assertTrue(reset.messageFor("password").contains("list of common passwords"));
        }
    }
}
